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

/**
 * The same words in English, for people who chose English in the interface. Only labels
 * change with the language: the stored values (`a_verifier`, `entretien`…) never do, and
 * exports and reports keep the French tables above.
 */
export type CardLabelLanguage = 'fr' | 'en';

export interface CardLabelTables {
  kinds: Readonly<Record<CardKind, string>>;
  sources: Readonly<Record<ObservationSource, string>>;
  statuses: Readonly<Record<HypothesisStatus, string>>;
  priorities: Readonly<Record<RecommendationPriority, string>>;
}

const labelsOf = <K extends string>(table: Readonly<Record<K, EnumDisplay>>) =>
  Object.fromEntries(
    Object.entries(table).map(([k, v]) => [k, (v as EnumDisplay).label]),
  ) as Record<K, string>;

export const cardLabelsByLanguage: Readonly<Record<CardLabelLanguage, CardLabelTables>> = {
  fr: {
    kinds: cardKindLabels,
    sources: observationSourceLabels,
    statuses: labelsOf(hypothesisStatusDisplay),
    priorities: labelsOf(recommendationPriorityDisplay),
  },
  en: {
    kinds: {
      observation: 'Observation',
      hypothesis: 'Hypothesis',
      indicator: 'Indicator',
      theme: 'Theme',
      recommendation: 'Recommendation',
    },
    sources: {
      entretien: 'Interview',
      questionnaire: 'Questionnaire',
      atelier: 'Workshop',
      permanence: 'Drop-in session',
      'micro-trottoir': 'Street interview',
    },
    statuses: {
      a_verifier: 'To check',
      confirmee: 'Confirmed',
      infirmee: 'Refuted',
      nuancee: 'Qualified',
    },
    priorities: { haute: 'High', moyenne: 'Medium', basse: 'Low' },
  },
};

/**
 * The label of a stored enum value (source, status or priority) in `language`, or undefined
 * for a value that is none of them. The three enums share no value, so one lookup is enough.
 */
export function cardEnumLabel(value: string, language: CardLabelLanguage): string | undefined {
  const tables = cardLabelsByLanguage[language];
  for (const table of [tables.sources, tables.statuses, tables.priorities]) {
    if (Object.hasOwn(table, value)) return (table as Record<string, string>)[value];
  }
  return undefined;
}
