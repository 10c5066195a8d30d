import { useEffect } from 'react';
import { useValue, type Editor } from 'tldraw';
import { useFollowing } from './PeopleFocus.js';
import { useFocusT } from './focusMessages.js';

/** « Vous suivez Alice — Arrêter » while this editor follows someone; Escape stops too. */
export function FollowBanner({ editor }: { editor: Editor }) {
  const t = useFocusT();
  const following = useFollowing(editor);
  const name = useValue(
    'followed name',
    () =>
      following
        ? (editor.getCollaborators().find((c) => c.userId === following)?.userName ?? '?')
        : '',
    [editor, following],
  );

  useEffect(() => {
    if (!following) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') editor.stopFollowingUser();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, following]);

  if (!following) return null;
  return (
    <div className="focus-banner" role="status">
      <span>{t('follow.banner', { name })}</span>
      <button type="button" onClick={() => editor.stopFollowingUser()}>
        {t('follow.stop')}
      </button>
    </div>
  );
}
