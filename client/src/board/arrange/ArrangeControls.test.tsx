// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createShapeId, type Editor, type TLShapeId } from 'tldraw';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { useUiStore } from '../../stores/uiStore.js';
import { CardSidePanel } from '../panel/CardSidePanel.js';
import { BoardArrange } from './ArrangeControls.js';
import { arrangeText } from './arrangeText.js';

vi.mock('../../api/api.js', () => ({
  getWorkspace: vi.fn(() => Promise.reject(new Error('offline'))),
}));

/** The « Ranger » controls as the side panel shows them, driving a real editor. */

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

const themeId = createShapeId('theme');
const communes = ['Vals', 'Arvière', '', 'Écully'];

function board(): { board: Editor; cards: TLShapeId[] } {
  editor = createJsdomEditor();
  editor.createShape({ id: themeId, type: 'theme', x: 0, y: 0, props: { w: 600, h: 400 } });
  const cards = communes.map((commune, i) => {
    const id = createShapeId(`o${i}`);
    editor!.createShape({
      id,
      type: 'observation',
      parentId: themeId,
      x: 50 + i * 5,
      y: 90 + i * 5,
      props: { commune },
    });
    return id;
  });
  return { board: editor, cards };
}

/** The cards' communes read row after row across the theme. */
function communesInReadingOrder(target: Editor, cards: TLShapeId[]) {
  return cards
    .map((id) => target.getShape(id)!)
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((shape) => (shape.props as { commune: string }).commune);
}

describe('« Ranger » in the side panel', () => {
  it('arranges a selected theme by the chosen field', () => {
    const { board: b, cards } = board();
    act(() => b.select(themeId));
    render(<CardSidePanel editor={b} workspaceId={null} />);
    const controls = screen.getByTestId('theme-arrange');
    fireEvent.change(within(controls).getByLabelText('Trier par'), {
      target: { value: 'commune' },
    });
    act(() => fireEvent.click(within(controls).getByRole('button', { name: 'Ranger' })));
    expect(communesInReadingOrder(b, cards)).toEqual(['Arvière', 'Écully', 'Vals', '']);
  });

  it('offers the board’s actions in English when chosen, the columns select labelled alone', () => {
    const { board: b } = board();
    act(() => useUiStore.setState({ language: 'en' }));
    render(<BoardArrange editor={b} text={arrangeText.en} />);
    const menu = screen.getByTestId('board-arrange');
    expect(
      within(menu).getByRole('button', { name: 'Arrange the unthemed observations' }),
    ).toBeTruthy();
    // Its label names the select, not the options around it (« Source » is one of them).
    expect(within(menu).getByLabelText('Arrange the whole board in columns by').tagName).toBe(
      'SELECT',
    );
    expect(within(menu).queryByLabelText(/source/i)).toBeNull();
  });

  it('leaves a selected observation’s panel to its fields', () => {
    const { board: b, cards } = board();
    act(() => b.select(cards[0]!));
    render(<CardSidePanel editor={b} workspaceId={null} />);
    expect(screen.queryByTestId('board-arrange')).toBeNull();
    expect(screen.queryByTestId('theme-arrange')).toBeNull();
  });
});
