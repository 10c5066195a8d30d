import { isDeepStrictEqual } from 'node:util';
import type { CommentReply, CommentThread } from '@boussole/shared';
import type { RefusedContent } from '../collab/ContentValidator.js';

/** Who sent an update, as the server knows them (never what the client claims). */
export interface Sender {
  readonly id: string;
  readonly name: string;
}

type Problem = Omit<RefusedContent, 'id'>;

/** What only the thread's creation sets: the passage and who started the discussion. */
const fixedThreadFields = [
  'id',
  'anchorStart',
  'anchorEnd',
  'quote',
  'authorId',
  'authorName',
  'createdAt',
] as const;

const notYours = 'écrit au nom d’une autre personne';

function isBy(author: { authorId: string; authorName: string }, sender: Sender | undefined) {
  return sender !== undefined && author.authorId === sender.id && author.authorName === sender.name;
}

/**
 * Why changing a thread from `before` to `after` is not this sender's to make, or undefined
 * when it is. `before` undefined: the thread is new (or what was stored was unreadable, and
 * is judged as new); `after` undefined: it was deleted. Both are already valid threads.
 *
 * Who may do what: anyone who may write the document starts threads and replies in their own
 * name, and resolves or reopens any thread (in their own name); only its author changes the
 * text of a thread or of a reply, or deletes it — a thread only while it holds no one else's
 * replies. The passage a thread is anchored to, its quote, author and date never change.
 * Without an identity (the server's own changes) nobody is the author of anything.
 */
export function commentChangeProblem(
  before: CommentThread | undefined,
  after: CommentThread | undefined,
  sender: Sender | undefined,
): Problem | undefined {
  if (!after) {
    if (!before) return undefined;
    if (!isBy(before, sender)) return { detail: 'seul son auteur peut supprimer une discussion' };
    if (before.replies.some((reply) => !isBy(reply, sender)))
      return { detail: 'la discussion contient les réponses d’autres personnes' };
    return undefined;
  }
  if (!before) {
    if (!isBy(after, sender)) return { path: 'authorId', detail: notYours };
    if (after.replies.some((reply) => !isBy(reply, sender)))
      return { path: 'replies', detail: notYours };
    return resolutionProblem(undefined, after, sender);
  }
  for (const field of fixedThreadFields) {
    if (!isDeepStrictEqual(before[field], after[field]))
      return { path: field, detail: 'ne peut pas être modifié' };
  }
  if (before.text !== after.text && !isBy(before, sender))
    return { path: 'text', detail: 'seul son auteur peut modifier ce texte' };
  return resolutionProblem(before, after, sender) ?? repliesProblem(before, after, sender);
}

/** Resolving and reopening are everyone's, but a resolution is signed by whoever made it. */
function resolutionProblem(
  before: CommentThread | undefined,
  after: CommentThread,
  sender: Sender | undefined,
): Problem | undefined {
  const changed =
    before === undefined
      ? after.resolved
      : before.resolved !== after.resolved || before.resolvedBy !== after.resolvedBy;
  if (!changed) return undefined;
  if (!sender) return { path: 'resolved', detail: notYours };
  if (after.resolvedBy !== undefined && after.resolvedBy !== sender.name)
    return { path: 'resolvedBy', detail: notYours };
  return undefined;
}

function repliesProblem(
  before: CommentThread,
  after: CommentThread,
  sender: Sender | undefined,
): Problem | undefined {
  const previous = new Map<string, CommentReply>(before.replies.map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const reply of after.replies) {
    if (seen.has(reply.id)) return { path: 'replies', detail: 'réponse en double' };
    seen.add(reply.id);
    const old = previous.get(reply.id);
    if (!old) {
      if (!isBy(reply, sender)) return { path: 'replies', detail: notYours };
      continue;
    }
    if (old.authorId !== reply.authorId || old.authorName !== reply.authorName)
      return { path: 'replies', detail: notYours };
    if (old.createdAt !== reply.createdAt)
      return { path: 'replies.createdAt', detail: 'ne peut pas être modifié' };
    if (old.text !== reply.text && !isBy(old, sender))
      return { path: 'replies.text', detail: 'seul son auteur peut modifier ce texte' };
  }
  for (const old of before.replies) {
    if (!seen.has(old.id) && !isBy(old, sender))
      return { path: 'replies', detail: 'seul son auteur peut supprimer une réponse' };
  }
  return undefined;
}
