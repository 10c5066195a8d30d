import type { BoardTemplateId } from '@boussole/shared';

export const templateLabels: Record<BoardTemplateId, { fr: string; en: string }> = {
  blank: { fr: 'Tableau vierge', en: 'Blank board' },
  'initial-perceptions': { fr: 'Représentations initiales', en: 'Initial perceptions' },
  'working-hypotheses': { fr: 'Hypothèses de travail', en: 'Working hypotheses' },
  'affinity-map': { fr: 'Regroupement des observations', en: 'Affinity map' },
  'recommendations-matrix': {
    fr: 'Préconisations : impact × faisabilité',
    en: 'Recommendations: impact × feasibility',
  },
  'life-stages-journey': {
    fr: 'Parcours usager par temps de la vie',
    en: 'User journey by life stage',
  },
};
