import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  sessionDocIdOf,
  sessionDocLayout,
  sessionValueSchemas,
  type SessionAgenda,
  type SessionFocus,
  type SessionKey,
  type SessionLock,
  type SessionModes,
  type SessionTimer,
  type SessionValue,
  type SessionVote,
} from '@boussole/shared';
import type { CollabSession } from '../../collab/collabSession.js';
import { useCollabSession } from '../../collab/useCollabSession.js';
import { measureServerOffset } from './serverClock.js';

/** How often the clock offset is measured again (a laptop's clock drifts, or is corrected). */
const CLOCK_REMEASURE_MS = 3 * 60_000;

export interface BoardSessionValues {
  timer: SessionTimer | undefined;
  agenda: SessionAgenda | undefined;
  vote: SessionVote | undefined;
  lock: SessionLock | undefined;
  modes: SessionModes | undefined;
  focus: SessionFocus | undefined;
}

export interface BoardSession extends BoardSessionValues {
  /** The session document's connection, shared with the vote, contribution and focus UI. */
  doc: CollabSession | undefined;
  /** The server's clock as this browser measured it (the local clock until measured). */
  serverNow(): number;
  /** The first measurement of the clock is done (or failed, offline): serverNow is its best. */
  clockReady: boolean;
  /** Measures the offset again now (e.g. when the server says the time is up and we did not). */
  resyncClock(): void;
  /**
   * Replaces one key, validated first by its schema (the server would refuse an invalid value
   * anyway, and undo it). Present for animateurs and administrateurs only.
   */
  write?: <K extends SessionKey>(key: K, value: SessionValue<K>) => void;
}

const empty: BoardSessionValues = {
  timer: undefined,
  agenda: undefined,
  vote: undefined,
  lock: undefined,
  modes: undefined,
  focus: undefined,
};

function readValues(root: { get(key: string): unknown }): BoardSessionValues {
  const parse = <K extends SessionKey>(key: K) => {
    const parsed = sessionValueSchemas[key].safeParse(root.get(key));
    return (parsed.success ? parsed.data : undefined) as SessionValue<K> | undefined;
  };
  return {
    timer: parse('timer'),
    agenda: parse('agenda'),
    vote: parse('vote'),
    lock: parse('lock'),
    modes: parse('modes'),
    focus: parse('focus'),
  };
}

/**
 * The board's session document (timer, agenda, vote, lock, modes, focus), opened once by the
 * board page and handed to every component that reads it: `useCollabSession` opens a socket
 * and an offline copy per call, so a component opening it on its own would double both.
 */
export function useBoardSession(boardId: string, facilitator: boolean): BoardSession {
  const doc = useCollabSession(sessionDocIdOf(boardId));
  const [values, setValues] = useState<BoardSessionValues>(empty);

  useEffect(() => {
    if (!doc) return;
    const root = doc.doc.getMap<unknown>(sessionDocLayout.root);
    const read = () => setValues(readValues(root));
    read();
    root.observe(read);
    return () => root.unobserve(read);
  }, [doc]);

  // A ref, not state: serverNow is called ~4 times a second by the countdown and must not
  // re-render the page when the offset is measured.
  const offset = useRef(0);
  const [measureCount, setMeasureCount] = useState(0);
  const [clockReady, setClockReady] = useState(false);
  const measureNow = useRef<() => void>(() => {});
  useEffect(() => {
    let live = true;
    const measure = () =>
      measureServerOffset()
        .then(
          (ms) => {
            if (!live) return;
            offset.current = ms;
            setMeasureCount((n) => n + 1);
          },
          // Offline: keep the last offset; the next round tries again.
          () => {},
        )
        .finally(() => live && setClockReady(true));
    const again = () => void measure();
    measureNow.current = again;
    again();
    const timer = setInterval(again, CLOCK_REMEASURE_MS);
    window.addEventListener('online', again);
    return () => {
      live = false;
      measureNow.current = () => {};
      clearInterval(timer);
      window.removeEventListener('online', again);
    };
  }, []);

  // Whole milliseconds: the session's schemas take integers (a summon's `at`, a paused
  // timer's remainingMs), and the offset, taken at the middle of a round trip, may be a half.
  const serverNow = useCallback(() => Math.round(Date.now() + offset.current), []);
  const resyncClock = useCallback(() => measureNow.current(), []);

  const write = useCallback(
    <K extends SessionKey>(key: K, value: SessionValue<K>) => {
      if (!doc) return;
      const parsed = sessionValueSchemas[key].safeParse(value);
      // A bug, never a person's input (the controls only build valid values): said loudly,
      // since the server would refuse the value anyway and the click would seem to do nothing.
      if (!parsed.success) {
        throw new Error(`invalid session ${key}: ${parsed.error.issues[0]?.message ?? ''}`);
      }
      const root = doc.doc.getMap<unknown>(sessionDocLayout.root);
      doc.doc.transact(() => root.set(key, parsed.data));
    },
    [doc],
  );

  return useMemo(
    () => ({
      ...values,
      doc,
      serverNow,
      clockReady,
      resyncClock,
      write: facilitator ? write : undefined,
    }),
    // measureCount: a new measurement re-renders what shows the time.
    [values, doc, serverNow, clockReady, resyncClock, write, facilitator, measureCount],
  );
}
