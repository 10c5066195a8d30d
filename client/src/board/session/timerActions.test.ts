import { describe, expect, it } from 'vitest';
import {
  isFrozenAtZero,
  sessionAgendaSchema,
  sessionTimerSchema,
  timerRemainingMs,
  type SessionAgenda,
} from '@boussole/shared';
import {
  addAgendaStep,
  addTime,
  advanceAgenda,
  formatRemaining,
  parseMinutes,
  pauseTimer,
  removeAgendaStep,
  resumeTimer,
  startTimer,
  stopTimer,
  updateAgendaStep,
  withTimerOptions,
} from './timerActions.js';

const T0 = 1_800_000_000_000;
const options = { freezeAtZero: false, sound: true };

describe('timer actions', () => {
  it('starts a countdown that ends at now + duration, valid for the server', () => {
    const timer = startTimer(5 * 60_000, T0, { ...options, label: 'Brainstorm' });
    expect(sessionTimerSchema.parse(timer)).toEqual(timer);
    expect(timer).toMatchObject({ status: 'running', endsAt: T0 + 300_000, label: 'Brainstorm' });
    expect(timerRemainingMs(timer, T0 + 60_000)).toBe(240_000);
  });

  it('pauses with what is left and resumes from it, whatever time passed meanwhile', () => {
    const running = startTimer(300_000, T0, options);
    const paused = pauseTimer(running, T0 + 100_000);
    expect(paused).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 200_000 });
    expect(timerRemainingMs(paused, T0 + 999_999)).toBe(200_000);
    const resumed = resumeTimer(paused, T0 + 1_000_000);
    expect(resumed).toMatchObject({ status: 'running', endsAt: T0 + 1_200_000 });
    expect(sessionTimerSchema.safeParse(paused).success).toBe(true);
    // Pausing a paused timer, resuming a running one: unchanged.
    expect(pauseTimer(paused, T0 + 5)).toBe(paused);
    expect(resumeTimer(running, T0 + 5)).toBe(running);
  });

  it('adds a minute to what is left, and from now once at zero (lifting the freeze)', () => {
    const running = startTimer(120_000, T0, { ...options, freezeAtZero: true });
    const more = addTime(running, 60_000, T0 + 20_000);
    expect(timerRemainingMs(more, T0 + 20_000)).toBe(160_000);
    expect(more.durationMs).toBe(180_000);

    const late = T0 + 10 * 60_000;
    expect(isFrozenAtZero(running, late)).toBe(true);
    const again = addTime(running, 60_000, late);
    expect(isFrozenAtZero(again, late)).toBe(false);
    expect(timerRemainingMs(again, late)).toBe(60_000);

    const paused = addTime(pauseTimer(running, T0 + 60_000), 60_000, T0 + 90_000);
    expect(paused).toMatchObject({ status: 'paused', remainingMs: 120_000 });
  });

  it('gives whole milliseconds from a server time measured to the half', () => {
    // The clock offset is taken at the middle of a round trip: now may be x.5 ms.
    const running = startTimer(300_000, T0 + 0.5, options);
    for (const value of [
      running,
      pauseTimer(running, T0 + 1_000.5),
      resumeTimer(pauseTimer(running, T0 + 1_000.5), T0 + 2_000.5),
      addTime(running, 60_000, T0 + 3_000.5),
      stopTimer(running, T0 + 4_000.5),
    ]) {
      expect(sessionTimerSchema.safeParse(value).success).toBe(true);
    }
  });

  it('stops: no countdown, no freeze', () => {
    const running = startTimer(60_000, T0, { ...options, freezeAtZero: true });
    const stopped = stopTimer(running, T0 + 120_000);
    expect(stopped).toMatchObject({ status: 'stopped', endsAt: null, remainingMs: 0 });
    expect(isFrozenAtZero(stopped, T0 + 120_000)).toBe(false);
    expect(sessionTimerSchema.safeParse(stopped).success).toBe(true);
  });

  it('changes freeze and sound as it runs', () => {
    const running = startTimer(60_000, T0, options);
    expect(withTimerOptions(running, { freezeAtZero: true })).toMatchObject({
      freezeAtZero: true,
      sound: true,
      endsAt: running.endsAt,
    });
  });

  it('clamps durations to the schema’s day', () => {
    const huge = startTimer(48 * 3_600_000, T0, options);
    expect(sessionTimerSchema.safeParse(huge).success).toBe(true);
    expect(sessionTimerSchema.safeParse(addTime(huge, 3_600_000, T0)).success).toBe(true);
  });
});

describe('typed durations and display', () => {
  it('reads minutes with a French comma, fractions as seconds', () => {
    expect(parseMinutes('5')).toBe(300_000);
    expect(parseMinutes(' 1,5 ')).toBe(90_000);
    expect(parseMinutes('0.1')).toBe(6_000);
    for (const bad of ['', '0', '-3', 'abc', '2 min', '1e3', '1441']) {
      expect(parseMinutes(bad)).toBeUndefined();
    }
  });

  it('shows mm:ss, rounding up so that 00:00 means zero', () => {
    expect(formatRemaining(300_000)).toBe('05:00');
    expect(formatRemaining(299_001)).toBe('05:00');
    expect(formatRemaining(59_000)).toBe('00:59');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(-5)).toBe('00:00');
    expect(formatRemaining(3_725_000)).toBe('1:02:05');
  });
});

describe('agenda', () => {
  const ids = ['s1', 's2', 's3'];
  const newId = () => ids.shift() ?? 'sx';
  let agenda: SessionAgenda = { steps: [], current: null };
  agenda = addAgendaStep(
    agenda,
    { title: 'Représentations', durationMin: 10, areaId: null },
    newId,
  );
  agenda = addAgendaStep(
    agenda,
    { title: 'Hypothèses', durationMin: 15, areaId: 'shape:T1' },
    newId,
  );
  agenda = addAgendaStep(agenda, { title: 'Vote', durationMin: 0, areaId: null }, newId);

  it('builds steps the server accepts', () => {
    expect(sessionAgendaSchema.parse(agenda)).toEqual(agenda);
    expect(agenda.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
  });

  it('advances step by step, the timer following each step’s duration', () => {
    const first = advanceAgenda(agenda, T0, { freezeAtZero: true, sound: false });
    expect(first?.agenda.current).toBe(0);
    expect(first?.step.title).toBe('Représentations');
    expect(first?.timer).toMatchObject({
      status: 'running',
      endsAt: T0 + 600_000,
      label: 'Représentations',
      freezeAtZero: true,
    });
    const second = advanceAgenda(first!.agenda, T0 + 1, options);
    expect(second?.step.areaId).toBe('shape:T1');
    expect(second?.timer.endsAt).toBe(T0 + 1 + 900_000);
    const third = advanceAgenda(second!.agenda, T0 + 2, options);
    // A step without duration stops the timer rather than starting one at zero.
    expect(third?.timer.status).toBe('stopped');
    expect(sessionTimerSchema.safeParse(third?.timer).success).toBe(true);
    expect(advanceAgenda(third!.agenda, T0 + 3, options)).toBeUndefined();
  });

  it('edits a step in place', () => {
    const edited = updateAgendaStep({ ...agenda, current: 1 }, 's2', {
      title: 'Hypothèses de travail',
      durationMin: 20.4,
      areaId: null,
    });
    expect(edited.current).toBe(1);
    expect(edited.steps[1]).toEqual({
      id: 's2',
      title: 'Hypothèses de travail',
      durationMin: 20,
      areaId: null,
    });
    expect(edited.steps[0]).toBe(agenda.steps[0]);
    expect(sessionAgendaSchema.safeParse(edited).success).toBe(true);
  });

  it('removes a step and keeps pointing at the same one', () => {
    const atSecond = { ...agenda, current: 1 };
    expect(removeAgendaStep(atSecond, 's1')).toMatchObject({ current: 0 });
    expect(removeAgendaStep(atSecond, 's3')).toMatchObject({ current: 1 });
    expect(removeAgendaStep({ ...agenda, current: 0 }, 's1').current).toBeNull();
    expect(removeAgendaStep(agenda, 'nope')).toBe(agenda);
  });
});
