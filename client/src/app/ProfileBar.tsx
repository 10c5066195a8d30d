import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { signOut } from '../api/api.js';
import { navigate } from '../ui/router.js';
import { useRefreshSession, useSession } from '../api/session.js';

/**
 * Who is here and in which language. The name is the one the server knows (the account, or
 * the name a guest gave with their invitation); colour and language stay on this device.
 */
export function ProfileBar() {
  const t = useT();
  const session = useSession();
  const refreshSession = useRefreshSession();
  const { color, language, setLanguage } = useUiStore();
  return (
    <div className="profile-bar">
      <span className="swatch" style={{ background: color }} aria-hidden="true" />
      {session && (
        <>
          <span className="who">{session.principal.displayName}</span>
          <button
            type="button"
            onClick={() =>
              void signOut()
                .then(refreshSession)
                .then(() => navigate('/'))
            }
          >
            {t('auth.signOut')}
          </button>
        </>
      )}
      <label>
        <span className="visually-hidden">{t('profile.language')}</span>
        <select
          aria-label={t('profile.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'fr')}
        >
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </label>
    </div>
  );
}
