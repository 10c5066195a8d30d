import { describe, expect, it } from 'vitest';
import { CloseCode } from '@boussole/shared';
import { silent } from '../testing/collabTestSetup.js';
import { ConnectionIndex, type ConnectionOrigin } from './ConnectionIndex.js';
import { RoomConnection, type CollabSocket } from './RoomConnection.js';

const limits = {
  maxFrameBytes: 1024,
  maxBufferedBytes: 1024,
  maxPresenceIds: 4,
  maxPresenceBytes: 1024,
};

function connection(id: number) {
  const closes: number[] = [];
  const socket: CollabSocket = { send() {}, close: (code) => closes.push(code), bufferedAmount: 0 };
  const conn = new RoomConnection(id, 'doc', socket, limits, silent, {
    canWrite: true,
    identity: undefined,
  });
  return { conn, closes };
}

const origin = (workspaceId: string, linkId: string | null = null): ConnectionOrigin => ({
  workspaceId,
  principalId: 'p',
  linkId,
  sessionId: null,
});

describe('ConnectionIndex', () => {
  it('closes the connections whose origin matches, with the code given', () => {
    const index = new ConnectionIndex();
    const [a, b] = [connection(1), connection(2)];
    index.add(a.conn, origin('w1', 'link-1'));
    index.add(b.conn, origin('w1'));
    expect(
      index.closeWhere(
        (o) => o.linkId === 'link-1',
        CloseCode.Unauthorized,
        'invitation link revoked',
      ),
    ).toBe(1);
    expect(a.closes).toEqual([CloseCode.Unauthorized]);
    expect(b.closes).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('forgets a connection as soon as it closes, whoever closed it', () => {
    const index = new ConnectionIndex();
    const [a, b] = [connection(1), connection(2)];
    index.add(a.conn, origin('w1'));
    index.add(b.conn, origin('w1'));
    a.conn.close(CloseCode.ClientTooSlow, 'trop lent');
    b.conn.socketClosed();
    expect(index.size).toBe(0);
    expect(index.closeWhere(() => true, CloseCode.AccessChanged, 'rights changed')).toBe(0);
  });
});
