import { REACTION_FIELD, REACTION_RATE, reactionSchema } from '@boussole/shared';
import { isObject } from './awarenessIdentity.js';

/**
 * A token bucket of one connection's reactions: REACTION_RATE.burst at once, then one more
 * every 1/perSecond seconds. Held by the connection's presence (PresenceRelay), so a reload
 * starts a new bucket — bounded anyway by MAX_PRESENCE_IDS and the socket limits.
 */
export class ReactionBudget {
  private tokens: number;
  private last: number | undefined;

  constructor(
    private readonly rate: { perSecond: number; burst: number } = REACTION_RATE,
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = rate.burst;
  }

  /** Spends one reaction; false when the bucket is empty (the reaction is dropped). */
  take(): boolean {
    const now = this.clock();
    if (this.last !== undefined) {
      const refill = ((now - this.last) / 1000) * this.rate.perSecond;
      this.tokens = Math.min(this.rate.burst, this.tokens + Math.max(0, refill));
    }
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * The state with its reaction judged: a new, valid reaction within the budget passes; an
 * invalid one is removed; one past the budget is replaced by the reaction the room already
 * shows for this client (peers see nothing new). Returns `state` itself when nothing changes,
 * so that the caller relays the client's bytes as written.
 */
export function judgeReaction(
  state: unknown,
  shownBefore: unknown,
  budget: ReactionBudget,
): unknown {
  if (!isObject(state) || !(REACTION_FIELD in state)) return state;
  const reaction = state[REACTION_FIELD];
  const previous = isObject(shownBefore) ? shownBefore[REACTION_FIELD] : undefined;
  if (reaction === null || sameJson(reaction, previous)) return state;
  if (!reactionSchema.safeParse(reaction).success || !budget.take()) {
    const kept: Record<string, unknown> = { ...state };
    if (previous === undefined) delete kept[REACTION_FIELD];
    else kept[REACTION_FIELD] = previous;
    return kept;
  }
  return state;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
