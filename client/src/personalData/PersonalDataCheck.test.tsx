// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createShapeId, type Editor, type TLShape } from 'tldraw';
import { createJsdomEditor } from '../../testing/jsdomEditor.js';
import { sampleProps } from '../../testing/cardRecords.js';
import { useUiStore } from '../stores/uiStore.js';
import { PersonalDataCheckButton, PersonalDataCheckPanel } from './PersonalDataCheck.js';

let editor: Editor | undefined;
beforeEach(() => {
  act(() => useUiStore.setState({ language: 'fr' }));
});
afterEach(() => {
  cleanup();
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

function boardWith(verbatims: string[]): Editor {
  editor = createJsdomEditor();
  editor.createShapes(
    verbatims.map((verbatim, i) => ({
      id: createShapeId(`o${i}`),
      type: 'observation',
      y: i * 200,
      props: { ...sampleProps.observation, verbatim },
    })),
  );
  return editor;
}

const verbatimOf = (e: Editor, i: number) =>
  (e.getShape(createShapeId(`o${i}`)) as TLShape<'observation'>).props.verbatim;

/** The button and the panel as the board page puts them together. */
function Check({ editor: e }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <PersonalDataCheckButton
        open={open}
        disabled={false}
        panelId="check"
        onToggle={() => setOpen(!open)}
      />
      {open && (
        <PersonalDataCheckPanel
          id="check"
          editor={e}
          workspaceId={null}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

async function openCheck() {
  fireEvent.click(screen.getByRole('button', { name: 'Vérifier les données personnelles' }));
  return screen.findByRole('dialog', { name: 'Données personnelles sur ce tableau' });
}

describe('PersonalDataCheck', () => {
  it('lists the findings, and « Appliquer » writes the reviewed text into the cards', async () => {
    const e = boardWith([
      'Mme Georgette Lambert demande une aide. Tél. 06 12 34 56 78.',
      'Le car part à 6 h 50 de Saint-Aubin.',
      'Contact : kevin.dubreuil@example.org',
    ]);
    render(<Check editor={e} />);
    const dialog = await openCheck();
    await within(dialog).findByText(/3 données personnelles trouvées/);
    const phone = within(dialog).getByRole('group', { name: /« 06 12 34 56 78 »/ });
    fireEvent.click(within(phone).getByRole('button', { name: 'Voir la carte' }));
    expect(e.getSelectedShapeIds()).toEqual([createShapeId('o0')]);
    fireEvent.click(within(phone).getByRole('radio', { name: 'Garder tel quel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Appliquer' }));

    expect(verbatimOf(e, 0)).toBe('Mme [Personne A] demande une aide. Tél. 06 12 34 56 78.');
    expect(verbatimOf(e, 1)).toBe('Le car part à 6 h 50 de Saint-Aubin.');
    expect(verbatimOf(e, 2)).toBe('Contact : [courriel]');
    expect(within(dialog).getByRole('status').textContent).toContain(
      '2 remplacements appliqués sur 2 cartes.',
    );
    // One « Annuler » takes the whole check back.
    act(() => e.undo());
    expect(verbatimOf(e, 0)).toBe('Mme Georgette Lambert demande une aide. Tél. 06 12 34 56 78.');
    expect(verbatimOf(e, 2)).toBe('Contact : kevin.dubreuil@example.org');
  });

  it('says so when the board holds no personal data', async () => {
    const e = boardWith(['Le car part à 6 h 50 de Saint-Aubin, le permis coûte 1 800 €.']);
    render(<Check editor={e} />);
    const dialog = await openCheck();
    expect((await within(dialog).findByRole('status')).textContent).toBe(
      'Aucune donnée personnelle détectée.',
    );
    expect(within(dialog).queryByRole('button', { name: 'Appliquer' })).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    const button = screen.getByRole('button', { name: 'Vérifier les données personnelles' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('leaves a card someone edited meanwhile as it is, and says so', async () => {
    const e = boardWith(['Mme Georgette Lambert demande une aide.']);
    render(<Check editor={e} />);
    const dialog = await openCheck();
    await within(dialog).findByText(/1 données personnelles trouvées/);
    act(() => {
      e.updateShape({
        id: createShapeId('o0'),
        type: 'observation',
        props: { verbatim: 'Bonjour. Mme Georgette Lambert demande une aide.' },
      });
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Appliquer' }));
    expect(verbatimOf(e, 0)).toBe('Bonjour. Mme Georgette Lambert demande une aide.');
    expect(within(dialog).getByRole('status').textContent).toContain(
      '1 éléments n’ont pas été remplacés',
    );
  });
});
