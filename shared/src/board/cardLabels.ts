import type {
  CardKind,
  HypothesisStatus,
  ObservationSource,
  RecommendationPriority,
} from './cards.js';

/**
 * French words and colours for the card enums, shared so that the board, the exports and any
 * server-side message name a status the same way. Colours are light backgrounds meant for dark
 * text (#1d1d1d), each with a contrast ratio above 7:1.
 */

export interface EnumDisplay {
  label: string;
  color: string;
}

export const cardKindLabels: Readonly<Record<CardKind, string>> = {
  observation: 'Observation',
  hypothesis: 'Hypothèse',
  indicator: 'Indicateur',
  theme: 'Thème',
  recommendation: 'Préconisation',
};

export const observationSourceLabels: Readonly<Record<ObservationSource, string>> = {
  entretien: 'Entretien',
  questionnaire: 'Questionnaire',
  atelier: 'Atelier',
  permanence: 'Permanence',
  'micro-trottoir': 'Micro-trottoir',
};

export const hypothesisStatusDisplay: Readonly<Record<HypothesisStatus, EnumDisplay>> = {
  a_verifier: { label: 'À vérifier', color: '#f6d77a' },
  confirmee: { label: 'Confirmée', color: '#9fd8a4' },
  infirmee: { label: 'Infirmée', color: '#f2a7a0' },
  nuancee: { label: 'Nuancée', color: '#c3b5ec' },
};

export const recommendationPriorityDisplay: Readonly<Record<RecommendationPriority, EnumDisplay>> =
  {
    haute: { label: 'Haute', color: '#f2a7a0' },
    moyenne: { label: 'Moyenne', color: '#f6d77a' },
    basse: { label: 'Basse', color: '#b9d7f0' },
  };
