// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createShapeId, type Editor, type TLShapeId } from 'tldraw';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { useUiStore } from '../../stores/uiStore.js';
import { observationsInTheme } from '../shapes/themeMembership.js';
import { ThemeSuggestions } from './ThemeSuggestions.js';

let editor: Editor | undefined;
beforeEach(() => {
  act(() => useUiStore.setState({ language: 'fr' }));
});
afterEach(() => {
  cleanup();
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
  act(() => useUiStore.setState({ language: 'fr' }));
});

const verbatims = [
  'Le loyer de mon logement a encore augmenté.',
  'Les logements sont rares, un loyer à 600 euros.',
  'Pas de logement à louer au village, les loyers flambent.',
  'Un logement trop petit et un loyer trop cher.',
  'Sans voiture ni permis, je ne peux pas aller travailler.',
  'Le permis coûte une fortune, et la voiture aussi.',
  'J’aime beaucoup le marché du jeudi.',
];

/** A board with the verbatims above as observations, and one already in a theme. */
function board(): { board: Editor; ids: TLShapeId[] } {
  editor = createJsdomEditor();
  const ids = verbatims.map((verbatim, i) => {
    const id = createShapeId(`o${i}`);
    editor!.createShape({ id, type: 'observation', x: i * 300, y: 0, props: { verbatim } });
    return id;
  });
  const theme = createShapeId('theme');
  editor.createShape({ id: theme, type: 'theme', x: 0, y: 600, props: { label: 'Emploi' } });
  const themed = createShapeId('themed');
  editor.createShape({
    id: themed,
    type: 'observation',
    x: 40,
    y: 80,
    parentId: theme,
    props: { verbatim: 'Mon logement et mon loyer, encore le loyer du logement.' },
  });
  return { board: editor, ids };
}

function themes(target: Editor) {
  return target.getCurrentPageShapes().filter((s) => s.type === 'theme');
}

describe('the « Suggérer des thèmes » panel', () => {
  it('lists groups of unthemed observations with their label, count and verbatims', () => {
    const { board: target } = board();
    render(<ThemeSuggestions editor={target} />);
    const opener = screen.getByRole('button', { name: 'Suggérer des thèmes' });
    fireEvent.click(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    const dialog = screen.getByRole('dialog', { name: 'Thèmes suggérés' });
    expect(document.activeElement).toBe(within(dialog).getByRole('heading'));
    expect(
      within(dialog).getByText(/2 thèmes suggérés pour 7 observations hors thème/),
    ).toBeTruthy();

    const items = within(dialog).getAllByRole('listitem', { name: /observations$/ });
    expect(items).toHaveLength(2);
    const [housing, cars] = items as [HTMLElement, HTMLElement];
    expect(within(housing).getByRole<HTMLInputElement>('textbox').value).toBe('Loyer, logement');
    expect(within(housing).getByText('4 observations')).toBeTruthy();
    // Three verbatims first, the fourth on demand.
    expect(within(housing).queryByText(verbatims[3]!)).toBeNull();
    fireEvent.click(within(housing).getByRole('button', { name: 'Afficher les 4 verbatims' }));
    expect(within(housing).getByText(verbatims[3]!)).toBeTruthy();
    expect(within(cars).getByRole<HTMLInputElement>('textbox').value).toBe('Voiture, permis');
    expect(within(dialog).getByText('Non regroupées : 1')).toBeTruthy();
    // The observation already in a theme is not suggested again.
    expect(within(dialog).queryByText(/encore le loyer du logement/)).toBeNull();
  });

  it('creates the theme under the name typed, with its cards, and takes it off the list', () => {
    const { board: target, ids } = board();
    render(<ThemeSuggestions editor={target} />);
    fireEvent.click(screen.getByRole('button', { name: 'Suggérer des thèmes' }));
    const [housing] = screen.getAllByRole('listitem', { name: /observations$/ }) as [HTMLElement];
    fireEvent.change(within(housing).getByRole('textbox'), {
      target: { value: 'Se loger au village' },
    });
    fireEvent.click(within(housing).getByRole('button', { name: 'Créer ce thème' }));

    const created = themes(target).find((s) => s.props.label === 'Se loger au village');
    expect(created).toBeDefined();
    expect(
      observationsInTheme(target, created!.id)
        .map((s) => s.id)
        .sort(),
    ).toEqual(ids.slice(0, 4).sort());
    expect(screen.getByRole('status').textContent).toBe(
      'Thème « Se loger au village » créé avec 4 observations.',
    );
    expect(screen.getAllByRole('listitem', { name: /observations$/ })).toHaveLength(1);
  });

  it('dismisses a suggestion without touching the board, and closes on Escape', () => {
    const { board: target } = board();
    render(<ThemeSuggestions editor={target} />);
    const opener = screen.getByRole('button', { name: 'Suggérer des thèmes' });
    fireEvent.click(opener);
    const before = themes(target).length;
    const [, cars] = screen.getAllByRole('listitem', { name: /observations$/ }) as [
      HTMLElement,
      HTMLElement,
    ];
    fireEvent.click(within(cars).getByRole('button', { name: 'Ignorer' }));
    expect(themes(target)).toHaveLength(before);
    expect(screen.getAllByRole('listitem', { name: /observations$/ })).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('Suggestion « Voiture, permis » ignorée.');

    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('says when every observation is in a theme, and speaks English when asked', () => {
    editor = createJsdomEditor();
    act(() => useUiStore.setState({ language: 'en' }));
    render(<ThemeSuggestions editor={editor} />);
    fireEvent.click(screen.getByRole('button', { name: 'Suggest themes' }));
    expect(screen.getByText('Every observation is in a theme: nothing to group.')).toBeTruthy();
  });
});
