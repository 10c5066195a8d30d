import * as Y from 'yjs';

/**
 * Updates that depend on content the server never received: structs whose earlier clocks, or
 * deletions whose targets, are missing. Yjs keeps such content in `doc.store.pendingStructs` /
 * `pendingDs`, re-merges all of it on every later update, and ships it to every newcomer inside
 * `encodeStateAsUpdate` — so one hostile sender could stall the event loop, grow memory and
 * poison everyone's sync. Here each sender's pending content is held apart from the document,
 * bounded, and only put back into the store while that same sender's next update is applied.
 *
 * What an honest client needs: the y-websocket provider sends live edits as soon as the socket
 * opens, before its sync step 2 carries what it wrote offline; those few edits arrive with a
 * gap that the step 2 fills a round trip later. A connection may therefore hold a little
 * pending content (bytes and client ids, configurable), never forever: it is dropped with the
 * connection, and it is never stored or sent to anyone.
 */
export interface PendingLimits {
  /** Pending bytes one connection may hold. */
  maxPendingBytes: number;
  /** Distinct client ids in one connection's pending content. */
  maxPendingClients: number;
  /** Pending bytes all the connections of one room may hold together. */
  maxRoomPendingBytes: number;
}

interface Held {
  structs: { missing: Map<number, number>; update: Uint8Array } | null;
  ds: Uint8Array | null;
  bytes: number;
}

export type PendingOverflow = { limit: 'bytes' | 'clients' | 'room-bytes' };

export class PendingUpdates<Owner> {
  private readonly held = new Map<Owner, Held>();
  private roomBytes = 0;

  constructor(private readonly limits: PendingLimits) {}

  /** Bytes held for every connection of the room: part of the document's size budget. */
  get bytes(): number {
    return this.roomBytes;
  }

  holds(owner: Owner): boolean {
    return this.held.has(owner);
  }

  /**
   * Before `owner`'s next update is applied: give its pending content back to Yjs, which
   * integrates whatever that update completes. The store holds nobody else's meanwhile.
   */
  restore(doc: Y.Doc, owner: Owner): void {
    const held = this.held.get(owner);
    if (!held) return;
    this.forget(owner);
    doc.store.pendingStructs = held.structs;
    doc.store.pendingDs = held.ds;
  }

  /**
   * After `owner`'s update was applied: take what is still pending out of the document, so
   * that neither a sync reply nor a snapshot can carry it. Returns the limit it broke, if any;
   * then nothing is held for `owner` and the caller closes its connection.
   */
  take(doc: Y.Doc, owner: Owner): PendingOverflow | undefined {
    const structs = doc.store.pendingStructs;
    const ds = doc.store.pendingDs;
    if (!structs && !ds) return undefined;
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
    const bytes = (structs?.update.length ?? 0) + (ds?.length ?? 0);
    if (bytes > this.limits.maxPendingBytes) return { limit: 'bytes' };
    if (this.roomBytes + bytes > this.limits.maxRoomPendingBytes) return { limit: 'room-bytes' };
    // Parsed only when something is pending, which an honest session hits a handful of times.
    if (pendingClientCount(structs?.update, ds) > this.limits.maxPendingClients) {
      return { limit: 'clients' };
    }
    this.held.set(owner, { structs, ds, bytes });
    this.roomBytes += bytes;
    return undefined;
  }

  /** The connection left: what it never completed goes with it. */
  forget(owner: Owner): void {
    const held = this.held.get(owner);
    if (!held) return;
    this.held.delete(owner);
    this.roomBytes -= held.bytes;
  }
}

/** Distinct client ids whose structs or deletions are pending (both are V2-encoded by Yjs). */
function pendingClientCount(structs: Uint8Array | undefined, ds: Uint8Array | null): number {
  const clients = new Set<number>();
  if (structs) for (const client of Y.parseUpdateMetaV2(structs).from.keys()) clients.add(client);
  if (ds) for (const client of Y.decodeUpdateV2(ds).ds.clients.keys()) clients.add(client);
  return clients.size;
}

/**
 * Drops pending content a document was loaded with (a snapshot taken by a version that still
 * stored it). Nobody can ever see it, and keeping it would resend it to every newcomer.
 */
export function dropPending(doc: Y.Doc): number {
  const bytes = (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  return bytes;
}
