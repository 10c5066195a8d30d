import type { CloseCodeValue } from '@boussole/shared';
import type { RoomConnection } from './RoomConnection.js';

/** Where a connection's rights came from, so that changing them can end it. */
export interface ConnectionOrigin {
  workspaceId: string;
  /** The user or guest id shown in presence. */
  principalId: string;
  /** The invitation link a guest came through. */
  linkId: string | null;
  /** The staff session the socket was opened with. */
  sessionId: string | null;
}

/**
 * Every open collaboration socket with the origin of its rights. Rights are decided once, at
 * the upgrade; when they change (a link revoked, a session ended, a member's role changed or
 * removed), the sockets that were opened with the old rights are closed here, at once.
 */
export class ConnectionIndex {
  private readonly open = new Map<RoomConnection, ConnectionOrigin>();

  /** The connection leaves the index by itself when it closes, whoever closes it. */
  add(connection: RoomConnection, origin: ConnectionOrigin): void {
    if (connection.isClosed) return;
    this.open.set(connection, origin);
    connection.on('closed', () => this.open.delete(connection));
  }

  remove(connection: RoomConnection): void {
    this.open.delete(connection);
  }

  get size(): number {
    return this.open.size;
  }

  /**
   * Who is connected to each of these documents right now, once per person, by the name their
   * presence shows (the identity the server gave the connection); for the workspace page.
   */
  peopleOn(docIds: ReadonlySet<string>): Map<string, string[]> {
    const people = new Map<string, Map<string, string>>();
    for (const connection of this.open.keys()) {
      const identity = connection.identity;
      if (!identity || !docIds.has(connection.docId) || connection.isClosed) continue;
      let names = people.get(connection.docId);
      if (!names) people.set(connection.docId, (names = new Map()));
      names.set(identity.id, identity.name);
    }
    return new Map([...people].map(([docId, names]) => [docId, [...names.values()]]));
  }

  /** Close every open connection whose origin matches; resolves to how many were closed. */
  closeWhere(
    match: (origin: ConnectionOrigin) => boolean,
    code: CloseCodeValue,
    reason: string,
  ): number {
    let closed = 0;
    for (const [connection, origin] of [...this.open]) {
      if (!match(origin)) continue;
      connection.close(code, reason);
      this.open.delete(connection);
      closed++;
    }
    return closed;
  }
}
