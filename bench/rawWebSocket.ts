import crypto from 'node:crypto';
import net from 'node:net';

/**
 * The smallest websocket client that talks to a real server correctly (RFC 6455): an HTTP
 * upgrade, unmasked frames in, masked frames out, pongs to pings. It hands each TCP chunk's
 * binary messages to `onMessages` with one timestamp, without allocating per frame, so that a
 * light observer costs the harness far less than `ws` does per received message.
 */
export interface RawWebSocketHandlers {
  onOpen(): void;
  /** Called once per received TCP chunk with every complete binary message in it. */
  onMessages(messages: readonly Uint8Array[]): void;
  onClose(reason: string): void;
}

export class RawWebSocket {
  private readonly socket: net.Socket;
  private open = false;
  private closed = false;
  private pending: Buffer | undefined;
  private readonly messages: Uint8Array[] = [];

  constructor(
    url: string,
    private readonly handlers: RawWebSocketHandlers,
    cookie?: string,
  ) {
    const { hostname, port, pathname } = new URL(url);
    const key = crypto.randomBytes(16).toString('base64');
    this.socket = net.connect(Number(port), hostname);
    this.socket.setNoDelay(true);
    this.socket.on('connect', () => {
      this.socket.write(
        `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n` +
          (cookie ? `Cookie: ${cookie}\r\n` : '') +
          '\r\n',
      );
    });
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.end(`socket error: ${error.message}`));
    this.socket.on('close', () => this.end('socket closed'));
  }

  get isOpen(): boolean {
    return this.open && !this.closed;
  }

  send(payload: Uint8Array): void {
    if (this.isOpen) this.socket.write(frame(0x2, payload));
  }

  close(): void {
    if (this.isOpen) this.socket.end(frame(0x8, Uint8Array.of(0x03, 0xe8)));
    this.end('closed by the client');
  }

  private end(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroySoon();
    this.handlers.onClose(reason);
  }

  private receive(chunk: Buffer): void {
    let buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    if (!this.open) {
      const headerEnd = buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        this.pending = buf;
        return;
      }
      const status = buf.toString('latin1', 0, buf.indexOf('\r\n'));
      if (!/^HTTP\/1\.1 101 /.test(status)) {
        this.end(`upgrade refused: ${status}`);
        return;
      }
      this.open = true;
      this.handlers.onOpen();
      buf = buf.subarray(headerEnd + 4);
    }
    let offset = 0;
    while (buf.length - offset >= 2) {
      const opcode = buf[offset]! & 0x0f;
      let length = buf[offset + 1]! & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buf.length - offset < 4) break;
        length = buf.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (buf.length - offset < 10) break;
        length = Number(buf.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (buf.length - offset < header + length) break;
      const payload = buf.subarray(offset + header, offset + header + length);
      offset += header + length;
      if (opcode === 0x2) this.messages.push(payload);
      else if (opcode === 0x9) this.socket.write(frame(0xa, payload));
      else if (opcode === 0x8) {
        this.end(`closed by the server (${payload.length >= 2 ? payload.readUInt16BE(0) : '-'})`);
        return;
      } else if (opcode !== 0xa) {
        // Servers here never fragment messages or send text: anything else is a bug to see.
        this.end(`unexpected websocket opcode ${opcode}`);
        return;
      }
    }
    if (offset < buf.length) this.pending = Buffer.from(buf.subarray(offset));
    if (this.messages.length > 0) {
      this.handlers.onMessages(this.messages);
      this.messages.length = 0;
    }
  }
}

/** Random bytes for masking keys, drawn in blocks: one system call per thousand frames. */
const maskPool = Buffer.alloc(4096);
let maskOffset = maskPool.length;

/** One final client frame: clients must mask their payload with a fresh random key. */
function frame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const out = Buffer.allocUnsafe(header + 4 + length);
  out[0] = 0x80 | opcode;
  if (header === 2) out[1] = 0x80 | length;
  else if (header === 4) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(length, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeBigUInt64BE(BigInt(length), 2);
  }
  if (maskOffset === maskPool.length) {
    crypto.randomFillSync(maskPool);
    maskOffset = 0;
  }
  maskPool.copy(out, header, maskOffset, maskOffset + 4);
  maskOffset += 4;
  for (let i = 0; i < length; i += 1) out[header + 4 + i] = payload[i]! ^ out[header + (i & 3)]!;
  return out;
}
