import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { Heartbeat, adaptSocket, shortReason } from './collabSocket.js';

/** A real ws server on port 0 and a real ws client: the server side as the collab route sees it. */
async function socketPair(
  clientOptions: { autoPong?: boolean; perMessageDeflate?: boolean } = {},
): Promise<{
  ws: WebSocket;
  tcp: Socket;
  client: WebSocket;
  received: Uint8Array[];
  messages(count: number): Promise<void>;
}> {
  const server = http.createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: true });
  const accepted = new Promise<{ ws: WebSocket; tcp: Socket }>((resolve) => {
    wss.on('connection', (ws, request) => resolve({ ws, tcp: request.socket }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`, {
    perMessageDeflate: clientOptions.perMessageDeflate ?? false,
    autoPong: clientOptions.autoPong ?? true,
  });
  const received: Uint8Array[] = [];
  const messages = (count: number) => counted(client, 'message', count - received.length);
  client.on('message', (data: RawData, isBinary) => {
    expect(isBinary).toBe(true);
    received.push(new Uint8Array(data as Buffer));
  });
  cleanups.push(async () => {
    client.terminate();
    wss.close();
    await new Promise((resolve) => server.close(resolve));
  });
  await new Promise((resolve) => client.once('open', resolve));
  return { ...(await accepted), client, received, messages };
}

/** Resolves once `emitter` has emitted `event` `count` more times (events, not a timer). */
function counted(emitter: WebSocket, event: 'message' | 'ping', count: number): Promise<void> {
  return new Promise((resolve) => {
    let left = count;
    if (left <= 0) return resolve();
    const listener = () => {
      if (--left > 0) return;
      emitter.off(event, listener);
      resolve();
    };
    emitter.on(event, listener);
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const bytes = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 7 + seed) % 256);

describe('adaptSocket', () => {
  it('writes frames straight to the TCP socket, which a ws client reads as binary messages', async () => {
    const { ws, tcp, received, messages } = await socketPair();
    expect(ws.extensions).toBe('');
    const four = messages(4);
    const socket = adaptSocket(ws, tcp);
    // One length of each header form (7-bit, 16-bit, 64-bit), interleaved with ws's own sends.
    const frames = [bytes(5, 1), bytes(300, 2), bytes(70_000, 3)];
    socket.send(frames[0]!);
    ws.send(bytes(1, 9));
    socket.send(frames[1]!);
    socket.send(frames[2]!);
    expect(socket.bufferedAmount).toBeGreaterThanOrEqual(0);
    await four;
    expect(received).toEqual([frames[0], bytes(1, 9), frames[1], frames[2]]);
  });

  it('goes through ws when compression was negotiated or there is no TCP socket', async () => {
    const compressed = await socketPair({ perMessageDeflate: true });
    expect(compressed.ws.extensions).not.toBe('');
    const bare = await socketPair();
    const both = Promise.all([compressed.messages(1), bare.messages(1)]);
    adaptSocket(compressed.ws, compressed.tcp).send(bytes(2_000, 4));
    adaptSocket(bare.ws, undefined).send(bytes(10, 5));
    await both;
    expect(compressed.received[0]).toEqual(bytes(2_000, 4));
    expect(bare.received[0]).toEqual(bytes(10, 5));
  });

  it('closes with a reason cut to fit a control frame, and sends nothing raw after the close', async () => {
    const { ws, tcp, client, received } = await socketPair();
    const socket = adaptSocket(ws, tcp);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    const errors: Error[] = [];
    client.on('error', (error) => errors.push(error));
    socket.close(4404, 'é'.repeat(100));
    socket.send(bytes(3, 6));
    const { code, reason } = await closed;
    expect(code).toBe(4404);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(reason).toBe(shortReason('é'.repeat(100)));
    expect(reason.endsWith('…')).toBe(true);
    expect(received).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps short reasons whole', () => {
    expect(shortReason('signed out')).toBe('signed out');
  });
});

describe('Heartbeat', () => {
  it('terminates a socket that stops answering pings and keeps one that answers', async () => {
    const silent = await socketPair({ autoPong: false });
    const answering = await socketPair();
    const heartbeat = new Heartbeat(20);
    heartbeat.add(silent.ws);
    heartbeat.add(answering.ws);
    const terminated = new Promise((resolve) => silent.ws.once('close', resolve));
    const threePings = counted(answering.client, 'ping', 3);
    heartbeat.start();
    try {
      await terminated;
      await threePings;
      expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    } finally {
      heartbeat.stop();
    }
  });

  it('stops pinging a removed socket', async () => {
    const silent = await socketPair({ autoPong: false });
    const heartbeat = new Heartbeat(10);
    heartbeat.add(silent.ws);
    heartbeat.remove(silent.ws);
    let pings = 0;
    silent.client.on('ping', () => pings++);
    const watcher = await socketPair();
    const threePings = counted(watcher.client, 'ping', 3);
    heartbeat.add(watcher.ws);
    heartbeat.start();
    try {
      await threePings;
      expect(pings).toBe(0);
      expect(silent.ws.readyState).toBe(WebSocket.OPEN);
    } finally {
      heartbeat.stop();
    }
  });
});
