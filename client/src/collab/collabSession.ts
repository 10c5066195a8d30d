import * as Y from 'yjs';
import { WebsocketProvider, messageAuth } from 'y-websocket';
import { readAuthMessage } from 'y-protocols/auth';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { deriveStatus, type ConnectionStatus, type StatusInputs } from './connectionStatus.js';

/**
 * One open document in the browser: its Y.Doc, the y-websocket provider to the Boussole server,
 * and an IndexedDB copy so that edits made offline survive a reload and merge on reconnect.
 */
export interface CollabSession {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Resolves once the offline copy is loaded into the doc (bind the UI after this). */
  readonly localLoaded: Promise<void>;
  /** For useSyncExternalStore. */
  subscribeStatus(listener: () => void): () => void;
  getStatus(): ConnectionStatus;
  /**
   * Why the server refused (and took back) something this tab wrote, in its words: a card
   * refused, a board frozen or locked by the facilitator. Returns the unsubscribe.
   */
  onRefusal(listener: (reason: string) => void): () => void;
  destroy(): void;
}

export function collabServerUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/collab`;
}

export function openCollabSession(
  docId: string,
  options: { serverUrl?: string } = {},
): CollabSession {
  const doc = new Y.Doc();
  const offline = new IndexeddbPersistence(`boussole:${docId}`, doc);
  const provider = new WebsocketProvider(options.serverUrl ?? collabServerUrl(), docId, doc, {
    // Same-device tabs still go through the server: one path, one permission check.
    disableBc: true,
    maxBackoffTime: 10_000,
  });

  const inputs: StatusInputs = {
    browserOnline: navigator.onLine,
    socket: 'connecting',
    synced: false,
    permanentClose: undefined,
  };
  let status = deriveStatus(inputs);
  const listeners = new Set<() => void>();
  const update = (patch: Partial<StatusInputs>) => {
    Object.assign(inputs, patch);
    const next = deriveStatus(inputs);
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    for (const listener of listeners) listener();
  };

  // The provider only logs the server's refusal notices; the page tells the person instead.
  const refusalListeners = new Set<(reason: string) => void>();
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    readAuthMessage(decoder, doc, (_doc, reason) => {
      for (const listener of refusalListeners) listener(reason);
    });
  };

  provider.on('status', ({ status: socket }) => update({ socket }));
  provider.on('sync', (synced: boolean) => update({ synced }));
  provider.on('closed', ({ code }) => update({ permanentClose: { code } }));

  // Backoff can leave a returning laptop waiting seconds; the browser knows sooner.
  const onOnline = () => {
    update({ browserOnline: true });
    if (!provider.wsconnected && inputs.permanentClose === undefined) provider.connect();
  };
  const onOffline = () => update({ browserOnline: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  return {
    docId,
    doc,
    awareness: provider.awareness,
    localLoaded: offline.whenSynced.then(() => undefined),
    subscribeStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getStatus: () => status,
    onRefusal(listener) {
      refusalListeners.add(listener);
      return () => refusalListeners.delete(listener);
    },
    destroy() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      provider.destroy();
      void offline.destroy();
      doc.destroy();
    },
  };
}
