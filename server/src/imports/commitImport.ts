import {
  boardRecordsMap,
  indicatorImportFields,
  observationImportFields,
  requiredImportField,
  type ImportCardKind,
  type ImportCommitRequest,
  type ImportCommitResult,
  type importCommitRequestSchema,
} from '@boussole/shared';
import * as Y from 'yjs';
import type { z } from 'zod';
import type { ContentValidator } from '../collab/ContentValidator.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import type { Actor, AuditLog } from '../access/auditLog.js';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import {
  BoardSchemaOutdated,
  BoardWriteRefused,
  buildCheckedBoardUpdates,
  groupDrafts,
  planBoardWrite,
  type BoardWrite,
} from './boardWrite.js';
import { yieldToEventLoop } from './eventLoop.js';
import { importProblems } from './importProblems.js';
import type { OpenImport } from './ImportSessions.js';
import type { ParsedTable } from './parse/index.js';
import { rowsToCards } from './rowsToCards.js';

/**
 * Committing a reviewed import: the request checked against the file and the workspace, the
 * rows turned into cards with the person's decisions applied, and the cards written into the
 * board as one update through the board's own content rules — all of them or none.
 */

export type CommitRequest = z.output<typeof importCommitRequestSchema>;
export type { ImportCommitRequest };

export interface CommitDeps {
  documents: Pick<DocumentCatalog, 'get'>;
  rooms: Pick<RoomRegistry, 'submitServerUpdate' | 'committedState' | 'changeDocument'>;
  boardValidator: ContentValidator;
  audit: AuditLog;
  sql: SqlExecutor;
}

export interface CommitContext {
  session: OpenImport & { table: ParsedTable };
  request: CommitRequest;
  workspace: { publics: readonly string[]; communes: readonly string[] };
  actor: Actor;
  /** Called as soon as the cards are on the board. */
  onWritten: () => void;
}

const fieldsOf: Record<ImportCardKind, readonly string[]> = {
  observation: observationImportFields,
  indicator: indicatorImportFields,
};
const kindNames: Record<ImportCardKind, string> = {
  observation: 'une observation',
  indicator: 'un indicateur',
};

/** A field name from the request, short enough to quote. */
const quoted = (name: string) => `« ${name.length > 40 ? `${name.slice(0, 39)}…` : name} »`;

/** Each mapped field is one of the kind's, on a column the file has; the required one is there. */
export function checkMapping(request: CommitRequest, columnCount: number): void {
  const allowed = fieldsOf[request.kind];
  const columnProblem = (what: string, column: number) =>
    importProblems.invalidMapping(
      `${what} : la colonne n° ${column + 1} n’existe pas dans le fichier, qui en a ${columnCount}.`,
    );
  for (const [field, column] of Object.entries(request.mapping)) {
    if (!allowed.includes(field)) {
      throw importProblems.invalidMapping(
        `Le champ ${quoted(field)} n’existe pas pour ${kindNames[request.kind]} (champs : ${allowed.join(', ')}).`,
      );
    }
    if (column >= columnCount) throw columnProblem(`Champ ${quoted(field)}`, column);
  }
  for (const field of Object.keys(request.constants)) {
    if (!allowed.includes(field)) {
      throw importProblems.invalidMapping(
        `Valeur fixe pour le champ ${quoted(field)}, qui n’existe pas pour ${kindNames[request.kind]}.`,
      );
    }
  }
  const required = requiredImportField[request.kind];
  if (request.mapping[required] === undefined) {
    throw importProblems.invalidMapping(
      `Choisissez la colonne du champ ${quoted(required)} : il est obligatoire.`,
    );
  }
  if (request.groupBy !== null && request.groupBy >= columnCount) {
    throw columnProblem('Regroupement', request.groupBy);
  }
}

export async function commitImport(
  deps: CommitDeps,
  { session, request, workspace, actor, onWritten }: CommitContext,
): Promise<ImportCommitResult> {
  const board = await deps.documents.get(request.boardId);
  if (!board || board.kind !== 'board' || board.workspaceId !== session.workspaceId) {
    throw importProblems.boardNotInWorkspace();
  }
  checkMapping(request, session.table.header.length);
  // Counted in rows: the first half while rows become cards, the second while the cards are
  // checked against the board's rules; all of them once the cards are on the board.
  const rows = session.table.rows.length;
  const half = Math.floor(rows / 2);
  const progress = (done: number) => {
    session.progress = { done: Math.min(done, rows), total: rows };
  };

  const converted = await rowsToCards({
    table: session.table,
    kind: request.kind,
    findings: session.findings,
    mapping: request.mapping,
    constants: request.constants,
    decisions: request.decisions,
    defaultDecision: request.defaultDecision,
    groupBy: request.groupBy,
    workspace,
    onProgress: (converted) => progress(Math.floor(converted / 2)),
  });
  const grouped = request.groupBy !== null;
  const result: ImportCommitResult = {
    boardId: board.id,
    dryRun: request.dryRun,
    created: converted.cards.length,
    skipped: converted.skippedRows.length,
    skippedRows: converted.skippedRows,
    unmatched: converted.unmatched,
    themes: grouped ? groupDrafts(converted.cards).length : 0,
    firstCardId: null,
  };
  if (request.dryRun || converted.cards.length === 0) return result;

  // Planned, built and checked on the committed board in slices, then submitted as the
  // updates that were checked: the room only applies and judges them. An edit arriving
  // meanwhile may only shift the block's place a little; the room checks it all again, and
  // if it refuses a later update after accepting earlier ones (the board grew too large
  // meanwhile), the cards already written are removed: all of them or none.
  let write: BoardWrite;
  try {
    const state = await deps.rooms.committedState(board.id);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      write = planBoardWrite(doc, converted.cards, grouped);
    } finally {
      doc.destroy();
    }
    const updates = await buildCheckedBoardUpdates(state, write, deps.boardValidator, (checked) =>
      progress(half + Math.floor((checked / write.records.length) * (rows - half))),
    );
    await submitAllOrNothing(deps.rooms, board.id, updates);
    const kind = request.kind;
    result.firstCardId =
      write.records.find((record) => (record as { type?: unknown }).type === kind)?.id ?? null;
    progress(rows);
    onWritten();
  } catch (error) {
    if (error instanceof BoardSchemaOutdated) throw importProblems.boardOutdated();
    if (error instanceof BoardWriteRefused) {
      const [first] = error.refused;
      throw importProblems.refused(
        first ? `(${first.id}${first.path ? ` ${first.path}` : ''})` : undefined,
      );
    }
    // The room refuses a change that would make the document too large, among others.
    if (error instanceof Error && error.message.startsWith('server change refused')) {
      throw importProblems.refused();
    }
    throw error;
  }
  await deps.audit.append(deps.sql, {
    workspaceId: session.workspaceId,
    actor,
    action: 'import.committed',
    details: {
      boardId: board.id,
      kind: request.kind,
      created: result.created,
      skipped: result.skipped,
      themes: write.themes,
      findings: converted.decisions,
    },
  });
  return result;
}

/** Submits `updates` in order; if one is refused, removes what the earlier ones added. */
async function submitAllOrNothing(
  rooms: CommitDeps['rooms'],
  boardId: string,
  updates: readonly { update: Uint8Array; ids: readonly string[] }[],
): Promise<void> {
  const written: string[] = [];
  for (const { update, ids } of updates) {
    try {
      await rooms.submitServerUpdate(boardId, update);
    } catch (error) {
      if (written.length > 0) {
        await rooms.changeDocument(boardId, (doc) => {
          const records = boardRecordsMap(doc);
          for (const id of written) records.delete(id);
        });
      }
      throw error;
    }
    written.push(...ids);
    // Everyone else's frames go through between two parts of a large import.
    await yieldToEventLoop();
  }
}
