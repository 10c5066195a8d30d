import { encodeAwarenessFrame, cursorAt, userFor, type BenchIdentity } from './awarenessFrames.js';
import { now, type FanoutSink } from './fanout.js';
import { scanMarkers } from './markers.js';
import { RawWebSocket } from './rawWebSocket.js';
import type { BenchClient, ClientCounters } from './benchClient.js';

const messageSync = 0;
const messageAwareness = 1;
const syncStep1 = 0;
const syncStep2 = 1;
const syncUpdate = 2;

/** Sync step 1 with an empty state vector: "send me everything". */
const emptyStep1 = Uint8Array.of(messageSync, syncStep1, 1, 0);
/** Sync step 2 of an empty document (an update with no structs and no deletions). */
const emptyStep2 = Uint8Array.of(messageSync, syncStep2, 2, 0, 0);

/**
 * An observer that speaks the y-websocket protocol by hand and keeps no document: it syncs,
 * sends its cursor, and timestamps each received update by scanning it for markers. It costs
 * the harness well under a microsecond per frame where a full Yjs client costs tens.
 */
export function startLightClient(
  index: number,
  url: string,
  recorder: FanoutSink,
  counters: ClientCounters,
  cookie?: string,
  identity?: BenchIdentity,
): BenchClient {
  const clientId = 1_000_000 + index;
  const user = userFor(index, identity);
  let clock = 0;
  let closedByUs = false;
  let resolveSynced: (at: number) => void = () => {};
  let rejectSynced: (error: Error) => void = () => {};
  const synced = new Promise<number>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });

  const socket = new RawWebSocket(
    url,
    {
      onOpen: () => socket.send(emptyStep1),
      onMessages: (messages) => {
        const at = now();
        counters.framesReceived += messages.length;
        for (const data of messages) {
          counters.bytesReceived += data.length;
          if (data[0] === messageSync) {
            if (data[1] === syncUpdate) {
              scanMarkers(data, (w, s) => recorder.received(index, w, s, at), 2);
            } else if (data[1] === syncStep2) resolveSynced(at);
            else if (data[1] === syncStep1) socket.send(emptyStep2);
          } else if (data[0] === messageAwareness) {
            counters.awarenessFramesReceived += 1;
          }
        }
      },
      onClose: (reason) => {
        if (!closedByUs) counters.unexpectedCloses += 1;
        rejectSynced(new Error(`light client ${index}: ${reason}`));
      },
    },
    cookie,
  );

  return {
    index,
    kind: 'light',
    synced,
    sendAwareness(tick) {
      if (!socket.isOpen) return;
      clock += 1;
      socket.send(encodeAwarenessFrame(clientId, clock, { user, cursor: cursorAt(index, tick) }));
    },
    write() {
      throw new Error('light clients only observe');
    },
    close() {
      closedByUs = true;
      socket.close();
    },
  };
}
