import {
  hypothesisStatusDisplay,
  hypothesisStatuses,
  observationSourceLabels,
  observationSources,
  recommendationPriorityDisplay,
  type HypothesisStatus,
  type ObservationSource,
} from '@boussole/shared';
import { normaliseText } from './normaliseText.js';

/**
 * What the search knows of each card, computed once per board change: a card's searchable text
 * is folded once per version of its record (tldraw records are immutable, so a changed card is
 * a new object), and typing then only scans these precomputed strings.
 */

/** The cards a search finds, counts and dims. Themes hold cards; they are filters, not results. */
export const searchableKinds = [
  'observation',
  'hypothesis',
  'indicator',
  'recommendation',
] as const;
export type SearchableKind = (typeof searchableKinds)[number];

/** The part of a tldraw shape record the search reads. */
export interface BoardShapeRecord {
  readonly id: string;
  readonly type: string;
  readonly parentId: string;
  readonly props: object;
}

/** A card's own values, folded once for each version of its record. */
interface CardFields {
  kind: SearchableKind;
  /** Every text field of the card, normalised and joined by new lines. */
  text: string;
  source: ObservationSource | null;
  /** Normalised public and commune: the filters compare these, not the typed spelling. */
  publicKey: string;
  publicLabel: string;
  communeKey: string;
  communeLabel: string;
  /** `yyyy-mm-dd`, or '' when the card has no date. */
  date: string;
  status: HypothesisStatus | null;
}

export interface IndexedCard extends CardFields {
  id: string;
  /** The themes that hold the card, nearest first (a theme may sit in another theme). */
  themeIds: readonly string[];
}

export interface IndexedTheme {
  id: string;
  label: string;
}

export interface CardIndex {
  cards: readonly IndexedCard[];
  themes: readonly IndexedTheme[];
}

const fieldsByRecord = new WeakMap<BoardShapeRecord, CardFields>();

export function isSearchableKind(type: string): type is SearchableKind {
  return (searchableKinds as readonly string[]).includes(type);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return values.find((v) => v === value) ?? null;
}

/** `2026-04-02` also as `02/04/2026`, the way people write it in France. */
function frenchDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

function numberText(value: unknown): string {
  return typeof value === 'number' ? `${value} ${value.toLocaleString('fr-FR')}` : '';
}

/** The texts a person may look for on a card of `kind`, labels of its enums included. */
function searchableTexts(kind: SearchableKind, p: Record<string, unknown>): string[] {
  switch (kind) {
    case 'observation': {
      const source = oneOf(observationSources, p.source);
      return [
        str(p.verbatim),
        str(p.public),
        str(p.commune),
        source ?? '',
        source ? observationSourceLabels[source] : '',
        str(p.date),
        frenchDay(str(p.date)),
      ];
    }
    case 'hypothesis': {
      const status = oneOf(hypothesisStatuses, p.status);
      return [
        str(p.statement),
        str(p.topic),
        str(p.public),
        status ? hypothesisStatusDisplay[status].label : '',
      ];
    }
    case 'indicator':
      return [
        str(p.label),
        numberText(p.value),
        str(p.unit),
        str(p.territory),
        numberText(p.year),
        str(p.source),
      ];
    case 'recommendation': {
      const priority = str(p.priority) as keyof typeof recommendationPriorityDisplay;
      return [
        str(p.title),
        str(p.description),
        str(p.leadOrganisation),
        recommendationPriorityDisplay[priority]?.label ?? '',
      ];
    }
  }
}

function cardFields(record: BoardShapeRecord, kind: SearchableKind): CardFields {
  const cached = fieldsByRecord.get(record);
  if (cached) return cached;
  const p = record.props as Record<string, unknown>;
  const publicLabel = str(p.public).trim();
  const communeLabel = str(p.commune).trim();
  const fields: CardFields = {
    kind,
    text: searchableTexts(kind, p)
      .map(normaliseText)
      .filter((t) => t !== '')
      .join('\n'),
    source: kind === 'observation' ? oneOf(observationSources, p.source) : null,
    publicKey: normaliseText(publicLabel),
    publicLabel,
    communeKey: normaliseText(communeLabel),
    communeLabel,
    date: kind === 'observation' ? str(p.date) : '',
    status: kind === 'hypothesis' ? oneOf(hypothesisStatuses, p.status) : null,
  };
  fieldsByRecord.set(record, fields);
  return fields;
}

/** The board's cards and themes as the search reads them. */
export function buildCardIndex(shapes: Iterable<BoardShapeRecord>): CardIndex {
  const byId = new Map<string, BoardShapeRecord>();
  for (const shape of shapes) byId.set(shape.id, shape);

  // The themes above each parent, shared by all its children; the seen set guards against a
  // cycle in a board the server has not repaired yet.
  const themesAbove = new Map<string, readonly string[]>();
  const themesOf = (parentId: string, seen = new Set<string>()): readonly string[] => {
    const known = themesAbove.get(parentId);
    if (known) return known;
    const parent = byId.get(parentId);
    let result: readonly string[] = [];
    if (parent && !seen.has(parentId)) {
      seen.add(parentId);
      const above = themesOf(parent.parentId, seen);
      result = parent.type === 'theme' ? [parent.id, ...above] : above;
    }
    themesAbove.set(parentId, result);
    return result;
  };

  const cards: IndexedCard[] = [];
  const themes: IndexedTheme[] = [];
  for (const shape of byId.values()) {
    if (shape.type === 'theme') {
      themes.push({ id: shape.id, label: str((shape.props as { label?: unknown }).label).trim() });
    } else if (isSearchableKind(shape.type)) {
      cards.push({
        id: shape.id,
        ...cardFields(shape, shape.type),
        themeIds: themesOf(shape.parentId),
      });
    }
  }
  return { cards, themes };
}
