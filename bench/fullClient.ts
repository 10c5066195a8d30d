import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { cursorAt, userFor, type BenchIdentity } from './awarenessFrames.js';
import { now, type FanoutSink } from './fanout.js';
import { markerFor, parseMarker } from './markers.js';
import type { BenchClient, ClientCounters } from './benchClient.js';

// Each Node provider adds a process 'exit' listener; a benchmark opens hundreds on purpose.
process.setMaxListeners(0);

/** What a writer puts in the shared map: roughly the size of a sticky note record. */
interface NoteValue {
  marker: string;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
}

/**
 * A real participant: a Y.Doc and the official y-websocket provider. Receipt is timestamped
 * when the update has been applied to the document (a `Y.Map` observer), i.e. when a user
 * would see it. Writers set their own key of the map, so the document stays small.
 */
export function startFullClient(
  index: number,
  kind: 'writer' | 'full',
  collabUrl: string,
  room: string,
  recorder: FanoutSink,
  counters: ClientCounters,
  cookie?: string,
  identity?: BenchIdentity,
): BenchClient {
  const doc = new Y.Doc();
  const notes = doc.getMap<NoteValue>('notes');
  const provider = new WebsocketProvider(collabUrl, room, doc, {
    WebSocketPolyfill: CountingWebSocket(
      counters,
      cookie,
    ) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.awareness.setLocalState({
    user: userFor(index, identity),
    cursor: cursorAt(index, 0),
  });
  let closing = false;
  provider.on('connection-close', () => {
    if (!closing) counters.unexpectedCloses += 1;
  });

  notes.observe((event) => {
    if (event.transaction.local) return;
    const at = now();
    for (const key of event.keysChanged) {
      const marker = parseMarker(notes.get(key)?.marker ?? '');
      if (marker) recorder.received(index, marker.writer, marker.seq, at);
    }
  });

  const synced = new Promise<number>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve(now());
    };
    provider.on('sync', onSync);
  });

  return {
    index,
    kind,
    synced,
    sendAwareness(tick) {
      provider.awareness.setLocalStateField('cursor', cursorAt(index, tick));
    },
    write(seq) {
      const value: NoteValue = {
        marker: markerFor(index, seq),
        x: (seq * 37) % 1600,
        y: (seq * 53) % 900,
        w: 200,
        h: 200,
        text: `Idée ${seq} du participant ${index} : horaires d’ouverture du CCAS`,
      };
      // The provider sends the update synchronously from the doc's update event.
      recorder.sent(index, seq, now());
      notes.set(`w${index}`, value);
    },
    close() {
      closing = true;
      provider.destroy();
      doc.destroy();
    },
  };
}

/** `ws` with a counter on received frames; the provider uses it as its WebSocket. */
function CountingWebSocket(
  counters: ClientCounters,
  cookie: string | undefined,
): new (url: string | URL, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : undefined);
      this.on('message', (data: ArrayBuffer | Buffer) => {
        counters.framesReceived += 1;
        counters.bytesReceived += data instanceof ArrayBuffer ? data.byteLength : data.length;
        const first = data instanceof ArrayBuffer ? new Uint8Array(data, 0, 1)[0] : data[0];
        if (first === 1) counters.awarenessFramesReceived += 1;
      });
    }
  };
}
