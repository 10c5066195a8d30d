import { useEffect, useMemo } from 'react';
import { useValue, type Editor, type TLShape } from 'tldraw';
import { buildCardIndex, type CardIndex } from './cardIndex.js';
import { isSearchActive, matchCards, type CardFilters } from './cardFilters.js';
import { useSearchStore } from './searchStore.js';

export interface BoardSearch {
  index: CardIndex;
  active: boolean;
  /** The matching cards' ids; every card while the search is not active. */
  matches: readonly string[];
}

const noShapes: readonly TLShape[] = [];

/**
 * The current page's cards against the query and filters, and the dimming of those left out.
 * The board is read only while a search is active or the filters need their values (`wanted`):
 * otherwise a drag on the board does not even wake this hook.
 */
export function useBoardSearch(
  editor: Editor,
  query: string,
  filters: CardFilters,
  wanted: boolean,
): BoardSearch {
  const active = isSearchActive(query, filters);
  const reading = active || wanted;
  const shapes = useValue(
    'board search: shapes',
    () => (reading ? editor.getCurrentPageShapes() : noShapes),
    [editor, reading],
  );
  const index = useMemo(() => buildCardIndex(shapes), [shapes]);
  const matches = useMemo(
    () => (active ? matchCards(index, query, filters) : index.cards.map((c) => c.id)),
    [index, active, query, filters],
  );

  const setDimmed = useSearchStore((s) => s.setDimmed);
  useEffect(() => {
    if (!active) return setDimmed(new Set());
    const matching = new Set(matches);
    setDimmed(new Set(index.cards.filter((c) => !matching.has(c.id)).map((c) => c.id)));
  }, [active, index, matches, setDimmed]);
  // Leaving the board leaves no card dimmed for the next one.
  useEffect(() => () => setDimmed(new Set()), [setDimmed]);

  return { index, active, matches };
}
