import { describe, expect, it } from 'vitest';
import {
  isFrozenAtZero,
  sessionDocIdOf,
  sessionTimerSchema,
  sessionValueSchemas,
  timerRemainingMs,
  type SessionTimer,
} from './sessionDoc.js';

const running = (endsAt: number, freezeAtZero = false): SessionTimer => ({
  status: 'running',
  durationMs: 600_000,
  endsAt,
  remainingMs: 0,
  freezeAtZero,
  sound: false,
  label: '',
});

describe('the session document', () => {
  it('is named after its board', () => {
    expect(sessionDocIdOf('b-123')).toBe('b-123-session');
  });

  it('counts down on the server clock, and keeps what is left while paused', () => {
    expect(timerRemainingMs(running(10_000), 4_000)).toBe(6_000);
    expect(timerRemainingMs(running(10_000), 12_000)).toBe(0);
    expect(
      timerRemainingMs({ ...running(10_000), status: 'paused', remainingMs: 42 }, 99_999),
    ).toBe(42);
    expect(timerRemainingMs(undefined, 1)).toBe(0);
  });

  it('freezes the board only at zero, only when asked, only while the timer runs', () => {
    expect(isFrozenAtZero(running(10_000, true), 9_999)).toBe(false);
    expect(isFrozenAtZero(running(10_000, true), 10_000)).toBe(true);
    expect(isFrozenAtZero(running(10_000, false), 20_000)).toBe(false);
    expect(isFrozenAtZero({ ...running(10_000, true), status: 'stopped' }, 20_000)).toBe(false);
  });

  it('refuses values a crafted client might write', () => {
    expect(sessionTimerSchema.safeParse({ ...running(1), extra: 1 }).success).toBe(false);
    expect(sessionTimerSchema.safeParse({ ...running(1), durationMs: -5 }).success).toBe(false);
    const vote = sessionValueSchemas.vote.safeParse({
      id: 'v1',
      status: 'open',
      title: '',
      cardIds: ['shape:a'],
      dotsPerPerson: 0,
      maxPerCard: null,
      anonymous: true,
      openedAt: 1,
      closedAt: null,
      voters: 0,
      results: null,
    });
    expect(vote.success).toBe(false);
  });
});
