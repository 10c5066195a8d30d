import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addReply,
  commentThreadsMap,
  createThread,
  readThreads,
  setResolved,
  type CommentAuthor,
} from '@boussole/shared';
import type { ContentGuard, RefusedContent } from '../collab/ContentValidator.js';
import { createCommentsContentValidator } from './CommentsContentGuard.js';

/**
 * The guard on a plain Y.Doc, as the room drives it: each person edits their own replica, the
 * change is encoded and applied to the server doc inside `applyChecked` with the sender's
 * identity, and the replica then receives what the server holds (the room's echo).
 */

const rita: CommentAuthor = { id: 'guest-rita', name: 'Rita (relecture)' };
const alice: CommentAuthor = { id: 'user-alice', name: 'Alice Martin' };
const anchor = { tname: 'default', assoc: 0 };
const listInsert = Y.Array.prototype.insert as (
  this: unknown,
  at: number,
  items: unknown[],
) => void;

let guard: ContentGuard | undefined;
afterEach(() => {
  guard?.destroy();
  guard = undefined;
});

function setup(build?: (doc: Y.Doc) => void) {
  const server = new Y.Doc();
  build?.(server);
  guard = createCommentsContentValidator().guard(server);
  const activeGuard = guard;
  const replica = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return doc;
  };
  const people = { rita: replica(), alice: replica() };

  /** `who` edits their replica; the change goes through the guard in `sender`'s name. */
  const send = (
    doc: Y.Doc,
    sender: CommentAuthor | undefined,
    edit: (doc: Y.Doc) => void,
  ): RefusedContent[] => {
    const before = Y.encodeStateVector(doc);
    doc.transact(() => edit(doc));
    const update = Y.encodeStateAsUpdate(doc, before);
    const refused = activeGuard.applyChecked(() => Y.applyUpdate(server, update), sender);
    for (const other of Object.values(people))
      Y.applyUpdate(other, Y.encodeStateAsUpdate(server, Y.encodeStateVector(other)));
    return refused;
  };
  return { server, people, send, guard: activeGuard };
}

const newThread = (doc: Y.Doc, author: CommentAuthor, id = 't1', text = 'Phrase trop longue ?') =>
  createThread(doc, {
    id,
    anchorStart: anchor,
    anchorEnd: anchor,
    quote: 'Décrivez la démarche',
    author,
    text,
    createdAt: '2026-09-17T10:00:00.000Z',
  });

/** Rita's thread with one reply by Alice, already accepted. */
function withDiscussion() {
  const world = setup();
  const { people, send } = world;
  expect(send(people.rita, rita, (d) => newThread(d, rita))).toEqual([]);
  expect(
    send(people.alice, alice, (d) =>
      addReply(d, 't1', { author: alice, text: 'Je la coupe.', id: 'r1' }),
    ),
  ).toEqual([]);
  return world;
}

describe('CommentsContentGuard', () => {
  it('accepts threads and replies in one’s own name, and resolving by anyone', () => {
    const { server, people, send } = withDiscussion();
    expect(send(people.alice, alice, (d) => setResolved(d, 't1', true, alice))).toEqual([]);
    expect(readThreads(server)[0]).toMatchObject({
      authorName: 'Rita (relecture)',
      resolved: true,
      resolvedBy: 'Alice Martin',
      replies: [expect.objectContaining({ authorId: 'user-alice', text: 'Je la coupe.' })],
    });
    expect(send(people.rita, rita, (d) => setResolved(d, 't1', false))).toEqual([]);
    expect(readThreads(people.alice)[0]).toMatchObject({ resolved: false });
    // The author rewords her own thread.
    const edited = send(people.rita, rita, (d) =>
      (commentThreadsMap(d).get('t1') as Y.Map<unknown>).set('text', 'Phrase à couper.'),
    );
    expect(edited).toEqual([]);
    expect(readThreads(server)[0]?.text).toBe('Phrase à couper.');
  });

  it('removes a thread written in someone else’s name, for everyone', () => {
    const { server, people, send, guard } = setup();
    const refused = send(people.rita, rita, (d) => newThread(d, alice));
    expect(refused).toEqual([{ id: 't1', path: 'authorId', detail: expect.any(String) }]);
    expect(readThreads(server)).toEqual([]);
    expect(readThreads(people.rita)).toEqual([]);
    expect(guard.describeRefusal(refused)).toMatch(/^Commentaire refusé.*annulée\.$/);
    // Her real id under a name that is not hers is forged all the same.
    expect(
      send(people.rita, rita, (d) => newThread(d, { id: rita.id, name: 'Alice Martin' })),
    ).toHaveLength(1);
    expect(commentThreadsMap(server).size).toBe(0);
  });

  it('refuses a reply in someone else’s name and keeps the thread as it was', () => {
    const { server, people, send } = withDiscussion();
    const refused = send(people.rita, rita, (d) =>
      addReply(d, 't1', { author: alice, text: 'Alice est d’accord.' }),
    );
    expect(refused).toEqual([{ id: 't1', path: 'replies', detail: expect.any(String) }]);
    expect(readThreads(server)[0]?.replies.map((r) => r.text)).toEqual(['Je la coupe.']);
    expect(readThreads(people.rita)).toEqual(readThreads(server));
  });

  it('puts back someone else’s text that was changed', () => {
    const { server, people, send } = withDiscussion();
    const thread = (d: Y.Doc) => commentThreadsMap(d).get('t1') as Y.Map<unknown>;
    expect(send(people.alice, alice, (d) => thread(d).set('text', 'Rien à redire.'))).toEqual([
      { id: 't1', path: 'text', detail: expect.any(String) },
    ]);
    expect(readThreads(server)[0]?.text).toBe('Phrase trop longue ?');
    // Alice's reply, rewritten by Rita (delete and insert with the same id).
    const rewritten = send(people.rita, rita, (d) => {
      const replies = thread(d).get('replies') as Y.Array<Record<string, unknown>>;
      const reply = replies.get(0);
      replies.delete(0, 1);
      replies.insert(0, [{ ...reply, text: 'Je ne la coupe pas.' }]);
    });
    expect(rewritten).toHaveLength(1);
    expect(readThreads(server)[0]?.replies.map((r) => r.text)).toEqual(['Je la coupe.']);
    expect(readThreads(people.alice)).toEqual(readThreads(server));
  });

  it('puts back a thread or a reply deleted by someone who did not write it', () => {
    const { server, people, send } = withDiscussion();
    const before = readThreads(server);
    expect(send(people.alice, alice, (d) => commentThreadsMap(d).delete('t1'))).toEqual([
      { id: 't1', detail: expect.any(String) },
    ]);
    expect(readThreads(server)).toEqual(before);
    expect(readThreads(people.alice)).toEqual(before);
    // Rita wrote the thread, but it holds Alice's reply.
    expect(send(people.rita, rita, (d) => commentThreadsMap(d).delete('t1'))).toHaveLength(1);
    expect(readThreads(server)).toEqual(before);
    const replies = (d: Y.Doc) =>
      (commentThreadsMap(d).get('t1') as Y.Map<unknown>).get('replies') as Y.Array<unknown>;
    expect(send(people.rita, rita, (d) => replies(d).delete(0, 1))).toHaveLength(1);
    expect(readThreads(server)).toEqual(before);
    // Each removes what is theirs.
    expect(send(people.alice, alice, (d) => replies(d).delete(0, 1))).toEqual([]);
    expect(send(people.rita, rita, (d) => commentThreadsMap(d).delete('t1'))).toEqual([]);
    expect(readThreads(server)).toEqual([]);
  });

  it('refuses a resolution signed with someone else’s name, and the server’s own authorship', () => {
    const { server, people, send } = withDiscussion();
    expect(send(people.rita, rita, (d) => setResolved(d, 't1', true, alice))).toEqual([
      { id: 't1', path: 'resolvedBy', detail: expect.any(String) },
    ]);
    expect(readThreads(server)[0]).toMatchObject({ resolved: false });
    expect(send(people.rita, undefined, (d) => newThread(d, rita, 't2'))).toHaveLength(1);
    expect(commentThreadsMap(server).has('t2')).toBe(false);
  });

  it('reverts malformed threads and changes to the passage a thread is anchored to', () => {
    const { server, people, send } = withDiscussion();
    const before = readThreads(server);
    const thread = (d: Y.Doc) => commentThreadsMap(d).get('t1') as Y.Map<unknown>;
    const cases: [string, (d: Y.Doc) => void][] = [
      ['anchorStart', (d) => thread(d).set('anchorStart', { tname: 'default', assoc: 5 })],
      ['quote', (d) => thread(d).set('quote', 'Autre passage')],
      ['text', (d) => thread(d).set('text', 'x'.repeat(5001))],
      ['resolved', (d) => thread(d).delete('resolved')],
      ['extra', (d) => thread(d).set('extra', 1)],
      ['text', (d) => thread(d).set('text', new Y.Text('Phrase trop longue ?'))],
      ['replies', (d) => thread(d).set('replies', ['pas une réponse'])],
      ['thread', (d) => commentThreadsMap(d).set('t1', 'pas une discussion')],
      // A list inside the thread's map, which no reader would ever see.
      ['hidden', (d) => listInsert.call(thread(d), 0, ['caché'])],
    ];
    for (const [what, edit] of cases) {
      expect(send(people.rita, rita, edit), what).toHaveLength(1);
      expect(readThreads(server), what).toEqual(before);
      expect(readThreads(people.rita), what).toEqual(before);
    }
    // A new thread stored under another key than its id is removed.
    expect(send(people.rita, rita, (d) => newThread(d, rita, 't2'))).toEqual([]);
    const misplaced = new Y.Map<unknown>();
    expect(
      send(people.rita, rita, (d) => {
        const copy = (commentThreadsMap(d).get('t2') as Y.Map<unknown>).toJSON();
        commentThreadsMap(d).set('t4', misplaced);
        for (const [k, v] of Object.entries(copy))
          misplaced.set(k, k === 'replies' ? new Y.Array() : v);
      }),
    ).toEqual([{ id: 't4', path: 'id', detail: expect.any(String) }]);
    expect(commentThreadsMap(server).has('t4')).toBe(false);
  });

  it('removes content written anywhere else in the document', () => {
    const { server, people, send } = withDiscussion();
    const before = readThreads(server);
    const refused = send(people.rita, rita, (d) => {
      d.getText('notes').insert(0, 'hors des discussions');
      d.getMap('other').set('k', 'v');
    });
    expect(refused.map((r) => r.id).sort()).toEqual(['root:notes', 'root:other']);
    expect(server.getText('notes').toString()).toBe('');
    expect(server.getMap('other').size).toBe(0);
    // The old way (a list of threads) is invisible in a map, so it is removed too.
    const listed = new Y.Doc();
    Y.applyUpdate(listed, Y.encodeStateAsUpdate(server));
    const hidden = new Y.Doc();
    hidden.getArray('threads').push([{ id: 'old', text: 'caché' }]);
    const update = Y.encodeStateAsUpdate(hidden);
    const hiddenRefused = guard!.applyChecked(() => Y.applyUpdate(server, update), rita);
    expect(hiddenRefused.map((r) => r.id)).toEqual(['root:threads']);
    const threads = commentThreadsMap(server);
    let visible = 0;
    for (let item = threads._start; item; item = item.right) if (!item.deleted) visible++;
    expect(visible).toBe(0);
    expect(readThreads(server)).toEqual(before);
  });

  it('does not let a held-back forgery pass as the work of whoever completes it', () => {
    const { server, people, send } = withDiscussion();
    const replies = (d: Y.Doc) =>
      (commentThreadsMap(d).get('t1') as Y.Map<unknown>).get('replies') as Y.Array<unknown>;
    // Alice writes a reply she has not sent yet; Rita, knowing its Yjs id (as she could from
    // Alice's client id and clock), sends a reply in Alice's name placed right after it.
    const aliceBefore = Y.encodeStateVector(people.alice);
    addReply(people.alice, 't1', { author: alice, text: 'Vrai.', id: 'r2' });
    const aliceUpdate = Y.encodeStateAsUpdate(people.alice, aliceBefore);
    const crafted = new Y.Doc();
    Y.applyUpdate(crafted, Y.encodeStateAsUpdate(people.alice));
    const craftedBefore = Y.encodeStateVector(crafted);
    addReply(crafted, 't1', { author: alice, text: 'Faux.', id: 'r3' });
    const forged = Y.encodeStateAsUpdate(crafted, craftedBefore);
    // Held by Yjs until what it depends on arrives: nothing to judge yet.
    expect(guard!.applyChecked(() => Y.applyUpdate(server, forged), rita)).toEqual([]);
    expect(server.store.pendingStructs).not.toBeNull();
    // Alice's update completes it: the forgery must not pass under her name.
    expect(guard!.applyChecked(() => Y.applyUpdate(server, aliceUpdate), alice)).toHaveLength(1);
    expect(replies(server).toArray()).not.toContainEqual(expect.objectContaining({ id: 'r3' }));
    // Alice's own reply was caught in it; sent again, it is accepted.
    expect(
      send(people.alice, alice, (d) =>
        addReply(d, 't1', { author: alice, text: 'Vrai.', id: 'r4' }),
      ),
    ).toEqual([]);
    expect(readThreads(server)[0]?.replies.map((r) => r.id)).toEqual(['r1', 'r4']);
  });

  it('keeps a reply accepted meanwhile when reverting a refused change to the same thread', () => {
    const { server, people, send } = withDiscussion();
    // Alice replies; Rita, who has not seen it yet, forges a reply in Alice's name.
    const ritaLate = new Y.Doc();
    Y.applyUpdate(ritaLate, Y.encodeStateAsUpdate(people.rita));
    expect(
      send(people.alice, alice, (d) =>
        addReply(d, 't1', { author: alice, text: 'Deuxième réponse.', id: 'r2' }),
      ),
    ).toEqual([]);
    const before = Y.encodeStateVector(ritaLate);
    addReply(ritaLate, 't1', { author: alice, text: 'Faux.', id: 'r3' });
    const update = Y.encodeStateAsUpdate(ritaLate, before);
    expect(guard!.applyChecked(() => Y.applyUpdate(server, update), rita)).toHaveLength(1);
    expect(readThreads(server)[0]?.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
  });
});
