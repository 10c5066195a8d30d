import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import {
  commentReplySchema,
  commentThreadSchema,
  commentThreadsMap,
  commentsDocLayout,
  createYThread,
  readStoredThread,
  type CommentReply,
  type CommentThread,
} from '@boussole/shared';
import {
  applyTracked,
  type ContentGuard,
  type ContentValidator,
  type RefusedContent,
} from '../collab/ContentValidator.js';
import { RootTypeRule } from '../documents/rootTypes.js';
import { commentChangeProblem, type Sender } from './commentRules.js';

/** Ids and keys come from clients: keep what reaches logs and messages short. */
const MAX_LABEL = 120;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A thread as last accepted; `unreadable` when storage held something no rule accepts. */
type Accepted = CommentThread | 'unreadable';

type Read = { ok: true; thread: CommentThread } | { ok: false; path?: string; detail: string };

/**
 * Items listed in a map (or keyed in an array) are invisible to every reader, yet stored and
 * sent to everyone: a crafted client could hide anything there.
 */
function hasHiddenItems(stored: unknown): boolean {
  if (stored instanceof Y.Map) {
    for (let item = stored._start; item; item = item.right) if (!item.deleted) return true;
    const replies: unknown = stored.get(commentsDocLayout.replies);
    if (replies instanceof Y.Array)
      for (const item of replies._map.values()) if (!item.deleted) return true;
  }
  return false;
}

function readThreadAt(id: string, stored: unknown): Read {
  const plain = readStoredThread(stored);
  if (!plain || hasHiddenItems(stored))
    return { ok: false, detail: 'contenu mal formé (ce n’est pas une discussion)' };
  const parsed = commentThreadSchema.safeParse(plain);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const path = issue?.path.map(String).join('.');
    return {
      ok: false,
      ...(path ? { path: clip(path, MAX_LABEL) } : {}),
      detail: issue?.message ?? 'valeur invalide',
    };
  }
  if (parsed.data.id !== id)
    return { ok: false, path: 'id', detail: 'identifiant différent de sa clé' };
  return { ok: true, thread: parsed.data };
}

/** Any shared type, as a transaction lists those it changed. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/**
 * The comment threads' rules (see shared/src/report/comments.ts): after each client update,
 * every thread it touched must be a valid thread stored under its own id; what is new in it
 * must be written in the sender's own name; nobody changes or deletes what someone else
 * wrote, though anyone who may comment may resolve or reopen a thread. The document holds
 * nothing else: content under another root, or listed inside the threads map (invisible to
 * every reader), is removed by the rule every document kind shares (RootTypeRule).
 *
 * Refused threads are put back to their last accepted state (or removed, if they are new) in
 * a compensating transaction, within the same commit. As for boards, that state is a plain
 * copy the guard keeps: Yjs garbage-collects what an update overwrites.
 */
export class CommentsContentGuard implements ContentGuard {
  private readonly threads: Y.Map<unknown>;
  /** The same map, as transactions name it. */
  private readonly threadsType: SharedType;
  private readonly accepted = new Map<string, Accepted>();
  private tracking = false;
  private readonly touched = new Set<string>();
  private readonly roots: RootTypeRule;
  /** Yjs clients whose clock the update being checked advanced. */
  private readonly advanced = new Set<number>();

  constructor(
    private readonly doc: Y.Doc,
    uncheckedRoots?: ReadonlySet<string>,
  ) {
    this.threads = commentThreadsMap(doc);
    this.roots = new RootTypeRule(
      doc,
      { [commentsDocLayout.threads]: 'keyed' },
      'des discussions',
      uncheckedRoots,
    );
    this.threadsType = this.threads as unknown as SharedType;
    for (const [id, stored] of this.threads.entries()) {
      const read = readThreadAt(id, stored);
      this.accepted.set(id, read.ok ? read.thread : 'unreadable');
    }
    doc.on('afterTransaction', this.onTransaction);
  }

  applyChecked(apply: () => void, sender?: Sender): RefusedContent[] {
    this.touched.clear();
    this.advanced.clear();
    const waiting = this.pendingClients();
    const failure = applyTracked(apply, (on) => {
      this.tracking = on;
      this.roots.setTracking(on);
    });
    // Structs an earlier update left waiting for what they depend on are integrated along
    // with this one, in its transaction: they were not this sender's to sign. Judging the
    // whole change as nobody's refuses whatever it would have put in their name.
    const fromSomeoneElse = [...this.advanced].some((client) => waiting.has(client));
    const refused = this.checkTouched(fromSomeoneElse ? undefined : sender);
    if (failure) throw failure.error;
    return refused;
  }

  /** The Yjs clients of the structs waiting in the document for a missing dependency. */
  private pendingClients(): Set<number> {
    const pending = this.doc.store.pendingStructs;
    if (!pending) return new Set();
    // Yjs keeps what waits in its V2 encoding.
    return new Set(Y.decodeUpdateV2(pending.update).structs.map((struct) => struct.id.client));
  }

  describeRefusal(refused: readonly RefusedContent[]): string {
    const [first] = refused;
    if (!first) return '';
    const where = first.path ? ` (${first.path})` : '';
    const more = refused.length > 1 ? ` — et ${refused.length - 1} autre(s) élément(s)` : '';
    return `Commentaire refusé${where} : ${first.detail}${more}. La modification a été annulée.`;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.roots.destroy();
  }

  /** Which threads a client transaction touched (what it wrote elsewhere is the root rule's). */
  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (!this.tracking) return;
    for (const [client, clock] of transaction.afterState) {
      if (clock > (transaction.beforeState.get(client) ?? 0)) this.advanced.add(client);
    }
    for (const [type, keys] of transaction.changed) {
      if (type === this.threadsType) {
        for (const key of keys) if (key !== null) this.touched.add(key);
        continue;
      }
      // Nested in a thread: find the thread it belongs to.
      let current = type;
      while (current._item && current._item.parent !== this.threadsType)
        current = current._item.parent as SharedType;
      const key = current._item?.parent === this.threadsType ? current._item.parentSub : null;
      if (key) this.touched.add(key);
    }
  };

  private checkTouched(sender: Sender | undefined): RefusedContent[] {
    const strays = this.roots.strays();
    if (this.touched.size === 0 && strays.length === 0) return [];
    const refused: RefusedContent[] = [];
    const refusedIds: string[] = [];
    for (const id of this.touched) {
      const problem = this.threadProblem(id, sender);
      if (problem) {
        refusedIds.push(id);
        refused.push({ id: clip(id, MAX_LABEL), ...problem });
      }
    }
    for (const stray of strays) refused.push(stray.refused);

    if (refused.length > 0) {
      this.doc.transact(() => {
        for (const stray of strays) stray.remove();
        for (const id of refusedIds) this.revertThread(id);
      }, this);
    }

    for (const id of this.touched) {
      if (!this.threads.has(id)) {
        this.accepted.delete(id);
        continue;
      }
      const read = readThreadAt(id, this.threads.get(id));
      this.accepted.set(id, read.ok ? read.thread : 'unreadable');
    }
    return refused;
  }

  /** Why the thread `id` may not stay as the sender left it, or undefined if it may. */
  private threadProblem(
    id: string,
    sender: Sender | undefined,
  ): Omit<RefusedContent, 'id'> | undefined {
    const previous = this.accepted.get(id);
    const before = previous === 'unreadable' ? undefined : previous;
    if (!this.threads.has(id)) {
      return commentChangeProblem(before, undefined, sender);
    }
    const read = readThreadAt(id, this.threads.get(id));
    if (!read.ok) return { ...(read.path ? { path: read.path } : {}), detail: read.detail };
    return commentChangeProblem(before, read.thread, sender);
  }

  /**
   * Puts a thread back as last accepted (or removes it, if it is new), field by field in its
   * own map where it still is one: replies others sent meanwhile to this thread are kept.
   */
  private revertThread(id: string): void {
    const previous = this.accepted.get(id);
    if (previous === undefined || previous === 'unreadable') {
      this.threads.delete(id);
      return;
    }
    const stored = this.threads.get(id);
    if (stored instanceof Y.Map) {
      const map = stored as Y.Map<unknown>;
      const wanted: Record<string, unknown> = { ...previous };
      delete wanted[commentsDocLayout.replies];
      for (const key of [...map.keys()]) {
        if (key !== commentsDocLayout.replies && !(key in wanted)) map.delete(key);
      }
      for (const [key, value] of Object.entries(wanted)) {
        if (value === undefined) map.delete(key);
        else if (!isDeepStrictEqual(map.get(key), value)) map.set(key, value);
      }
      const replies = map.get(commentsDocLayout.replies);
      if (replies instanceof Y.Array) revertReplies(replies as Y.Array<unknown>, previous.replies);
      else map.set(commentsDocLayout.replies, Y.Array.from(previous.replies));
      const read = readThreadAt(id, map);
      if (read.ok && isDeepStrictEqual(read.thread, previous)) return;
    }
    // The structure itself was broken (the thread replaced by a string, a field by a Y.Text…).
    this.threads.set(id, createYThread(previous));
  }
}

/**
 * Makes a thread's replies what they were: removes those that were not there (or differ),
 * and puts back, in their place, those that were removed.
 */
function revertReplies(replies: Y.Array<unknown>, previous: readonly CommentReply[]): void {
  const wanted = new Map(previous.map((reply) => [reply.id, reply]));
  const kept = new Set<string>();
  for (let index = replies.length - 1; index >= 0; index--) {
    const parsed = commentReplySchema.safeParse(replies.get(index));
    const id = parsed.success ? parsed.data.id : undefined;
    const keep =
      id !== undefined && !kept.has(id) && isDeepStrictEqual(parsed.data, wanted.get(id));
    if (keep) kept.add(id);
    else replies.delete(index, 1);
  }
  previous.forEach((reply, index) => {
    if (!kept.has(reply.id)) replies.insert(Math.min(index, replies.length), [reply]);
  });
}

/** Report comments documents: one set of rules serves every room. */
export function createCommentsContentValidator(
  uncheckedRoots?: ReadonlySet<string>,
): ContentValidator {
  return { guard: (doc) => new CommentsContentGuard(doc, uncheckedRoots) };
}
