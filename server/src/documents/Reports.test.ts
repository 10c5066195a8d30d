import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fragmentToJson,
  reportDocLayout,
  writeJsonToFragment,
  type PmNode,
} from '@boussole/shared';
import { workspaceFields } from '../../../shared/testing/fixtures.js';
import { AuditLog } from '../access/auditLog.js';
import { Workspaces } from '../access/workspaces.js';
import { SqliteDocStore } from '../storage/sqliteStore.js';
import { DocumentCatalog, type DocumentRecord } from './DocumentCatalog.js';
import { DocumentVersions } from './DocumentVersions.js';
import { Reports } from './Reports.js';

/** Rooms reduced to what Reports asks of them: the stored state, and a change appended to it. */
function storedRooms(store: SqliteDocStore) {
  const docOf = async (docId: string) => {
    const doc = new Y.Doc();
    for (const update of (await store.load(docId)).updates) Y.applyUpdate(doc, update);
    return doc;
  };
  return {
    async committedState(docId: string) {
      const doc = await docOf(docId);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return state;
    },
    async changeDocument(docId: string, change: (doc: Y.Doc) => void) {
      const doc = await docOf(docId);
      const before = Y.encodeStateVector(doc);
      change(doc);
      await store.append(docId, [Y.encodeStateAsUpdate(doc, before)]);
      doc.destroy();
    },
  };
}

describe('Reports', () => {
  let store: SqliteDocStore;
  let audit: AuditLog;
  let reports: Reports;
  let rooms: ReturnType<typeof storedRooms>;
  let documents: DocumentCatalog;
  let workspaceId: string;
  const actor = { id: 'someone', name: 'Agathe' };

  beforeEach(async () => {
    store = new SqliteDocStore({ file: ':memory:', synchronous: 'normal' });
    await store.migrate();
    audit = new AuditLog();
    documents = new DocumentCatalog(store.sql);
    rooms = storedRooms(store);
    const workspaces = new Workspaces(store.sql);
    reports = new Reports({
      store,
      documents,
      workspaces,
      versions: new DocumentVersions(store.sql),
      audit,
      rooms,
    });
    workspaceId = (await workspaces.create(workspaceFields('ABS de Rochebrune'))).id;
  });

  afterEach(() => store.close());

  const text = async (docId: string): Promise<PmNode> => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await rooms.committedState(docId));
    const json = fragmentToJson(doc.getXmlFragment(reportDocLayout.fragment));
    doc.destroy();
    return json;
  };
  // Sorted: entries written within one millisecond have no order between them.
  const actions = async () =>
    (await audit.list(store.sql, workspaceId)).map((e) => e.action).sort();

  async function created(): Promise<DocumentRecord> {
    const report = await reports.create(actor, workspaceId);
    if (report === 'workspace-not-found') throw new Error('no workspace');
    const record = await documents.get(report.id);
    if (!record) throw new Error('no record');
    return record;
  }

  it('creates the report once, with its comments and the template as its first update', async () => {
    const first = await reports.create(actor, workspaceId);
    const again = await reports.create(actor, workspaceId);
    if (first === 'workspace-not-found' || again === 'workspace-not-found') throw new Error();
    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false });
    expect((await documents.list(workspaceId, 'report-comments')).length).toBe(1);
    expect(JSON.stringify(await text(first.id))).toContain('Rochebrune');
    expect(await actions()).toEqual(['report.created']);
    expect(await reports.create(actor, 'no-such-workspace')).toBe('workspace-not-found');
  });

  it('restores a version as a new change, audited, and exports what a version froze', async () => {
    const record = await created();
    const template = await text(record.id);
    const version = await reports.saveVersion(record, actor, 'Avant la réunion');
    await rooms.changeDocument(record.id, (doc) =>
      writeJsonToFragment(
        {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Autre' }] }],
        },
        doc.getXmlFragment(reportDocLayout.fragment),
      ),
    );
    expect(await text(record.id)).not.toEqual(template);
    expect((await reports.readVersion(record, version.id))?.content).toEqual(template);

    const exported = await reports.exportFile(record, 'md', version.id);
    if (exported === 'version-not-found') throw new Error('no version');
    expect(exported.title).toBe(`${record.title} — Avant la réunion`);
    expect(await reports.exportFile(record, 'md', 'no-such-version')).toBe('version-not-found');

    expect(await reports.restoreVersion(record, actor, 'no-such-version')).toBe(false);
    expect(await reports.restoreVersion(record, actor, version.id)).toBe(true);
    expect(await text(record.id)).toEqual(template);
    expect((await reports.listVersions(record)).map((v) => v.name)).toEqual(['Avant la réunion']);
    expect(await actions()).toEqual([
      'report.created',
      'report.version-restored',
      'report.version-saved',
    ]);
  });
});
