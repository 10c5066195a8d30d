import { useEffect, useId, useRef, useState } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import { timerRemainingMs, type SessionLock, type SessionTimer } from '@boussole/shared';
import type { CollabSession } from '../../collab/collabSession.js';
import type { BoardSession } from './useBoardSession.js';
import { sessionRefusalKey, useSessionT, type SessionMessageKey } from './sessionMessages.js';
import { closesOnPress } from './outsidePress.js';
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
import { timerSound } from './timerSound.js';
import './session.css';

type SessionT = ReturnType<typeof useSessionT>;
type Write = NonNullable<BoardSession['write']>;

const PRESETS_MIN = [3, 5, 10, 15] as const;
const noLock: SessionLock = { board: false, areaIds: [], moderated: false };

/** Shapes that delimit an area of the board: a theme (Boussole's card) or a tldraw frame. */
const isAreaType = (type: string) => type === 'theme' || type === 'frame';

function areaName(editor: Editor, id: string | null, t: SessionT): string {
  if (!id) return t('session.agenda.noArea');
  const shape = editor.getShape(id as TLShapeId);
  const props = (shape?.props ?? {}) as { label?: unknown; name?: unknown };
  const name = typeof props.label === 'string' ? props.label : props.name;
  return typeof name === 'string' && name.trim() ? name : id;
}

/** Re-renders ~4 times a second while `active`, so that a countdown's seconds stay exact. */
function useTicking(active: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [active]);
}

/**
 * While the timer has « Son à zéro », the page's first pointerdown or keydown makes its audio
 * context (browsers let only a context born or resumed in a gesture play), once.
 */
function useSoundUnlock(sound: boolean): void {
  useEffect(() => {
    if (!sound) return;
    const unlock = () => {
      timerSound.unlock();
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
    // Capture: the board's canvas stops some events from bubbling.
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    return () => {
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, [sound]);
}

/**
 * The facilitation bar, mounted once by the board page between its header and the canvas:
 * everyone sees the countdown (in the server's time, so a wrong local clock does not matter),
 * the current agenda step, the locks, and why the server refused one of their changes;
 * animateurs and administrateurs get the controls that write the session document.
 */
export function SessionBar({
  editor,
  session,
  board,
}: {
  editor: Editor | undefined;
  session: BoardSession;
  /** The board's own document session, whose refusals are told to the person. */
  board: CollabSession;
}) {
  const t = useSessionT();
  const { timer, agenda, lock, write, serverNow } = session;
  const running = timer?.status === 'running';
  useTicking(running);
  const remaining = timerRemainingMs(timer, serverNow());
  const atZero = running && remaining === 0;
  const paused = timer?.status === 'paused';
  const showTimer = !!timer && timer.status !== 'stopped';

  // The sound plays once per timer that was seen counting down here (not for one that
  // ended before the page opened).
  const seenCounting = useRef<number | null>(null);
  const beeped = useRef<number | null>(null);
  useEffect(() => {
    if (!running || !timer?.endsAt) return;
    if (remaining > 0) seenCounting.current = timer.endsAt;
    else if (
      timer.sound &&
      seenCounting.current === timer.endsAt &&
      beeped.current !== timer.endsAt
    ) {
      beeped.current = timer.endsAt;
      void timerSound.beep();
    }
  }, [running, remaining, timer]);
  useSoundUnlock(!!timer?.sound);

  const steps = agenda?.steps ?? [];
  const current = agenda?.current ?? null;
  const step = current !== null ? steps[current] : undefined;
  const participantLock = !write ? (lock ?? noLock) : noLock;

  return (
    <section className="session-bar" aria-label={t('session.bar')} data-testid="session-bar">
      {showTimer && (
        <div
          className={`session-timer${atZero ? ' session-timer-zero' : ''}${paused ? ' session-timer-paused' : ''}`}
          data-testid="session-timer"
        >
          <span
            role="timer"
            className="session-time"
            data-testid="session-time"
            aria-label={t('session.timer.remaining', { time: formatRemaining(remaining) })}
          >
            {formatRemaining(remaining)}
          </span>
          {timer.label && <span className="session-timer-label">{timer.label}</span>}
          <span role="status" className="session-timer-state">
            {paused ? t('session.timer.paused') : atZero ? t('session.timer.zero') : ''}
          </span>
        </div>
      )}
      {atZero && timer?.freezeAtZero && (
        <p className="session-notice session-notice-frozen" role="status">
          {t('session.timer.frozen')}
        </p>
      )}
      {steps.length > 0 && (
        <p className="session-step" data-testid="session-step">
          {step
            ? t('session.agenda.current', {
                n: current! + 1,
                total: steps.length,
                title: step.title,
              })
            : current !== null
              ? t('session.agenda.done')
              : t('session.agenda.notStarted')}
        </p>
      )}
      {write && editor && steps.length > 0 && (
        <NextStepButton editor={editor} session={session} write={write} />
      )}
      {participantLock.board ? (
        <p className="session-notice session-notice-locked" role="status">
          {t('session.locked.board')}
        </p>
      ) : (
        participantLock.areaIds.length > 0 && (
          <p className="session-notice" role="status">
            {t('session.locked.areas')}
          </p>
        )
      )}
      <RefusalNotice board={board} onFrozen={session.resyncClock} />
      {write && editor && <FacilitatorPanel editor={editor} session={session} write={write} />}
    </section>
  );
}

/** « Étape suivante »: the next step's timer starts and the facilitator's view goes there. */
function NextStepButton({
  editor,
  session,
  write,
}: {
  editor: Editor;
  session: BoardSession;
  write: Write;
}) {
  const t = useSessionT();
  const { agenda, timer } = session;
  if (!agenda) return null;
  const last = agenda.current !== null && agenda.current + 1 >= agenda.steps.length;
  return (
    <button
      type="button"
      disabled={last}
      onClick={() => {
        const next = advanceAgenda(agenda, session.serverNow(), {
          freezeAtZero: timer?.freezeAtZero ?? false,
          sound: timer?.sound ?? false,
        });
        if (!next) return;
        write('agenda', next.agenda);
        write('timer', next.timer);
        showArea(editor, next.step.areaId);
      }}
    >
      {agenda.current === null ? t('session.agenda.first') : t('session.agenda.next')}
    </button>
  );
}

/** Moves this person's view to a step's area (the whole board when it has none). */
function showArea(editor: Editor, areaId: string | null): void {
  const bounds = areaId ? editor.getShapePageBounds(areaId as TLShapeId) : undefined;
  if (bounds) editor.zoomToBounds(bounds, { inset: 48, animation: { duration: 300 } });
  else if (editor.getCurrentPageShapeIds().size > 0) {
    editor.zoomToFit({ animation: { duration: 300 } });
  }
}

/**
 * Why the server refused (and took back) one of this person's changes, in a polite live region
 * they can close. A « frozen » refusal also measures the clock again: the server says the time
 * is up, so if this browser thought otherwise its offset was stale.
 */
function RefusalNotice({ board, onFrozen }: { board: CollabSession; onFrozen: () => void }) {
  const t = useSessionT();
  const [reason, setReason] = useState<string>();
  useEffect(
    () =>
      board.onRefusal((text) => {
        setReason(text);
        if (sessionRefusalKey(text) === 'session.refused.frozen') onFrozen();
      }),
    [board, onFrozen],
  );
  const key: SessionMessageKey | undefined = reason ? sessionRefusalKey(reason) : undefined;
  return (
    <div className="session-refusal-region" role="status" aria-live="polite">
      {reason && (
        <p className="session-notice session-refusal" data-testid="session-refusal">
          {/* The server's own words already say what became of the change. */}
          <span>{key ? `${t(key)} ${t('session.refused.undone')}` : reason}</span>
          <button
            type="button"
            className="session-dismiss"
            aria-label={t('session.dismiss')}
            onClick={() => setReason(undefined)}
          >
            ×
          </button>
        </p>
      )}
    </div>
  );
}

/** The ids of the selected themes and frames, as the lock's `areaIds` spell them. */
function useSelectedAreas(editor: Editor): string[] {
  const joined = useValue(
    'selected areas',
    () =>
      editor
        .getSelectedShapes()
        .filter((shape) => isAreaType(shape.type))
        .map((shape) => shape.id)
        .join('\n'),
    [editor],
  );
  return joined ? joined.split('\n') : [];
}

/** The facilitator's controls, folded under « Animer » so that the canvas keeps its room. */
function FacilitatorPanel({
  editor,
  session,
  write,
}: {
  editor: Editor;
  session: BoardSession;
  write: Write;
}) {
  const t = useSessionT();
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onPress = (event: PointerEvent) => {
      const details = panel.current;
      // The whole strip counts as the panel: « Commencer le déroulé », « Étape suivante » and
      // the timer are the same facilitation at hand.
      const strip = details?.closest('.session-bar') ?? details;
      if (details?.open && strip && closesOnPress(event.target, strip)) details.open = false;
    };
    document.addEventListener('pointerdown', onPress, true);
    return () => document.removeEventListener('pointerdown', onPress, true);
  }, []);
  return (
    <details className="session-facilitate" ref={panel}>
      <summary>{t('session.facilitate')}</summary>
      <div className="session-panel">
        <TimerControls session={session} write={write} />
        <LockControls editor={editor} lock={session.lock ?? noLock} write={write} />
        <AgendaEditor editor={editor} session={session} write={write} />
      </div>
    </details>
  );
}

function TimerControls({ session, write }: { session: BoardSession; write: Write }) {
  const t = useSessionT();
  const { timer, serverNow } = session;
  const typedId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState('');
  const [options, setOptions] = useState({ freezeAtZero: false, sound: false });
  // The checkboxes show the running timer's options, as another facilitator may change them.
  const timerFreeze = timer?.freezeAtZero;
  const timerSound = timer?.sound;
  useEffect(() => {
    if (timerFreeze === undefined || timerSound === undefined) return;
    setOptions({ freezeAtZero: timerFreeze, sound: timerSound });
  }, [timerFreeze, timerSound]);

  const start = (ms: number) =>
    write('timer', startTimer(ms, serverNow(), { ...options, label: timer?.label ?? '' }));
  const change = (f: (value: SessionTimer, now: number) => SessionTimer) => {
    if (timer) write('timer', f(timer, serverNow()));
  };
  const setOption = (patch: Partial<typeof options>) => {
    setOptions({ ...options, ...patch });
    if (timer) write('timer', withTimerOptions(timer, patch));
  };
  const typedMs = parseMinutes(typed);
  const active = timer && timer.status !== 'stopped';

  return (
    <fieldset className="session-group">
      <legend>{t('session.timer')}</legend>
      <div role="group" aria-label={t('session.timer.presets')} className="session-row">
        {PRESETS_MIN.map((n) => (
          <button key={n} type="button" onClick={() => start(n * 60_000)}>
            {t('session.timer.preset', { n })}
          </button>
        ))}
      </div>
      <form
        className="session-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (typedMs) start(typedMs);
        }}
      >
        <label htmlFor={typedId}>{t('session.timer.typed')}</label>
        <input
          id={typedId}
          type="text"
          inputMode="decimal"
          size={5}
          value={typed}
          aria-describedby={hintId}
          onChange={(event) => setTyped(event.target.value)}
        />
        <span id={hintId} className="session-hint">
          {t('session.timer.typedHint')}
        </span>
        <button type="submit" disabled={!typedMs}>
          {t('session.timer.start')}
        </button>
      </form>
      <div className="session-row">
        {timer?.status === 'paused' ? (
          <button type="button" onClick={() => change(resumeTimer)}>
            {t('session.timer.resume')}
          </button>
        ) : (
          <button
            type="button"
            disabled={timer?.status !== 'running'}
            onClick={() => change(pauseTimer)}
          >
            {t('session.timer.pause')}
          </button>
        )}
        <button
          type="button"
          disabled={!active}
          onClick={() => change((value, now) => addTime(value, 60_000, now))}
        >
          {t('session.timer.addMinute')}
        </button>
        <button type="button" disabled={!active} onClick={() => change(stopTimer)}>
          {t('session.timer.stop')}
        </button>
      </div>
      <div className="session-row">
        <label>
          <input
            type="checkbox"
            checked={options.freezeAtZero}
            onChange={(event) => setOption({ freezeAtZero: event.target.checked })}
          />{' '}
          {t('session.timer.freeze')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.sound}
            onChange={(event) => setOption({ sound: event.target.checked })}
          />{' '}
          {t('session.timer.sound')}
        </label>
      </div>
    </fieldset>
  );
}

function LockControls({
  editor,
  lock,
  write,
}: {
  editor: Editor;
  lock: SessionLock;
  write: Write;
}) {
  const t = useSessionT();
  const selected = useSelectedAreas(editor);
  const hintId = useId();
  const fresh = selected.filter((id) => !lock.areaIds.includes(id));
  return (
    <fieldset className="session-group">
      <legend>{t('session.lock')}</legend>
      <label className="session-row">
        <input
          type="checkbox"
          checked={lock.board}
          onChange={(event) =>
            write('lock', { ...lock, areaIds: [...lock.areaIds], board: event.target.checked })
          }
        />{' '}
        {t('session.lock.board')}
      </label>
      <div className="session-row">
        <button
          type="button"
          disabled={fresh.length === 0 || lock.areaIds.length + fresh.length > 200}
          aria-describedby={hintId}
          onClick={() => write('lock', { ...lock, areaIds: [...lock.areaIds, ...fresh] })}
        >
          {t('session.lock.area')}
        </button>
        <span id={hintId} className="session-hint">
          {lock.areaIds.length > 0
            ? t('session.lock.areas', { n: lock.areaIds.length })
            : t('session.lock.areaHint')}
        </span>
        {lock.areaIds.length > 0 && (
          <button type="button" onClick={() => write('lock', { ...lock, areaIds: [] })}>
            {t('session.lock.unlockAreas')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function newStepId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `step-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The themes and frames of the page, by name, that a step may take place in. */
function useAreas(editor: Editor, t: SessionT): { id: string; name: string }[] {
  const joined = useValue(
    'board areas',
    () =>
      editor
        .getCurrentPageShapes()
        .filter((shape) => isAreaType(shape.type))
        .map((shape) => `${shape.id}\t${areaName(editor, shape.id, t)}`)
        .join('\n'),
    [editor, t],
  );
  return joined
    ? joined.split('\n').map((line) => {
        const [id = '', name = ''] = line.split('\t');
        return { id, name };
      })
    : [];
}

function AgendaEditor({
  editor,
  session,
  write,
}: {
  editor: Editor;
  session: BoardSession;
  write: Write;
}) {
  const t = useSessionT();
  const { agenda } = session;
  const titleId = useId();
  const minutesId = useId();
  const areaId = useId();
  const hintId = useId();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [area, setArea] = useState('');
  const [editing, setEditing] = useState<string>();
  const areas = useAreas(editor, t);
  // Selecting a theme or frame on the board proposes it as the step's area.
  const selected = useSelectedAreas(editor)[0];
  useEffect(() => {
    if (selected) setArea(selected);
  }, [selected]);
  const steps = agenda?.steps ?? [];
  const minutesValue = Number(minutes);
  const valid =
    title.trim().length > 0 &&
    minutes.trim() !== '' &&
    Number.isInteger(minutesValue) &&
    minutesValue >= 0 &&
    minutesValue <= 600;
  const reset = () => {
    setEditing(undefined);
    setTitle('');
  };

  return (
    <fieldset className="session-group">
      <legend>{t('session.agenda')}</legend>
      {steps.length === 0 ? (
        <p className="session-hint">{t('session.agenda.empty')}</p>
      ) : (
        <ol className="session-steps" aria-label={t('session.agenda.steps')}>
          {steps.map((step, index) => (
            <li key={step.id} aria-current={agenda?.current === index ? 'step' : undefined}>
              <span>
                {t('session.agenda.stepLine', {
                  n: index + 1,
                  title: step.title,
                  minutes: step.durationMin,
                  area: areaName(editor, step.areaId, t),
                })}
              </span>
              <span className="session-row">
                <button
                  type="button"
                  aria-label={t('session.agenda.editStep', { title: step.title })}
                  onClick={() => {
                    setEditing(step.id);
                    setTitle(step.title);
                    setMinutes(String(step.durationMin));
                    setArea(step.areaId ?? '');
                  }}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="session-dismiss"
                  aria-label={t('session.agenda.remove', { title: step.title })}
                  onClick={() => {
                    if (agenda) write('agenda', removeAgendaStep(agenda, step.id));
                    if (editing === step.id) reset();
                  }}
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {steps.length > 1 && (
        // What a facilitator plans against: the workshop's slot (« 45 minutes »).
        <p className="session-hint" data-testid="agenda-total">
          {t('session.agenda.total', {
            minutes: steps.reduce((sum, step) => sum + step.durationMin, 0),
          })}
        </p>
      )}
      <form
        className="session-row"
        aria-label={t('session.agenda.newStep')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          const step = { title: title.trim(), durationMin: minutesValue, areaId: area || null };
          const stillThere = agenda && editing && steps.some((s) => s.id === editing);
          write(
            'agenda',
            stillThere
              ? updateAgendaStep(agenda, editing, step)
              : addAgendaStep(agenda, step, newStepId),
          );
          reset();
        }}
      >
        <label htmlFor={titleId}>{t('session.agenda.stepTitle')}</label>
        <input
          id={titleId}
          type="text"
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <label htmlFor={minutesId}>{t('session.agenda.minutes')}</label>
        <input
          id={minutesId}
          type="number"
          min={0}
          max={600}
          step={1}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
        <label htmlFor={areaId}>{t('session.agenda.areaLabel')}</label>
        <select
          id={areaId}
          value={area}
          aria-describedby={hintId}
          onChange={(event) => setArea(event.target.value)}
        >
          <option value="">{t('session.agenda.noArea')}</option>
          {areas.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
          {/* A step's area deleted from the board meanwhile stays choosable by its id. */}
          {area && !areas.some((option) => option.id === area) && (
            <option value={area}>{area}</option>
          )}
        </select>
        <span id={hintId} className="session-hint">
          {t('session.agenda.areaFromSelection')}
        </span>
        <button type="submit" disabled={!valid || (!editing && steps.length >= 50)}>
          {editing ? t('session.agenda.save') : t('session.agenda.add')}
        </button>
        {editing && (
          <button type="button" onClick={reset}>
            {t('session.agenda.cancel')}
          </button>
        )}
      </form>
    </fieldset>
  );
}
