import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame } from './binaryFrame.js';

/** A websocket whose server side is a bare TCP socket, for frames written by hand. */
async function rawSocketPair(): Promise<{ tcp: Socket; client: WebSocket; close(): void }> {
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer();
  const accepted = new Promise<Socket>((resolve) => {
    server.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, () => resolve(socket as Socket));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve) => client.once('open', resolve));
  const tcp = await accepted;
  return {
    tcp,
    client,
    close() {
      client.terminate();
      tcp.destroy();
      server.close();
    },
  };
}

describe('binaryFrame', () => {
  let close = () => {};
  afterEach(() => close());

  it('frames payloads of every length class so a websocket client reads them back whole', async () => {
    const pair = await rawSocketPair();
    close = pair.close;
    // Each side of the 7-bit, 16-bit and 64-bit length encodings.
    const lengths = [0, 1, 125, 126, 65_535, 65_536, 300_000];
    const received: Buffer[] = [];
    const all = new Promise<void>((resolve) => {
      pair.client.on('message', (data: Buffer, isBinary) => {
        expect(isBinary).toBe(true);
        received.push(data);
        if (received.length === lengths.length) resolve();
      });
    });
    const payloads = lengths.map((length) =>
      Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256),
    );
    for (const payload of payloads) pair.tcp.write(binaryFrame(payload));
    await all;
    expect(received.map((data) => data.length)).toEqual(lengths);
    expect(received.map((data, i) => data.equals(payloads[i] as Uint8Array))).toEqual(
      lengths.map(() => true),
    );
  });

  it('frames one payload once, however many sockets it goes to', () => {
    const payload = new Uint8Array([0, 2, 1, 7]);
    expect(binaryFrame(payload)).toBe(binaryFrame(payload));
    expect(binaryFrame(new Uint8Array([0, 2, 1, 7]))).not.toBe(binaryFrame(payload));
  });
});
