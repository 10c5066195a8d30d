import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useT } from '../i18n/useT.js';
import { PRESENCE_FIELD, awarenessToPresence } from './awarenessBinding.js';
import { AwayPeople, FollowButton, type PeopleFocus } from './focus/PeopleFocus.js';

interface Person {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
  /** tldraw's user id (`user:…`), what following someone's view goes by. */
  userId: string;
}

function readPeople(awareness: Awareness): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const presence = awarenessToPresence(
      clientId,
      (state as Record<string, unknown>)[PRESENCE_FIELD],
    );
    if (!presence) continue;
    people.push({
      clientId,
      name: presence.userName || '?',
      color: presence.color,
      self: clientId === awareness.clientID,
      userId: presence.userId,
    });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/**
 * Who is here, as coloured name chips; the same colours as their cursors. With `focus`, a
 * click on someone follows their view, and offline the people last seen are listed apart.
 */
export function PeopleList({ awareness, focus }: { awareness: Awareness; focus?: PeopleFocus }) {
  const t = useT();
  const snapshot = useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => JSON.stringify(readPeople(awareness)),
  );
  const people = JSON.parse(snapshot) as Person[];
  return (
    <ul className="people" aria-label={t('people.here')}>
      {people.map((p) => (
        <li key={p.clientId} style={{ background: p.color }} title={p.name}>
          {focus && !p.self && !focus.offline ? (
            <FollowButton focus={focus} userId={p.userId} name={p.name} />
          ) : (
            p.name
          )}
          {p.self ? ` (${t('people.you')})` : ''}
        </li>
      ))}
      {focus?.offline && <AwayPeople away={focus.away} />}
    </ul>
  );
}
