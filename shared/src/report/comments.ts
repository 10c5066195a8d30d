import * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';
import { z } from 'zod';

/**
 * The comité de relecture's comment threads, in the report's comments document (its own
 * Yjs document, so that reviewers may write it while the text stays read-only to them).
 *
 * `doc.getMap(commentsDocLayout.threads)` holds one Y.Map per thread, keyed by its id. Every
 * field is a plain value except `replies`, a Y.Array of plain reply objects, so that two
 * people replying at once both get their reply in, and resolving does not touch the replies.
 * A thread is anchored to its passage by two Yjs relative positions into the REPORT
 * document's fragment (y-prosemirror encoding): they follow the words through everyone's
 * concurrent edits, where absolute offsets would drift.
 *
 * The server judges each change against these schemas and against who sent it
 * (server/src/report/CommentsContentGuard.ts): nobody writes in someone else's name.
 */
export const commentsDocLayout = {
  threads: 'threads',
  replies: 'replies',
} as const;

export const MAX_COMMENT_TEXT = 5000;
/** The quoted passage is a reminder of what was commented, not a copy of the report. */
export const MAX_COMMENT_QUOTE = 1000;
export const MAX_REPLIES_PER_THREAD = 500;
const MAX_NAME = 200;

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'identifiant invalide');
const nameSchema = z.string().min(1).max(MAX_NAME);
const textSchema = z
  .string()
  .max(MAX_COMMENT_TEXT, `au plus ${MAX_COMMENT_TEXT} caractères`)
  .regex(/\S/, 'texte vide');
const yIdSchema = z.strictObject({
  client: z.number().int().nonnegative(),
  clock: z.number().int().nonnegative(),
});

/** Y.relativePositionToJSON's shape, with plain numbers (what a Y.Map stores and gives back). */
export const commentAnchorSchema = z
  .strictObject({
    type: yIdSchema.optional(),
    tname: z.string().max(MAX_NAME).optional(),
    item: yIdSchema.optional(),
    assoc: z.number().int().optional(),
  })
  .refine((a) => a.type !== undefined || a.tname !== undefined || a.item !== undefined, {
    message: 'position vide',
  });
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

export const commentReplySchema = z.strictObject({
  id: idSchema,
  authorId: nameSchema,
  authorName: nameSchema,
  createdAt: z.iso.datetime(),
  text: textSchema,
});
export type CommentReply = z.infer<typeof commentReplySchema>;

export const commentThreadSchema = z
  .strictObject({
    id: idSchema,
    anchorStart: commentAnchorSchema,
    anchorEnd: commentAnchorSchema,
    quote: z.string().max(MAX_COMMENT_QUOTE),
    authorId: nameSchema,
    authorName: nameSchema,
    createdAt: z.iso.datetime(),
    text: textSchema,
    resolved: z.boolean(),
    resolvedBy: nameSchema.optional(),
    replies: z.array(commentReplySchema).max(MAX_REPLIES_PER_THREAD),
  })
  .refine((t) => t.resolved || t.resolvedBy === undefined, {
    message: 'une discussion ouverte n’a pas de « résolue par »',
    path: ['resolvedBy'],
  });
export type CommentThread = z.infer<typeof commentThreadSchema>;

/** Who writes a comment: the identity the server knows the person by. */
export interface CommentAuthor {
  id: string;
  name: string;
}

export function commentThreadsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(commentsDocLayout.threads);
}

/** A Yjs relative position as the plain JSON a thread stores. */
export function relativePositionToAnchor(position: Y.RelativePosition): CommentAnchor {
  const plainId = (id: Y.ID) => ({ client: id.client, clock: id.clock });
  const anchor: CommentAnchor = {};
  if (position.type) anchor.type = plainId(position.type);
  if (position.tname) anchor.tname = position.tname;
  if (position.item) anchor.item = plainId(position.item);
  anchor.assoc = position.assoc;
  return anchor;
}

export function anchorToRelativePosition(anchor: CommentAnchor): Y.RelativePosition {
  return Y.createRelativePositionFromJSON(anchor);
}

/**
 * A stored thread as a plain object, or undefined when it is not laid out as described above
 * (not a Y.Map, replies not a Y.Array, a shared type where a plain value belongs). The result
 * still has to pass commentThreadSchema.
 */
export function readStoredThread(stored: unknown): Record<string, unknown> | undefined {
  if (!(stored instanceof Y.Map)) return undefined;
  const thread: Record<string, unknown> = {};
  for (const [field, value] of (stored as Y.Map<unknown>).entries()) {
    if (field === commentsDocLayout.replies) {
      if (!(value instanceof Y.Array)) return undefined;
      const replies = (value as Y.Array<unknown>).toArray();
      if (replies.some((reply) => reply instanceof Y.AbstractType)) return undefined;
      thread[field] = replies;
    } else if (value instanceof Y.AbstractType) {
      return undefined;
    } else {
      thread[field] = value;
    }
  }
  return thread;
}

/** The thread stored under `id`, if it is a valid one. */
export function readThread(doc: Y.Doc, id: string): CommentThread | undefined {
  const parsed = commentThreadSchema.safeParse(readStoredThread(commentThreadsMap(doc).get(id)));
  return parsed.success && parsed.data.id === id ? parsed.data : undefined;
}

/**
 * Every valid thread, oldest first. Invalid entries (which the server reverts, but an offline
 * copy may still hold for a moment) are skipped rather than shown half.
 */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = [];
  for (const id of commentThreadsMap(doc).keys()) {
    const thread = readThread(doc, id);
    if (thread) threads.push(thread);
  }
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The Y.Map holding `thread`, laid out as the comments document expects. */
export function createYThread(thread: CommentThread): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [field, value] of Object.entries(thread)) {
    if (field === commentsDocLayout.replies || value === undefined) continue;
    map.set(field, value);
  }
  map.set(commentsDocLayout.replies, Y.Array.from(thread.replies));
  return map;
}

export interface NewThread {
  anchorStart: CommentAnchor;
  anchorEnd: CommentAnchor;
  quote: string;
  author: CommentAuthor;
  text: string;
  /** Chosen by the caller in tests; a random id otherwise. */
  id?: string;
  createdAt?: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Starts a thread on a passage. Throws (a ZodError) when the input would be refused. */
export function createThread(doc: Y.Doc, input: NewThread): CommentThread {
  const thread = commentThreadSchema.parse({
    id: input.id ?? uuidv4(),
    anchorStart: input.anchorStart,
    anchorEnd: input.anchorEnd,
    quote: clip(input.quote, MAX_COMMENT_QUOTE),
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.createdAt ?? new Date().toISOString(),
    text: input.text.trim(),
    resolved: false,
    replies: [],
  });
  commentThreadsMap(doc).set(thread.id, createYThread(thread));
  return thread;
}

function storedThread(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const stored = commentThreadsMap(doc).get(threadId);
  if (!(stored instanceof Y.Map)) throw new Error(`no comment thread ${threadId}`);
  return stored as Y.Map<unknown>;
}

/** Adds a reply at the end of a thread. Throws when the thread is missing or the reply invalid. */
export function addReply(
  doc: Y.Doc,
  threadId: string,
  input: { author: CommentAuthor; text: string; id?: string; createdAt?: string },
): CommentReply {
  const replies = storedThread(doc, threadId).get(commentsDocLayout.replies);
  if (!(replies instanceof Y.Array)) throw new Error(`comment thread ${threadId} is malformed`);
  const reply = commentReplySchema.parse({
    id: input.id ?? uuidv4(),
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.createdAt ?? new Date().toISOString(),
    text: input.text.trim(),
  });
  replies.push([reply]);
  return reply;
}

/** Resolves a thread in `by`'s name, or reopens it. Anyone who may comment may do either. */
export function setResolved(
  doc: Y.Doc,
  threadId: string,
  resolved: boolean,
  by?: CommentAuthor,
): void {
  const thread = storedThread(doc, threadId);
  doc.transact(() => {
    thread.set('resolved', resolved);
    if (resolved && by) thread.set('resolvedBy', by.name);
    else thread.delete('resolvedBy');
  });
}
