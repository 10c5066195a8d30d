import {
  sessionTimerSchema,
  timerRemainingMs,
  type SessionAgenda,
  type SessionTimer,
} from '@boussole/shared';

/**
 * What the facilitator's timer and agenda buttons write: each action takes the current value
 * and the server's time and returns the new value, written whole into the session document.
 * Pure, so that the arithmetic (pauses, added minutes, steps) is tested without a browser.
 */

/** The schema's bound: a timer never exceeds a day. */
export const MAX_TIMER_MS = 24 * 3_600_000;

export interface TimerOptions {
  freezeAtZero: boolean;
  sound: boolean;
  label?: string;
}

const clampMs = (ms: number) => Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)));

/** A countdown of `durationMs` starting at server time `now`. */
export function startTimer(durationMs: number, now: number, options: TimerOptions): SessionTimer {
  const duration = clampMs(durationMs);
  return {
    status: 'running',
    durationMs: duration,
    endsAt: Math.round(now) + duration,
    remainingMs: duration,
    freezeAtZero: options.freezeAtZero,
    sound: options.sound,
    label: (options.label ?? '').slice(0, 200),
  };
}

/** Keeps what is left; a paused timer never freezes the board. */
export function pauseTimer(timer: SessionTimer, now: number): SessionTimer {
  if (timer.status !== 'running') return timer;
  return {
    ...timer,
    status: 'paused',
    endsAt: null,
    remainingMs: clampMs(timerRemainingMs(timer, now)),
  };
}

/** Runs again from what was left at the pause. */
export function resumeTimer(timer: SessionTimer, now: number): SessionTimer {
  if (timer.status !== 'paused') return timer;
  return { ...timer, status: 'running', endsAt: Math.round(now + timer.remainingMs) };
}

/**
 * « + 1 min »: more time from what is left; a timer already at zero counts again from now
 * (which also lifts « freeze at zero » for participants). A stopped timer restarts with it.
 */
export function addTime(timer: SessionTimer, addMs: number, now: number): SessionTimer {
  const left = timerRemainingMs(timer, now);
  const remaining = clampMs(left + addMs);
  const durationMs = clampMs(timer.durationMs + addMs);
  if (timer.status === 'paused') return { ...timer, durationMs, remainingMs: remaining };
  return {
    ...timer,
    status: 'running',
    durationMs,
    endsAt: Math.round(now) + remaining,
    remainingMs: remaining,
  };
}

/** Stops the countdown (and any freeze): nothing is shown counting any more. */
export function stopTimer(timer: SessionTimer, now: number): SessionTimer {
  return {
    ...timer,
    status: 'stopped',
    endsAt: null,
    remainingMs: clampMs(timerRemainingMs(timer, now)),
  };
}

/** Changes « freeze at zero » or « sound at zero » of the timer as it runs. */
export function withTimerOptions(
  timer: SessionTimer,
  options: Partial<Pick<SessionTimer, 'freezeAtZero' | 'sound'>>,
): SessionTimer {
  return { ...timer, ...options };
}

/**
 * A duration typed by the facilitator, in minutes, French decimal comma accepted (« 1,5 »);
 * fractions give seconds. Undefined when it is not a positive duration within a day.
 */
export function parseMinutes(typed: string): number | undefined {
  const text = typed.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const ms = Math.round(Number(text) * 60_000);
  return ms > 0 && ms <= MAX_TIMER_MS ? ms : undefined;
}

/** « mm:ss » (« h:mm:ss » beyond an hour), whole seconds rounded up so 0:00 means zero. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

export type AgendaStep = SessionAgenda['steps'][number];

/**
 * « Étape suivante »: the next step becomes current and the timer counts its duration (a step
 * of 0 minutes stops the timer). Undefined when there is no next step.
 */
export function advanceAgenda(
  agenda: SessionAgenda,
  now: number,
  options: Omit<TimerOptions, 'label'>,
): { agenda: SessionAgenda; step: AgendaStep; timer: SessionTimer } | undefined {
  const next = agenda.current === null ? 0 : agenda.current + 1;
  const step = agenda.steps[next];
  if (!step) return undefined;
  const durationMs = step.durationMin * 60_000;
  const started = startTimer(durationMs, now, { ...options, label: step.title });
  const timer: SessionTimer =
    durationMs > 0 ? started : { ...started, status: 'stopped', endsAt: null };
  return { agenda: { ...agenda, current: next }, step, timer };
}

/** Adds a step at the end (the schema's 50 steps at most). */
export function addAgendaStep(
  agenda: SessionAgenda | undefined,
  step: Omit<AgendaStep, 'id'>,
  newId: () => string,
): SessionAgenda {
  const base = agenda ?? { steps: [], current: null };
  if (base.steps.length >= 50) return base;
  const durationMin = Math.min(600, Math.max(0, Math.round(step.durationMin)));
  return {
    ...base,
    steps: [
      ...base.steps,
      { id: newId(), title: step.title.slice(0, 200), durationMin, areaId: step.areaId },
    ],
  };
}

/** Changes a step's title, duration or area (the current step stays current). */
export function updateAgendaStep(
  agenda: SessionAgenda,
  id: string,
  patch: Partial<Omit<AgendaStep, 'id'>>,
): SessionAgenda {
  return {
    ...agenda,
    steps: agenda.steps.map((step) =>
      step.id !== id
        ? step
        : {
            ...step,
            ...patch,
            title: (patch.title ?? step.title).slice(0, 200),
            durationMin: Math.min(
              600,
              Math.max(0, Math.round(patch.durationMin ?? step.durationMin)),
            ),
          },
    ),
  };
}

/** Removes a step; the current index still points at the same step (or the one before). */
export function removeAgendaStep(agenda: SessionAgenda, id: string): SessionAgenda {
  const index = agenda.steps.findIndex((s) => s.id === id);
  if (index < 0) return agenda;
  const steps = agenda.steps.filter((s) => s.id !== id);
  let current = agenda.current;
  if (current !== null && index <= current) current = current - 1 < 0 ? null : current - 1;
  if (current !== null && current >= steps.length) current = steps.length ? steps.length - 1 : null;
  return { steps, current };
}

/** Whether a value is a timer the server would accept (the actions never produce others). */
export const isValidTimer = (value: unknown) => sessionTimerSchema.safeParse(value).success;
