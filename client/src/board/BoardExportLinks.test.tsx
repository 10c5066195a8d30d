// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createShapeId, type Editor } from 'tldraw';
import { createJsdomEditor } from '../../testing/jsdomEditor.js';
import { useUiStore } from '../stores/uiStore.js';
import { BoardExportLinks } from './BoardExportLinks.js';

let editor: Editor | undefined;
afterEach(() => {
  cleanup();
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
  act(() => useUiStore.setState({ language: 'fr' }));
});

describe('BoardExportLinks', () => {
  it('links to the board’s CSV and XLSX exports, as downloads', () => {
    act(() => useUiStore.setState({ language: 'fr' }));
    render(<BoardExportLinks boardId="board-AbC_12/x" title="Tableau" />);
    const csv = screen.getByRole('link', { name: 'Exporter en CSV' });
    const xlsx = screen.getByRole('link', { name: 'Exporter en Excel (XLSX)' });
    expect(csv.getAttribute('href')).toBe('/api/boards/board-AbC_12%2Fx/export?format=csv');
    expect(xlsx.getAttribute('href')).toBe('/api/boards/board-AbC_12%2Fx/export?format=xlsx');
    expect(csv.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('navigation', { name: 'Exporter les cartes' })).toBeTruthy();
  });

  it('speaks English when the interface does', () => {
    act(() => useUiStore.setState({ language: 'en' }));
    render(<BoardExportLinks boardId="board-1" title="Board" />);
    expect(screen.getByRole('link', { name: 'Export as Excel (XLSX)' })).toBeTruthy();
  });

  it('offers the whole board as PNG and PDF, and the selection once cards are selected', () => {
    editor = createJsdomEditor();
    const id = createShapeId('o1');
    editor.createShape({ id, type: 'observation', x: 0, y: 0, props: { verbatim: 'Le car' } });
    render(<BoardExportLinks boardId="board-1" title="Tableau" editor={editor} />);
    const group = screen.getByRole('group', { name: 'Exporter une image' });
    const names = () => [...group.querySelectorAll('button')].map((b) => b.textContent);
    expect(names()).toEqual(['Image PNG (tout le tableau)', 'PDF (tout le tableau)']);
    act(() => editor!.select(id));
    expect(names()).toEqual([
      'Image PNG (tout le tableau)',
      'PDF (tout le tableau)',
      'Image PNG de la sélection',
      'PDF de la sélection',
    ]);
    act(() => editor!.selectNone());
    expect(names()).toHaveLength(2);
    expect(screen.getByText(/8 000 pixels au plus/)).toBeTruthy();
  });

  it('says so when the board has nothing to export', async () => {
    editor = createJsdomEditor();
    render(<BoardExportLinks boardId="board-1" title="Tableau" editor={editor} />);
    fireEvent.click(screen.getByRole('button', { name: 'Image PNG (tout le tableau)' }));
    const status = screen.getByRole('status');
    await expect.poll(() => status.textContent).toBe('Rien à exporter : aucune carte.');
  });
});
