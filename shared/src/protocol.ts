/**
 * The y-websocket wire protocol, decoded into a discriminated union.
 *
 * A frame is `varUint messageType` followed by a type-specific body:
 *   0 sync       varUint syncType (0 step 1, 1 step 2, 2 update) + varUint8Array payload
 *   1 awareness  varUint8Array awareness update
 *   2 auth       (server → client only; refused from clients)
 *   3 query-awareness (no body)
 *
 * Decoding is strict and bounds-checked by hand: ws hands us Buffers that may be views into a
 * larger pooled slab, so a lying length must never read past the frame into other bytes.
 * Payloads are copied into their own exact-size buffers before anyone (Yjs, y-protocols)
 * decodes them further.
 */

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

export type Frame =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export type FrameErrorReason = 'malformed' | 'unsupported';

export class FrameError extends Error {
  constructor(
    readonly reason: FrameErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

class StrictReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let result = 0;
    let multiplier = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.bytes.length) throw new FrameError('malformed', 'truncated varint');
      const byte = this.bytes[this.pos++] as number;
      result += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (!Number.isSafeInteger(result)) break;
        return result;
      }
      multiplier *= 128;
    }
    throw new FrameError('malformed', 'varint too long');
  }

  varUint8Array(): Uint8Array {
    const length = this.varUint();
    if (length > this.bytes.length - this.pos) {
      throw new FrameError('malformed', 'declared length exceeds frame');
    }
    // slice() copies into a fresh ArrayBuffer of exactly this size.
    const out = this.bytes.slice(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  end(): void {
    if (this.pos !== this.bytes.length) {
      throw new FrameError('malformed', `${this.bytes.length - this.pos} trailing byte(s)`);
    }
  }
}

/** Decode one client frame. Throws FrameError; never reads outside `bytes`. */
export function decodeFrame(bytes: Uint8Array): Frame {
  const reader = new StrictReader(bytes);
  const messageType = reader.varUint();
  let frame: Frame;
  switch (messageType) {
    case MessageType.Sync: {
      const syncType = reader.varUint();
      const payload = reader.varUint8Array();
      if (syncType === SyncType.Step1) frame = { kind: 'sync-step-1', stateVector: payload };
      else if (syncType === SyncType.Step2) frame = { kind: 'sync-step-2', update: payload };
      else if (syncType === SyncType.Update) frame = { kind: 'update', update: payload };
      else throw new FrameError('unsupported', `unknown sync message type ${syncType}`);
      break;
    }
    case MessageType.Awareness:
      frame = { kind: 'awareness', update: reader.varUint8Array() };
      break;
    case MessageType.QueryAwareness:
      frame = { kind: 'query-awareness' };
      break;
    default:
      throw new FrameError('unsupported', `unknown message type ${messageType}`);
  }
  reader.end();
  return frame;
}

function writeVarUint(out: number[], value: number): void {
  let v = value;
  while (v > 0x7f) {
    out.push(0x80 | (v & 0x7f));
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function frameWithPayload(header: number[], payload: Uint8Array): Uint8Array {
  writeVarUint(header, payload.length);
  const out = new Uint8Array(header.length + payload.length);
  out.set(header, 0);
  out.set(payload, header.length);
  return out;
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frameWithPayload([MessageType.Sync, SyncType.Step1], stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frameWithPayload([MessageType.Sync, SyncType.Step2], update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frameWithPayload([MessageType.Sync, SyncType.Update], update);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frameWithPayload([MessageType.Awareness], update);
}

export function encodeQueryAwareness(): Uint8Array {
  return new Uint8Array([MessageType.QueryAwareness]);
}

/**
 * An auth message telling the client that something it sent was refused, with a reason the
 * official provider hands to its `permissionDeniedHandler` (y-protocols/auth: type 0 is
 * permission denied, followed by the reason as a varString).
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  return frameWithPayload([MessageType.Auth, 0], new TextEncoder().encode(reason));
}

/** The reason carried by a permission-denied auth frame, or undefined for any other frame. */
export function decodePermissionDenied(frame: Uint8Array): string | undefined {
  if (frame[0] !== MessageType.Auth || frame[1] !== 0) return undefined;
  let length = 0;
  let shift = 0;
  let i = 2;
  for (; i < frame.length; i++) {
    const byte = frame[i] ?? 0;
    length += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) break;
  }
  return new TextDecoder().decode(frame.subarray(i + 1, i + 1 + length));
}
