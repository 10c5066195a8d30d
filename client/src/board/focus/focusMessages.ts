import { catalogHook, type Catalogs, type Translator } from '../../i18n/catalog.js';

/**
 * Follow, summon, spotlight, reactions and « vu il y a »: their own strings, French first.
 * `{name}` placeholders are filled by the translation function.
 */
export const fr = {
  'follow.person': 'Suivre la vue de {name}',
  'follow.banner': 'Vous suivez {name}',
  'follow.stop': 'Arrêter',
  'summon.button': 'Rassembler tout le monde ici',
  'summon.banner': '{name} a rassemblé tout le monde ici',
  'summon.back': 'Revenir où j’étais',
  'summon.dismiss': 'Rester ici',
  'spotlight.button': 'Mettre en lumière la carte choisie',
  'spotlight.clear': 'Éteindre la lumière',
  'spotlight.banner': '{name} met une carte en lumière',
  'spotlight.show': 'Voir la carte',
  'spotlight.label': 'Carte mise en lumière',
  'reactions.label': 'Réagir',
  'reactions.react': 'Réagir {emoji}',
  'reactions.onCard': 'sur la carte choisie',
  'reactions.onBoard': 'sur le tableau',
  'facilitation.label': 'Animation : vue de tous',
  'lastSeen.justNow': 'vu à l’instant',
  'lastSeen.minutes': 'vu il y a {n} min',
  'lastSeen.hours': 'vu il y a {n} h',
  'lastSeen.offline': 'Hors ligne : dernières personnes vues',
};

export type FocusMessageKey = keyof typeof fr;

export const en: Record<FocusMessageKey, string> = {
  'follow.person': 'Follow {name}’s view',
  'follow.banner': 'You are following {name}',
  'follow.stop': 'Stop',
  'summon.button': 'Bring everyone here',
  'summon.banner': '{name} brought everyone here',
  'summon.back': 'Back to where I was',
  'summon.dismiss': 'Stay here',
  'spotlight.button': 'Spotlight the selected card',
  'spotlight.clear': 'Turn the spotlight off',
  'spotlight.banner': '{name} is spotlighting a card',
  'spotlight.show': 'Show the card',
  'spotlight.label': 'Spotlighted card',
  'reactions.label': 'React',
  'reactions.react': 'React {emoji}',
  'reactions.onCard': 'on the selected card',
  'reactions.onBoard': 'on the board',
  'facilitation.label': 'Facilitation: everyone’s view',
  'lastSeen.justNow': 'seen just now',
  'lastSeen.minutes': 'seen {n} min ago',
  'lastSeen.hours': 'seen {n} h ago',
  'lastSeen.offline': 'Offline: people last seen',
};

const catalogs: Catalogs<FocusMessageKey> = { fr, en };

export type FocusT = Translator<FocusMessageKey>;

export const useFocusT = catalogHook(catalogs);
