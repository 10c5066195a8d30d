import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useT } from '../i18n/useT.js';
import { PRESENCE_FIELD, awarenessToPresence } from './awarenessBinding.js';

interface Person {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
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
    });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/** Who is here, as coloured name chips; the same colours as their cursors. */
export function PeopleList({ awareness }: { awareness: Awareness }) {
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
          {p.name}
          {p.self ? ` (${t('people.you')})` : ''}
        </li>
      ))}
    </ul>
  );
}
