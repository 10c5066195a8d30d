import * as Y from 'yjs';
import type { CloseCodeValue } from '@boussole/shared';
import type { DocStore } from '../storage/DocStore.js';
import { CommitPipeline, serverPeer, type SubmitResult } from './CommitPipeline.js';
import { Compactor } from './Compactor.js';
import type { ContentGuard, ContentValidator } from './ContentValidator.js';
import { Emitter } from './events.js';
import { dropPending } from './PendingUpdates.js';
import { PresenceRelay } from './PresenceRelay.js';
import { storageOrigin } from './origins.js';
import type { Log, RoomOptions, RoomPeer } from './types.js';

export type { SubmitResult } from './CommitPipeline.js';

export type RoomEvents = {
  /** The last peer left. */
  empty: [room: Room];
  /** Storage failed: every peer was closed and the room accepts nothing more. */
  failed: [room: Room];
};

/**
 * One live document and its peers. Its jobs are parts of their own: `commits` (persist, then
 * broadcast; CommitPipeline.ts), `compactor` (folding the stored log; Compactor.ts) and
 * `presence` (awareness and who owns which presence id; PresenceRelay.ts).
 */
export class Room {
  readonly presence: PresenceRelay;
  private readonly peers = new Set<RoomPeer>();
  private readonly commits: CommitPipeline;
  private readonly compactor: Compactor;
  private readonly events = new Emitter<RoomEvents>();

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
    const doc = new Y.Doc({ gc: true });
    Y.transact(
      doc,
      () => {
        for (const update of stored.updates) Y.applyUpdate(doc, update, storageOrigin);
      },
      storageOrigin,
    );
    // Snapshots taken before pending content was kept out of documents may carry some.
    const dropped = dropPending(doc);
    if (dropped > 0) log.warn({ docId, bytes: dropped }, 'dropped stored pending content');
    const compactor = new Compactor(docId, doc, store, options, log, {
      lastSeq: stored.lastSeq,
      bytes: stored.bytes,
      rows: stored.updates.length,
    });
    // Stored content is not judged again: it was accepted when written (or predates the rules,
    // and readers skip what they cannot load). Only what clients change from now on is.
    const guard = validator?.guard(doc);
    return new Room(docId, doc, store, options, log, compactor, guard);
  }

  private constructor(
    readonly docId: string,
    readonly doc: Y.Doc,
    store: DocStore,
    options: RoomOptions,
    log: Log,
    compactor: Compactor,
    private readonly guard: ContentGuard | undefined,
  ) {
    this.compactor = compactor;
    this.presence = new PresenceRelay(
      doc,
      this.peers,
      options,
      () => options.presenceHidden?.(docId) === true,
    );
    this.commits = new CommitPipeline({
      docId,
      doc,
      peers: this.peers,
      store,
      compactor,
      guard,
      options,
      log,
      onStorageFailure: () => this.events.emit('failed', this),
    });
  }

  on<E extends keyof RoomEvents>(event: E, listener: (...args: RoomEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  get awareness(): PresenceRelay['awareness'] {
    return this.presence.awareness;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  addPeer(peer: RoomPeer): void {
    this.peers.add(peer);
    this.presence.join(peer);
  }

  removePeer(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    this.commits.forget(peer);
    this.presence.leave(peer);
    if (this.peers.size === 0) this.events.emit('empty', this);
  }

  /** Run `fn` when the Y.Doc equals committed state: now, or right after the current commit. */
  whenCommitted(fn: () => void): void {
    this.commits.whenCommitted(fn);
  }

  /** Accept a client's update for the next commit (see CommitPipeline.submit). */
  submitUpdate(update: Uint8Array, from: RoomPeer): SubmitResult {
    return this.commits.submit(update, from);
  }

  /**
   * A change made by the server itself (restoring a report version): it goes through the same
   * pipeline as a client's — committed, then sent to every peer — and resolves once committed.
   */
  async applyServerUpdate(update: Uint8Array): Promise<void> {
    const result = this.submitUpdate(update, serverPeer);
    if (!result.ok) throw new Error(`server change refused: ${result.reason}`);
    await this.commits.drain();
    if (this.commits.failed) throw new Error(`storage failed for ${this.docId}`);
  }

  /** Commit what is pending, then fold the log into one snapshot (a history purge). */
  compactNow(): Promise<void> {
    return this.compactor.compactNow(this.commits);
  }

  /** The document's state once everything accepted so far is committed. */
  async committedState(): Promise<Uint8Array> {
    await this.commits.drain();
    if (this.commits.failed) throw new Error(`storage failed for ${this.docId}`);
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Resolves once every accepted update is committed and no compaction is running. */
  drain(): Promise<void> {
    return this.commits.drain();
  }

  /** Commit everything, fold the log into a snapshot, and free the document. */
  async close(): Promise<void> {
    await this.commits.drain();
    if (!this.commits.failed && this.compactor.uncompacted > 0) {
      await this.compactor.compact(this.commits);
    }
    this.destroy();
  }

  closePeers(code: CloseCodeValue, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason);
  }

  destroy(): void {
    this.commits.stop();
    this.guard?.destroy();
    this.presence.destroy();
    this.doc.destroy();
  }
}
