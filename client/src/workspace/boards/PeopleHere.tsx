import { participantColorFor } from './participantColor.js';
import { useBoardsT } from './boardsMessages.js';

/** Who is on a board right now: an initial in a coloured disc, then the names. */
export function PeopleHere({ names }: { names: string[] }) {
  const t = useBoardsT();
  if (names.length === 0) return <p className="tile-present muted">{t('tile.nobody')}</p>;
  return (
    <p className="tile-present">
      <span className="avatars" aria-hidden="true">
        {names.slice(0, 5).map((name) => (
          <span key={name} className="avatar" style={{ background: participantColorFor(name) }}>
            {name.trim().charAt(0).toUpperCase()}
          </span>
        ))}
      </span>
      {t('tile.present', { names: names.join(', ') })}
    </p>
  );
}
