import * as Y from 'yjs';
import { decodeFrame, encodeSyncStep1 } from '@boussole/shared';
import WebSocket from 'ws';
import { waitFor } from './wait.js';

/**
 * A bare `ws` client speaking (or mis-speaking) the y-websocket protocol byte by byte. Tests
 * use it to send frames no official provider would send and to see exactly how the server
 * answers: every frame received, and the close code and reason.
 */
export interface RawClient {
  ws: WebSocket;
  /** Binary frames received from the server, in order. */
  readonly received: Uint8Array[];
  /** Resolves when the socket is open; rejects if it closes or fails before opening. */
  readonly opened: Promise<void>;
  /** Resolves once the socket is closed, with the code and reason the server sent. */
  readonly closed: Promise<RawClose>;
  /** Set once closed; undefined while the socket is open. */
  readonly closeInfo: RawClose | undefined;
  /** `closed`, but failing the test if the socket is still open after `timeoutMs`. */
  waitClosed(timeoutMs?: number): Promise<RawClose>;
  /** Send one frame: binary for bytes, text for a string, unless `binary` says otherwise. */
  send(data: Uint8Array | string, options?: { binary?: boolean }): Promise<void>;
  /** Wait until a received frame satisfies `match`, and return it. */
  waitForFrame(match: (frame: Uint8Array) => boolean, what?: string): Promise<Uint8Array>;
  /** Close from the client side (or drop without a handshake with `terminate`). */
  close(): void;
  terminate(): void;
}

export interface RawClose {
  code: number;
  reason: string;
}

export interface RawClientOptions {
  /** ws ≥ 8.16: do not answer the server's pings (a frozen laptop, a dead NAT). */
  autoPong?: boolean;
  /** The `Cookie` header of the upgrade (a session or a guest's link cookie). */
  cookie?: string;
}

/** Connect to `ws://127.0.0.1:PORT/collab/<docId>`; `docIdPath` is put in the URL verbatim. */
export function connectRaw(
  collabUrl: string,
  docIdPath: string,
  options: RawClientOptions = {},
): RawClient {
  const ws = new WebSocket(`${collabUrl}/${docIdPath}`, {
    autoPong: options.autoPong ?? true,
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  const received: Uint8Array[] = [];
  let closeInfo: RawClose | undefined;

  ws.on('message', (data, isBinary) => {
    if (!isBinary) return;
    const chunks = Array.isArray(data) ? data : [data];
    received.push(
      new Uint8Array(
        Buffer.concat(chunks.map((c) => (c instanceof ArrayBuffer ? Buffer.from(c) : c))),
      ),
    );
  });

  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', (code) => reject(new Error(`closed (${code}) before opening`)));
    ws.once('error', (error) => reject(error));
  });
  // A socket the server refuses before opening would otherwise be an unhandled rejection.
  opened.catch(() => {});

  const closed = new Promise<RawClose>((resolve) => {
    ws.on('close', (code, reason) => {
      closeInfo = { code, reason: reason.toString('utf8') };
      resolve(closeInfo);
    });
  });
  // Errors (for example a reset after the server terminates) always end in 'close'.
  ws.on('error', () => {});

  return {
    ws,
    received,
    opened,
    closed,
    get closeInfo() {
      return closeInfo;
    },
    waitClosed(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`socket still open after ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      return Promise.race([closed, deadline]).finally(() => clearTimeout(timer));
    },
    send(data, sendOptions = {}) {
      return new Promise<void>((resolve, reject) => {
        ws.send(data, { binary: sendOptions.binary ?? typeof data !== 'string' }, (error) =>
          error ? reject(error) : resolve(),
        );
      });
    },
    async waitForFrame(match, what = 'a matching frame') {
      let found: Uint8Array | undefined;
      await waitFor(
        () => {
          found = received.find(match);
          return found !== undefined;
        },
        { what },
      );
      return found as Uint8Array;
    },
    close() {
      ws.close();
    },
    terminate() {
      ws.terminate();
    },
  };
}

function varUint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push(0x80 | (v % 128));
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/**
 * `header` bytes, then `declaredLength` as a varint, then `payload`: a frame whose length
 * prefix may lie about the payload that follows (by default it tells the truth).
 */
export function rawFrame(
  header: number[],
  payload: Uint8Array,
  declaredLength = payload.length,
): Uint8Array {
  return Uint8Array.from([...header, ...varUint(declaredLength), ...payload]);
}

/**
 * What a newcomer receives when it joins `docId` with an empty state: the sync step 2 frame's
 * size in bytes, and the document it holds once applied.
 */
export async function newcomerSync(
  collabUrl: string,
  docId: string,
  cookie: string,
): Promise<{ bytes: number; doc: Y.Doc }> {
  const newcomer = connectRaw(collabUrl, docId, { cookie });
  await newcomer.opened;
  await newcomer.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
  const kindOf = (bytes: Uint8Array) => {
    try {
      return decodeFrame(bytes).kind;
    } catch {
      return undefined;
    }
  };
  const step2 = await newcomer.waitForFrame(
    (bytes) => kindOf(bytes) === 'sync-step-2',
    'sync step 2',
  );
  newcomer.close();
  const frame = decodeFrame(step2);
  if (frame.kind !== 'sync-step-2') throw new Error('not a sync step 2');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, frame.update);
  return { bytes: step2.length, doc };
}
