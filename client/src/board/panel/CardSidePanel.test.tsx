// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createShapeId, type Editor } from 'tldraw';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { useUiStore } from '../../stores/uiStore.js';
import { CardSidePanel } from './CardSidePanel.js';

vi.mock('../../api/api.js', () => ({
  getWorkspace: vi.fn((id: string) =>
    id === 'ws-1'
      ? Promise.resolve({
          publics: ['Jeunes', 'Seniors'],
          communes: [
            { inseeCode: '01001', name: 'Arvière' },
            { inseeCode: '01002', name: 'Saint-Jean-du-Val' },
          ],
        })
      : Promise.reject(new Error('refused')),
  ),
}));

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

const observation = createShapeId('obs');

function boardWithObservation(): Editor {
  editor = createJsdomEditor();
  editor.createShape({
    id: observation,
    type: 'observation',
    x: 0,
    y: 0,
    props: { verbatim: 'x' },
  });
  act(() => editor!.select(observation));
  return editor;
}

const communeValue = (e: Editor) => (e.getShape(observation)!.props as { commune: string }).commune;

describe('card side panel', () => {
  it('offers the workspace’s communes and flags a commune outside them', async () => {
    const board = boardWithObservation();
    render(<CardSidePanel editor={board} workspaceId="ws-1" />);
    const commune = screen.getByLabelText('Commune') as HTMLInputElement;
    await waitFor(() => {
      const options = [...(commune.list?.querySelectorAll('option') ?? [])].map((o) => o.value);
      expect(options).toEqual(['Arvière', 'Saint-Jean-du-Val']);
    });
    const publics = (screen.getByLabelText('Public') as HTMLInputElement).list;
    expect([...(publics?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual([
      'Jeunes',
      'Seniors',
    ]);

    fireEvent.change(commune, { target: { value: 'Lyon' } });
    expect(communeValue(board)).toBe('Lyon');
    expect(screen.getByText(/hors liste de l’espace de travail/)).toBeTruthy();
    expect(commune.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(commune.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /hors liste/,
    );

    fireEvent.change(commune, { target: { value: 'saint jean du val' } });
    expect(communeValue(board)).toBe('saint jean du val');
    expect(screen.queryByText(/hors liste/)).toBeNull();
    expect(commune.getAttribute('aria-invalid')).toBeNull();
  });

  it('flags nothing when the board has no workspace lists', async () => {
    const board = boardWithObservation();
    render(<CardSidePanel editor={board} workspaceId="refused" />);
    fireEvent.change(screen.getByLabelText('Commune'), { target: { value: 'Lyon' } });
    expect(communeValue(board)).toBe('Lyon');
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByText(/hors liste/)).toBeNull();
  });

  it('shows a theme’s observations counted by commune and by public', async () => {
    editor = createJsdomEditor();
    const theme = createShapeId('theme');
    editor.createShape({ id: theme, type: 'theme', x: 0, y: 0, props: { w: 2000, h: 2000 } });
    const rows: [string, string][] = [
      ['Jeunes', 'Arvière'],
      ['jeunes', 'arviere'],
      ['Seniors', 'Saint-Jean-du-Val'],
    ];
    rows.forEach(([pub, commune], i) =>
      editor!.createShape({
        id: createShapeId(`o${i}`),
        type: 'observation',
        parentId: theme,
        x: 10 + i * 300,
        y: 60,
        props: { public: pub, commune },
      }),
    );
    // Outside the theme: not counted.
    editor.createShape({ type: 'observation', x: 5000, y: 0, props: { commune: 'Arvière' } });
    act(() => editor!.select(theme));
    render(<CardSidePanel editor={editor} workspaceId="ws-1" />);
    expect(screen.getByTestId('theme-observation-count').textContent).toBe('3 observations');
    const byCommune = screen.getByRole('table', { name: 'Par commune' });
    await waitFor(() =>
      expect(
        within(byCommune)
          .getAllByRole('row')
          .map((r) => r.textContent),
      ).toEqual(['Arvière2', 'Saint-Jean-du-Val1']),
    );
    const byPublic = screen.getByRole('table', { name: 'Par public' });
    expect(
      within(byPublic)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['Jeunes2', 'Seniors1']);

    act(() => {
      editor!.createShape({
        type: 'observation',
        parentId: theme,
        x: 10,
        y: 400,
        props: { commune: 'Saint-Jean-du-Val' },
      });
    });
    expect(screen.getByTestId('theme-observation-count').textContent).toBe('4 observations');
    expect(
      within(byCommune)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['Arvière2', 'Saint-Jean-du-Val2']);
  });

  it('follows the chosen language, storing the same values', () => {
    editor = createJsdomEditor();
    const hypothesis = createShapeId('h');
    editor.createShape({ id: hypothesis, type: 'hypothesis', x: 0, y: 0 });
    act(() => editor!.select(hypothesis));
    render(<CardSidePanel editor={editor} />);
    expect(screen.getByRole('heading').textContent).toBe('Hypothèse');
    expect(screen.getByLabelText('Statut')).toBeTruthy();

    act(() => useUiStore.setState({ language: 'en' }));
    expect(screen.getByRole('heading').textContent).toBe('Hypothesis');
    expect(screen.getByRole('complementary', { name: 'Hypothesis card' })).toBeTruthy();
    const status = screen.getByLabelText('Status') as HTMLSelectElement;
    expect([...status.options].map((o) => o.textContent)).toEqual([
      'To check',
      'Confirmed',
      'Refuted',
      'Qualified',
    ]);
    fireEvent.change(status, { target: { value: 'confirmee' } });
    expect((editor.getShape(hypothesis)!.props as { status: string }).status).toBe('confirmee');
    expect(screen.getByLabelText('Target group')).toBeTruthy();
  });
});
