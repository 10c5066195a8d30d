import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '../storage/DocStore.js';
import type { Log } from './types.js';

/** What the compactor needs to know of the commit pipeline: when the doc equals the store. */
export interface CommitGate {
  /** A flush is between applying a batch and finishing its broadcast. */
  readonly committing: boolean;
  /** Nothing queued and nothing committing: the Y.Doc holds exactly what is stored. */
  readonly idle: boolean;
  readonly failed: boolean;
  /** Resolves once every accepted update is committed and no compaction runs (or on failure). */
  drain(): Promise<void>;
}

/**
 * A room's update log as stored: its last sequence number, its size, the rows written since the
 * last snapshot, and the folding of those rows into one snapshot. A log of many rows loads
 * slower than one snapshot, and only a snapshot of a garbage-collected doc drops deleted
 * content (the RGPD purge).
 */
export class Compactor {
  private lastSeq: number;
  /** Bytes of the stored rows: history since the last snapshot, so above the real size. */
  private bytes: number;
  private rowsSinceSnapshot: number;
  private compacting: Promise<void> | undefined;
  /** Why the last compaction failed, for compactNow (background compactions only log it). */
  private failure: unknown;

  constructor(
    private readonly docId: string,
    private readonly doc: Y.Doc,
    private readonly store: DocStore,
    private readonly options: { compactEveryUpdates: number },
    private readonly log: Log,
    stored: Pick<StoredDoc, 'lastSeq' | 'bytes'> & { rows: number },
  ) {
    this.lastSeq = stored.lastSeq;
    this.bytes = stored.bytes;
    // A log of many rows is folded at the first quiet moment.
    this.rowsSinceSnapshot = stored.rows > 1 ? stored.rows : 0;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** The compaction in progress; it never rejects (a failure is logged, the log stays intact). */
  get running(): Promise<void> | undefined {
    return this.compacting;
  }

  /** Rows written since the last snapshot. */
  get uncompacted(): number {
    return this.rowsSinceSnapshot;
  }

  get due(): boolean {
    return this.rowsSinceSnapshot >= this.options.compactEveryUpdates;
  }

  /** The stored size overstates the document: fold the log after the next commit. */
  compactSoon(): void {
    this.rowsSinceSnapshot = Math.max(this.rowsSinceSnapshot, this.options.compactEveryUpdates);
  }

  /** A commit of `rows` updates, `bytes` in all, ended at `lastSeq`. */
  appended(lastSeq: number, rows: number, bytes: number): void {
    this.lastSeq = lastSeq;
    this.bytes += bytes;
    this.rowsSinceSnapshot += rows;
  }

  /** Fold the update log into one snapshot of the doc, which must equal committed state. */
  compact(commits: CommitGate): Promise<void> {
    if (this.compacting || this.lastSeq === 0 || commits.committing)
      return this.compacting ?? Promise.resolve();
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const throughSeq = this.lastSeq;
    const folded = this.rowsSinceSnapshot;
    const bytesAtSnapshot = this.bytes;
    this.compacting = this.store
      .compact(this.docId, snapshot, throughSeq)
      .then(() => {
        // Commits may have landed meanwhile: they stay counted.
        this.rowsSinceSnapshot -= folded;
        this.bytes = snapshot.length + (this.bytes - bytesAtSnapshot);
      })
      .catch((error: unknown) => {
        // The log is intact; compaction is retried after the next commits.
        this.failure = error;
        this.log.warn({ err: error, docId: this.docId }, 'compaction failed');
      })
      .finally(() => {
        this.compacting = undefined;
      });
    return this.compacting;
  }

  /**
   * Commit what is pending, then fold the whole log into one snapshot of the document as it is
   * now (a history purge). The room's Y.Doc garbage-collects deleted content as it applies
   * deletions, so the snapshot holds no deleted text, and the rows that did are removed.
   */
  async compactNow(commits: CommitGate): Promise<void> {
    for (;;) {
      await commits.drain();
      if (commits.failed) throw new Error(`storage failed for ${this.docId}`);
      if (this.lastSeq === 0) return;
      // A commit may have started between drain() resolving and now: wait for it as well.
      if (!commits.idle || this.compacting) continue;
      this.failure = undefined;
      await this.compact(commits);
      if (this.failure) throw this.failure;
      return;
    }
  }
}
