import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';

/** Name, colour and language of the person at this device; persisted in localStorage. */
export function ProfileBar() {
  const t = useT();
  const { displayName, color, language, setDisplayName, setLanguage } = useUiStore();
  return (
    <div className="profile-bar">
      <span className="swatch" style={{ background: color }} aria-hidden="true" />
      <label>
        <span className="visually-hidden">{t('profile.name')}</span>
        <input
          aria-label={t('profile.name')}
          placeholder={t('profile.placeholder')}
          value={displayName}
          maxLength={60}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </label>
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
