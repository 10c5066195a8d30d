import { isFrozenAtZero, type WorkspaceRole } from '@boussole/shared';
import { heldCardsRule } from '../contributions/heldCardsRule.js';
import type { SessionState } from './SessionDocs.js';

/**
 * What one participant's board update changed, as the rules below judge it. Built by
 * BoardWriteGate around the update, only when some rule is active.
 */
export interface BoardChange {
  /** Every record (card, arrow, binding, page) the update added, changed or removed. */
  readonly touched: ReadonlySet<string>;
  /** Records the update added (absent before it). */
  readonly created: ReadonlySet<string>;
  /** Whether it changed the board's settings (meta). */
  readonly metaChanged: boolean;
  /** Whether the record was in one of `areaIds` (or is one of them) before or after it. */
  inArea(id: string, areaIds: readonly string[]): boolean;
  /** The record's type name ('shape', 'binding'…) and shape type, as the update left it. */
  typeOf(id: string): { typeName?: string; shapeType?: string };
}

/** One reason the server refuses a participant's board update while a session is running. */
export interface BoardWriteRule {
  /** For logs and tests: which rule refused. */
  readonly name: string;
  /** Cheap: whether the rule may refuse anything in this state (skips the tracking if not). */
  active(session: SessionState, serverNow: number): boolean;
  /** The French sentence the sender sees when its update is refused; undefined = allowed. */
  refuse(change: BoardChange, session: SessionState, serverNow: number): string | undefined;
}

/** Facilitators run the session: no rule ever refuses them. */
export function isSparedByBoardRules(role: WorkspaceRole | undefined): boolean {
  return role === 'animateur' || role === 'administrateur';
}

const changedAnything = (change: BoardChange) => change.touched.size > 0 || change.metaChanged;

export const boardWriteMessages = {
  frozen: 'Le tableau est figé : le temps est écoulé. La modification a été annulée.',
  boardLocked: 'Le tableau est verrouillé par l’animateur. La modification a été annulée.',
  areaLocked: 'Cette zone est verrouillée par l’animateur. La modification a été annulée.',
} as const;

/** « Figer à zéro »: the timer reached zero, participants wait for the facilitator. */
export const frozenAtZeroRule: BoardWriteRule = {
  name: 'frozen-at-zero',
  active: (session, now) => isFrozenAtZero(session.timer, now),
  refuse: (change, session, now) =>
    isFrozenAtZero(session.timer, now) && changedAnything(change)
      ? boardWriteMessages.frozen
      : undefined,
};

/** The whole board is locked. */
export const boardLockedRule: BoardWriteRule = {
  name: 'board-locked',
  active: (session) => session.lock?.board === true,
  refuse: (change, session) =>
    session.lock?.board && changedAnything(change) ? boardWriteMessages.boardLocked : undefined,
};

/** Frames or themes locked: changes inside them (moving in or out included) are refused. */
export const areaLockedRule: BoardWriteRule = {
  name: 'area-locked',
  active: (session) => (session.lock?.areaIds.length ?? 0) > 0,
  refuse: (change, session) => {
    const areaIds = session.lock?.areaIds ?? [];
    if (areaIds.length === 0) return undefined;
    for (const id of change.touched) {
      if (change.inArea(id, areaIds)) return boardWriteMessages.areaLocked;
    }
    return undefined;
  },
};

/**
 * The rules, in order: the first that refuses gives the message. Another rule (moderated
 * mode, private writing) is appended here, not written into the gate.
 */
export const boardWriteRules: BoardWriteRule[] = [
  frozenAtZeroRule,
  boardLockedRule,
  areaLockedRule,
  heldCardsRule,
];
