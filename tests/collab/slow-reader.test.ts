import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '@boussole/shared';
import { connectSynced, type TestClient } from '../helpers/clients.js';
import { openDocuments } from '../helpers/collabAccess.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const MAX_BUFFERED_BYTES = 64 * 1024;
const CHUNK = 'Verbatim recopié en entier. '.repeat(9_000); // about 250 kB per update
const ROUNDS = 64; // about 16 MB: more than loopback's kernel buffers can hold for one socket

/**
 * A participant whose connection stopped reading (a laptop asleep, a saturated uplink) must not
 * make the server hold an ever-growing backlog for it: past MAX_BUFFERED_BYTES waiting in the
 * server, it is disconnected with 4508 and resyncs on reconnect. Frames reach sockets partly
 * outside `ws.send` (one prepared frame per broadcast, server/src/routes/collab.ts): this is
 * what shows that what they leave waiting is counted.
 */
describe('a participant that stops reading', () => {
  let server: TestServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES) } });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  it('is disconnected with 4508 while the others keep receiving every edit', async () => {
    const cookie = await openDocuments(server, 'slow-reader');
    const writer = await connectSynced(server.collabUrl, 'slow-reader', { cookie });
    const observer = await connectSynced(server.collabUrl, 'slow-reader', { cookie });
    clients.push(writer, observer);

    let tcp: net.Socket | undefined;
    // ws dials through this, which hands the test the TCP socket to stop reading from.
    const connect = ((options: net.NetConnectOpts) => {
      tcp = net.connect(options);
      return tcp;
    }) as typeof net.createConnection;
    const stalled = new WebSocket(`${server.collabUrl}/slow-reader`, {
      headers: { cookie },
      createConnection: connect,
    });
    await new Promise((resolve, reject) => {
      stalled.once('open', resolve);
      stalled.once('error', reject);
    });
    let closeCode: number | undefined;
    stalled.once('close', (code) => (closeCode = code));
    stalled.on('error', () => {});
    tcp?.pause();

    const text = writer.doc.getText('notes');
    for (let round = 0; round < ROUNDS; round++) {
      text.insert(0, CHUNK);
      text.delete(0, CHUNK.length);
      // Let the frames go out, as a person typing would, rather than in one burst.
      await new Promise((resolve) => setImmediate(resolve));
    }
    text.insert(0, 'fin');
    await waitFor(() => observer.doc.getText('notes').toString() === 'fin', {
      timeoutMs: 20_000,
      what: 'the observer received every edit',
    });

    tcp?.resume();
    await waitFor(() => closeCode !== undefined, {
      timeoutMs: 15_000,
      what: 'the server closed the socket that stopped reading',
    });
    expect(closeCode).toBe(CloseCode.ClientTooSlow);
  });
});
