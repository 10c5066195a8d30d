import * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { CloseCode, encodeAwareness, encodePermissionDenied, encodeUpdate } from '@boussole/shared';
import type { DocStore } from '../storage/DocStore.js';
import { assertAwarenessUpdate } from './awarenessUpdate.js';
import type { ContentGuard, ContentValidator, RefusedContent } from './ContentValidator.js';
import { PendingUpdates, dropPending } from './PendingUpdates.js';
import { clientOrigin, serverOrigin, storageOrigin } from './origins.js';
import type { Log, RoomOptions, RoomPeer } from './types.js';

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

export type SubmitResult = { ok: true } | { ok: false; code: number; reason: string };

/** The sender of the server's own changes: in no room's peer list, so every peer receives them. */
const serverPeer: RoomPeer = { id: -1, send() {}, close() {} };

/**
 * One live document: its Y.Doc, its awareness, its peers, and the commit pipeline.
 *
 * Persist, then broadcast. Client updates wait in `queue` unapplied; a flush applies a batch,
 * appends the re-encoded result to the store in one transaction, and only then broadcasts it.
 * So whenever no flush is in progress (`committing` is false) the Y.Doc holds exactly what is
 * committed, and everything that reads the document for a peer (sync replies, compaction
 * snapshots) runs at such a moment via `whenCommitted`.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  private readonly peers = new Set<RoomPeer>();
  /** Awareness client ids each peer introduced, removed when that peer leaves. */
  private readonly awarenessOwners = new Map<RoomPeer, Set<number>>();

  private queue: QueuedUpdate[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushScheduled = false;
  private destroyed = false;
  private committing = false;
  private afterCommit: (() => void)[] = [];
  private drainWaiters: (() => void)[] = [];

  private lastSeq: number;
  private storedBytes: number;
  private updatesSinceCompaction: number;
  private compacting: Promise<void> | undefined;
  /** Why the last compaction failed, for compactNow (background compactions only log it). */
  private compactionFailure: unknown;

  /** Checks each client update against the document kind's content rules, if it has any. */
  private guard: ContentGuard | undefined;
  /** What each peer sent that depends on content never received: held outside the doc. */
  private readonly pending: PendingUpdates<RoomPeer>;

  private readonly awarenessDirty = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | undefined;
  private failed = false;
  /** Set by the registry: called when the last peer leaves, or when storage fails. */
  onEmpty: (room: Room) => void = () => {};
  onFailed: (room: Room) => void = () => {};

  /**
   * `validator` holds the content rules of the document's kind (a board's records…); without
   * one, any well-formed Yjs update is accepted.
   */
  static async load(
    docId: string,
    store: DocStore,
    options: RoomOptions,
    log: Log,
    validator?: ContentValidator,
  ): Promise<Room> {
    const stored = await store.load(docId);
    const room = new Room(docId, store, options, log, stored.lastSeq, stored.bytes);
    Y.transact(
      room.doc,
      () => {
        for (const update of stored.updates) Y.applyUpdate(room.doc, update, storageOrigin);
      },
      storageOrigin,
    );
    // Snapshots taken before pending content was kept out of documents may carry some.
    const dropped = dropPending(room.doc);
    if (dropped > 0) log.warn({ docId, bytes: dropped }, 'dropped stored pending content');
    // A log of many rows loads slower than one snapshot: fold it at the first quiet moment.
    room.updatesSinceCompaction = stored.updates.length > 1 ? stored.updates.length : 0;
    // Stored content is not judged again: it was accepted when written (or predates the rules,
    // and readers skip what they cannot load). Only what clients change from now on is.
    room.guard = validator?.guard(room.doc);
    return room;
  }

  private constructor(
    readonly docId: string,
    private readonly store: DocStore,
    private readonly options: RoomOptions,
    private readonly log: Log,
    lastSeq: number,
    storedBytes: number,
  ) {
    this.lastSeq = lastSeq;
    this.storedBytes = storedBytes;
    this.updatesSinceCompaction = 0;
    this.pending = new PendingUpdates(options);
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get peerCount(): number {
    return this.peers.size;
  }

  addPeer(peer: RoomPeer): void {
    this.peers.add(peer);
    this.awarenessOwners.set(peer, new Set());
  }

  removePeer(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    this.pending.forget(peer);
    const owned = this.awarenessOwners.get(peer);
    this.awarenessOwners.delete(peer);
    if (owned && owned.size > 0) removeAwarenessStates(this.awareness, [...owned], serverOrigin);
    if (this.peers.size === 0) this.onEmpty(this);
  }

  /** Run `fn` when the Y.Doc equals committed state: now, or right after the current commit. */
  whenCommitted(fn: () => void): void {
    if (this.committing) this.afterCommit.push(fn);
    else fn();
  }

  /**
   * Accept a client's update for the next commit. It is validated now (a malformed update is
   * refused before it can touch the document) and applied at flush time.
   */
  submitUpdate(update: Uint8Array, from: RoomPeer): SubmitResult {
    if (this.failed) return { ok: false, code: CloseCode.InternalError, reason: 'room failed' };
    try {
      // Parses every struct and the delete set without integrating anything, so a truncated
      // or garbled update is refused whole instead of being applied halfway.
      Y.decodeUpdate(update);
    } catch {
      return { ok: false, code: CloseCode.MalformedFrame, reason: 'invalid Yjs update' };
    }
    // Pending content counts too: it would become part of the document if ever completed.
    const held = this.pending.bytes;
    if (this.storedBytes + held + update.length > this.options.maxDocumentBytes) {
      // storedBytes counts history since the last compaction; check the real size first.
      const actual = Y.encodeStateAsUpdate(this.doc).length;
      if (actual + held + update.length > this.options.maxDocumentBytes) {
        return {
          ok: false,
          code: CloseCode.DocumentTooLarge,
          reason: `document would exceed ${this.options.maxDocumentBytes} bytes`,
        };
      }
      this.updatesSinceCompaction = Math.max(
        this.updatesSinceCompaction,
        this.options.compactEveryUpdates,
      );
    }
    this.queue.push({ update, from });
    this.scheduleFlush();
    return { ok: true };
  }

  /**
   * A change made by the server itself (restoring a report version): it goes through the same
   * pipeline as a client's — committed, then sent to every peer — and resolves once committed.
   */
  async applyServerUpdate(update: Uint8Array): Promise<void> {
    const result = this.submitUpdate(update, serverPeer);
    if (!result.ok) throw new Error(`server change refused: ${result.reason}`);
    await this.drain();
    if (this.failed) throw new Error(`storage failed for ${this.docId}`);
  }

  /** Throws, applying nothing, when any entry of the update is malformed. */
  applyAwareness(update: Uint8Array, from: RoomPeer, options: { wellFormed?: boolean } = {}): void {
    // An update the server re-encoded itself (identity stamping) is well formed by construction.
    if (!options.wellFormed) assertAwarenessUpdate(update);
    applyAwarenessUpdate(this.awareness, update, from);
  }

  /** Every known awareness state as one frame, or null when nobody has presence. */
  encodeAllAwareness(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return null;
    return encodeAwareness(encodeAwarenessUpdate(this.awareness, ids));
  }

  /**
   * With no commit delay, the flush runs as a microtask: right after the frame that queued the
   * update, before the event loop reads the next socket, so an update waits for nothing but
   * its own commit. Updates arriving while a commit is in flight still share the next one.
   */
  private scheduleFlush(): void {
    if (this.committing || this.flushScheduled || this.queue.length === 0) return;
    this.flushScheduled = true;
    const run = () => {
      this.flushScheduled = false;
      this.flushTimer = undefined;
      if (!this.destroyed) void this.flush();
    };
    if (this.options.commitDelayMs > 0)
      this.flushTimer = setTimeout(run, this.options.commitDelayMs);
    else queueMicrotask(run);
  }

  private async flush(): Promise<void> {
    if (this.failed) return;
    const batch = this.queue;
    this.queue = [];
    this.committing = true;
    const applied = this.applyBatch(batch);
    if (applied.length > 0) {
      try {
        this.lastSeq = await this.store.append(
          this.docId,
          applied.map((a) => a.update),
        );
      } catch (error) {
        this.fail(error);
        return;
      }
      for (const a of applied) {
        this.storedBytes += a.update.length;
        const frame = encodeUpdate(a.update);
        for (const peer of this.peers) if (peer !== a.from || a.echo) peer.send(frame);
        if (a.notice && this.peers.has(a.from)) a.from.send(a.notice);
      }
      this.updatesSinceCompaction += applied.length;
    }
    this.committing = false;
    const waiting = this.afterCommit;
    this.afterCommit = [];
    for (const fn of waiting) fn();
    if (this.updatesSinceCompaction >= this.options.compactEveryUpdates) void this.compact();
    if (this.queue.length > 0) this.scheduleFlush();
    else this.notifyDrained();
  }

  private applyBatch(batch: QueuedUpdate[]): AppliedUpdate[] {
    const applied: AppliedUpdate[] = [];
    let current: { from: RoomPeer; echo: boolean } | undefined;
    /** The document's state before the current client update's first transaction. */
    let stateBefore: Map<number, number> | undefined;
    const capture = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (!current) return;
      stateBefore ??= tr.beforeState;
      applied.push({ update, from: current.from, echo: current.echo });
    };
    this.doc.on('update', capture);
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
          refusedContent = this.applyClientUpdate(update, from);
        } catch (error) {
          // decodeUpdate accepted it, so this should not happen; if it does, whatever Yjs
          // integrated is captured above and stays consistent between doc, store and peers.
          this.log.warn({ err: error, docId: this.docId }, 'update failed to apply');
          refused.add(from);
          from.close(CloseCode.MalformedFrame, 'invalid Yjs update');
        }
        // Before anything below encodes the document: pending content never leaves this room.
        const overflow = this.pending.take(this.doc, from);
        if (overflow && !refused.has(from)) {
          this.log.info(
            { docId: this.docId, conn: from.id, limit: overflow.limit },
            'too much pending content; closing its sender',
          );
          refused.add(from);
          from.close(CloseCode.IncompleteUpdates, 'updates depend on content never received');
        }
        // Only a guard adds a transaction of its own after the client's. Yjs records the state
        // before each transaction anyway: encoding it only when needed keeps a state vector
        // off the path of every accepted edit.
        if (this.guard && stateBefore && applied.length - firstOfThisUpdate > 1) {
          // The guard reverted part of it: the client's change and the compensating one are
          // stored and sent as their net result, in one update, so that no peer ever holds
          // the refused content, not even between two frames. The sender gets it too: its
          // own copy must be reverted.
          applied.splice(firstOfThisUpdate, applied.length - firstOfThisUpdate, {
            update: Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(stateBefore)),
            from,
            echo: true,
          });
        }
        const last = applied.length > firstOfThisUpdate ? applied[applied.length - 1] : undefined;
        if (refusedContent.length > 0 && this.guard && last) {
          last.notice = encodePermissionDenied(this.guard.describeRefusal(refusedContent));
          // Ids and paths only: the content may be a verbatim, i.e. personal data.
          this.log.info(
            {
              docId: this.docId,
              conn: from.id,
              refused: refusedContent.map(({ id, path }) => (path ? { id, path } : { id })),
            },
            'refused content reverted',
          );
        }
      }
    } finally {
      current = undefined;
      this.doc.off('update', capture);
    }
    return applied;
  }

  /** Integrates one client update, through the content guard when the document has one. */
  private applyClientUpdate(update: Uint8Array, from: RoomPeer): RefusedContent[] {
    this.pending.restore(this.doc, from);
    const apply = () => Y.applyUpdate(this.doc, update, clientOrigin(from.id));
    if (!this.guard) {
      apply();
      return [];
    }
    return this.guard.applyChecked(apply, from.identity);
  }

  /** Fold the update log into one snapshot. Only called when the doc equals committed state. */
  private compact(): Promise<void> {
    if (this.compacting || this.lastSeq === 0 || this.committing)
      return this.compacting ?? Promise.resolve();
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const throughSeq = this.lastSeq;
    const foldedUpdates = this.updatesSinceCompaction;
    const bytesAtSnapshot = this.storedBytes;
    this.compacting = this.store
      .compact(this.docId, snapshot, throughSeq)
      .then(() => {
        this.updatesSinceCompaction -= foldedUpdates;
        this.storedBytes = snapshot.length + (this.storedBytes - bytesAtSnapshot);
      })
      .catch((error: unknown) => {
        // The log is intact; compaction is retried after the next commits.
        this.compactionFailure = error;
        this.log.warn({ err: error, docId: this.docId }, 'compaction failed');
      })
      .finally(() => {
        this.compacting = undefined;
        if (!this.committing && this.queue.length === 0) this.notifyDrained();
      });
    return this.compacting;
  }

  /**
   * Commit what is pending, then fold the whole log into one snapshot of the document as it is
   * now (a history purge). The room's Y.Doc garbage-collects deleted content as it applies
   * deletions, so the snapshot holds no deleted text, and the rows that did are removed.
   */
  async compactNow(): Promise<void> {
    for (;;) {
      await this.drain();
      if (this.failed) throw new Error(`storage failed for ${this.docId}`);
      if (this.lastSeq === 0) return;
      // A commit may have started between drain() resolving and now: wait for it as well.
      if (this.committing || this.compacting || this.queue.length > 0) continue;
      this.compactionFailure = undefined;
      await this.compact();
      if (this.compactionFailure) throw this.compactionFailure;
      return;
    }
  }

  /** The document's state once everything accepted so far is committed. */
  async committedState(): Promise<Uint8Array> {
    await this.drain();
    if (this.failed) throw new Error(`storage failed for ${this.docId}`);
    return Y.encodeStateAsUpdate(this.doc);
  }

  private notifyDrained(): void {
    if (this.compacting) return;
    const waiting = this.drainWaiters;
    this.drainWaiters = [];
    for (const fn of waiting) fn();
  }

  /** Resolves once every accepted update is committed and no compaction is running. */
  async drain(): Promise<void> {
    while (!this.failed && (this.queue.length > 0 || this.committing || this.compacting)) {
      await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    }
  }

  /** Commit everything, fold the log into a snapshot, and free the document. */
  async close(): Promise<void> {
    await this.drain();
    if (!this.failed && this.updatesSinceCompaction > 0) await this.compact();
    this.destroy();
  }

  closePeers(code: number, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason);
  }

  private fail(error: unknown): void {
    this.failed = true;
    this.committing = false;
    this.log.error({ err: error, docId: this.docId }, 'storage failed; closing the room');
    // Peers keep their edits locally and resend them when they reconnect to a fresh room.
    this.queue = [];
    this.afterCommit = [];
    this.closePeers(CloseCode.InternalError, 'storage unavailable');
    const waiting = this.drainWaiters;
    this.drainWaiters = [];
    for (const fn of waiting) fn();
    this.onFailed(this);
  }

  destroy(): void {
    this.destroyed = true;
    this.guard?.destroy();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.awarenessOwners.get(origin as RoomPeer);
    if (owned) {
      for (const id of changes.added) owned.add(id);
      // An id published again after its removal (a reconnect keeping its client id, or a
      // crafted remove/re-add) comes as `updated`: owned too, or it would outlive the peer.
      for (const id of changes.updated) owned.add(id);
      for (const id of changes.removed) owned.delete(id);
    }
    for (const id of changes.added) this.awarenessDirty.add(id);
    for (const id of changes.updated) this.awarenessDirty.add(id);
    for (const id of changes.removed) this.awarenessDirty.add(id);
    // Relay at once in rooms of a workshop's size; coalesce where fan-out (peers²) would swamp
    // the server. Coalescing in a small room only turns a steady trickle into bursts that
    // every participant must absorb at the same instant (measured in BENCHMARKS.md).
    const coalesce =
      this.options.awarenessFlushMs > 0 &&
      this.peers.size >= this.options.awarenessCoalesceMinPeers;
    if (!coalesce) this.flushAwareness();
    else this.awarenessTimer ??= setTimeout(this.flushAwareness, this.options.awarenessFlushMs);
  };

  /**
   * Cursor traffic dominates a busy room (every participant, ~10 Hz): coalescing it into one
   * frame per interval divides the frames sent by the number of participants moving.
   */
  private readonly flushAwareness = (): void => {
    this.awarenessTimer = undefined;
    if (this.awarenessDirty.size === 0) return;
    const frame = encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awarenessDirty]));
    this.awarenessDirty.clear();
    for (const peer of this.peers) peer.send(frame);
  };
}
