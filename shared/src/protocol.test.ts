import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import {
  FrameError,
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.js';

function officialSyncStep1(doc: Y.Doc): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  syncProtocol.writeSyncStep1(enc, doc);
  return encoding.toUint8Array(enc);
}

describe('decodeFrame', () => {
  it('decodes the frames the official y-protocols encoder writes', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'bonjour');
    const frame = decodeFrame(officialSyncStep1(doc));
    expect(frame.kind).toBe('sync-step-1');
    if (frame.kind !== 'sync-step-1') return;
    expect(frame.stateVector).toEqual(Y.encodeStateVector(doc));
  });

  it('round-trips every frame kind we encode', () => {
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    expect(decodeFrame(encodeSyncStep1(update))).toEqual({
      kind: 'sync-step-1',
      stateVector: update,
    });
    expect(decodeFrame(encodeSyncStep2(update))).toEqual({ kind: 'sync-step-2', update });
    expect(decodeFrame(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(decodeFrame(encodeAwareness(update))).toEqual({ kind: 'awareness', update });
    expect(decodeFrame(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
  });

  it('encodes lengths above 127 as multi-byte varints', () => {
    const payload = new Uint8Array(300).fill(7);
    const frame = decodeFrame(encodeUpdate(payload));
    expect(frame).toEqual({ kind: 'update', update: payload });
  });

  it.each([
    ['empty frame', []],
    ['sync without subtype', [0]],
    ['truncated payload', [0, 2, 5, 1, 2]],
    ['trailing bytes', [3, 0]],
    ['endless varint', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
  ])('refuses a malformed frame: %s', (_name, bytes) => {
    expect(() => decodeFrame(new Uint8Array(bytes))).toThrow(FrameError);
    try {
      decodeFrame(new Uint8Array(bytes));
    } catch (e) {
      expect((e as FrameError).reason).toBe('malformed');
    }
  });

  it('refuses auth and unknown message types as unsupported', () => {
    for (const bytes of [[2, 0], [9], [0, 7, 0]]) {
      try {
        decodeFrame(new Uint8Array(bytes));
        expect.unreachable();
      } catch (e) {
        expect((e as FrameError).reason).toBe('unsupported');
      }
    }
  });

  it('never reads past the frame when it is a view into a larger buffer', () => {
    const slab = new Uint8Array(64).fill(42);
    // Claims a 10-byte payload but the view holds only 3 bytes; the slab continues after it.
    slab.set([0, 2, 10, 1, 2, 3], 0);
    const view = slab.subarray(0, 6);
    expect(() => decodeFrame(view)).toThrow(/exceeds frame/);
  });

  it('copies payloads out of the source buffer', () => {
    const bytes = encodeUpdate(new Uint8Array([1, 2, 3]));
    const frame = decodeFrame(bytes);
    bytes.fill(0);
    expect(frame).toEqual({ kind: 'update', update: new Uint8Array([1, 2, 3]) });
  });
});
