import {
  cardLabelsByLanguage,
  type CardKind,
  type CardLabelLanguage,
  type CardLabelTables,
} from '@boussole/shared';

/** How the side panel edits one card property; the zod schema still validates what is saved. */
export type FieldSpec =
  | { key: string; label: string; input: 'text' | 'textarea' | 'date' }
  | { key: string; label: string; input: 'number' }
  | { key: string; label: string; input: 'select'; options: { value: string; label: string }[] }
  | { key: string; label: string; input: 'vocabulary'; list: VocabularyList }
  | { key: string; label: string; input: 'links' };

/** Which of the workspace's lists a field picks from (free entry stays possible, flagged). */
export type VocabularyList = 'publics' | 'communes';

/** The card fields' names, per language; the keys are the stored property names. */
export const fieldLabels = {
  fr: {
    verbatim: 'Verbatim',
    source: 'Source',
    public: 'Public',
    commune: 'Commune',
    date: 'Date',
    statement: 'Énoncé',
    status: 'Statut',
    topic: 'Thématique',
    label: 'Indicateur',
    value: 'Valeur',
    unit: 'Unité',
    territory: 'Territoire',
    year: 'Année',
    themeLabel: 'Nom du thème',
    title: 'Titre',
    description: 'Description',
    leadOrganisation: 'Porteur',
    priority: 'Priorité',
    hypothesisIds: 'Hypothèses liées',
    evidenceIds: 'Éléments à l’appui',
  },
  en: {
    verbatim: 'Verbatim',
    source: 'Source',
    public: 'Target group',
    commune: 'Municipality',
    date: 'Date',
    statement: 'Statement',
    status: 'Status',
    topic: 'Topic',
    label: 'Indicator',
    value: 'Value',
    unit: 'Unit',
    territory: 'Territory',
    year: 'Year',
    themeLabel: 'Theme name',
    title: 'Title',
    description: 'Description',
    leadOrganisation: 'Lead organisation',
    priority: 'Priority',
    hypothesisIds: 'Linked hypotheses',
    evidenceIds: 'Supporting evidence',
  },
} as const satisfies Record<CardLabelLanguage, Record<string, string>>;

const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

function buildFields(
  l: (typeof fieldLabels)[CardLabelLanguage],
  t: CardLabelTables,
): Record<CardKind, FieldSpec[]> {
  return {
    observation: [
      { key: 'verbatim', label: l.verbatim, input: 'textarea' },
      { key: 'source', label: l.source, input: 'select', options: options(t.sources) },
      { key: 'public', label: l.public, input: 'vocabulary', list: 'publics' },
      { key: 'commune', label: l.commune, input: 'vocabulary', list: 'communes' },
      { key: 'date', label: l.date, input: 'date' },
    ],
    hypothesis: [
      { key: 'statement', label: l.statement, input: 'textarea' },
      { key: 'status', label: l.status, input: 'select', options: options(t.statuses) },
      { key: 'topic', label: l.topic, input: 'text' },
      // A hypothesis may be about « tous publics »: free text, never flagged.
      { key: 'public', label: l.public, input: 'text' },
      // Observations, indicators and themes on any board (links/CardLinksField.tsx).
      { key: 'evidenceIds', label: l.evidenceIds, input: 'links' },
    ],
    indicator: [
      { key: 'label', label: l.label, input: 'text' },
      { key: 'value', label: l.value, input: 'number' },
      { key: 'unit', label: l.unit, input: 'text' },
      { key: 'territory', label: l.territory, input: 'text' },
      { key: 'year', label: l.year, input: 'number' },
      { key: 'source', label: l.source, input: 'text' },
    ],
    theme: [{ key: 'label', label: l.themeLabel, input: 'text' }],
    recommendation: [
      { key: 'title', label: l.title, input: 'text' },
      { key: 'description', label: l.description, input: 'textarea' },
      { key: 'leadOrganisation', label: l.leadOrganisation, input: 'text' },
      { key: 'priority', label: l.priority, input: 'select', options: options(t.priorities) },
      { key: 'hypothesisIds', label: l.hypothesisIds, input: 'links' },
    ],
  };
}

/** Every kind's fields with labels in each language (built once: the panel re-renders often). */
export const cardFieldsByLanguage: Readonly<
  Record<CardLabelLanguage, Record<CardKind, FieldSpec[]>>
> = {
  fr: buildFields(fieldLabels.fr, cardLabelsByLanguage.fr),
  en: buildFields(fieldLabels.en, cardLabelsByLanguage.en),
};

/** The French fields, as before languages existed. */
export const cardFields = cardFieldsByLanguage.fr;

/** Turns what an input holds into the prop value the schema expects (numbers may be empty). */
export function parseFieldValue(spec: FieldSpec, raw: string): string | number | null {
  if (spec.input !== 'number') return raw;
  const trimmed = raw.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
