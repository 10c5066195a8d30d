import * as Y from 'yjs';
import {
  sessionDocIdOf,
  sessionDocLayout,
  sessionValueSchemas,
  type SessionKey,
  type SessionValue,
} from '@boussole/shared';
import type { ContentGuard, ContentValidator } from '../collab/ContentValidator.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { DocumentCatalog, DocumentRecord } from '../documents/DocumentCatalog.js';
import { sessionValueProblem } from './SessionContentGuard.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Boards' session documents (server/src/session): routes of #15 read and write them. */
    sessions: SessionDocs;
  }
}

/** A board's session state: every key present and valid; absent = the neutral state. */
export type SessionState = Partial<{ [K in SessionKey]: SessionValue<K> }>;

const SESSION_SUFFIX = sessionDocIdOf('');

/** The board a session document belongs to, or undefined if `docId` is not one. */
export function boardIdOfSessionDoc(docId: string): string | undefined {
  return docId.endsWith(SESSION_SUFFIX) && docId.length > SESSION_SUFFIX.length
    ? docId.slice(0, -SESSION_SUFFIX.length)
    : undefined;
}

/** Parsed values by the raw object Yjs hands back (the same until the key is replaced). */
const parsedValues = new WeakMap<object, unknown>();

function readState(doc: Y.Doc): SessionState {
  const state: Record<string, unknown> = {};
  for (const [key, raw] of doc.getMap<unknown>(sessionDocLayout.root).entries()) {
    if (typeof raw !== 'object' || raw === null) continue;
    let parsed = parsedValues.get(raw);
    if (parsed === undefined) {
      // Stored values were judged when written; parsing again keeps a reader's types honest.
      parsed = sessionValueProblem(key, raw) === undefined ? raw : null;
      parsedValues.set(raw, parsed);
    }
    if (parsed !== null) state[key] = parsed;
  }
  return state as SessionState;
}

function stateOf(update: Uint8Array): SessionState {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return readState(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Boards' session documents (shared/src/session/sessionDoc.ts) on the server: created beside
 * their board (lazily, for boards older than sessions), read by REST routes and by the
 * per-frame board rules, written by server routes (a vote's public face).
 *
 * The per-frame rules need the state synchronously: a session room registers its live doc here
 * while it is loaded (see `contentValidator`) and leaves its final state behind when it
 * unloads, and a board room loads its session state before it accepts any frame (see
 * `prepareBoard`), so `currentSession` is always the committed truth, never a guess.
 */
export class SessionDocs {
  private readonly live = new Map<string, Y.Doc>();
  private readonly lastKnown = new Map<string, SessionState>();

  constructor(
    private readonly deps: {
      documents: DocumentCatalog;
      rooms: Pick<RoomRegistry, 'committedState' | 'changeDocument'>;
      /** The server's clock (epoch ms): times in the session are this clock's. */
      clock: () => number;
    },
  ) {}

  /** The server's time, which every client corrects its own clock to (GET /api/clock). */
  now(): number {
    return this.deps.clock();
  }

  /** The board's session document, created if the board has none yet. Returns its id. */
  async ensure(board: DocumentRecord): Promise<string> {
    const id = sessionDocIdOf(board.id);
    if (await this.deps.documents.get(id)) return id;
    try {
      await this.deps.documents.create({
        kind: 'board-session',
        id,
        title: `Séance — ${board.title}`,
        template: 'blank',
        workspaceId: board.workspaceId,
      });
    } catch (error) {
      // Two first visits at once: the other one created it.
      if (!(await this.deps.documents.get(id))) throw error;
    }
    return id;
  }

  /** The session state as committed (from the live room if loaded, else from storage). */
  async readSession(boardId: string): Promise<SessionState> {
    const docId = sessionDocIdOf(boardId);
    const live = this.live.get(boardId);
    if (live) return readState(live);
    if (!(await this.deps.documents.get(docId))) return {};
    return stateOf(await this.deps.rooms.committedState(docId));
  }

  /** The session state now, synchronously (see the class comment for why it is current). */
  currentSession(boardId: string): SessionState {
    const live = this.live.get(boardId);
    return live ? readState(live) : (this.lastKnown.get(boardId) ?? {});
  }

  /**
   * A server-origin write of one key (null removes it), committed and received by everyone
   * connected like a facilitator's. Throws if the value does not satisfy the key's schema.
   */
  async writeSessionValue<K extends SessionKey>(
    boardId: string,
    key: K,
    value: SessionValue<K> | null,
  ): Promise<void> {
    const docId = sessionDocIdOf(boardId);
    const board = await this.deps.documents.get(boardId);
    if (!board || board.kind !== 'board') throw new Error(`no board ${boardId}`);
    if (value !== null) sessionValueSchemas[key].parse(value);
    await this.ensure(board);
    await this.deps.rooms.changeDocument(docId, (doc) => {
      const root = doc.getMap<unknown>(sessionDocLayout.root);
      if (value === null) root.delete(key);
      // A fresh plain copy: Yjs stores what it is given, the caller keeps its object.
      else root.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    });
  }

  /**
   * Makes sure the board's session state is known before its room accepts frames: loading it
   * loads the session room, which registers itself here (and leaves its state when it goes).
   */
  async prepareBoard(boardId: string): Promise<void> {
    if (this.live.has(boardId) || this.lastKnown.has(boardId)) return;
    this.lastKnown.set(boardId, await this.readSession(boardId));
  }

  /** The session documents' validator, wrapped so that each loaded room registers its doc. */
  contentValidator(boardId: string, inner: ContentValidator): ContentValidator {
    return {
      guard: (doc): ContentGuard => {
        const guard = inner.guard(doc);
        this.live.set(boardId, doc);
        return {
          applyChecked: (apply, sender, role) => guard.applyChecked(apply, sender, role),
          describeRefusal: (refused) => guard.describeRefusal(refused),
          destroy: () => {
            // Called before the doc is destroyed: its state is the committed one.
            if (this.live.get(boardId) === doc) {
              this.live.delete(boardId);
              this.lastKnown.set(boardId, readState(doc));
            }
            guard.destroy();
          },
        };
      },
    };
  }

  /** The board's room left memory (or the board was erased): nothing to keep for it. */
  forgetBoard(boardId: string): void {
    this.lastKnown.delete(boardId);
  }
}
