import {
  hypothesisStatusDisplay,
  observationSourceLabels,
  recommendationPriorityDisplay,
  type CardKind,
} from '@boussole/shared';

/** How the side panel edits one card property; the zod schema still validates what is saved. */
export type FieldSpec =
  | { key: string; label: string; input: 'text' | 'textarea' | 'date' }
  | { key: string; label: string; input: 'number' }
  | { key: string; label: string; input: 'select'; options: { value: string; label: string }[] }
  | { key: string; label: string; input: 'hypotheses' };

const options = (labels: Readonly<Record<string, string | { label: string }>>) =>
  Object.entries(labels).map(([value, label]) => ({
    value,
    label: typeof label === 'string' ? label : label.label,
  }));

export const cardFields: Record<CardKind, FieldSpec[]> = {
  observation: [
    { key: 'verbatim', label: 'Verbatim', input: 'textarea' },
    { key: 'source', label: 'Source', input: 'select', options: options(observationSourceLabels) },
    { key: 'public', label: 'Public', input: 'text' },
    { key: 'commune', label: 'Commune', input: 'text' },
    { key: 'date', label: 'Date', input: 'date' },
  ],
  hypothesis: [
    { key: 'statement', label: 'Énoncé', input: 'textarea' },
    { key: 'status', label: 'Statut', input: 'select', options: options(hypothesisStatusDisplay) },
    { key: 'topic', label: 'Thématique', input: 'text' },
    { key: 'public', label: 'Public', input: 'text' },
  ],
  indicator: [
    { key: 'label', label: 'Indicateur', input: 'text' },
    { key: 'value', label: 'Valeur', input: 'number' },
    { key: 'unit', label: 'Unité', input: 'text' },
    { key: 'territory', label: 'Territoire', input: 'text' },
    { key: 'year', label: 'Année', input: 'number' },
    { key: 'source', label: 'Source', input: 'text' },
  ],
  theme: [{ key: 'label', label: 'Nom du thème', input: 'text' }],
  recommendation: [
    { key: 'title', label: 'Titre', input: 'text' },
    { key: 'description', label: 'Description', input: 'textarea' },
    { key: 'leadOrganisation', label: 'Porteur', input: 'text' },
    {
      key: 'priority',
      label: 'Priorité',
      input: 'select',
      options: options(recommendationPriorityDisplay),
    },
    { key: 'hypothesisIds', label: 'Hypothèses liées', input: 'hypotheses' },
  ],
};

/** Turns what an input holds into the prop value the schema expects (numbers may be empty). */
export function parseFieldValue(spec: FieldSpec, raw: string): string | number | null {
  if (spec.input !== 'number') return raw;
  const trimmed = raw.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
