import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  boardDocLayout,
  boardDocumentRecord,
  boardMetaMap,
  boardPageRecord,
  boardRecordsMap,
  cardShapeId,
  cardShapeRecord,
  createBoardSchema,
  createYRecord,
  decodePermissionDenied,
  defaultBoardPageId,
  readBoardRecords,
  type SessionKey,
  type SessionValue,
} from '@boussole/shared';
import { addMember, call, createAdmin, createBoard, createWorkspace } from '../helpers/accounts.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * A workshop for the contribution tests: an in-process server, a workspace with one board, an
 * animatrice and two contributors (each with a session cookie), and sockets that record every
 * frame they receive.
 */
export interface Workshop {
  server: TestServer;
  admin: string;
  workspace: string;
  board: string;
  facilitator: string;
  alice: string;
  bruno: string;
  /** A reader: may open the board, not write on it. */
  reader: string;
}

export async function startWorkshop(): Promise<Workshop> {
  const server = await startServer();
  const url = server.httpUrl;
  const admin = await createAdmin(url, server.app.access.setup.open());
  const workspace = await createWorkspace(url, admin);
  const board = await createBoard(url, admin, workspace, 'Atelier sans hiérarchie');
  const member = async (name: string, role: string) =>
    (
      await addMember(url, admin, workspace, {
        email: `${name.split(' ')[0]!.toLowerCase()}@ccas.example.fr`,
        displayName: name,
        role,
      })
    ).cookie;
  return {
    server,
    admin,
    workspace,
    board,
    facilitator: await member('Fanny Animatrice', 'animateur'),
    alice: await member('Alice Travailleuse', 'contributeur'),
    bruno: await member('Bruno Directeur', 'contributeur'),
    reader: await member('Lea Lectrice', 'lecteur'),
  };
}

/**
 * Sets one session value through the server's own write (what a facilitator's client does
 * through the session document ends the same): committed, then received by everyone.
 */
export async function setSession<K extends SessionKey>(
  server: TestServer,
  board: string,
  key: K,
  value: SessionValue<K>,
): Promise<void> {
  await server.app.sessions.writeSessionValue(board, key, value);
}

export interface RecordingClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every binary frame this socket received, in order. */
  frames: Uint8Array[];
  /** Reasons of the permission-denied frames among them. */
  denials: string[];
  destroy(): void;
}

/** The official provider on `docId` with `cookie`, recording every frame it receives. */
export async function recordingClient(
  collabUrl: string,
  docId: string,
  cookie: string,
  { waitSynced = true } = {},
): Promise<RecordingClient> {
  const frames: Uint8Array[] = [];
  const denials: string[] = [];
  class RecordingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
      this.on('message', (data: Buffer) => {
        const frame = new Uint8Array(data);
        frames.push(frame);
        const reason = decodePermissionDenied(frame);
        if (reason !== undefined) denials.push(reason);
      });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, docId, doc, {
    WebSocketPolyfill: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  if (waitSynced) await waitFor(() => provider.synced, { what: `synced on ${docId}` });
  return {
    doc,
    provider,
    frames,
    denials,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Whether `bytes` contain the UTF-8 of `text` anywhere. */
export function containsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from(text, 'utf8'),
  );
}

/** A JSON REST call whose answer (status and body text) is recorded in `answers`. */
export function recordingCaller(httpUrl: string, cookie: string, answers: string[]) {
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const answer = await call<T>(httpUrl, method, path, { cookie, body });
    answers.push(JSON.stringify(answer.body ?? null));
    return answer;
  };
}

export function observationInput(verbatim: string) {
  return {
    kind: 'observation' as const,
    props: { verbatim, source: 'atelier' as const, public: '', commune: '', date: '' },
  };
}

/** The verbatims of the observations a client's copy of the board holds. */
export function verbatimsOn(doc: Y.Doc): string[] {
  return Object.values(readBoardRecords(doc))
    .map((record) => (record.props as { verbatim?: unknown } | undefined)?.verbatim)
    .filter((verbatim): verbatim is string => typeof verbatim === 'string');
}

/** What a new board's first client writes: the tldraw schema, its document and its page. */
export function writeFirstPage(client: RecordingClient): void {
  client.doc.transact(() => {
    boardMetaMap(client.doc).set(boardDocLayout.schemaKey, createBoardSchema().serialize());
    const records = boardRecordsMap(client.doc);
    records.set('document:document', createYRecord(boardDocumentRecord()));
    records.set(defaultBoardPageId, createYRecord(boardPageRecord()));
  });
}

let directCards = 0;
/** An observation written straight into the client's copy of the board (no held-cards API). */
export function writeCardDirectly(client: RecordingClient, verbatim: string): string {
  // The id says nothing of the content: a refused record's key may stay in the Yjs history.
  const id = cardShapeId(`direct-${++directCards}`);
  const record = cardShapeRecord(
    'observation',
    { id, parentId: defaultBoardPageId, x: 5_000 + directCards * 300, y: 5_000, index: 'a9' },
    { w: 240, h: 160, verbatim, source: 'atelier', public: '', commune: '', date: '' },
  );
  boardRecordsMap(client.doc).set(id, createYRecord(record));
  return id;
}
