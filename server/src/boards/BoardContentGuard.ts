// Over 300 lines on purpose: the board's one transaction-tracking guard (records one by one,
// the shape tree, the root types) and its single compensating transaction stay together.
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import {
  boardDocLayout,
  boardTemplateSchema,
  createBoardSchema,
  createYRecord,
  indexKeyProblem,
  isSchemaNewer,
  parseStoredSchema,
  readYRecord,
  writeYRecordChanges,
} from '@boussole/shared';
import {
  applyTracked,
  type ContentGuard,
  type ContentValidator,
  type RefusedContent,
} from '../collab/ContentValidator.js';
import { RootTypeRule } from '../documents/rootTypes.js';
import { isClientOrigin } from '../collab/origins.js';
import { clientVotesMetaProblem } from '../votes/votesMetaRule.js';
import { judgeTreeChange, ShapeTreeIndex } from './shapeTree.js';
import { isJsonValue, readStoredRecord, type PlainRecord } from './storedRecords.js';

type BoardSchema = ReturnType<typeof createBoardSchema>;
type SerializedSchema = ReturnType<BoardSchema['serialize']>;
type RecordOf<S extends BoardSchema> = Parameters<S['migratePersistedRecord']>[0];
type RecordTypeOf<S extends BoardSchema> = S['types'][keyof S['types']];

/** Ids, keys and paths come from clients: keep what reaches logs and messages short. */
const MAX_LABEL = 120;
const MAX_DETAIL = 300;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * tldraw's path starts with the record type and the union branch (`shape`, `(type = geo)`):
 * what a person needs is the field, e.g. `props.source`.
 */
function fieldPath(path: unknown): string | undefined {
  if (!Array.isArray(path)) return undefined;
  const fields = path
    .slice(1)
    .map(String)
    .filter((part) => !part.startsWith('('));
  return fields.length > 0 ? clip(fields.join('.'), MAX_LABEL) : undefined;
}

function validationProblem(error: unknown): { path?: string; detail: string } {
  if (!(error instanceof Error)) return { detail: 'valeur invalide' };
  const path = fieldPath((error as { path?: unknown }).path);
  // The union's message lists every shape type there is: name the problem instead.
  if (path === 'type') return { path, detail: 'type inconnu sur un tableau Boussole' };
  const raw = (error as { rawMessage?: unknown }).rawMessage;
  return { path, detail: clip(typeof raw === 'string' ? raw : error.message, MAX_DETAIL) };
}

/**
 * A board's content rules: after each client update, every record it touched must be a
 * document record that tldraw's schema with Boussole's cards accepts, stored under its own id;
 * the board's meta holds only the settings boardDocLayout declares, with valid values; nothing
 * else is stored at all (RootTypeRule).
 *
 * Refused records are put back to their last accepted state (or removed, if they are new) in a
 * compensating transaction, field by field where possible so that concurrent edits of other
 * fields by other people are kept. To know that last accepted state the guard keeps a plain
 * copy of every record: the Y.Doc itself cannot give it back, since Yjs garbage-collects what
 * an update overwrites (and must: a deleted verbatim must not linger in storage).
 */
export class BoardContentGuard implements ContentGuard {
  private readonly records: Y.Map<unknown>;
  private readonly meta: Y.Map<unknown>;
  private readonly roots: RootTypeRule;
  private readonly ourSchema: SerializedSchema;
  /** Last accepted state of each record; undefined when it was already unreadable. */
  private readonly acceptedRecords = new Map<string, PlainRecord | undefined>();
  /** Parents and bindings of the accepted records, for the tree rules (shapeTree.ts). */
  private readonly treeIndex = new ShapeTreeIndex();
  /** Last accepted value of each meta key; undefined when it was not plain JSON. */
  private readonly acceptedMeta = new Map<string, unknown>();
  private tracking = false;
  private readonly touchedRecords = new Set<string>();
  private readonly touchedMeta = new Set<string>();
  /** Whether a client's update touched records (server changes may write vote counts). */
  private touchedByClient = false;
  /** The schema declaration migrationSource last judged, and what it found. */
  private judgedDeclaration:
    { declared: unknown; source: SerializedSchema | undefined } | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly schema: BoardSchema,
    uncheckedRoots?: ReadonlySet<string>,
  ) {
    this.records = doc.getMap<unknown>(boardDocLayout.records);
    this.meta = doc.getMap<unknown>(boardDocLayout.meta);
    this.roots = new RootTypeRule(
      doc,
      { [boardDocLayout.records]: 'keyed', [boardDocLayout.meta]: 'keyed' },
      'les cartes et les réglages du tableau',
      uncheckedRoots,
    );
    this.ourSchema = schema.serialize();
    for (const [id, stored] of this.records.entries()) this.accept(id, readStoredRecord(stored));
    for (const [key, value] of this.meta.entries())
      this.acceptedMeta.set(key, isJsonValue(value) ? value : undefined);
    this.records.observeDeep(this.onRecordsChanged);
    this.meta.observeDeep(this.onMetaChanged);
  }

  applyChecked(apply: () => void): RefusedContent[] {
    this.touchedRecords.clear();
    this.touchedMeta.clear();
    this.touchedByClient = false;
    const failure = applyTracked(apply, (on) => {
      this.tracking = on;
      this.roots.setTracking(on);
    });
    const refused = this.checkTouched();
    if (failure) throw failure.error;
    return refused;
  }

  describeRefusal(refused: readonly RefusedContent[]): string {
    const [first] = refused;
    if (!first) return '';
    const where = first.path ? ` (${first.path})` : '';
    const more = refused.length > 1 ? ` — et ${refused.length - 1} autre(s) élément(s)` : '';
    const what = first.id.startsWith('meta:')
      ? 'Réglage du tableau refusé'
      : first.id.startsWith('root:')
        ? 'Contenu refusé'
        : 'Carte refusée';
    return `${what} : ${first.id}${where} : ${first.detail}${more}. La modification a été annulée.`;
  }

  destroy(): void {
    this.records.unobserveDeep(this.onRecordsChanged);
    this.meta.unobserveDeep(this.onMetaChanged);
    this.roots.destroy();
  }

  private readonly onRecordsChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (!this.tracking) return;
    for (const event of events) {
      if (isClientOrigin(event.transaction.origin)) this.touchedByClient = true;
      if (event.target === this.records) {
        for (const id of event.keys.keys()) this.touchedRecords.add(id);
      } else if (typeof event.path[0] === 'string') {
        this.touchedRecords.add(event.path[0]);
      }
    }
  };

  private readonly onMetaChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (!this.tracking) return;
    for (const event of events) {
      if (event.target === this.meta) {
        for (const key of event.keys.keys()) this.touchedMeta.add(key);
      } else if (typeof event.path[0] === 'string') {
        this.touchedMeta.add(event.path[0]);
      }
    }
  };

  private checkTouched(): RefusedContent[] {
    const strays = this.roots.strays();
    if (this.touchedRecords.size === 0 && this.touchedMeta.size === 0 && strays.length === 0)
      return [];
    const refused: RefusedContent[] = strays.map((stray) => stray.refused);
    const refusedMeta: string[] = [];
    for (const key of this.touchedMeta) {
      const problem = this.metaProblem(key);
      if (problem === undefined) continue;
      refusedMeta.push(key);
      refused.push({ id: clip(`meta:${key}`, MAX_LABEL), detail: problem });
    }
    // Records are read in the schema the board declares once this update is settled.
    const declared = refusedMeta.includes(boardDocLayout.schemaKey)
      ? this.acceptedMeta.get(boardDocLayout.schemaKey)
      : this.meta.get(boardDocLayout.schemaKey);
    const migrateFrom = this.migrationSource(declared);
    const refusedRecords = new Set<string>();
    /** Touched records as the update left them, when readable. */
    const current = new Map<string, PlainRecord>();
    for (const id of this.touchedRecords) {
      // A removal needs no record rule; the tree rules below judge what it leaves behind.
      if (!this.records.has(id)) continue;
      const stored = readStoredRecord(this.records.get(id));
      const problem =
        this.checkRecord(id, stored, migrateFrom) ??
        (this.touchedByClient
          ? clientVotesMetaProblem(this.acceptedRecords.get(id), stored)
          : undefined);
      if (problem) {
        refusedRecords.add(id);
        refused.push({ id: clip(id, MAX_LABEL), ...problem });
      } else if (stored) current.set(id, stored);
    }
    for (const problem of judgeTreeChange({
      touched: this.touchedRecords,
      current: (id) => current.get(id),
      accepted: (id) => this.acceptedRecords.get(id),
      index: this.treeIndex,
      refused: refusedRecords,
    })) {
      refusedRecords.add(problem.id);
      refused.push({ ...problem, id: clip(problem.id, MAX_LABEL) });
    }

    if (refused.length > 0) {
      this.doc.transact(() => {
        for (const stray of strays) stray.remove();
        for (const key of refusedMeta) this.revertMeta(key);
        for (const id of refusedRecords) this.revertRecord(id);
      }, this);
    }

    for (const key of this.touchedMeta) {
      if (this.meta.has(key)) {
        const value = this.meta.get(key);
        this.acceptedMeta.set(key, isJsonValue(value) ? value : undefined);
      } else this.acceptedMeta.delete(key);
    }
    for (const id of this.touchedRecords) {
      if (!this.records.has(id)) this.accept(id, undefined, false);
      else if (refusedRecords.has(id) || !current.has(id))
        this.accept(id, readStoredRecord(this.records.get(id)));
      else this.accept(id, current.get(id));
    }
    return refused;
  }

  /** Makes `record` the last accepted state of `id` (absent when `present` is false). */
  private accept(id: string, record: PlainRecord | undefined, present = true): void {
    this.treeIndex.replace(id, this.acceptedRecords.get(id), record);
    if (present) this.acceptedRecords.set(id, record);
    else this.acceptedRecords.delete(id);
  }

  /**
   * Why a client may not leave the board's meta key `key` as it now is, or undefined if it
   * may. Only the keys boardDocLayout declares exist. The schema may only be declared as ours
   * (a new board, or one a client just migrated): an older declaration would make every reader
   * migrate current records again, a newer one would make every reader refuse the board.
   * No client removes a setting: without its template mark a board would get its template
   * laid out again by the next person to open it.
   */
  private metaProblem(key: string): string | undefined {
    if (!this.meta.has(key)) {
      return this.acceptedMeta.get(key) === undefined
        ? undefined
        : 'un réglage du tableau ne peut pas être retiré';
    }
    const value = this.meta.get(key);
    switch (key) {
      case boardDocLayout.schemaKey:
        return isJsonValue(value) && isDeepStrictEqual(value, this.ourSchema)
          ? undefined
          : 'seul le schéma de cette version de Boussole peut être déclaré';
      case boardDocLayout.templateAppliedKey:
        return boardTemplateSchema.safeParse(value).success ? undefined : 'modèle inconnu';
      default:
        return 'réglage inconnu sur un tableau';
    }
  }

  /**
   * The schema to migrate a record from before validating it, or undefined to validate it as
   * is. Clients write records in the schema the board declares: the first client of a newer
   * version migrates every record and declares its schema in the same transaction, so a
   * board still declaring an older schema (saved by a previous Boussole, not reopened since)
   * holds old records, which are migrated first and then judged like current ones. A
   * declaration newer than ours cannot come from a client (see metaProblem); it can only
   * have been stored by a newer server, and this older one cannot migrate down safely, so it
   * validates against its own schema: at worst it refuses a newer field until it is upgraded,
   * it never lets unchecked content through. An unreadable declaration is treated as absent,
   * i.e. current, as the client does.
   */
  private migrationSource(declared: unknown): SerializedSchema | undefined {
    if (declared === undefined) return undefined;
    // Yjs hands back the same stored value until a client replaces it, so the declaration is
    // judged (parsed, and compared deeply with our whole schema) once per value rather than at
    // every card edit: 55 → 48 µs per card edit in a hot loop.
    if (this.judgedDeclaration?.declared !== declared) {
      this.judgedDeclaration = { declared, source: this.judgeDeclaration(declared) };
    }
    return this.judgedDeclaration.source;
  }

  private judgeDeclaration(declared: unknown): SerializedSchema | undefined {
    const parsed = parseStoredSchema(declared);
    if (!parsed || isDeepStrictEqual(parsed, this.ourSchema)) return undefined;
    if (isSchemaNewer(parsed, this.ourSchema)) return undefined;
    return parsed;
  }

  private checkRecord(
    id: string,
    stored: PlainRecord | undefined,
    migrateFrom: SerializedSchema | undefined,
  ): Omit<RefusedContent, 'id'> | undefined {
    if (!stored) return { detail: 'contenu mal formé (ce n’est pas un enregistrement tldraw)' };
    const typeName = stored['typeName'];
    const types = this.schema.types as Record<string, RecordTypeOf<BoardSchema> | undefined>;
    const type =
      typeof typeName === 'string' && Object.hasOwn(types, typeName) ? types[typeName] : undefined;
    if (!type || type.scope !== 'document') {
      return { path: 'typeName', detail: 'type d’enregistrement inconnu sur un tableau' };
    }
    if (stored['id'] !== id) return { path: 'id', detail: 'identifiant différent de sa clé' };
    let record = stored as unknown as RecordOf<BoardSchema>;
    if (migrateFrom) {
      try {
        const migrated = this.schema.migratePersistedRecord(record, migrateFrom);
        if (migrated.type === 'error')
          return { detail: `migration impossible (${migrated.reason})` };
        record = migrated.value;
      } catch (error) {
        return { detail: `migration impossible (${validationProblem(error).detail})` };
      }
    }
    try {
      type.validate(record);
    } catch (error) {
      return validationProblem(error);
    }
    // Pages and shapes are ordered by `index`; tldraw's validator does not check its digits.
    if (typeName === 'shape' || typeName === 'page') {
      const problem = indexKeyProblem((record as { index?: unknown }).index);
      if (problem) return { path: 'index', detail: problem };
    }
    return undefined;
  }

  private revertMeta(key: string): void {
    const previous = this.acceptedMeta.get(key);
    if (previous === undefined) this.meta.delete(key);
    else this.meta.set(key, previous);
  }

  private revertRecord(id: string): void {
    const previous = this.acceptedRecords.get(id);
    if (previous === undefined) {
      this.records.delete(id);
      return;
    }
    const stored = this.records.get(id);
    if (stored instanceof Y.Map) {
      // Field by field, in the record's own map: edits other people sent before receiving the
      // revert target this map, and those to fields the refused update did not touch survive.
      writeYRecordChanges(
        stored as Y.Map<unknown>,
        readYRecord(stored as Y.Map<unknown>),
        previous,
      );
      if (isDeepStrictEqual(readStoredRecord(stored), previous)) return;
    }
    // The structure itself was broken (a field turned into a Y.Text, props into a string…).
    this.records.set(id, createYRecord(previous));
  }
}

/** Board documents: tldraw records with Boussole's cards. One schema serves every room. */
export function createBoardContentValidator(
  uncheckedRoots?: ReadonlySet<string>,
): ContentValidator {
  const schema = createBoardSchema();
  return { guard: (doc) => new BoardContentGuard(doc, schema, uncheckedRoots) };
}
