import { catalogHook, type Catalogs } from '../../i18n/catalog.js';

/**
 * Anonymous contributions, private writing and the moderated inbox: their own text, French
 * first. Placeholders as i18n/catalog.ts fills them: `{n}` is the number, `{n:singular|plural}`
 * the word that agrees with it.
 */
export const fr = {
  'contrib.panel': 'Contributions',
  'contrib.anonymous': 'Sans hiérarchie (anonyme)',
  'contrib.anonymousHint': 'Ni nom ni curseur des participants ; les cartes n’ont pas d’auteur.',
  'contrib.private': 'Écrire seul, révéler ensemble',
  'contrib.moderated': 'Tableau modéré',
  'contrib.reveal': 'Révéler ({n} {n:carte|cartes})',
  'contrib.revealed': '{n} {n:carte révélée|cartes révélées}.',
  'contrib.waiting': '{n} {n:carte en attente|cartes en attente}',
  'contrib.inbox': 'Boîte de réception ({n})',
  'contrib.inboxEmpty': 'Aucune carte à modérer.',
  'contrib.accept': 'Accepter',
  'contrib.reject': 'Refuser',
  'contrib.banner.anonymous': 'Mode sans hiérarchie : personne ne voit qui écrit quoi.',
  'contrib.banner.private':
    'Écriture privée : vos cartes ne sont visibles que par vous jusqu’à la révélation.',
  'contrib.banner.moderated':
    'Tableau modéré : vos nouvelles cartes sont envoyées à l’animateur, qui les ajoute au tableau.',
  'contrib.drawer': 'Mes cartes privées',
  'contrib.drawerInbox': 'Mes cartes envoyées',
  'contrib.newCard': 'Nouvelle carte',
  'contrib.kind': 'Type de carte',
  'contrib.text': 'Texte de la carte',
  'contrib.add': 'Ajouter',
  'contrib.save': 'Enregistrer',
  'contrib.delete': 'Supprimer',
  'contrib.none': 'Aucune carte pour l’instant.',
  'contrib.kind.observation': 'Observation',
  'contrib.kind.hypothesis': 'Hypothèse',
  'contrib.kind.indicator': 'Indicateur',
  'contrib.kind.recommendation': 'Préconisation',
} as const;

export type ContributionMessageKey = keyof typeof fr;

export const en: Record<ContributionMessageKey, string> = {
  'contrib.panel': 'Contributions',
  'contrib.anonymous': 'Without hierarchy (anonymous)',
  'contrib.anonymousHint': 'No participant names or cursors; cards have no author.',
  'contrib.private': 'Write alone, reveal together',
  'contrib.moderated': 'Moderated board',
  'contrib.reveal': 'Reveal ({n} {n:card|cards})',
  'contrib.revealed': '{n} {n:card revealed|cards revealed}.',
  'contrib.waiting': '{n} {n:card waiting|cards waiting}',
  'contrib.inbox': 'Inbox ({n})',
  'contrib.inboxEmpty': 'No card to moderate.',
  'contrib.accept': 'Accept',
  'contrib.reject': 'Reject',
  'contrib.banner.anonymous': 'Without hierarchy: nobody sees who writes what.',
  'contrib.banner.private': 'Private writing: only you see your cards until the reveal.',
  'contrib.banner.moderated':
    'Moderated board: your new cards go to the facilitator, who adds them to the board.',
  'contrib.drawer': 'My private cards',
  'contrib.drawerInbox': 'My sent cards',
  'contrib.newCard': 'New card',
  'contrib.kind': 'Card kind',
  'contrib.text': 'Card text',
  'contrib.add': 'Add',
  'contrib.save': 'Save',
  'contrib.delete': 'Delete',
  'contrib.none': 'No card yet.',
  'contrib.kind.observation': 'Observation',
  'contrib.kind.hypothesis': 'Hypothesis',
  'contrib.kind.indicator': 'Indicator',
  'contrib.kind.recommendation': 'Recommendation',
};

const catalogs: Catalogs<ContributionMessageKey> = { fr, en };

export const useContributionT = catalogHook(catalogs);
