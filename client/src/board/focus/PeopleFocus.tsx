import { useEffect, useState } from 'react';
import { useValue, type Editor, type TLUserId } from 'tldraw';
import type { RememberedPerson } from './lastSeen.js';
import { lastSeenLabel } from './lastSeen.js';
import { useFocusT } from './focusMessages.js';
import './focus.css';

/** What the people list needs to follow someone and to say who was last seen. */
export interface PeopleFocus {
  editor: Editor | undefined;
  offline: boolean;
  away: RememberedPerson[];
}

/** The person this editor follows (tldraw's follow mode), or null. */
export function useFollowing(editor: Editor | undefined): string | null {
  return useValue('following', () => editor?.getInstanceState().followingUserId ?? null, [editor]);
}

/** A name in the people list: a click follows that person's view, a second one stops. */
export function FollowButton({
  focus,
  userId,
  name,
}: {
  focus: PeopleFocus;
  userId: string;
  name: string;
}) {
  const t = useFocusT();
  const following = useFollowing(focus.editor) === userId;
  const { editor } = focus;
  return (
    <button
      type="button"
      className="people-follow"
      aria-pressed={following}
      aria-label={t('follow.person', { name })}
      disabled={!editor}
      onClick={() => {
        if (!editor) return;
        if (following) editor.stopFollowingUser();
        else editor.startFollowingUser(userId as TLUserId);
      }}
    >
      {name}
    </button>
  );
}

/** Offline: those who were here, « vu il y a 3 min », never shown as present. */
export function AwayPeople({ away }: { away: RememberedPerson[] }) {
  const t = useFocusT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      {away.map((p) => {
        const { key, n } = lastSeenLabel(p.lastSeenAt, now);
        return (
          <li
            key={`${p.name}-${p.color}`}
            className="people-away"
            style={{ borderColor: p.color }}
            title={t('lastSeen.offline')}
          >
            {p.name} · {t(key, { n })}
          </li>
        );
      })}
    </>
  );
}
