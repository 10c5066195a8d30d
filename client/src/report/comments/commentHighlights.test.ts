// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { createThread, reportDocLayout, setResolved } from '@boussole/shared';
import { reportExtensions } from '../reportExtensions.js';
import { anchorPassage, passageRange } from './commentAnchors.js';
import { CommentHighlights, commentHighlightsKey } from './commentHighlights.js';

/**
 * The real report editor in jsdom, bound to one replica of the report; another replica (a
 * drafter elsewhere) edits the same paragraph. The thread's highlight must keep covering the
 * commented words, whether the edits come from the other replica or from this editor.
 */

const rita = { id: 'guest-rita', name: 'Rita (relecture)' };
const words = 'Phrase commentée.';

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function setup() {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  const comments = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local, Y.encodeStateVector(remote)));
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
  };
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: reportExtensions({ doc: local, awareness: new Awareness(local) }, [
      CommentHighlights.configure({ comments }),
    ]),
  });
  editors.push(editor);
  editor.commands.setContent(`<p>Début. ${words} Fin.</p>`);
  sync();
  const remoteText = () =>
    (remote.getXmlFragment(reportDocLayout.fragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  return { editor, comments, sync, remoteText };
}

/** The words under the comment highlights, as the page shows them. */
function highlighted(editor: Editor): string {
  return [...editor.view.dom.querySelectorAll('.comment-highlight')]
    .map((span) => span.textContent)
    .join('');
}

function rangeOf(editor: Editor, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | undefined;
  editor.state.doc.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(text) : -1;
    if (!found && at >= 0) found = { from: pos + at, to: pos + at + text.length };
  });
  if (!found) throw new Error(`no "${text}" in the editor`);
  return found;
}

/** Rita's thread `t1` on `words`; returns where the words stand. */
function commentOnWords(editor: Editor, comments: Y.Doc): { from: number; to: number } {
  const { from, to } = rangeOf(editor, words);
  createThread(comments, {
    ...anchorPassage(editor.state, from, to)!,
    author: rita,
    text: 'Trop vague.',
    id: 't1',
  });
  return { from, to };
}

describe('comment highlights', () => {
  it('stay on the commented words through edits at both edges, remote and local', () => {
    const { editor, comments, sync, remoteText } = setup();
    const { from, to } = rangeOf(editor, words);
    const passage = anchorPassage(editor.state, from, to);
    expect(passage?.quote).toBe(words);
    createThread(comments, { ...passage!, author: rita, text: 'Trop vague.', id: 't1' });
    expect(highlighted(editor)).toBe(words);

    // Another drafter writes right before and right after the passage.
    const text = remoteText();
    const start = text.toString().indexOf(words);
    text.insert(start + words.length, ' (suite)');
    text.insert(start, 'Ajout. ');
    sync();
    expect(editor.getText()).toContain(`Ajout. ${words} (suite)`);
    expect(highlighted(editor)).toBe(words);
    expect(passageRange(editor.state, passage!)).toEqual(rangeOf(editor, words));

    // This editor does the same: its own edits are mapped, then resolved again alike.
    const here = rangeOf(editor, words);
    editor.commands.insertContentAt(here.to, ' et local');
    editor.commands.insertContentAt(here.from, 'Local. ');
    expect(highlighted(editor)).toBe(words);
    sync();
    expect(passageRange(editor.state, passage!)).toEqual(rangeOf(editor, words));

    setResolved(comments, 't1', true, rita);
    expect(highlighted(editor)).toBe('');
  });

  it('shows nothing for a passage that was deleted', () => {
    const { editor, comments, sync, remoteText } = setup();
    commentOnWords(editor, comments);
    const text = remoteText();
    text.delete(text.toString().indexOf(words), words.length);
    sync();
    expect(editor.getText()).not.toContain(words);
    expect(highlighted(editor)).toBe('');
  });

  it('makes a thread active when its words are clicked in the text', () => {
    const { editor, comments } = setup();
    const { from } = commentOnWords(editor, comments);
    const span = editor.view.dom.querySelector('.comment-highlight');
    expect(span).not.toBeNull();
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'target', { value: span });
    editor.view.someProp('handleClick', (handle) => handle(editor.view, from + 1, click));
    expect(commentHighlightsKey.getState(editor.state)?.activeId).toBe('t1');
    expect(editor.view.dom.querySelector('.comment-highlight.active')?.textContent).toBe(words);
  });
});
