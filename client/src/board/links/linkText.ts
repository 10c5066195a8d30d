import type { CardLabelLanguage } from '@boussole/shared';

/** The links' own words (chips, search, arrows), French first. */
export const linkText = {
  fr: {
    chip: (kind: string, label: string, board: string | null) =>
      `→ ${kind}${label ? ` « ${label} »` : ''}${board ? ` — tableau ${board}` : ''}`,
    openChip: (kind: string, board: string | null) =>
      board
        ? `Ouvrir le tableau ${board} sur cette carte (${kind})`
        : `Aller à cette carte (${kind})`,
    broken: 'Lien rompu — carte supprimée',
    loading: 'Chargement du lien…',
    remove: 'Retirer le lien',
    removeAria: (what: string) => `Retirer le lien : ${what}`,
    none: 'Aucune carte liée.',
    search: 'Chercher une carte à lier, sur tous les tableaux',
    searchPlaceholder: 'Mots de la carte…',
    noResult: 'Aucune carte ne correspond.',
    truncated: 'D’autres cartes correspondent : précisez la recherche.',
    searchFailed: 'La recherche a échoué. Réessayez.',
    link: 'Lier',
    linkAria: (label: string) => `Lier : ${label}`,
    linked: 'déjà liée',
    thisBoard: 'ce tableau',
    boardGroup: (title: string) => `Tableau ${title}`,
    untitled: '(sans texte)',
    crossBoard: (n: number) =>
      n === 1 ? '1 carte liée sur un autre tableau' : `${n} cartes liées sur d’autres tableaux`,
  },
  en: {
    chip: (kind: string, label: string, board: string | null) =>
      `→ ${kind}${label ? ` “${label}”` : ''}${board ? ` — board ${board}` : ''}`,
    openChip: (kind: string, board: string | null) =>
      board ? `Open board ${board} on this card (${kind})` : `Go to this card (${kind})`,
    broken: 'Broken link — card deleted',
    loading: 'Loading the link…',
    remove: 'Remove the link',
    removeAria: (what: string) => `Remove the link: ${what}`,
    none: 'No linked card.',
    search: 'Search a card to link, on every board',
    searchPlaceholder: 'Words of the card…',
    noResult: 'No card matches.',
    truncated: 'More cards match: narrow the search.',
    searchFailed: 'The search failed. Try again.',
    link: 'Link',
    linkAria: (label: string) => `Link: ${label}`,
    linked: 'already linked',
    thisBoard: 'this board',
    boardGroup: (title: string) => `Board ${title}`,
    untitled: '(no text)',
    crossBoard: (n: number) =>
      n === 1 ? '1 linked card on another board' : `${n} linked cards on other boards`,
  },
} satisfies Record<CardLabelLanguage, Record<string, unknown>>;

export type LinkText = (typeof linkText)['fr'];
