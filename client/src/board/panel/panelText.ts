import type { CardLabelLanguage } from '@boussole/shared';

/** The side panel's own sentences, French first. */
export const panelText = {
  fr: {
    cardAria: (kind: string) => `Carte ${kind}`,
    invalid: 'valeur invalide',
    noHypotheses: 'Aucune hypothèse sur ce tableau.',
    untitledHypothesis: '(hypothèse sans énoncé)',
    offList: 'hors liste de l’espace de travail',
    observations: (n: number) =>
      n === 0 ? 'Aucune observation' : n === 1 ? '1 observation' : `${n} observations`,
    byPublic: 'Par public',
    byCommune: 'Par commune',
    notGiven: 'non renseigné',
  },
  en: {
    cardAria: (kind: string) => `${kind} card`,
    invalid: 'invalid value',
    noHypotheses: 'No hypothesis on this board.',
    untitledHypothesis: '(hypothesis without a statement)',
    offList: 'not in the workspace’s list',
    observations: (n: number) =>
      n === 0 ? 'No observation' : n === 1 ? '1 observation' : `${n} observations`,
    byPublic: 'By target group',
    byCommune: 'By municipality',
    notGiven: 'not given',
  },
} satisfies Record<CardLabelLanguage, Record<string, unknown>>;

export type PanelText = (typeof panelText)['fr'];
