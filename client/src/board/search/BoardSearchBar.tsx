import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Box, type Editor, type TLShapeId } from 'tldraw';
import { activeFilterCount, noFilters, type CardFilters } from './cardFilters.js';
import { readingOrder, stepResult, type PlacedResult } from './resultNavigation.js';
import { SearchFilters } from './SearchFilters.js';
import { countText, useSearchT } from './searchMessages.js';
import { useBoardSearch } from './useBoardSearch.js';
import './boardSearch.css';

/** Where "Suivant"/"Précédent" last went, to say "résultat 3 sur 12" while it still holds. */
interface Visited {
  id: string;
  position: number;
  count: number;
}

const move = { animation: { duration: 200 } } as const;
/** Below this zoom a card's text is too small to read. */
const readableZoom = 0.5;

/**
 * Find and filter the cards of a board. Only this person's view changes: cards left out are
 * dimmed on their screen, never in the shared document.
 */
export function BoardSearchBar({ editor }: { editor: Editor }) {
  const t = useSearchT();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<CardFilters>(noFilters);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [visited, setVisited] = useState<Visited | undefined>();
  const barRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const { index, active, matches } = useBoardSearch(editor, query, filters, filtersOpen);

  useFindShortcut(barRef, inputRef);

  const clear = () => {
    setQuery('');
    setFilters(noFilters);
    setVisited(undefined);
  };

  const placedMatches = (): PlacedResult[] =>
    matches.flatMap((id) => {
      const bounds = editor.getShapePageBounds(id as TLShapeId);
      return bounds ? [{ id, x: bounds.minX, y: bounds.minY }] : [];
    });

  const step = (direction: 1 | -1) => {
    const ordered = readingOrder(placedMatches());
    const next = stepResult(ordered, editor.getOnlySelectedShapeId() ?? undefined, direction);
    const bounds = next && editor.getShapePageBounds(next as TLShapeId);
    if (!next || !bounds) return;
    editor.select(next as TLShapeId);
    // Centred, and close enough to read: from an overview of the board, at the card's real size.
    const zoom = editor.getZoomLevel();
    editor.zoomToBounds(bounds, { ...move, targetZoom: zoom < readableZoom ? 1 : zoom });
    setVisited({ id: next, position: ordered.indexOf(next) + 1, count: ordered.length });
  };

  const zoomToResults = () => {
    const boxes = matches.flatMap((id) => editor.getShapePageBounds(id as TLShapeId) ?? []);
    if (boxes.length === 0) return;
    // Never closer than the cards' real size: one result is shown whole, not blown up.
    editor.zoomToBounds(Box.Common(boxes), { ...move, targetZoom: 1 });
  };

  const filterCount = activeFilterCount(filters);
  const stillVisited =
    visited && visited.count === matches.length && matches.includes(visited.id)
      ? visited
      : undefined;

  return (
    <div
      ref={barRef}
      className="board-search"
      role="search"
      aria-label={t('search.region')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        if (active || query !== '') clear();
        else editor.focus();
      }}
    >
      <div className="board-search-row">
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.input')}
        </label>
        <input
          id={inputId}
          className="board-search-query"
          ref={inputRef}
          type="search"
          value={query}
          placeholder={t('search.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          }}
        />
        <button
          type="button"
          aria-expanded={filtersOpen}
          aria-controls="board-search-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          {filterCount > 0
            ? t('search.filtersActive', { count: filterCount })
            : t('search.filters')}
        </button>
        <p className="board-search-count" aria-live="polite" aria-atomic="true">
          {active && countText(t, matches.length, index.cards.length)}
          {active && stillVisited && ` — ${t('search.position', { ...stillVisited })}`}
        </p>
        {active && (
          <>
            <button type="button" onClick={() => step(-1)} disabled={matches.length === 0}>
              {t('search.previous')}
            </button>
            <button type="button" onClick={() => step(1)} disabled={matches.length === 0}>
              {t('search.next')}
            </button>
            <button type="button" onClick={zoomToResults} disabled={matches.length === 0}>
              {t('search.zoom')}
            </button>
            <button type="button" onClick={clear}>
              {t('search.clear')}
            </button>
          </>
        )}
      </div>
      {filtersOpen && (
        <SearchFilters
          id="board-search-filters"
          index={index}
          filters={filters}
          onChange={setFilters}
        />
      )}
    </div>
  );
}

/**
 * Ctrl+F (Cmd+F on a Mac) opens the board's search instead of the browser's, which cannot see
 * the cards drawn off screen, but only while the board page has the focus: elsewhere, and in
 * tldraw's own text fields, the browser's find keeps working.
 */
function useFindShortcut(
  barRef: RefObject<HTMLElement | null>,
  inputRef: RefObject<HTMLInputElement | null>,
) {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f')
        return;
      const page = barRef.current?.closest('.board-page');
      const focused = document.activeElement;
      const boardHasFocus =
        !focused || focused === document.body || (page?.contains(focused) ?? false);
      if (!boardHasFocus || focused?.closest('.tl-shape')) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [barRef, inputRef]);
}
