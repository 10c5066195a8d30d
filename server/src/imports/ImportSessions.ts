import { randomUUID } from 'node:crypto';
import type { PersonalDataFinding } from '@boussole/shared';
import type { ParsedTable } from './parse/index.js';

/**
 * Uploaded imports waiting for their review, in memory only: the parsed rows and the personal
 * data found in them never reach the database, the Yjs log or the logs. An import is
 * forgotten when it is committed, cancelled, expired, or when its workspace is erased; a
 * committed or expired one leaves a tombstone without any content for a while, so that the
 * person learns what happened to it instead of a bare "not found".
 */

export interface ImportLimits {
  ttlMs: number;
  /** Open imports on the instance (being read, waiting for review, or being committed). */
  maxOpen: number;
  maxOpenPerPerson: number;
}

export interface OpenImport {
  readonly id: string;
  readonly ownerId: string;
  readonly workspaceId: string;
  /** 'reading' while the file is parsed and scanned: counted in the limits, invisible otherwise. */
  status: 'reading' | 'ready' | 'committing';
  table: ParsedTable | undefined;
  findings: PersonalDataFinding[];
  progress: { done: number; total: number };
  expiresAt: number;
}

export interface ImportTombstone {
  readonly id: string;
  readonly ownerId: string;
  readonly workspaceId: string;
  readonly status: 'committed' | 'expired';
  readonly total: number;
  readonly expiresAt: number;
  /** When even the tombstone is forgotten. */
  readonly forgetAt: number;
}

export type ImportLookup =
  { kind: 'open'; session: OpenImport } | { kind: 'tombstone'; tombstone: ImportTombstone };

/** Tombstones hold ids and counts only, but they must not grow without bound either. */
const MAX_TOMBSTONES = 1_000;

export class ImportSessions {
  private readonly open = new Map<string, OpenImport>();
  private readonly tombstones = new Map<string, ImportTombstone>();

  constructor(
    private readonly limits: ImportLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Number of imports holding rows in memory (for tests and metrics). */
  get size(): number {
    return this.open.size;
  }

  /**
   * Takes a slot for a new import before its file is read, or says which limit refuses it.
   * The slot is released by `fill` failing (call `drop`) or kept once filled.
   */
  reserve(ownerId: string, workspaceId: string): OpenImport | 'instance-full' | 'person-full' {
    this.sweep();
    if (this.open.size >= this.limits.maxOpen) return 'instance-full';
    let mine = 0;
    for (const session of this.open.values()) if (session.ownerId === ownerId) mine++;
    if (mine >= this.limits.maxOpenPerPerson) return 'person-full';
    const session: OpenImport = {
      id: randomUUID(),
      ownerId,
      workspaceId,
      status: 'reading',
      table: undefined,
      findings: [],
      progress: { done: 0, total: 0 },
      expiresAt: this.clock() + this.limits.ttlMs,
    };
    this.open.set(session.id, session);
    return session;
  }

  /** The reserved import now holds its file's rows and findings; its lifetime starts now. */
  fill(session: OpenImport, table: ParsedTable, findings: PersonalDataFinding[]): void {
    if (this.open.get(session.id) !== session) return;
    session.table = table;
    session.findings = findings;
    session.status = 'ready';
    session.progress = { done: 0, total: table.rows.length };
    session.expiresAt = this.clock() + this.limits.ttlMs;
  }

  /** The import as its owner may see it; anyone else gets undefined, as for an unknown id. */
  lookup(id: string, ownerId: string): ImportLookup | undefined {
    this.sweep();
    const session = this.open.get(id);
    if (session && session.status !== 'reading') {
      return session.ownerId === ownerId ? { kind: 'open', session } : undefined;
    }
    const tombstone = this.tombstones.get(id);
    if (tombstone?.ownerId === ownerId) return { kind: 'tombstone', tombstone };
    return undefined;
  }

  /** Forget an import and its rows (cancel, or a failed read). */
  drop(id: string): void {
    this.open.delete(id);
  }

  /** The import's cards are on the board: its rows go, a contentless tombstone stays. */
  markCommitted(session: OpenImport, total: number): void {
    this.open.delete(session.id);
    this.bury({
      id: session.id,
      ownerId: session.ownerId,
      workspaceId: session.workspaceId,
      status: 'committed',
      total,
      expiresAt: session.expiresAt,
      forgetAt: this.clock() + this.limits.ttlMs,
    });
  }

  /** Erasure of a workspace: its imports go, tombstones included. */
  dropWorkspace(workspaceId: string): void {
    for (const [id, session] of this.open)
      if (session.workspaceId === workspaceId) this.open.delete(id);
    for (const [id, tombstone] of this.tombstones) {
      if (tombstone.workspaceId === workspaceId) this.tombstones.delete(id);
    }
  }

  /** Expired imports become tombstones; old tombstones are forgotten. Cheap: run at every access. */
  sweep(): void {
    const now = this.clock();
    for (const [id, session] of this.open) {
      // An import being read or committed is in use: it expires once that is over.
      if (session.status !== 'ready' || session.expiresAt > now) continue;
      this.open.delete(id);
      this.bury({
        id,
        ownerId: session.ownerId,
        workspaceId: session.workspaceId,
        status: 'expired',
        total: session.progress.total,
        expiresAt: session.expiresAt,
        forgetAt: now + this.limits.ttlMs,
      });
    }
    for (const [id, tombstone] of this.tombstones) {
      if (tombstone.forgetAt <= now) this.tombstones.delete(id);
    }
  }

  clear(): void {
    this.open.clear();
    this.tombstones.clear();
  }

  private bury(tombstone: ImportTombstone): void {
    this.tombstones.set(tombstone.id, tombstone);
    if (this.tombstones.size > MAX_TOMBSTONES) {
      const oldest = this.tombstones.keys().next().value;
      if (oldest !== undefined) this.tombstones.delete(oldest);
    }
  }
}
