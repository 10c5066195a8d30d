import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  boardDocLayout,
  boardMetaMap,
  importCommitRequestSchema,
  readBoardRecords,
} from '@boussole/shared';
import type { ContentValidator } from '../collab/ContentValidator.js';
import { createBoardContentValidator } from '../boards/BoardContentGuard.js';
import type { AuditLog } from '../access/auditLog.js';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import { RECORDS_PER_UPDATE } from './boardWrite.js';
import { commitImport, type CommitDeps } from './commitImport.js';
import { ImportProblem } from './importProblems.js';
import type { OpenImport } from './ImportSessions.js';
import type { ParsedTable } from './parse/index.js';

const table: ParsedTable = {
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  header: ['verbatim', 'thème'],
  rows: [
    { line: 2, cells: ['Le car passe trop tôt.', 'Mobilité'] },
    { line: 3, cells: ['Les loyers montent.', 'Logement'] },
    { line: 4, cells: ['Pas de permanence le samedi.', ''] },
  ],
  unreadable: [],
};

/** A file of `n` rows, each a verbatim of its own. */
function tableOf(n: number): ParsedTable {
  return {
    ...table,
    rows: Array.from({ length: n }, (_, i) => ({
      line: i + 2,
      cells: [`Réponse ${i + 1} au questionnaire.`, ''],
    })),
  };
}

function session(rows = table): OpenImport & { table: ParsedTable } {
  return {
    id: 'imp',
    ownerId: 'u1',
    workspaceId: 'ws1',
    status: 'committing',
    table: rows,
    findings: [],
    progress: { done: 0, total: 3 },
    expiresAt: 0,
  };
}

/** A room on one Y.Doc: a submitted server update is applied to it, as the room would. */
function fakeDeps(boardValidator: ContentValidator, doc = new Y.Doc()) {
  const append = vi.fn(async () => {});
  const submitServerUpdate = vi.fn(async (_id: string, update: Uint8Array) => {
    Y.applyUpdate(doc, update);
  });
  const changeDocument = vi.fn(async (_id: string, change: (doc: Y.Doc) => void) => {
    doc.transact(() => change(doc));
  });
  const deps: CommitDeps = {
    documents: {
      get: async (id: string) =>
        id === 'brd1'
          ? {
              id,
              kind: 'board',
              title: 'Tableau',
              template: 'blank',
              createdAt: '',
              workspaceId: 'ws1',
              step: 'autres',
              archivedAt: null,
              changedAt: null,
            }
          : undefined,
    },
    rooms: {
      committedState: async () => Y.encodeStateAsUpdate(doc),
      submitServerUpdate,
      changeDocument,
    },
    boardValidator,
    audit: { append } as unknown as AuditLog,
    sql: {} as SqlExecutor,
  };
  return { deps, doc, append, submitServerUpdate, changeDocument };
}

const request = (extra: object = {}) =>
  importCommitRequestSchema.parse({
    boardId: 'brd1',
    kind: 'observation',
    mapping: { verbatim: 0 },
    defaultDecision: 'accept',
    ...extra,
  });

const context = (extra: object = {}, rows = table) => ({
  session: session(rows),
  request: request(extra),
  workspace: { publics: [], communes: [] },
  actor: { id: 'u1', name: 'Claire' },
  onWritten: vi.fn(),
});

describe('commitImport', () => {
  it('writes a never-opened board whole: page, schema, themes holding their cards', async () => {
    const { deps, doc, append } = fakeDeps(createBoardContentValidator());
    const ctx = context({ groupBy: 1 });
    const result = await commitImport(deps, ctx);
    expect(result).toMatchObject({ created: 3, skipped: 0, themes: 3 });
    expect(readBoardRecords(doc)[result.firstCardId ?? '']?.type).toBe('observation');
    const records = Object.values(readBoardRecords(doc));
    expect(records.filter((r) => r.typeName === 'page')).toHaveLength(1);
    expect(boardMetaMap(doc).get(boardDocLayout.schemaKey)).toBeDefined();
    const themes = records.filter((r) => r.type === 'theme');
    const cards = records.filter((r) => r.type === 'observation');
    expect(themes.map((t) => (t.props as { label: string }).label).sort()).toEqual([
      'Logement',
      'Mobilité',
      'Sans valeur',
    ]);
    expect(cards.every((c) => themes.some((t) => t.id === c.parentId))).toBe(true);
    expect(ctx.onWritten).toHaveBeenCalledOnce();
    expect(append).toHaveBeenCalledOnce();
    expect(JSON.stringify(append.mock.calls)).not.toContain('Le car passe');
  });

  it('writes nothing when the board’s rules would refuse any of it', async () => {
    const refuseAll: ContentValidator = {
      guard: () => ({
        applyChecked(apply) {
          apply();
          return [{ id: 'shape:x', path: 'props.verbatim', detail: 'refusé' }];
        },
        describeRefusal: () => '',
        destroy() {},
      }),
    };
    const { deps, doc, append, submitServerUpdate } = fakeDeps(refuseAll);
    const ctx = context();
    const refused = await commitImport(deps, ctx).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportProblem);
    expect(refused).toMatchObject({ status: 422, code: 'import-refused' });
    expect(submitServerUpdate).not.toHaveBeenCalled();
    expect(append).not.toHaveBeenCalled();
    expect(ctx.onWritten).not.toHaveBeenCalled();
    expect(readBoardRecords(doc)).toEqual({});
  });

  it('refuses a board saved by another version of Boussole until someone opens it', async () => {
    const doc = new Y.Doc();
    boardMetaMap(doc).set(boardDocLayout.schemaKey, { schemaVersion: 2, sequences: {} });
    const { deps, submitServerUpdate } = fakeDeps(createBoardContentValidator(), doc);
    await expect(commitImport(deps, context())).rejects.toMatchObject({
      status: 422,
      code: 'import-refused',
    });
    expect(submitServerUpdate).not.toHaveBeenCalled();
  });

  it('computes a dry run without touching the board', async () => {
    const { deps, submitServerUpdate, append } = fakeDeps(createBoardContentValidator());
    const result = await commitImport(deps, context({ dryRun: true, groupBy: 1 }));
    expect(result).toMatchObject({ dryRun: true, created: 3, themes: 3, firstCardId: null });
    expect(submitServerUpdate).not.toHaveBeenCalled();
    expect(append).not.toHaveBeenCalled();
  });

  it('writes a small import as one update, a large one in parts of RECORDS_PER_UPDATE', async () => {
    const small = fakeDeps(createBoardContentValidator());
    await commitImport(small.deps, context({}, tableOf(RECORDS_PER_UPDATE - 2)));
    expect(small.submitServerUpdate).toHaveBeenCalledOnce();

    const large = fakeDeps(createBoardContentValidator());
    const result = await commitImport(large.deps, context({}, tableOf(2_500)));
    expect(result.created).toBe(2_500);
    expect(large.submitServerUpdate).toHaveBeenCalledTimes(3);
    const cards = Object.values(readBoardRecords(large.doc)).filter(
      (r) => r.type === 'observation',
    );
    expect(cards).toHaveLength(2_500);
  });

  it('removes the parts already written when the room refuses a later one', async () => {
    const { deps, doc, append, submitServerUpdate } = fakeDeps(createBoardContentValidator());
    let calls = 0;
    submitServerUpdate.mockImplementation(async (_id: string, update: Uint8Array) => {
      calls += 1;
      if (calls === 2) throw new Error('server change refused: document too large');
      Y.applyUpdate(doc, update);
    });
    const ctx = context({}, tableOf(2_500));
    await expect(commitImport(deps, ctx)).rejects.toMatchObject({ code: 'import-refused' });
    expect(calls).toBe(2);
    const left = Object.values(readBoardRecords(doc));
    expect(left).toEqual([]);
    expect(append).not.toHaveBeenCalled();
    expect(ctx.onWritten).not.toHaveBeenCalled();
  });
});
