// Over 300 lines on purpose: both directions of the tldraw ⇄ Yjs binding, and the loop guard
// between them, are only correct read together.
import * as Y from 'yjs';
import {
  isEqual,
  type RecordsDiff,
  type SerializedSchemaV2,
  type TLRecord,
  type TLStore,
} from 'tldraw';
import {
  boardDocLayout,
  boardMetaMap,
  boardRecordsMap,
  createYRecord,
  isSchemaNewer,
  parseStoredSchema,
  readBoardRecords,
  readYRecord,
  writeYRecordChanges,
  type YRecord,
} from '@boussole/shared';
import { repairShapeTree } from './shapeTreeRepair.js';

/** Why a record from the shared document was not put into the store. */
export type RecordRejectionReason =
  'not-a-document-record' | 'schema-too-new' | 'migration-failed' | 'invalid';

export interface RejectedRecord {
  id: string;
  reason: RecordRejectionReason;
  error?: unknown;
  /**
   * The document was still waiting for earlier updates. Updates arriving out of order can
   * leave a record incomplete for a moment (a field's old value deleted, its new value not yet
   * integrated); the record is read again, and accepted, as soon as the missing update lands.
   */
  whileUpdatesPending?: boolean;
}

export interface BindStoreToYDocOptions {
  /**
   * Origin of this binding's own Yjs transactions. Every other origin (the websocket provider,
   * IndexedDB, another binding) is a remote change. Defaults to a new object per binding.
   */
  origin?: object;
  /**
   * Called for each record of the document that the store refused: unknown or non-document
   * type, written by a newer schema, or invalid after merging. The record is skipped; the rest
   * of the board keeps syncing.
   */
  onRejectedRecord?: (rejection: RejectedRecord) => void;
}

export interface BoardBinding {
  /** The origin of this binding's transactions, to tell them apart in `doc.on('update')`. */
  readonly origin: object;
  /** Writes any pending local edit to the document, then stops syncing. */
  dispose(): void;
}

/** The board was written by a newer Boussole than this page; reloading the page fixes it. */
export class BoardSchemaTooNewError extends Error {
  constructor(readonly stored: SerializedSchemaV2) {
    super('this board was saved by a newer version of Boussole');
    this.name = 'BoardSchemaTooNewError';
  }
}

/** The stored records could not be migrated to this version's schema. */
export class BoardMigrationError extends Error {
  constructor(readonly reason: string) {
    super(`the board could not be migrated to this version (${reason})`);
    this.name = 'BoardMigrationError';
  }
}

/**
 * Keeps a tldraw store and a board's Y.Doc in sync, both ways.
 *
 * - Load: if the document holds records, they replace the store's document records (migrated
 *   first when the document's schema is older, and written back migrated); if it is empty, the
 *   store's document records and schema are written into it.
 * - Local edits (source 'user', document scope) go to the document field by field, one Yjs
 *   transaction per store change, with `origin`.
 * - Remote document changes are read back from the document and merged into the store with
 *   `mergeRemoteChanges`, so the store never echoes them.
 *
 * Throws BoardSchemaTooNewError or BoardMigrationError when the stored board cannot be loaded.
 */
export function bindStoreToYDoc(
  store: TLStore,
  doc: Y.Doc,
  options: BindStoreToYDocOptions = {},
): BoardBinding {
  const origin = options.origin ?? { binding: 'tldraw-store' };
  const report = options.onRejectedRecord ?? (() => undefined);
  const reject = (rejection: RejectedRecord) =>
    report({
      ...rejection,
      whileUpdatesPending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
    });
  const records = boardRecordsMap(doc);
  const meta = boardMetaMap(doc);
  const ourSchema = store.schema.serialize();

  const recordTypes: Readonly<Record<string, { scope: string } | undefined>> = store.schema.types;
  const isDocumentRecord = (record: { typeName?: unknown }): boolean =>
    typeof record.typeName === 'string' && recordTypes[record.typeName]?.scope === 'document';

  /**
   * Records the store shows otherwise than the document holds them, because the document
   * breaks the shape tree (shapeTreeRepair.ts): read again at every remote change, and written
   * whole with the person's next edit of them.
   */
  const repaired = new Set<string>();

  const writeLocalChanges = (changes: RecordsDiff<TLRecord>) => {
    doc.transact(() => {
      for (const record of Object.values(changes.added)) {
        const existing = records.get(record.id);
        // Present already when another person created the same record (tldraw's default page).
        if (existing instanceof Y.Map) writeYRecordChanges(existing, readYRecord(existing), record);
        else records.set(record.id, createYRecord(record));
      }
      for (const [before, after] of Object.values(changes.updated)) {
        const existing = records.get(after.id);
        // Absent when someone deleted the record concurrently: the deletion wins, as in Yjs.
        if (!(existing instanceof Y.Map)) continue;
        // A repaired record differs from the document beyond this edit: the repair goes too.
        if (repaired.delete(after.id)) writeYRecordChanges(existing, readYRecord(existing), after);
        else writeYRecordChanges(existing, before, after);
      }
      for (const id of Object.keys(changes.removed)) {
        repaired.delete(id);
        records.delete(id);
      }
    }, origin);
  };

  // Listen before loading: the store may repair itself while loading (e.g. add a missing
  // page), and those repairs are local edits the document must receive.
  const stopListening = store.listen(({ changes }) => writeLocalChanges(changes), {
    source: 'user',
    scope: 'document',
  });

  /** How the document's declared schema compares to ours; re-read only when it changes. */
  type SchemaStatus =
    | { kind: 'current' }
    | { kind: 'older'; schema: SerializedSchemaV2 }
    | { kind: 'unusable'; reason: RecordRejectionReason };
  let statusFor: unknown = Symbol('not read yet');
  let status: SchemaStatus = { kind: 'current' };
  const documentSchemaStatus = (): SchemaStatus => {
    const raw = meta.get(boardDocLayout.schemaKey);
    if (raw !== statusFor) {
      statusFor = raw;
      const schema = raw === undefined ? ourSchema : parseStoredSchema(raw);
      if (schema === undefined) status = { kind: 'unusable', reason: 'migration-failed' };
      else if (isSchemaNewer(schema, ourSchema))
        status = { kind: 'unusable', reason: 'schema-too-new' };
      else if (isEqual(schema, ourSchema)) status = { kind: 'current' };
      else status = { kind: 'older', schema };
    }
    return status;
  };

  type Checked = { record: TLRecord } | { rejection: RejectedRecord };

  /** The record as the store would keep it (its validator's output), or why it cannot be. */
  const validateForStore = (record: TLRecord): Checked => {
    const before = store.get(record.id) ?? null;
    try {
      const phase = before ? 'updateRecord' : 'createRecord';
      return { record: store.schema.validateRecord(store, record, phase, before) };
    } catch (error) {
      return { rejection: { id: record.id, reason: 'invalid', error } };
    }
  };

  /** A record read from the live document, migrated if its writer declared an older schema. */
  const checkRemoteRecord = (id: string, stored: Record<string, unknown>): Checked => {
    if (!isDocumentRecord(stored)) return { rejection: { id, reason: 'not-a-document-record' } };
    const schemaStatus = documentSchemaStatus();
    if (schemaStatus.kind === 'unusable') return { rejection: { id, reason: schemaStatus.reason } };
    const record = stored as unknown as TLRecord;
    if (schemaStatus.kind === 'current') return validateForStore(record);
    const migrated = store.schema.migratePersistedRecord(record, schemaStatus.schema);
    if (migrated.type === 'error') {
      return { rejection: { id, reason: 'migration-failed', error: migrated.reason } };
    }
    return validateForStore(migrated.value);
  };

  const loadInitialContent = () => {
    const stored = readBoardRecords(doc);
    if (Object.keys(stored).length === 0) {
      doc.transact(() => {
        for (const record of store.allRecords()) {
          if (isDocumentRecord(record)) records.set(record.id, createYRecord(record));
        }
        meta.set(boardDocLayout.schemaKey, ourSchema);
      }, origin);
      return;
    }

    const rawSchema = meta.get(boardDocLayout.schemaKey);
    const schema = rawSchema === undefined ? ourSchema : parseStoredSchema(rawSchema);
    if (schema === undefined) throw new BoardMigrationError('unreadable schema');
    if (isSchemaNewer(schema, ourSchema)) throw new BoardSchemaTooNewError(schema);
    const documentRecords: Record<string, Record<string, unknown>> = {};
    for (const [id, record] of Object.entries(stored)) {
      if (isDocumentRecord(record)) documentRecords[id] = record;
      else reject({ id, reason: 'not-a-document-record' });
    }
    const migration = store.schema.migrateStoreSnapshot({
      store: documentRecords as unknown as Record<TLRecord['id'], TLRecord>,
      schema,
    });
    if (migration.type === 'error') throw new BoardMigrationError(migration.reason);
    const migrated = migration.value as Record<string, TLRecord>;

    const accepted: TLRecord[] = [];
    for (const record of Object.values(migrated)) {
      const checked = validateForStore(record);
      if ('record' in checked) accepted.push(checked.record);
      else reject(checked.rejection);
    }
    // The store's document records are all replaced: the tree is judged on the board alone.
    const repair = repairShapeTree<TLRecord>({
      changes: new Map(accepted.map((record) => [record.id, record])),
      stored: () => undefined,
      storedRecords: () => [],
    });
    for (const id of repair.repaired) repaired.add(id);
    const shown = repair.put;
    const shownIds = new Set(shown.map((record) => record.id));
    store.mergeRemoteChanges(() => {
      const replaced = store.allRecords().filter((r) => isDocumentRecord(r) && !shownIds.has(r.id));
      if (replaced.length > 0) store.remove(replaced.map((record) => record.id));
      if (shown.length > 0) store.put(shown);
    });

    if (!isEqual(rawSchema, ourSchema)) {
      // Upgrade the shared copy once, so every reader sees records of the schema it declares.
      doc.transact(() => {
        for (const [id, before] of Object.entries(documentRecords)) {
          const after = migrated[id];
          const yRecord = records.get(id);
          if (after === undefined) records.delete(id);
          else if (yRecord instanceof Y.Map) writeYRecordChanges(yRecord, before, after);
        }
        for (const [id, after] of Object.entries(migrated)) {
          if (documentRecords[id] === undefined) records.set(id, createYRecord(after));
        }
        meta.set(boardDocLayout.schemaKey, ourSchema);
      }, origin);
    }
  };

  const applyRemoteRecords = (touched: ReadonlySet<string>) => {
    // Repaired records are read again: the change may have mended (or moved) what broke them.
    const ids = new Set([...touched, ...repaired]);
    const changes = new Map<string, TLRecord | undefined>();
    for (const id of ids) {
      repaired.delete(id);
      const yRecord = records.get(id);
      if (!(yRecord instanceof Y.Map)) {
        const current = store.get(id as TLRecord['id']);
        if (current && isDocumentRecord(current)) changes.set(current.id, undefined);
        continue;
      }
      const checked = checkRemoteRecord(id, readYRecord(yRecord));
      if ('record' in checked) changes.set(checked.record.id, checked.record);
      else reject(checked.rejection);
    }
    if (changes.size === 0) return;
    const repair = repairShapeTree<TLRecord>({
      changes,
      stored: (id) => store.get(id as TLRecord['id']),
      storedRecords: () => store.allRecords(),
    });
    for (const id of repair.repaired) repaired.add(id);
    const toRemove = repair.remove as TLRecord['id'][];
    store.mergeRemoteChanges(() => {
      if (toRemove.length > 0) store.remove(toRemove);
      if (repair.put.length > 0) store.put(repair.put);
    });
  };

  const onDocumentChange = (events: Y.YEvent<YRecord>[], transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    // In a browser the store hands local edits to its listeners on the next animation frame.
    // Write any such pending edit first: the document then holds both sides, and the store is
    // refreshed from it below instead of losing the local edit under the remote one.
    store._flushHistory();
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === records) for (const id of event.keys.keys()) touched.add(id);
      else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
    }
    applyRemoteRecords(touched);
  };

  try {
    loadInitialContent();
  } catch (error) {
    stopListening();
    throw error;
  }
  records.observeDeep(onDocumentChange);

  let disposed = false;
  return {
    origin,
    dispose() {
      if (disposed) return;
      disposed = true;
      store._flushHistory();
      records.unobserveDeep(onDocumentChange);
      stopListening();
    },
  };
}
