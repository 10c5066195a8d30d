import type { DocStore } from '../storage/DocStore.js';
import type { Log } from '../collab/types.js';
import type { DocumentCatalog, DocumentRecord } from './DocumentCatalog.js';

/**
 * When each document's content last changed, for the workspace page (« modifié il y a 5 min »).
 * Every committed append is seen here (the room registry writes through `track`); the time is
 * kept in memory at once and written to the document's row at most once per `writeEveryMs`, so a
 * busy board costs one small UPDATE every half minute, not one per edit. After a restart, the
 * last unwritten change (less than `writeEveryMs` old) is known only to the nearest write.
 */
export class BoardActivity {
  private readonly latest = new Map<string, number>();
  private readonly written = new Map<string, number>();

  constructor(
    private readonly documents: Pick<DocumentCatalog, 'markChanged'>,
    private readonly log: Log,
    private readonly options: { writeEveryMs: number; clock?: () => number } = {
      writeEveryMs: 30_000,
    },
  ) {}

  /** The same store, with every successful append reported here. */
  track(store: DocStore): DocStore {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy's handler needs it
    const activity = this;
    return new Proxy(store, {
      get(target, property) {
        if (property === 'append') {
          return async (docId: string, updates: Uint8Array[]) => {
            const seq = await target.append(docId, updates);
            activity.changed(docId);
            return seq;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  }

  changed(docId: string): void {
    const now = (this.options.clock ?? Date.now)();
    this.latest.set(docId, now);
    const last = this.written.get(docId);
    if (last !== undefined && now - last < this.options.writeEveryMs) return;
    this.written.set(docId, now);
    this.documents.markChanged(docId, new Date(now).toISOString()).catch((error: unknown) => {
      // A lost time stamp is cosmetic; the content itself is already committed.
      this.log.warn({ err: error, docId }, 'could not record when a document changed');
    });
  }

  /** The last change of a document's content, or its creation when nothing changed since. */
  changedAt(record: DocumentRecord): string {
    const inMemory = this.latest.get(record.id);
    const stored = record.changedAt ?? record.createdAt;
    if (inMemory === undefined) return stored;
    const memory = new Date(inMemory).toISOString();
    return memory > stored ? memory : stored;
  }

  /** The document was erased: nothing about it is kept. */
  forget(docId: string): void {
    this.latest.delete(docId);
    this.written.delete(docId);
  }
}
