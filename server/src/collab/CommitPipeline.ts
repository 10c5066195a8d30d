// Over 300 lines on purpose: one room's whole persist-then-broadcast path, kept in one file so
// that the order of its steps (apply, check, commit, send) reads top to bottom.
import * as Y from 'yjs';
import {
  CloseCode,
  encodePermissionDenied,
  encodeUpdate,
  type CloseCodeValue,
} from '@boussole/shared';
import type { DocStore } from '../storage/DocStore.js';
import type { CommitGate, Compactor } from './Compactor.js';
import type { ContentGuard, RefusedContent } from './ContentValidator.js';
import { PendingUpdates, type PendingLimits } from './PendingUpdates.js';
import { clientOrigin, serverOrigin } from './origins.js';
import type { Log, RoomPeer } from './types.js';

export type SubmitResult = { ok: true } | { ok: false; code: CloseCodeValue; reason: string };

export interface CommitOptions extends PendingLimits {
  /** Group-commit window: updates arriving within it share one storage transaction. */
  commitDelayMs: number;
  maxDocumentBytes: number;
}

export interface CommitPipelineParts {
  docId: string;
  doc: Y.Doc;
  /** The room's peers, only read here: who receives each committed update. */
  peers: ReadonlySet<RoomPeer>;
  store: DocStore;
  compactor: Compactor;
  /** The content rules of the document's kind; without them any well-formed update passes. */
  guard: ContentGuard | undefined;
  options: CommitOptions;
  log: Log;
  /** Storage failed: the peers are closed and nothing more is accepted. */
  onStorageFailure: () => void;
}

/** The sender of the server's own changes: in no room's peer list, so every peer receives them. */
export const serverPeer: RoomPeer = { id: -1, send() {}, close() {} };

interface QueuedUpdate {
  update: Uint8Array;
  from: RoomPeer;
}

interface AppliedUpdate {
  /** Re-encoded by Yjs from what was integrated: this, not the client's bytes, is stored. */
  update: Uint8Array;
  from: RoomPeer;
  /** Also send it back to its sender: it reverts content the sender wrote that was refused. */
  echo: boolean;
  /** Sent to the sender after the update: why part of what it wrote was refused. */
  notice?: Uint8Array;
}

/**
 * Persist, then broadcast. Updates wait in `queue` unapplied; a flush applies a batch (through
 * the content guard, pending content taken out), appends the re-encoded result to the store in
 * one transaction, and only then sends it to the peers. So whenever no flush is in progress
 * (`committing` is false) the Y.Doc holds exactly what is committed, and everything that reads
 * the document for a peer (sync replies, snapshots) runs at such a moment via `whenCommitted`.
 */
export class CommitPipeline implements CommitGate {
  private queue: QueuedUpdate[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushScheduled = false;
  private stopped = false;
  private isCommitting = false;
  private hasFailed = false;
  private afterCommit: (() => void)[] = [];
  private drainWaiters: (() => void)[] = [];
  /** What each peer sent that depends on content never received: held outside the doc. */
  private readonly pending: PendingUpdates<RoomPeer>;

  constructor(private readonly parts: CommitPipelineParts) {
    this.pending = new PendingUpdates(parts.options);
  }

  get committing(): boolean {
    return this.isCommitting;
  }

  get idle(): boolean {
    return !this.isCommitting && this.queue.length === 0;
  }

  get failed(): boolean {
    return this.hasFailed;
  }

  /** Run `fn` when the Y.Doc equals committed state: now, or right after the current commit. */
  whenCommitted(fn: () => void): void {
    if (this.isCommitting) this.afterCommit.push(fn);
    else fn();
  }

  /**
   * Accept an update for the next commit. It is validated now (a malformed update is refused
   * before it can touch the document) and applied at flush time.
   */
  submit(update: Uint8Array, from: RoomPeer): SubmitResult {
    if (this.hasFailed) return { ok: false, code: CloseCode.InternalError, reason: 'room failed' };
    try {
      // Parses every struct and the delete set without integrating anything, so a truncated
      // or garbled update is refused whole instead of being applied halfway.
      Y.decodeUpdate(update);
    } catch {
      return { ok: false, code: CloseCode.MalformedFrame, reason: 'invalid Yjs update' };
    }
    const { compactor, options } = this.parts;
    // Pending content counts too: it would become part of the document if ever completed.
    const held = this.pending.bytes;
    if (compactor.storedBytes + held + update.length > options.maxDocumentBytes) {
      // The stored size counts history since the last snapshot; check the real size first.
      const actual = Y.encodeStateAsUpdate(this.parts.doc).length;
      if (actual + held + update.length > options.maxDocumentBytes) {
        return {
          ok: false,
          code: CloseCode.DocumentTooLarge,
          reason: `document would exceed ${options.maxDocumentBytes} bytes`,
        };
      }
      compactor.compactSoon();
    }
    this.queue.push({ update, from });
    this.scheduleFlush();
    return { ok: true };
  }

  /** The peer left: what it never completed goes with it. */
  forget(peer: RoomPeer): void {
    this.pending.forget(peer);
  }

  /** Resolves once every accepted update is committed and no compaction is running. */
  async drain(): Promise<void> {
    for (;;) {
      if (this.hasFailed) return;
      if (!this.idle) await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
      else if (this.parts.compactor.running) await this.parts.compactor.running;
      else return;
    }
  }

  /** No more flushes: the room is being freed. */
  stop(): void {
    this.stopped = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  /**
   * With no commit delay, the flush runs as a microtask: right after the frame that queued the
   * update, before the event loop reads the next socket, so an update waits for nothing but
   * its own commit. Updates arriving while a commit is in flight still share the next one.
   */
  private scheduleFlush(): void {
    if (this.isCommitting || this.flushScheduled || this.queue.length === 0) return;
    this.flushScheduled = true;
    const run = () => {
      this.flushScheduled = false;
      this.flushTimer = undefined;
      if (!this.stopped) void this.flush();
    };
    const delay = this.parts.options.commitDelayMs;
    if (delay > 0) this.flushTimer = setTimeout(run, delay);
    else queueMicrotask(run);
  }

  private async flush(): Promise<void> {
    if (this.hasFailed) return;
    const { docId, peers, store, compactor } = this.parts;
    const batch = this.queue;
    this.queue = [];
    this.isCommitting = true;
    const applied = this.applyBatch(batch);
    if (applied.length > 0) {
      let lastSeq: number;
      try {
        lastSeq = await store.append(
          docId,
          applied.map((a) => a.update),
        );
      } catch (error) {
        this.fail(error);
        return;
      }
      let bytes = 0;
      for (const a of applied) {
        bytes += a.update.length;
        const frame = encodeUpdate(a.update);
        for (const peer of peers) if (peer !== a.from || a.echo) peer.send(frame);
        if (a.notice && peers.has(a.from)) a.from.send(a.notice);
      }
      compactor.appended(lastSeq, applied.length, bytes);
    }
    this.isCommitting = false;
    const waiting = this.afterCommit;
    this.afterCommit = [];
    for (const fn of waiting) fn();
    if (compactor.due) void compactor.compact(this);
    if (this.queue.length > 0) this.scheduleFlush();
    else this.wakeDrainWaiters();
  }

  private applyBatch(batch: QueuedUpdate[]): AppliedUpdate[] {
    const { doc, guard, log, docId } = this.parts;
    const applied: AppliedUpdate[] = [];
    let current: { from: RoomPeer; echo: boolean } | undefined;
    /** The document's state before the current client update's first transaction. */
    let stateBefore: Map<number, number> | undefined;
    const capture = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (!current) return;
      stateBefore ??= tr.beforeState;
      applied.push({ update, from: current.from, echo: current.echo });
    };
    doc.on('update', capture);
    try {
      const refused = new Set<RoomPeer>();
      for (const { update, from } of batch) {
        // Updates queued after one of the same sender's was refused depend on it: drop them.
        if (refused.has(from)) continue;
        const firstOfThisUpdate = applied.length;
        stateBefore = undefined;
        current = { from, echo: false };
        let refusedContent: RefusedContent[] = [];
        try {
          refusedContent = this.applyOne(update, from);
        } catch (error) {
          // decodeUpdate accepted it, so this should not happen; if it does, whatever Yjs
          // integrated is captured above and stays consistent between doc, store and peers.
          log.warn({ err: error, docId }, 'update failed to apply');
          refused.add(from);
          from.close(CloseCode.MalformedFrame, 'invalid Yjs update');
        }
        // Before anything below encodes the document: pending content never leaves this room.
        const overflow = this.pending.take(doc, from);
        if (overflow && !refused.has(from)) {
          log.info(
            { docId, conn: from.id, limit: overflow.limit },
            'too much pending content; closing its sender',
          );
          refused.add(from);
          from.close(CloseCode.IncompleteUpdates, 'updates depend on content never received');
        }
        // Only a guard adds a transaction of its own after the client's. Yjs records the state
        // before each transaction anyway: encoding it only when needed keeps a state vector
        // off the path of every accepted edit.
        if (guard && stateBefore && applied.length - firstOfThisUpdate > 1) {
          // The guard reverted part of it: the client's change and the compensating one are
          // stored and sent as their net result, in one update, so that no peer ever holds
          // the refused content, not even between two frames. The sender gets it too: its
          // own copy must be reverted.
          applied.splice(firstOfThisUpdate, applied.length - firstOfThisUpdate, {
            update: Y.encodeStateAsUpdate(doc, Y.encodeStateVector(stateBefore)),
            from,
            echo: true,
          });
        }
        const last = applied.length > firstOfThisUpdate ? applied[applied.length - 1] : undefined;
        if (refusedContent.length > 0 && guard && last) {
          last.notice = encodePermissionDenied(guard.describeRefusal(refusedContent));
          // Ids and paths only: the content may be a verbatim, i.e. personal data.
          log.info(
            {
              docId,
              conn: from.id,
              refused: refusedContent.map(({ id, path }) => (path ? { id, path } : { id })),
            },
            'refused content reverted',
          );
        }
      }
    } finally {
      current = undefined;
      doc.off('update', capture);
    }
    return applied;
  }

  /** Integrates one update, through the content guard when the document has one. */
  private applyOne(update: Uint8Array, from: RoomPeer): RefusedContent[] {
    const { doc, guard } = this.parts;
    this.pending.restore(doc, from);
    const origin = from === serverPeer ? serverOrigin : clientOrigin(from);
    const apply = () => Y.applyUpdate(doc, update, origin);
    if (!guard) {
      apply();
      return [];
    }
    return guard.applyChecked(apply, from.identity, from.role);
  }

  private wakeDrainWaiters(): void {
    const waiting = this.drainWaiters;
    this.drainWaiters = [];
    for (const fn of waiting) fn();
  }

  private fail(error: unknown): void {
    this.hasFailed = true;
    this.isCommitting = false;
    this.parts.log.error(
      { err: error, docId: this.parts.docId },
      'storage failed; closing the room',
    );
    // Peers keep their edits locally and resend them when they reconnect to a fresh room.
    this.queue = [];
    this.afterCommit = [];
    for (const peer of [...this.parts.peers])
      peer.close(CloseCode.InternalError, 'storage unavailable');
    this.wakeDrainWaiters();
    this.parts.onStorageFailure();
  }
}
