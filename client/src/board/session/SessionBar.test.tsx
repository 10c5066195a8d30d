// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createShapeId, type Editor } from 'tldraw';
import type { SessionKey, SessionTimer, SessionValue } from '@boussole/shared';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import type { CollabSession } from '../../collab/collabSession.js';
import { useUiStore } from '../../stores/uiStore.js';
import { SessionBar } from './SessionBar.js';
import type { BoardSession } from './useBoardSession.js';

/** The server's clock, ten minutes ahead of this computer's: what is shown must follow it. */
const SERVER_AHEAD_MS = 10 * 60_000;
const serverNow = () => Date.now() + SERVER_AHEAD_MS;

let editor: Editor | undefined;
afterEach(() => {
  cleanup();
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
  act(() => useUiStore.setState({ language: 'fr' }));
});

function fakeBoard() {
  const listeners = new Set<(reason: string) => void>();
  const board = {
    onRefusal(listener: (reason: string) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as CollabSession;
  return { board, refuse: (reason: string) => act(() => listeners.forEach((l) => l(reason))) };
}

function session(values: Partial<BoardSession> = {}): BoardSession {
  return {
    timer: undefined,
    agenda: undefined,
    vote: undefined,
    lock: undefined,
    modes: undefined,
    focus: undefined,
    doc: undefined,
    serverNow,
    clockReady: true,
    resyncClock: () => {},
    ...values,
  };
}

const running = (ms: number, options: Partial<SessionTimer> = {}): SessionTimer => ({
  status: 'running',
  durationMs: ms,
  endsAt: serverNow() + ms,
  remainingMs: ms,
  freezeAtZero: false,
  sound: false,
  label: '',
  ...options,
});

describe('SessionBar for participants', () => {
  it('counts down in the server’s time, not the computer’s', () => {
    editor = createJsdomEditor();
    render(
      <SessionBar
        editor={editor}
        session={session({ timer: running(5 * 60_000, { label: 'Brainstorm' }) })}
        board={fakeBoard().board}
      />,
    );
    // With the local clock the timer would look 10 minutes gone (00:00).
    expect(['05:00', '04:59']).toContain(screen.getByRole('timer').textContent);
    expect(screen.getByText('Brainstorm')).toBeTruthy();
    expect(screen.queryByText('Animer')).toBeNull();
  });

  it('says « En pause », « Temps écoulé » and the freeze, and the locks', () => {
    editor = createJsdomEditor();
    const { board } = fakeBoard();
    const paused: SessionTimer = {
      ...running(0),
      status: 'paused',
      endsAt: null,
      remainingMs: 61_000,
    };
    const { rerender } = render(
      <SessionBar editor={editor} session={session({ timer: paused })} board={board} />,
    );
    expect(screen.getByRole('timer').textContent).toBe('01:01');
    expect(screen.getByText('En pause')).toBeTruthy();

    const ended = { ...running(60_000, { freezeAtZero: true }), endsAt: serverNow() - 1_000 };
    rerender(
      <SessionBar
        editor={editor}
        session={session({
          timer: ended,
          lock: { board: true, areaIds: [], moderated: false },
        })}
        board={board}
      />,
    );
    expect(screen.getByRole('timer').textContent).toBe('00:00');
    expect(screen.getByText('Temps écoulé')).toBeTruthy();
    expect(screen.getByText('Temps écoulé : le tableau est figé jusqu’à la reprise.')).toBeTruthy();
    expect(screen.getByText('Le tableau est verrouillé par l’animateur.')).toBeTruthy();
  });

  it('beeps once at zero when the sound is on, never for a timer that ended before', () => {
    let beeps = 0;
    class FakeAudio {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume() {
        return Promise.resolve();
      }
      createOscillator() {
        return {
          frequency: { value: 0 },
          connect: (next: unknown) => next,
          start() {
            beeps++;
          },
          stop() {},
          onended: null,
        };
      }
      createGain() {
        return {
          gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
          connect: (next: unknown) => next,
        };
      }
      close() {}
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      editor = createJsdomEditor();
      const { board } = fakeBoard();
      const soon = running(2_000, { sound: true });
      const { rerender } = render(
        <SessionBar editor={editor} session={session({ timer: soon })} board={board} />,
      );
      expect(beeps).toBe(0);
      act(() => void vi.advanceTimersByTime(3_000));
      expect(screen.getByText('Temps écoulé')).toBeTruthy();
      expect(beeps).toBe(1);
      act(() => void vi.advanceTimersByTime(3_000));
      expect(beeps).toBe(1);

      // Opened (or given) when it had already ended: silence.
      const old = { ...running(60_000, { sound: true }), endsAt: serverNow() - 10_000 };
      rerender(<SessionBar editor={editor} session={session({ timer: old })} board={board} />);
      act(() => void vi.advanceTimersByTime(1_000));
      expect(beeps).toBe(1);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  it('shows the agenda’s current step', () => {
    editor = createJsdomEditor();
    const steps = [
      { id: 'a', title: 'Représentations', durationMin: 10, areaId: null },
      { id: 'b', title: 'Hypothèses', durationMin: 15, areaId: null },
    ];
    render(
      <SessionBar
        editor={editor}
        session={session({ agenda: { steps, current: 1 } })}
        board={fakeBoard().board}
      />,
    );
    expect(screen.getByText('Étape 2 sur 2 : Hypothèses')).toBeTruthy();
  });

  it('tells the server’s refusal in the reader’s language, until dismissed', () => {
    editor = createJsdomEditor();
    const { board, refuse } = fakeBoard();
    const resyncClock = vi.fn();
    render(<SessionBar editor={editor} session={session({ resyncClock })} board={board} />);
    refuse('Le tableau est figé : le temps est écoulé. La modification a été annulée.');
    expect(screen.getByTestId('session-refusal').textContent).toContain(
      'Le tableau est figé : le temps est écoulé. La modification a été annulée.',
    );
    // The server says time is up: this browser's clock offset is measured again.
    expect(resyncClock).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Fermer le message' }));
    expect(screen.queryByTestId('session-refusal')).toBeNull();

    act(() => useUiStore.setState({ language: 'en' }));
    refuse('Cette zone est verrouillée par l’animateur. La modification a été annulée.');
    expect(screen.getByTestId('session-refusal').textContent).toBe(
      'This area is locked by the facilitator. The change was undone.×',
    );
    // A reason the session did not cause is shown as the server wrote it.
    refuse('Carte refusée : champ trop long.');
    expect(screen.getByTestId('session-refusal').textContent).toBe(
      'Carte refusée : champ trop long.×',
    );
  });
});

describe('SessionBar for facilitators', () => {
  function facilitator(values: Partial<BoardSession> = {}) {
    const writes: { key: SessionKey; value: unknown }[] = [];
    const write = <K extends SessionKey>(key: K, value: SessionValue<K>) => {
      writes.push({ key, value });
    };
    editor = createJsdomEditor();
    const view = render(
      <SessionBar
        editor={editor}
        session={session({ write, ...values })}
        board={fakeBoard().board}
      />,
    );
    return { writes, view };
  }

  it('starts a preset or a typed duration in the server’s time', () => {
    const { writes } = facilitator();
    fireEvent.click(screen.getByRole('button', { name: '5 min' }));
    const timer = writes[0]?.value as SessionTimer;
    expect(writes[0]?.key).toBe('timer');
    expect(timer.status).toBe('running');
    expect(Math.abs(timer.endsAt! - (serverNow() + 300_000))).toBeLessThan(1_000);

    const typed = screen.getByLabelText('Durée en minutes');
    const start = screen.getByRole('button', { name: 'Démarrer' });
    fireEvent.change(typed, { target: { value: 'deux' } });
    expect((start as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(typed, { target: { value: '1,5' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Figer le tableau à zéro' }));
    fireEvent.click(start);
    expect(writes.at(-1)?.value).toMatchObject({ durationMs: 90_000, freezeAtZero: true });
  });

  it('pauses, adds a minute, stops, and changes the freeze of the running timer', () => {
    const timer = running(120_000);
    const { writes } = facilitator({ timer });
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(writes.at(-1)?.value).toMatchObject({ status: 'paused' });
    fireEvent.click(screen.getByRole('button', { name: '+ 1 min' }));
    expect(writes.at(-1)?.value).toMatchObject({ status: 'running', durationMs: 180_000 });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Son à zéro' }));
    expect(writes.at(-1)?.value).toMatchObject({ sound: true, endsAt: timer.endsAt });
    fireEvent.click(screen.getByRole('button', { name: 'Arrêter' }));
    expect(writes.at(-1)?.value).toMatchObject({ status: 'stopped' });
  });

  it('locks the board and the selected theme, and unlocks them', () => {
    const lock = { board: false, areaIds: ['shape:old'], moderated: true };
    const { writes } = facilitator({ lock });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Verrouiller le tableau' }));
    expect(writes.at(-1)).toEqual({
      key: 'lock',
      value: { board: true, areaIds: ['shape:old'], moderated: true },
    });
    const lockArea = screen.getByRole('button', { name: 'Verrouiller la zone sélectionnée' });
    expect((lockArea as HTMLButtonElement).disabled).toBe(true);
    const theme = createShapeId('T1');
    act(() => {
      editor!.createShape({ id: theme, type: 'theme', x: 0, y: 0, props: { label: 'Mobilité' } });
      editor!.select(theme);
    });
    fireEvent.click(lockArea);
    expect(writes.at(-1)?.value).toEqual({
      board: false,
      areaIds: ['shape:old', 'shape:T1'],
      moderated: true,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tout déverrouiller' }));
    expect(writes.at(-1)?.value).toEqual({ board: false, areaIds: [], moderated: true });
  });

  it('adds agenda steps with the selected theme as area, and starts the next step', () => {
    editor = undefined;
    const { writes, view } = facilitator();
    const theme = createShapeId('T1');
    act(() => {
      editor!.createShape({ id: theme, type: 'theme', x: 0, y: 0, props: { label: 'Mobilité' } });
      editor!.select(theme);
    });
    // The selected theme is proposed as the step's area, by its name.
    const area = screen.getByLabelText('Zone') as HTMLSelectElement;
    expect(area.value).toBe(theme);
    expect(area.selectedOptions[0]?.textContent).toBe('Mobilité');
    fireEvent.change(screen.getByLabelText('Titre de l’étape'), {
      target: { value: 'Hypothèses' },
    });
    fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter l’étape' }));
    const agenda = writes.at(-1)?.value as BoardSession['agenda'];
    expect(agenda?.steps).toMatchObject([{ title: 'Hypothèses', durationMin: 15, areaId: theme }]);

    const write = (key: SessionKey, value: unknown) => writes.push({ key, value });
    view.rerender(
      <SessionBar
        editor={editor}
        session={session({ agenda, write: write as BoardSession['write'] })}
        board={fakeBoard().board}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Commencer le déroulé' }));
    const [agendaWrite, timerWrite] = writes.slice(-2);
    expect(agendaWrite).toMatchObject({ key: 'agenda', value: { current: 0 } });
    expect(timerWrite).toMatchObject({
      key: 'timer',
      value: { status: 'running', durationMs: 900_000, label: 'Hypothèses' },
    });

    // Editing the step: its values in the form, saved in place, the whole board as its area.
    fireEvent.click(screen.getByRole('button', { name: 'Modifier l’étape « Hypothèses »' }));
    expect((screen.getByLabelText('Titre de l’étape') as HTMLInputElement).value).toBe(
      'Hypothèses',
    );
    fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText('Zone'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’étape' }));
    expect(writes.at(-1)?.value).toMatchObject({
      steps: [{ id: agenda!.steps[0]!.id, title: 'Hypothèses', durationMin: 20, areaId: null }],
    });
  });
});
