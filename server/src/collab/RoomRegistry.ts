import * as Y from 'yjs';
import type { CloseCodeValue } from '@boussole/shared';
import type { DocStore } from '../storage/DocStore.js';
import type { ContentValidator } from './ContentValidator.js';
import { Room } from './Room.js';
import type { RoomConnection } from './RoomConnection.js';
import type { Log, RoomOptions } from './types.js';

export interface RegistryOptions extends RoomOptions {
  /** How long an empty room stays in memory before it is committed, compacted and freed. */
  idleMs: number;
}

/**
 * Every live room of this process. Loading is single-flight (ten clients joining a cold room
 * cause one load); a room leaves memory only once empty, idle and fully committed, and a join
 * that races an unload waits for it to finish, then loads the room anew.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private nextConnectionId = 1;
  private shuttingDown = false;
  /** Number of times a room was loaded from storage (observable by tests and metrics). */
  loads = 0;

  constructor(
    private readonly store: DocStore,
    private readonly options: RegistryOptions,
    private readonly log: Log,
    /** The content rules of a document, decided by its kind; none for unknown documents. */
    private readonly contentValidatorFor: (
      docId: string,
    ) => Promise<ContentValidator | undefined> = () => Promise.resolve(undefined),
  ) {}

  newConnectionId(): number {
    return this.nextConnectionId++;
  }

  get size(): number {
    return this.rooms.size;
  }

  /** The live room for a document, if it is in memory. */
  peek(docId: string): Room | undefined {
    return this.rooms.get(docId);
  }

  /** Load (or reuse) the document's room and add the connection to it. */
  async join(connection: RoomConnection): Promise<Room | undefined> {
    const room = await this.acquire(connection.docId);
    if (connection.isClosed) {
      // It left while the room loaded; the room may now be empty and must be able to unload.
      if (room.peerCount === 0) this.scheduleUnload(room);
      return undefined;
    }
    room.addPeer(connection);
    connection.attach(room);
    return room;
  }

  private async acquire(docId: string): Promise<Room> {
    for (;;) {
      if (this.shuttingDown) throw new Error('server is shutting down');
      const unloading = this.unloading.get(docId);
      if (unloading) {
        await unloading;
        continue;
      }
      const live = this.rooms.get(docId);
      if (live) {
        this.cancelUnload(docId);
        return live;
      }
      let loading = this.loading.get(docId);
      if (!loading) {
        loading = this.load(docId);
        this.loading.set(docId, loading);
      }
      return await loading;
    }
  }

  private async load(docId: string): Promise<Room> {
    try {
      this.loads++;
      const validator = await this.contentValidatorFor(docId);
      const room = await Room.load(docId, this.store, this.options, this.log, validator);
      room.on('empty', (r) => this.scheduleUnload(r));
      room.on('failed', (r) => {
        this.cancelUnload(r.docId);
        if (this.rooms.get(r.docId) === r) this.rooms.delete(r.docId);
        r.destroy();
      });
      this.rooms.set(docId, room);
      return room;
    } finally {
      this.loading.delete(docId);
    }
  }

  private scheduleUnload(room: Room): void {
    if (this.shuttingDown || this.idleTimers.has(room.docId)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.docId);
      void this.unload(room);
    }, this.options.idleMs);
    this.idleTimers.set(room.docId, timer);
  }

  private cancelUnload(docId: string): void {
    const timer = this.idleTimers.get(docId);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(docId);
    }
  }

  private async unload(room: Room): Promise<void> {
    // Re-check: someone may have joined since the timer was set.
    if (room.peerCount > 0 || this.rooms.get(room.docId) !== room) return;
    // The room stays listed (peek, size) until its last write is committed and it is freed;
    // joins meanwhile wait on `unloading`, then load it anew.
    const done = room
      .close()
      .catch((error: unknown) =>
        this.log.error({ err: error, docId: room.docId }, 'failed to unload room'),
      )
      .finally(() => {
        if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId);
        this.unloading.delete(room.docId);
      });
    this.unloading.set(room.docId, done);
    await done;
  }

  /**
   * Runs `fn` on the document's room, loading it if nobody has it open; a room loaded for this
   * alone is unloaded again once idle, as if its last peer had just left.
   */
  private async withRoom<T>(docId: string, fn: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(docId);
    try {
      return await fn(room);
    } finally {
      if (room.peerCount === 0) this.scheduleUnload(room);
    }
  }

  /** The document's committed state (a Yjs update), for exports. */
  async committedState(docId: string): Promise<Uint8Array> {
    return this.withRoom(docId, (room) => room.committedState());
  }

  /**
   * Change a document on the server's behalf (restoring a version): `change` edits a copy of
   * the current state, and the difference is submitted to the room like any client's update,
   * so it is validated, committed, and received by everyone connected.
   */
  async changeDocument(docId: string, change: (doc: Y.Doc) => void): Promise<void> {
    await this.withRoom(docId, async (room) => {
      const copy = new Y.Doc();
      try {
        Y.applyUpdate(copy, await room.committedState());
        const before = Y.encodeStateVector(copy);
        copy.transact(() => change(copy));
        await room.applyServerUpdate(Y.encodeStateAsUpdate(copy, before));
      } finally {
        copy.destroy();
      }
    });
  }

  /**
   * Submit an update the server built itself (an import's cards, checked beforehand on a copy):
   * validated, committed and received by everyone connected like any client's update.
   */
  async submitServerUpdate(docId: string, update: Uint8Array): Promise<void> {
    await this.withRoom(docId, (room) => room.applyServerUpdate(update));
  }

  /**
   * "Purge history" (RGPD): the document's update log becomes one garbage-collected snapshot,
   * then the store reclaims the space the old rows used, so deleted content (a verbatim someone
   * removed) is gone from storage. Open sockets stay open: their copies hold no more than the
   * live document. Named versions are not touched (see DocumentVersions).
   */
  async purgeHistory(docId: string): Promise<void> {
    await this.withRoom(docId, (room) => room.compactNow());
    await this.store.reclaimSpace();
  }

  /**
   * Erasure: close the document's sockets, free its room without writing a snapshot, and
   * delete every stored update. A room loading or unloading meanwhile is waited for first.
   */
  async erase(docId: string, code: CloseCodeValue, reason: string): Promise<void> {
    await this.loading.get(docId)?.catch(() => undefined);
    await this.unloading.get(docId);
    const room = this.rooms.get(docId);
    if (room) {
      this.cancelUnload(docId);
      this.rooms.delete(docId);
      room.closePeers(code, reason);
      await room.drain();
      room.destroy();
    }
    await this.store.deleteDoc(docId);
  }

  /** Graceful shutdown: close every socket, commit every room, free them all. */
  async closeAll(code: CloseCodeValue, reason: string): Promise<void> {
    this.shuttingDown = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.allSettled([...this.loading.values()]);
    // Rooms already unloading are closing themselves; they are awaited below.
    const rooms = [...this.rooms.values()].filter((room) => !this.unloading.has(room.docId));
    this.rooms.clear();
    for (const room of rooms) room.closePeers(code, reason);
    await Promise.allSettled([...rooms.map((room) => room.close()), ...this.unloading.values()]);
  }
}
