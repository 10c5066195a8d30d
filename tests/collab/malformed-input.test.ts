import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import {
  CloseCode,
  FrameError,
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from '@boussole/shared';
import { connectSynced, type TestClient } from '../helpers/clients.js';
import {
  decodableExtremes,
  impossibleUpdates,
  unintegrableUpdates,
} from '../helpers/craftedUpdates.js';
import { connectRaw, rawFrame } from '../helpers/rawClient.js';
import { pick, seededRandom } from '../helpers/random.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openDocuments } from '../helpers/collabAccess.js';

const MAX_FRAME_BYTES = 65_536;
const SEED = 20_260_918;

/** One frame sent on its own fresh socket, and the close code it must earn. */
interface BadFrame {
  category: string;
  data: Uint8Array | string;
  expected: number;
}

/** Encoded state after a round trip through a fresh doc, so struct splitting cannot differ. */
function canonical(update: Uint8Array): Buffer {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const out = Buffer.from(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return out;
}

/**
 * What the server must answer to these bytes, worked out without it (the shared frame decoder,
 * then the Yjs and y-protocols decoders): a close code, or undefined for a frame it accepts.
 * Random and mutated frames are kept only when this says they are refused, so nothing in the
 * barrage can be a valid edit.
 */
function refusalFor(bytes: Uint8Array, scratch: Awareness): number | undefined {
  let frame;
  try {
    frame = decodeFrame(bytes);
  } catch (error) {
    const unsupported = error instanceof FrameError && error.reason === 'unsupported';
    return unsupported ? CloseCode.UnsupportedMessage : CloseCode.MalformedFrame;
  }
  try {
    if (frame.kind === 'sync-step-1') Y.decodeStateVector(frame.stateVector);
    else if (frame.kind === 'sync-step-2' || frame.kind === 'update') Y.decodeUpdate(frame.update);
    else if (frame.kind === 'awareness') applyAwarenessUpdate(scratch, frame.update, 'oracle');
    return undefined;
  } catch {
    return CloseCode.MalformedFrame;
  }
}

function cuts(frame: Uint8Array): Uint8Array[] {
  return Array.from({ length: frame.length }, (_, k) => frame.slice(0, k));
}

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

function awarenessEntries(entries: { id: number; clock: number; json: Uint8Array }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.id);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarUint8Array(e, entry.json);
  }
  return encoding.toUint8Array(e);
}

describe('malformed and hostile input', () => {
  let server: TestServer;
  let cookie = '';
  let alice: TestClient;
  let bob: TestClient;
  const docId = 'malformed-target';
  const scratchAwareness = new Awareness(new Y.Doc());

  /** One socket per frame, `concurrency` at a time; returns every frame that got another code. */
  async function sendEach(target: string, frames: BadFrame[], concurrency = 16) {
    const wrong: { category: string; index: number; expected: number; got: number }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < frames.length) {
        const index = next++;
        const frame = frames[index] as BadFrame;
        const client = connectRaw(server.collabUrl, target, { cookie });
        await client.opened;
        // The server may close before ws finished sending a large frame: the code still counts.
        client.send(frame.data).catch(() => {});
        const { code } = await client.waitClosed();
        if (code !== frame.expected)
          wrong.push({ category: frame.category, index, expected: frame.expected, got: code });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return wrong;
  }

  function serverState(id: string): Buffer {
    const room = server.app.rooms.peek(id);
    if (!room) throw new Error(`room ${id} is not loaded`);
    return Buffer.from(Y.encodeStateAsUpdate(room.doc));
  }

  beforeAll(async () => {
    server = await startServer({
      env: { MAX_FRAME_BYTES: String(MAX_FRAME_BYTES), LOG_LEVEL: 'error' },
    });
    cookie = await openDocuments(
      server,
      docId,
      'x'.repeat(128),
      'malformed-crafted',
      'malformed-presence',
    );
    alice = await connectSynced(server.collabUrl, docId, { cookie });
    bob = await connectSynced(server.collabUrl, docId, { cookie });
    const text = alice.doc.getText('text');
    for (let i = 0; i < 20; i++) text.insert(text.length, `Atelier ${i} — besoins sociaux. `);
    bob.doc.getMap('cards').set('card-1', { title: 'Logement', votes: 3 });
    await waitFor(
      () =>
        bob.doc.getText('text').length === text.length && alice.doc.getMap('cards').has('card-1'),
      { what: 'both clients to hold the initial content' },
    );
  });

  afterAll(async () => {
    alice?.destroy();
    bob?.destroy();
    scratchAwareness.destroy();
    await server?.close();
  });

  it('closes each malformed frame with its exact code and leaves the document byte-identical', async () => {
    const random = seededRandom(SEED);
    const before = serverState(docId);
    expect(alice.doc.getText('text').length).toBeGreaterThan(500);

    const stateVector = Y.encodeStateVector(alice.doc);
    const fullState = Y.encodeStateAsUpdate(alice.doc);
    // A real edit, made on a copy: only its mangled versions are sent.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, fullState);
    let edit: Uint8Array = new Uint8Array();
    copy.once('update', (update: Uint8Array) => (edit = update));
    copy.getText('text').insert(3, 'jamais envoyé entier');
    copy.destroy();
    const presence = new Awareness(new Y.Doc());
    presence.setLocalState({ user: { name: 'Zoé', color: '#c05' } });
    const presenceUpdate = encodeAwarenessUpdate(presence, [presence.clientID]);
    presence.destroy();
    const realFrames = {
      'sync step 1': encodeSyncStep1(stateVector),
      'sync step 2': encodeSyncStep2(fullState),
      update: encodeUpdate(edit),
      awareness: encodeAwareness(presenceUpdate),
    };

    const frames: BadFrame[] = [];
    const add = (category: string, expected: number, data: Uint8Array | string) =>
      frames.push({ category, data, expected });
    const malformed = CloseCode.MalformedFrame;
    const unsupported = CloseCode.UnsupportedMessage;

    // Every proper prefix of a real frame: its declared length always runs past the end.
    for (const [name, frame] of Object.entries(realFrames)) {
      for (const cut of cuts(frame)) add(`truncated ${name}`, malformed, cut);
    }

    // Right header, lying length: shorter leaves trailing bytes, longer runs off the end.
    const headers: [string, number[], Uint8Array][] = [
      ['sync step 1', [0, 0], stateVector],
      ['sync step 2', [0, 1], fullState],
      ['update', [0, 2], edit],
      ['awareness', [1], presenceUpdate],
    ];
    for (const [name, header, payload] of headers) {
      for (const delta of [-3, -2, -1, 1, 2, 1000, 2 ** 31, 2 ** 53 - 1 - payload.length]) {
        add(`lying length ${name}`, malformed, rawFrame(header, payload, payload.length + delta));
      }
      // A ten-byte varint is longer than any length the decoder accepts.
      add(
        `lying length ${name}`,
        malformed,
        Uint8Array.from([...header, ...Array(9).fill(0xff), 1]),
      );
      add(`lying length ${name}`, malformed, Uint8Array.from([...header, 0x80]));
    }

    // Message types the server does not speak, short and multi-byte varints, any body.
    for (let type = 4; type < 128; type++) {
      add(
        'unknown message type',
        unsupported,
        Uint8Array.from([type, ...randomBytes(random, type % 7)]),
      );
    }
    for (const type of [128, 300, 2 ** 20, 2 ** 40]) {
      add('unknown message type', unsupported, rawFrame([], randomBytes(random, 5), type));
    }
    // Unknown sync subtypes, each with a well-formed payload: refused for the subtype alone.
    for (const subtype of [3, 4, 5, 7, 9, 15, 64, 127, 128, 200, 2 ** 30]) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, subtype);
      encoding.writeVarUint8Array(e, pick(random, [edit, stateVector, new Uint8Array()]));
      add('unknown sync subtype', unsupported, encoding.toUint8Array(e));
    }
    // Auth (type 2) is server → client only.
    add('auth', unsupported, Uint8Array.from([2]));
    add('auth', unsupported, Uint8Array.from([2, 0]));
    for (const reason of ['', 'permission denied', 'token=admin']) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, reason);
      add('auth', unsupported, encoding.toUint8Array(e));
    }
    for (let i = 0; i < 20; i++)
      add('auth', unsupported, Uint8Array.from([2, ...randomBytes(random, i)]));

    // Text frames, even ones whose characters spell a valid binary frame.
    for (const text of [
      '',
      'bonjour',
      '{"type":"sync"}',
      String.fromCharCode(0, 0, 1, 0),
      'é'.repeat(300),
    ]) {
      add('text frame', malformed, text);
    }

    // Well-formed sync frames carrying Yjs bytes that do not decode.
    const garbageUpdate = (category: string, update: Uint8Array) => {
      const frame = random() < 0.5 ? encodeSyncStep2(update) : encodeUpdate(update);
      if (refusalFor(frame, scratchAwareness) === malformed) add(category, malformed, frame);
    };
    for (const cut of cuts(fullState)) garbageUpdate('truncated update payload', cut);
    for (let i = 0; i < 400; i++) {
      const mutated = fullState.slice();
      for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips--) {
        mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      }
      garbageUpdate('mutated update payload', mutated);
    }
    for (const update of Object.values(impossibleUpdates())) {
      add('impossible update', malformed, encodeUpdate(update));
      add('impossible update', malformed, encodeSyncStep2(update));
    }

    // Sync step 1 with state vectors that do not decode.
    for (const cut of cuts(stateVector))
      add('invalid state vector', malformed, encodeSyncStep1(cut));
    const hugeCount = encoding.createEncoder();
    encoding.writeVarUint(hugeCount, 2 ** 40);
    add('invalid state vector', malformed, encodeSyncStep1(encoding.toUint8Array(hugeCount)));

    // Awareness payloads: bad JSON in the first entry, truncations, absurd counts.
    const json = (s: string) => new TextEncoder().encode(s);
    for (const state of [
      '',
      '{',
      'nul',
      '{"a":}',
      'undefined',
      "{'a':1}",
      '[1,2',
      '"unterminated',
    ]) {
      add(
        'awareness garbage',
        malformed,
        encodeAwareness(awarenessEntries([{ id: 4242, clock: 1, json: json(state) }])),
      );
    }
    add(
      'awareness garbage',
      malformed,
      encodeAwareness(
        awarenessEntries([{ id: 4242, clock: 1, json: Uint8Array.from([0xff, 0xfe, 0x7b]) }]),
      ),
    );
    add('awareness garbage', malformed, encodeAwareness(rawFrame([], new Uint8Array(), 2 ** 40)));
    for (const cut of cuts(presenceUpdate)) {
      const frame = encodeAwareness(cut);
      if (refusalFor(frame, scratchAwareness) === malformed)
        add('awareness garbage', malformed, frame);
    }

    const counts = new Map<string, number>();
    for (const f of frames) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
    expect(frames.length).toBeGreaterThan(2000);
    // The categories the oracle filters still contribute plenty of frames.
    for (const category of ['truncated update payload', 'mutated update payload']) {
      expect(counts.get(category) ?? 0).toBeGreaterThan(100);
    }
    expect(counts.get('awareness garbage') ?? 0).toBeGreaterThan(20);

    const wrong = await sendEach(docId, frames);
    expect(wrong.slice(0, 10)).toEqual([]);

    // Not one byte of the document changed, and the official clients still talk through it.
    expect(serverState(docId).equals(before)).toBe(true);
    alice.doc.getText('text').insert(0, 'Après la salve : ');
    await waitFor(() => bob.doc.getText('text').toString().startsWith('Après la salve : '), {
      what: 'an edit made after the barrage to reach the other client',
    });
  });

  it('keeps two official clients syncing through a seeded random barrage', async () => {
    const random = seededRandom(SEED + 1);
    const start = serverState(docId);
    const local: Uint8Array[] = [];
    for (const client of [alice, bob]) {
      client.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== client.provider) local.push(update);
      });
    }
    const samples = Object.values({
      step2: encodeSyncStep2(Y.encodeStateAsUpdate(alice.doc)),
      step1: encodeSyncStep1(Y.encodeStateVector(alice.doc)),
      query: Uint8Array.from([3]),
    });
    const candidate = (): Uint8Array => {
      const roll = random();
      if (roll < 0.3) return randomBytes(random, Math.floor(random() * 64));
      if (roll < 0.55)
        return rawFrame(
          [0, Math.floor(random() * 3)],
          randomBytes(random, Math.floor(random() * 80)),
        );
      if (roll < 0.75) return rawFrame([1], randomBytes(random, Math.floor(random() * 80)));
      const mutated = pick(random, samples).slice();
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      }
      return mutated;
    };
    const frames: BadFrame[] = [];
    while (frames.length < 1200) {
      const data = candidate();
      const expected = refusalFor(data, scratchAwareness);
      if (expected !== undefined) frames.push({ category: 'random', data, expected });
    }
    expect(frames.some((f) => f.expected === CloseCode.UnsupportedMessage)).toBe(true);

    // The barrage runs while both people keep editing and seeing each other's edits.
    let barrageDone = false;
    const barrage = sendEach(docId, frames, 12).finally(() => (barrageDone = true));
    let edits = 0;
    while (!barrageDone || edits < 6) {
      const [writer, reader] = edits % 2 === 0 ? [alice, bob] : [bob, alice];
      const mark = `«${edits}»`;
      writer.doc.getText('text').insert(0, mark);
      await waitFor(() => reader.doc.getText('text').toString().includes(mark), {
        what: `edit ${edits} to cross during the barrage`,
      });
      edits++;
    }
    expect((await barrage).slice(0, 10)).toEqual([]);

    // The server holds the state before the barrage plus the official edits, nothing else.
    const expected = new Y.Doc();
    Y.applyUpdate(expected, start);
    for (const update of local) Y.applyUpdate(expected, update);
    expect(canonical(serverState(docId)).equals(canonical(Y.encodeStateAsUpdate(expected)))).toBe(
      true,
    );
    expected.destroy();
  });

  it('refuses frames over MAX_FRAME_BYTES with 4413, and past twice the limit ws answers 1009', async () => {
    const filler = (length: number) => encodeUpdate(new Uint8Array(length).fill(7));
    const wrong = await sendEach(docId, [
      { category: 'just over', data: filler(MAX_FRAME_BYTES), expected: CloseCode.FrameTooLarge },
      { category: 'over', data: filler(MAX_FRAME_BYTES + 5000), expected: CloseCode.FrameTooLarge },
      {
        category: '2× limit',
        data: filler(2 * MAX_FRAME_BYTES - 10),
        expected: CloseCode.FrameTooLarge,
      },
      { category: 'past 2×', data: filler(2 * MAX_FRAME_BYTES + 1), expected: 1009 },
      { category: 'far past 2×', data: filler(5 * MAX_FRAME_BYTES), expected: 1009 },
    ]);
    expect(wrong).toEqual([]);
  });

  it('refuses invalid document ids with 4404', async () => {
    const ids = [
      '..%2F',
      '..%2F..%2Fetc',
      'a b',
      'a%20b',
      '-dash',
      '%00',
      'é',
      'x'.repeat(129),
      'x'.repeat(200),
      'x'.repeat(300),
      'a/b',
      'a%2Fb',
      'a/b/c',
    ];
    for (const id of ids) {
      const client = connectRaw(server.collabUrl, id, { cookie });
      const { code } = await client.waitClosed();
      expect({ id, code }).toEqual({ id, code: CloseCode.InvalidDocumentId });
    }
    // The longest valid id is accepted: the router must not refuse it before the schema does.
    const longest = connectRaw(server.collabUrl, 'x'.repeat(128), { cookie });
    await longest.opened;
    await longest.waitForFrame((f) => f[0] === 0, 'the server to greet the longest valid id');
    longest.close();
  });

  it('survives crafted updates with huge declared counts and lengths, and keeps serving', async () => {
    const target = 'malformed-crafted';
    const carol = await connectSynced(server.collabUrl, target, { cookie });
    const dave = await connectSynced(server.collabUrl, target, { cookie });
    try {
      carol.doc.getText('text').insert(0, 'Diagnostic partagé');
      await waitFor(() => dave.doc.getText('text').length > 0, { what: 'initial content' });
      const healthy = async () => {
        const response = await fetch(`${server.httpUrl}/healthz`);
        expect(response.status).toBe(200);
      };

      // Refused when decoded: each promises far more than the frame holds.
      for (const [name, update] of Object.entries(impossibleUpdates())) {
        const raw = connectRaw(server.collabUrl, target, { cookie });
        await raw.opened;
        await raw.send(encodeUpdate(update));
        expect({ name, ...(await raw.waitClosed()) }.code).toBe(CloseCode.MalformedFrame);
        await healthy();
      }

      // Decodable, absurd but legal for Yjs (a struct 2^52 long, a clock 2^52 ahead, two
      // items waiting on each other): accepted. Each is followed on the same socket by a small
      // real edit; once the others see that edit, the crafted update has been applied too.
      for (const [name, update] of Object.entries(decodableExtremes())) {
        const raw = connectRaw(server.collabUrl, target, { cookie });
        await raw.opened;
        const probe = new Y.Doc();
        let edit: Uint8Array = new Uint8Array();
        probe.once('update', (u: Uint8Array) => (edit = u));
        probe.getMap('probes').set(name, true);
        await raw.send(encodeUpdate(update));
        await raw.send(encodeUpdate(edit));
        await waitFor(() => carol.doc.getMap('probes').has(name), { what: `probe after ${name}` });
        await healthy();
        expect(raw.closeInfo).toBeUndefined();
        raw.close();
        probe.destroy();
      }

      // Decodable, but Yjs throws while integrating them (an item whose origin is itself, or
      // is a clock of its own client not yet written): the sender is closed at commit time.
      for (const [name, update] of Object.entries(unintegrableUpdates())) {
        const raw = connectRaw(server.collabUrl, target, { cookie });
        await raw.opened;
        await raw.send(encodeUpdate(update));
        expect({ name, code: (await raw.waitClosed()).code }).toEqual({
          name,
          code: CloseCode.MalformedFrame,
        });
        await healthy();
      }

      // The official clients still edit together, and a newcomer gets the same document.
      dave.doc.getText('text').insert(0, 'Toujours là : ');
      await waitFor(() => carol.doc.getText('text').toString().startsWith('Toujours là'), {
        what: 'an edit after the crafted updates',
      });
      const erin = await connectSynced(server.collabUrl, target, { cookie });
      expect(erin.doc.getText('text').toString()).toBe(carol.doc.getText('text').toString());
      erin.destroy();
    } finally {
      carol.destroy();
      dave.destroy();
    }
  });

  it('applies nothing from an awareness update that is only partly valid', async () => {
    const target = 'malformed-presence';
    const frank = await connectSynced(server.collabUrl, target, { cookie });
    frank.provider.awareness.setLocalStateField('user', { name: 'Frank' });
    try {
      const half = awarenessEntries([
        { id: 515_151, clock: 1, json: new TextEncoder().encode('{"user":{"name":"fantôme"}}') },
        { id: 515_152, clock: 1, json: new TextEncoder().encode('{"user":') },
      ]);
      const raw = connectRaw(server.collabUrl, target, { cookie });
      await raw.opened;
      await raw.send(encodeAwareness(half));
      expect((await raw.waitClosed()).code).toBe(CloseCode.MalformedFrame);

      // A newcomer asks for everyone's presence: Frank is there, the half-applied ghost is not.
      const newcomer = connectRaw(server.collabUrl, target, { cookie });
      await newcomer.opened;
      await newcomer.send(Uint8Array.from([3]));
      const seen = new Awareness(new Y.Doc());
      await waitFor(
        () => {
          for (const frame of newcomer.received) {
            const decoded = decodeFrame(frame);
            if (decoded.kind === 'awareness') applyAwarenessUpdate(seen, decoded.update, 'server');
          }
          return seen.getStates().has(frank.doc.clientID);
        },
        { what: "Frank's presence to reach the newcomer" },
      );
      expect(seen.getStates().has(515_151)).toBe(false);
      expect(server.app.rooms.peek(target)?.awareness.getStates().has(515_151)).toBe(false);
      seen.destroy();
      newcomer.close();
    } finally {
      frank.destroy();
    }
  });
});
