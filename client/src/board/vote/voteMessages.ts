import { catalogHook, type Catalogs } from '../../i18n/catalog.js';

/**
 * The dot-vote's own text, French first. Placeholders as i18n/catalog.ts fills them: `{n}` is
 * the number, `{n:singular|plural}` the word that agrees with it.
 */
export const fr = {
  'vote.open': 'Ouvrir un vote',
  'vote.dialogTitle': 'Ouvrir un vote par gommettes',
  'vote.title': 'Question posée',
  'vote.titlePlaceholder': 'Quelles hypothèses vérifier en priorité ?',
  'vote.on': 'Voter sur',
  'vote.on.selection': 'les cartes sélectionnées ({n})',
  'vote.on.kind': 'toutes les cartes d’un type',
  'vote.on.theme': 'les cartes d’un thème',
  'vote.kind': 'Type de carte',
  'vote.theme': 'Thème',
  'vote.dots': 'Points par personne',
  'vote.maxPerCard': 'Au plus par carte (vide : sans limite)',
  'vote.anonymous': 'Vote anonyme (seuls les totaux seront montrés)',
  'vote.start': 'Lancer le vote',
  'vote.cancel': 'Annuler',
  'vote.close': 'Clôturer le vote',
  'vote.running': 'Vote en cours : {title}',
  'vote.voters': '{n} {n:personne a voté|personnes ont voté}',
  'vote.remaining': '{n} {n:point restant|points restants}',
  'vote.add': 'Ajouter un point sur « {card} »',
  'vote.remove': 'Retirer un point de « {card} »',
  'vote.zoomToVote':
    'Voter sur « {card} » ({n} {n:point à moi|points à moi}) : rapprocher la carte',
  'vote.mine': '{n} {n:point à moi|points à moi}',
  'vote.results': 'Résultats du vote : {title}',
  'vote.resultsHide': 'Masquer les résultats',
  'vote.points': '{n} {n:point|points}',
  'vote.untitled': 'sans titre',
  'vote.queued':
    'Hors ligne : {n} {n:point en attente, envoyé|points en attente, envoyés} au retour du réseau.',
  'vote.noTheme': 'Aucun thème sur ce tableau.',
} as const;

export type VoteMessageKey = keyof typeof fr;

export const en: Record<VoteMessageKey, string> = {
  'vote.open': 'Open a vote',
  'vote.dialogTitle': 'Open a dot vote',
  'vote.title': 'Question',
  'vote.titlePlaceholder': 'Which hypotheses should we check first?',
  'vote.on': 'Vote on',
  'vote.on.selection': 'the selected cards ({n})',
  'vote.on.kind': 'every card of a kind',
  'vote.on.theme': 'the cards of a theme',
  'vote.kind': 'Card kind',
  'vote.theme': 'Theme',
  'vote.dots': 'Dots per person',
  'vote.maxPerCard': 'At most per card (empty: no limit)',
  'vote.anonymous': 'Anonymous vote (only totals are shown)',
  'vote.start': 'Start the vote',
  'vote.cancel': 'Cancel',
  'vote.close': 'Close the vote',
  'vote.running': 'Vote running: {title}',
  'vote.voters': '{n} {n:person voted|people voted}',
  'vote.remaining': '{n} {n:dot left|dots left}',
  'vote.add': 'Add a dot to “{card}”',
  'vote.remove': 'Remove a dot from “{card}”',
  'vote.zoomToVote': 'Vote on “{card}” ({n} {n:dot of mine|dots of mine}): bring the card closer',
  'vote.mine': '{n} {n:dot of mine|dots of mine}',
  'vote.results': 'Vote results: {title}',
  'vote.resultsHide': 'Hide the results',
  'vote.points': '{n} {n:dot|dots}',
  'vote.untitled': 'untitled',
  'vote.queued': 'Offline: {n} {n:dot waits|dots wait} to be sent when the network is back.',
  'vote.noTheme': 'No theme on this board.',
};

const catalogs: Catalogs<VoteMessageKey> = { fr, en };

export const useVoteT = catalogHook(catalogs);
