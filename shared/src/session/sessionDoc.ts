import { z } from 'zod';

/**
 * A board's facilitation state — timer, agenda, vote, lock, modes, summon and spotlight — lives
 * in a document of its own beside the board (like a report's comments), so that the server can
 * let only animateurs and administrateurs write it while every participant reads it live.
 *
 * Layout: one keyed root, `doc.getMap(sessionDocLayout.root)`; each key holds one plain JSON
 * value (never a nested Y type), replaced as a whole, validated by the schema of that key
 * (`sessionValueSchemas`). A value that does not parse is refused by the server like any crafted
 * board record. Absent key = the neutral state (no timer, no vote, nothing locked…).
 *
 * Times are the server's clock (epoch milliseconds): clients correct their own clock with the
 * offset measured against `GET /api/clock`, so a participant whose computer is minutes off still
 * sees the right remaining time.
 */
export const sessionDocLayout = { root: 'session' } as const;

/** The session document of a board. */
export function sessionDocIdOf(boardId: string): string {
  return `${boardId}-session`;
}

const cardRef = z.string().min(1).max(300);
const shortText = (max: number) => z.string().max(max);

/** The countdown. Running: `endsAt` is when it reaches zero; paused: `remainingMs` is kept. */
export const sessionTimerSchema = z.strictObject({
  status: z.enum(['running', 'paused', 'stopped']),
  /** The duration it was started with (for the progress ring and « + 1 min »). */
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000),
  /** Server epoch ms at which a running timer reaches zero; null otherwise. */
  endsAt: z.number().int().min(0).nullable(),
  /** What is left while paused (or stopped before zero); ignored while running. */
  remainingMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000),
  /** At zero, participants' board edits are refused until the facilitator resumes or stops. */
  freezeAtZero: z.boolean(),
  /** Optional sound at zero (played by each client that has it enabled). */
  sound: z.boolean(),
  /** A label such as the agenda step's title. */
  label: shortText(200),
});
export type SessionTimer = z.infer<typeof sessionTimerSchema>;

/** The workshop's steps, each tied to a board area (a frame/theme id) and a duration. */
export const sessionAgendaSchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        title: shortText(200),
        durationMin: z.number().int().min(0).max(600),
        /** The shape (frame or theme) the step happens in, or null for the whole board. */
        areaId: cardRef.nullable(),
      }),
    )
    .max(50),
  /** Index of the current step, or null before the workshop starts. */
  current: z.number().int().min(0).max(49).nullable(),
});
export type SessionAgenda = z.infer<typeof sessionAgendaSchema>;

/**
 * The public face of a dot-vote. Ballots are never in this document (they would reach every
 * participant): the server keeps them and writes `results` here only when the vote closes.
 */
export const sessionVoteSchema = z.strictObject({
  id: z.string().min(1).max(64),
  status: z.enum(['open', 'closed']),
  title: shortText(200),
  /** The cards one may put dots on (card ids of this board). */
  cardIds: z.array(cardRef).max(2_000),
  dotsPerPerson: z.number().int().min(1).max(50),
  /** At most this many of one person's dots on one card; null = no limit. */
  maxPerCard: z.number().int().min(1).max(50).nullable(),
  /** Named votes show who voted for what once closed; anonymous ones only counts. */
  anonymous: z.boolean(),
  openedAt: z.number().int().min(0),
  closedAt: z.number().int().min(0).nullable(),
  /** How many people have cast at least one dot (a count reveals no choice). */
  voters: z.number().int().min(0),
  /** Filled by the server at close, ranked by dots (descending). */
  results: z
    .array(
      z.strictObject({
        cardId: cardRef,
        dots: z.number().int().min(0),
        /** Named votes only: display names of who put dots here. */
        names: z.array(shortText(200)).max(500).nullable(),
      }),
    )
    .max(2_000)
    .nullable(),
});
export type SessionVote = z.infer<typeof sessionVoteSchema>;

/** What participants may change on the board. */
export const sessionLockSchema = z.strictObject({
  /** The whole board: participants' board updates are refused. */
  board: z.boolean(),
  /** Frames/themes whose content participants may not change. */
  areaIds: z.array(cardRef).max(200),
  /** Participants' new cards go to the facilitator's inbox instead of the board. */
  moderated: z.boolean(),
});
export type SessionLock = z.infer<typeof sessionLockSchema>;

/** Contribution modes. */
export const sessionModesSchema = z.strictObject({
  /** « Sans hiérarchie »: no author shown on new cards, participants' cursors hidden. */
  anonymous: z.boolean(),
  /** « Écrire seul, révéler ensemble »: new cards reach nobody until the reveal. */
  privateWriting: z.boolean(),
});
export type SessionModes = z.infer<typeof sessionModesSchema>;

/** Where the facilitator brings everyone, and the card highlighted for all. */
export const sessionFocusSchema = z.strictObject({
  /** « Rassembler ici »: every participant's view moves to this page rectangle. */
  summon: z
    .strictObject({
      id: z.string().min(1).max(64),
      x: z.number().finite(),
      y: z.number().finite(),
      w: z.number().positive().finite(),
      h: z.number().positive().finite(),
      by: shortText(200),
      at: z.number().int().min(0),
    })
    .nullable(),
  /** A card highlighted for everyone. */
  spotlight: z
    .strictObject({ cardId: cardRef, by: shortText(200), at: z.number().int().min(0) })
    .nullable(),
});
export type SessionFocus = z.infer<typeof sessionFocusSchema>;

/** Every key of the session root and the schema its value must satisfy. */
export const sessionValueSchemas = {
  timer: sessionTimerSchema,
  agenda: sessionAgendaSchema,
  vote: sessionVoteSchema,
  lock: sessionLockSchema,
  modes: sessionModesSchema,
  focus: sessionFocusSchema,
} as const;
export type SessionKey = keyof typeof sessionValueSchemas;
export type SessionValue<K extends SessionKey> = z.infer<(typeof sessionValueSchemas)[K]>;

export function isSessionKey(key: string): key is SessionKey {
  return Object.prototype.hasOwnProperty.call(sessionValueSchemas, key);
}

/** The largest JSON a session value may take (a vote on 2,000 cards fits). */
export const MAX_SESSION_VALUE_BYTES = 256 * 1024;

/**
 * Milliseconds left on a timer at server time `serverNow`: what every client shows, and what
 * the server uses for « freeze at zero ».
 */
export function timerRemainingMs(timer: SessionTimer | undefined, serverNow: number): number {
  if (!timer || timer.status === 'stopped') return 0;
  if (timer.status === 'paused') return timer.remainingMs;
  return Math.max(0, (timer.endsAt ?? 0) - serverNow);
}

/** Whether participants' board edits are refused now because the timer reached zero. */
export function isFrozenAtZero(timer: SessionTimer | undefined, serverNow: number): boolean {
  return (
    !!timer &&
    timer.freezeAtZero &&
    timer.status === 'running' &&
    timerRemainingMs(timer, serverNow) === 0
  );
}
