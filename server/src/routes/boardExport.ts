import type { FastifyPluginAsync } from 'fastify';
import * as Y from 'yjs';
import {
  asciiFileBase,
  cardLinksOf,
  docIdSchema,
  exportFileBase,
  isCardKind,
  parseCardRef,
  readBoardRecords,
} from '@boussole/shared';
import type { DocumentAccessResolver } from '../access/DocumentAccess.js';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import { boardCsv } from '../export/boardCsv.js';
import { boardTable, type BoardRow, type LinkedCardLabels } from '../export/boardTable.js';
import { WorkspaceCards } from '../links/WorkspaceCards.js';
import { boardXlsx } from '../export/boardXlsx.js';
import { problem } from './requestGuards.js';

export const boardExportFormats = ['csv', 'xlsx'] as const;
export type BoardExportFormat = (typeof boardExportFormats)[number];

const mimeTypes: Record<BoardExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function isExportFormat(value: unknown): value is BoardExportFormat {
  return (boardExportFormats as readonly unknown[]).includes(value);
}

/**
 * The download's name from the board's title: accents kept in the RFC 5987 form that browsers
 * use, an ASCII fallback for the others; path, quote and control characters dropped.
 */
export function exportContentDisposition(title: string, extension: string): string {
  const base = exportFileBase(title);
  const ascii = asciiFileBase(base);
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 wants them encoded too.
  const encoded = encodeURIComponent(`${base}.${extension}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`;
}

/**
 * The cards everyone sees (committed state), as rows; links to cards of the workspace's other
 * boards are named by reading those boards (bounded by WorkspaceCards), so that the
 * spreadsheet says which hypothesis a préconisation answers wherever it is.
 */
async function rowsOf(
  committedState: Uint8Array,
  workspaceId: string | null,
  cards: WorkspaceCards,
): Promise<BoardRow[]> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, committedState);
    const records = readBoardRecords(doc);
    const refs = new Set<string>();
    for (const record of Object.values(records)) {
      const kind = typeof record.type === 'string' ? record.type : '';
      if (record.typeName !== 'shape' || !isCardKind(kind)) continue;
      const props = (record.props ?? {}) as Record<string, unknown>;
      for (const ref of cardLinksOf(kind, props)) {
        if (parseCardRef(ref)?.boardId) refs.add(ref);
      }
    }
    const elsewhere = new Map<string, { label: string; boardTitle: string }>();
    if (workspaceId && refs.size > 0) {
      for (const link of await cards.resolve(workspaceId, [...refs])) {
        if (link.status === 'ok') {
          elsewhere.set(link.ref, { label: link.label, boardTitle: link.boardTitle });
        }
      }
    }
    return boardTable(records, elsewhere satisfies LinkedCardLabels);
  } finally {
    doc.destroy();
  }
}

export interface BoardExportRoutesDeps {
  documents: DocumentCatalog;
  access: DocumentAccessResolver;
  /** The board's committed state, live room included (RoomRegistry.committedState). */
  committedState(docId: string): Promise<Uint8Array>;
}

/**
 * GET /api/boards/:boardId/export?format=csv|xlsx — a board's cards as a spreadsheet, for
 * anyone who may read the board. Nothing of the content is logged.
 */
export const boardExportRoutes: FastifyPluginAsync<BoardExportRoutesDeps> = async (
  app,
  { documents, access, committedState },
) => {
  const cards = new WorkspaceCards({ documents, committedState });
  app.get<{ Params: { boardId: string }; Querystring: { format?: string } }>(
    '/api/boards/:boardId/export',
    async (request, reply) => {
      const id = docIdSchema.safeParse(request.params.boardId);
      const record = id.success ? await documents.get(id.data) : undefined;
      if (!record || record.kind !== 'board') {
        return reply.code(404).send(problem('board-not-found', 'Ce tableau n’existe pas.'));
      }
      const principal = await access.principalFromHeaders(request.headers);
      const result = await access.documentAccess(principal, record.id);
      if (!result.ok) return reply.code(result.status).send(problem(result.error, result.message));

      const format = request.query.format;
      if (!isExportFormat(format)) {
        return reply
          .code(400)
          .send(problem('invalid-format', `Format attendu : ${boardExportFormats.join(' ou ')}.`));
      }
      const rows = await rowsOf(await committedState(record.id), record.workspaceId, cards);
      const bytes = format === 'csv' ? boardCsv(rows) : await boardXlsx(rows, record.title);
      request.log.info({ boardId: record.id, format, cards: rows.length }, 'board exported');
      return reply
        .header('x-content-type-options', 'nosniff')
        .header('content-type', mimeTypes[format])
        .header('content-disposition', exportContentDisposition(record.title, format))
        .header('cache-control', 'no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
};
