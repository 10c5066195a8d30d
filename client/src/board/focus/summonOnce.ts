import type { SessionFocus } from '@boussole/shared';

type Summon = NonNullable<SessionFocus['summon']>;

/**
 * Each summon moves a participant's view once: the session document is read again on every
 * change (a timer tick, a vote), and a reload reads it anew, but a summon already obeyed must
 * not pull the view back after the person moved on. The ids obeyed are kept per board in
 * sessionStorage (the tab's life), and the summon present when the board first opens counts
 * only if it is recent: opening a board an hour after a summon lands where one chooses.
 */
export class SummonTracker {
  private readonly seen: Set<string>;

  constructor(
    private readonly boardId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
    private readonly freshForMs = 5 * 60_000,
  ) {
    let stored: unknown = [];
    try {
      stored = JSON.parse(storage?.getItem(this.key()) ?? '[]');
    } catch {
      stored = [];
    }
    this.seen = new Set(Array.isArray(stored) ? stored.filter((s) => typeof s === 'string') : []);
  }

  private key(): string {
    return `boussole:summons:${this.boardId}`;
  }

  /** The facilitator's own summon: their view is already there. */
  markSeen(id: string): void {
    this.seen.add(id);
    // Only the last few ids matter: a long workshop keeps the stored list short.
    try {
      this.storage?.setItem(this.key(), JSON.stringify([...this.seen].slice(-20)));
    } catch {
      // A full or disabled storage only means a reload might obey the same summon again.
    }
  }

  /**
   * True once for a summon to obey: never seen in this tab, and (when `serverNow` is given)
   * not older than freshForMs.
   */
  shouldObey(summon: Summon | null | undefined, serverNow?: number): boolean {
    if (!summon || this.seen.has(summon.id)) return false;
    this.markSeen(summon.id);
    return serverNow === undefined || serverNow - summon.at <= this.freshForMs;
  }
}

/** The parts of a tldraw input event (TLEventInfo) that say what the person did. */
interface BoardInput {
  type: string;
  name?: string;
}

/**
 * Whether an input on the board means the person chose to stay where the summon brought
 * them: they scroll, pinch, or press on the board to work there. The banner offering to go
 * back then leaves, as it would otherwise cover the cards they are about to use.
 */
export function staysAfterSummon(input: BoardInput): boolean {
  if (input.type === 'wheel') return true;
  if (input.type === 'pinch') return input.name === 'pinch_start';
  return input.type === 'pointer' && input.name === 'pointer_down';
}
