/**
 * Durable storage of Yjs documents as an append-only log of updates per document, periodically
 * compacted into one snapshot. Every implementation passes tests/storage/storage-contract.
 *
 * Sequence numbers are per store and increase with every append; compaction replaces the rows
 * up to a known sequence number, so an append that races a compaction is never lost.
 */
import type { SqlExecutor } from './SqlExecutor.js';

export interface StoredDoc {
  /** Updates in commit order; the first may be a snapshot. Apply them all, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last row, or 0 for a document with no rows. */
  lastSeq: number;
  /** Total bytes of the rows, used to decide when to compact. */
  bytes: number;
}

export interface DocStore {
  /** Which implementation, for logs and /readyz. */
  readonly kind: 'sqlite' | 'postgres';
  /** The relational tables next to the log (documents, …), in the same database. */
  readonly sql: SqlExecutor;
  /** Create or upgrade the schema. Called once at start. */
  migrate(): Promise<void>;
  load(docId: string): Promise<StoredDoc>;
  /** Commit these updates atomically (all or none), in order. Resolves to the last seq. */
  append(docId: string, updates: Uint8Array[]): Promise<number>;
  /** Replace every row with seq <= throughSeq by this snapshot, atomically. */
  compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Remove the document and all its rows. */
  deleteDoc(docId: string): Promise<void>;
  /**
   * Physically drop what deleted and compacted rows left in the database files (SQLite:
   * VACUUM and a truncating WAL checkpoint; PostgreSQL: VACUUM FULL of the log and versions,
   * and with `scope: 'everything'`, after a workspace's erasure, of every table it had rows in).
   * Slow on a big store and blocks writes meanwhile: for an administrator's purge, not routine.
   */
  reclaimSpace(options?: { scope?: 'documents' | 'everything' }): Promise<void>;
  /** Throws when storage is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
