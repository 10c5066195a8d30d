import * as encoding from 'lib0/encoding';

/**
 * Hand-built Yjs updates (v1 encoding) that no real client sends: the hostile input a server
 * must refuse or survive. Field order follows Yjs' encoding: number of clients; per client the
 * number of structs, the client id and the first clock; per struct an info byte (content ref
 * and origin flags), then its fields; finally the delete set.
 */
function build(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

function varUints(e: encoding.Encoder, numbers: number[]): void {
  for (const n of numbers) encoding.writeVarUint(e, n);
}

const HUGE = 2 ** 52;

/** Parented to the root type "text" (no origin, so the parent is written out). */
function rootText(e: encoding.Encoder): void {
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, 'text');
}

/** Yjs updates that Y.decodeUpdate rejects: a count or length that promises bytes never sent. */
export function impossibleUpdates(): Record<string, Uint8Array> {
  // One client, one struct at clock 0: an Item (content ref | flags) parented to root "text".
  const oneItem = (contentRef: number, writeContent: (e: encoding.Encoder) => void) =>
    build((e) => {
      varUints(e, [1, 1, 777_001, 0]);
      encoding.writeUint8(e, contentRef);
      rootText(e);
      writeContent(e);
      encoding.writeVarUint(e, 0);
    });
  return {
    clients: build((e) => encoding.writeVarUint(e, HUGE)),
    structs: build((e) => varUints(e, [1, 2 ** 31, 777_001, 0])),
    string: oneItem(4, (e) => encoding.writeVarUint(e, 2 ** 31)),
    binary: oneItem(3, (e) => encoding.writeVarUint(e, HUGE)),
    json: oneItem(2, (e) => encoding.writeVarUint(e, HUGE)),
    any: oneItem(8, (e) => encoding.writeVarUint(e, HUGE)),
    format: oneItem(6, (e) => encoding.writeVarUint(e, HUGE)),
    typeRef: oneItem(7, (e) => encoding.writeVarUint(e, 99)),
    contentRef: oneItem(11, () => {}),
    deleteSet: build((e) => varUints(e, [0, HUGE])),
    // 30 000 nested arrays in a ContentAny, ending on a type tag that does not exist: stack
    // exhaustion or not, it is refused.
    nesting: oneItem(8, (e) => {
      encoding.writeVarUint(e, 1);
      for (let i = 0; i < 30_000; i++) {
        encoding.writeUint8(e, 117);
        encoding.writeVarUint(e, 1);
      }
      encoding.writeUint8(e, 0);
    }),
  };
}

/** Updates Y.decodeUpdate accepts although no real client would send them. */
export function decodableExtremes(): Record<string, Uint8Array> {
  return {
    // A garbage-collected range 2^52 clocks long.
    gc: build((e) => {
      varUints(e, [1, 1, 778_001, 0]);
      encoding.writeUint8(e, 0);
      encoding.writeVarUint(e, HUGE);
      encoding.writeVarUint(e, 0);
    }),
    // A skip of 2^52 clocks.
    skip: build((e) => {
      varUints(e, [1, 1, 778_002, 0]);
      encoding.writeUint8(e, 10);
      encoding.writeVarUint(e, HUGE);
      encoding.writeVarUint(e, 0);
    }),
    // An item of deleted content 2^52 long.
    deleted: build((e) => {
      varUints(e, [1, 1, 778_003, 0]);
      encoding.writeUint8(e, 1);
      rootText(e);
      encoding.writeVarUint(e, HUGE);
      encoding.writeVarUint(e, 0);
    }),
    // A string item at clock 2^52: Yjs keeps it pending, waiting for clocks that never come.
    future: build((e) => {
      varUints(e, [1, 1, 778_004, HUGE]);
      encoding.writeUint8(e, 4);
      rootText(e);
      encoding.writeVarString(e, 'a');
      encoding.writeVarUint(e, 0);
    }),
    // Two items, each inserted after the other: a dependency cycle.
    cycle: build((e) => {
      encoding.writeVarUint(e, 2);
      for (const [client, other] of [
        [778_005, 778_006],
        [778_006, 778_005],
      ] as const) {
        varUints(e, [1, client, 0]);
        encoding.writeUint8(e, 4 | 0x80);
        encoding.writeVarUint(e, other);
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, 'b');
      }
      encoding.writeVarUint(e, 0);
    }),
    // Deleting 2^52 clocks of a client the document has never seen.
    deleteRange: build((e) => {
      varUints(e, [0, 1, 778_007, 1, 0, HUGE]);
    }),
  };
}

/** Updates that decode but that Yjs fails to integrate. */
export function unintegrableUpdates(): Record<string, Uint8Array> {
  // A string item whose origin (0x80) or right origin (0x40) is a clock of its own client.
  const itemWithOrigin = (flag: number, originClock: number) =>
    build((e) => {
      varUints(e, [1, 1, 779_001, 0]);
      encoding.writeUint8(e, 4 | flag);
      varUints(e, [779_001, originClock]);
      encoding.writeVarString(e, 'a');
      encoding.writeVarUint(e, 0);
    });
  return {
    selfOrigin: itemWithOrigin(0x80, 0),
    selfRightOrigin: itemWithOrigin(0x40, 0),
    laterOrigin: itemWithOrigin(0x80, 5),
  };
}

/** A one-character string item of `client` at `clock`, in root map `root` under `key`. */
export function itemAtClock(client: number, clock: number, root: string, key: string): Uint8Array {
  return build((e) => {
    varUints(e, [1, 1, client, clock]);
    // ContentString (4) with a parent sub (0x20): a map entry.
    encoding.writeUint8(e, 4 | 0x20);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, root);
    encoding.writeVarString(e, key);
    encoding.writeVarString(e, 'a');
    encoding.writeVarUint(e, 0);
  });
}

/** Only a delete set: `length` clocks of `client` from `clock`, whatever the document holds. */
export function deleteRange(client: number, clock: number, length: number): Uint8Array {
  return build((e) => varUints(e, [0, 1, client, 1, clock, length]));
}
