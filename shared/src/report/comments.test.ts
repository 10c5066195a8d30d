import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_COMMENT_TEXT,
  addReply,
  anchorToRelativePosition,
  commentThreadSchema,
  commentThreadsMap,
  createThread,
  readThreads,
  relativePositionToAnchor,
  setResolved,
} from './comments.js';

const rita = { id: 'guest-rita', name: 'Rita (relecture)' };
const alice = { id: 'user-alice', name: 'Alice Martin' };

/** Two replicas of one comments document, exchanging their updates on demand. */
function replicas() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

const someAnchor = { tname: 'default', assoc: 0 };

function thread(doc: Y.Doc, id: string, createdAt: string, author = rita) {
  return createThread(doc, {
    id,
    anchorStart: someAnchor,
    anchorEnd: someAnchor,
    quote: 'Décrivez la démarche',
    author,
    text: 'Phrase trop longue ?',
    createdAt,
  });
}

describe('comment threads', () => {
  it('reach another replica as plain, sorted threads', () => {
    const { a, b, sync } = replicas();
    thread(a, 't2', '2026-09-17T10:05:00.000Z');
    thread(a, 't1', '2026-09-17T10:00:00.000Z', alice);
    sync();
    expect(readThreads(b)).toEqual([
      expect.objectContaining({ id: 't1', authorName: 'Alice Martin', resolved: false }),
      expect.objectContaining({
        id: 't2',
        authorId: 'guest-rita',
        quote: 'Décrivez la démarche',
        text: 'Phrase trop longue ?',
        replies: [],
      }),
    ]);
    expect(commentThreadsMap(b).get('t1')).toBeInstanceOf(Y.Map);
  });

  it('keeps both replies written at once, and resolves then reopens', () => {
    const { a, b, sync } = replicas();
    thread(a, 't1', '2026-09-17T10:00:00.000Z');
    sync();
    addReply(a, 't1', { author: rita, text: 'Et celle-ci aussi.' });
    addReply(b, 't1', { author: alice, text: 'Je la coupe en deux.' });
    setResolved(b, 't1', true, alice);
    sync();
    const [onA] = readThreads(a);
    expect(onA?.replies.map((r) => r.text).sort()).toEqual([
      'Et celle-ci aussi.',
      'Je la coupe en deux.',
    ]);
    expect(onA).toMatchObject({ resolved: true, resolvedBy: 'Alice Martin' });
    expect(readThreads(b)).toEqual(readThreads(a));

    setResolved(a, 't1', false);
    sync();
    expect(readThreads(b)[0]).toMatchObject({ resolved: false });
    expect(readThreads(b)[0]).not.toHaveProperty('resolvedBy');
  });

  it('refuses what the server would refuse: empty or over-long text, a stray field', () => {
    const doc = new Y.Doc();
    expect(() => thread(doc, 'bad id!', '2026-09-17T10:00:00.000Z')).toThrow();
    const base = {
      anchorStart: someAnchor,
      anchorEnd: someAnchor,
      quote: '',
      author: rita,
      createdAt: '2026-09-17T10:00:00.000Z',
    };
    expect(() => createThread(doc, { ...base, text: '   ' })).toThrow();
    expect(() => createThread(doc, { ...base, text: 'x'.repeat(MAX_COMMENT_TEXT + 1) })).toThrow();
    expect(createThread(doc, { ...base, text: 'x'.repeat(MAX_COMMENT_TEXT) }).text).toHaveLength(
      MAX_COMMENT_TEXT,
    );
    // A long passage is quoted, clipped, rather than refused.
    expect(createThread(doc, { ...base, quote: 'q'.repeat(5000), text: 'ok' }).quote.length).toBe(
      1000,
    );
    thread(doc, 't1', '2026-09-17T10:00:00.000Z');
    expect(() => addReply(doc, 't1', { author: rita, text: '' })).toThrow();
    expect(() => addReply(doc, 'missing', { author: rita, text: 'Bonjour' })).toThrow();
    const stored = readThreads(doc).find((t) => t.id === 't1');
    expect(commentThreadSchema.safeParse({ ...stored, extra: 1 }).success).toBe(false);
    expect(
      commentThreadSchema.safeParse({ ...stored, resolved: false, resolvedBy: 'Alice' }).success,
    ).toBe(false);
  });

  it('skips malformed entries instead of showing them half', () => {
    const doc = new Y.Doc();
    thread(doc, 't1', '2026-09-17T10:00:00.000Z');
    const threads = commentThreadsMap(doc);
    threads.set('t2', 'not a thread');
    const broken = new Y.Map<unknown>();
    broken.set('id', 't3');
    threads.set('t3', broken);
    const textual = new Y.Map<unknown>();
    threads.set('t4', textual);
    for (const [field, value] of Object.entries(readThreads(doc)[0]!)) {
      if (field !== 'replies') textual.set(field, field === 'id' ? 't4' : value);
    }
    textual.set('replies', new Y.Text('pas une liste'));
    expect(readThreads(doc).map((t) => t.id)).toEqual(['t1']);
  });

  it('anchors to words that keep their place through concurrent edits', () => {
    // The report's paragraph, on two replicas of the report document.
    const { a, b, sync } = replicas();
    const paragraph = new Y.XmlText('Phrase commentée. Suite du texte.');
    a.getXmlFragment('default').insert(0, [paragraph]);
    sync();
    const words = 'Phrase commentée.';
    const start = relativePositionToAnchor(Y.createRelativePositionFromTypeIndex(paragraph, 0));
    const end = relativePositionToAnchor(
      Y.createRelativePositionFromTypeIndex(paragraph, words.length, -1),
    );
    // Stored and read back as plain JSON, as a Y.Map of the comments document does.
    const [startBack, endBack] = JSON.parse(JSON.stringify([start, end])) as [
      typeof start,
      typeof end,
    ];
    const onB = b.getXmlFragment('default').get(0) as Y.XmlText;
    onB.insert(0, 'Ajout en tête. ');
    onB.insert(onB.length, ' Fin.');
    paragraph.insert(words.length, ' (précision)');
    sync();
    const at = (anchor: typeof start) =>
      Y.createAbsolutePositionFromRelativePosition(anchorToRelativePosition(anchor), b)?.index;
    const from = at(startBack)!;
    const to = at(endBack)!;
    expect(onB.toString().slice(from, to)).toBe(words);
  });
});
