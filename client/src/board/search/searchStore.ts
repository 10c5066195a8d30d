import { create } from 'zustand';

/**
 * The cards this person's search leaves out, which their card shapes dim. Local view state
 * only: it never reaches the board's document, so each person searches without disturbing
 * anyone else's board.
 */
export interface SearchDimmingState {
  /** Ids of the cards that do not match; empty while no search or filter is active. */
  dimmed: ReadonlySet<string>;
  setDimmed(dimmed: ReadonlySet<string>): void;
}

const none: ReadonlySet<string> = new Set();

export const useSearchStore = create<SearchDimmingState>()((set, get) => ({
  dimmed: none,
  setDimmed: (dimmed) => {
    // Every card listens to this store: an unchanged set must not wake 2,000 of them.
    if (sameIds(get().dimmed, dimmed)) return;
    set({ dimmed: dimmed.size === 0 ? none : dimmed });
  },
}));

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** Whether the card `id` is dimmed by the current search; re-renders only when that changes. */
export function useDimmedBySearch(id: string): boolean {
  return useSearchStore((state) => state.dimmed.has(id));
}
