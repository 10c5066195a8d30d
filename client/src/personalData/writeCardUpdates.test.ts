// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createShapeId, type Editor, type TLShape } from 'tldraw';
import { createJsdomEditor } from '../../testing/jsdomEditor.js';
import { sampleProps } from '../../testing/cardRecords.js';
import { writeCardUpdates } from './writeCardUpdates.js';

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

const verbatimOf = (e: Editor, id: string) =>
  (e.getShape(createShapeId(id)) as TLShape<'observation'>).props.verbatim;

describe('writeCardUpdates', () => {
  it('writes every card through the editor as one change that one undo takes back', () => {
    editor = createJsdomEditor();
    const e = editor;
    e.createShapes([
      {
        id: createShapeId('a'),
        type: 'observation',
        props: { ...sampleProps.observation, verbatim: 'Mme Dupont a appelé.' },
      },
      {
        id: createShapeId('b'),
        type: 'observation',
        props: { ...sampleProps.observation, verbatim: 'Écrire à a.b@example.org' },
        isLocked: true,
      },
    ]);
    writeCardUpdates(e, [
      {
        id: createShapeId('a'),
        type: 'observation',
        props: { verbatim: '[Personne A] a appelé.' },
      },
      { id: createShapeId('b'), type: 'observation', props: { verbatim: 'Écrire à [courriel]' } },
    ]);
    expect(verbatimOf(e, 'a')).toBe('[Personne A] a appelé.');
    // Locked cards are pseudonymised too.
    expect(verbatimOf(e, 'b')).toBe('Écrire à [courriel]');
    e.undo();
    expect(verbatimOf(e, 'a')).toBe('Mme Dupont a appelé.');
    expect(verbatimOf(e, 'b')).toBe('Écrire à a.b@example.org');
    // The cards themselves, created before, are still there.
    expect(e.getShape(createShapeId('a'))).toBeDefined();
  });
});
