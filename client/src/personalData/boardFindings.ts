import type { TLRecord, TLShape } from 'tldraw';
import {
  Pseudonymiser,
  cardPropsSchemas,
  findPersonalData,
  isCardKind,
  type CardKind,
  type FindingDecision,
} from '@boussole/shared';
import type { Language } from '../i18n/messages.js';
import type { ReviewFinding } from './FindingsReview.js';
import { cardWords, translate } from './personalDataStrings.js';
import {
  CONTEXT_CHARS,
  decisionOf,
  replacementOf,
  type DefaultDecision,
} from './reviewDecisions.js';

/**
 * The board check (issue #13): the same detector as imports, run on the text of a board's
 * cards, and the reviewed replacements turned into card updates. Pure: the panel reads the
 * records from the editor and writes the updates back through it.
 */

/** The free-text fields worth checking, per card kind (labels, porteurs and lists are not). */
export const checkedFields: Partial<Record<CardKind, readonly string[]>> = {
  observation: ['verbatim'],
  hypothesis: ['statement'],
  recommendation: ['title', 'description'],
};

/** A finding on the board: where it is exactly, so that it can be written back. */
export interface BoardFinding extends ReviewFinding {
  shapeId: TLShape['id'];
  shapeType: CardKind;
  field: string;
  start: number;
  end: number;
}

export interface BoardCheckOptions {
  /** The workspace's communes: never taken for people or addresses. */
  places?: readonly string[];
  /** The language of `where` (« Observation 3 »). */
  language?: Language;
}

type CardShape = TLShape & { type: CardKind; props: Record<string, unknown> };

function isCheckedCard(record: TLRecord): record is CardShape {
  return record.typeName === 'shape' && isCardKind(record.type) && record.type in checkedFields;
}

/** A shape's position on the page (cards inside a theme are placed relative to it). */
function pagePosition(
  shape: TLShape,
  shapes: ReadonlyMap<string, TLShape>,
): { x: number; y: number } {
  let { x, y } = shape;
  const seen = new Set<string>([shape.id]);
  for (let parent = shapes.get(shape.parentId); parent; parent = shapes.get(parent.parentId)) {
    if (seen.has(parent.id)) break;
    seen.add(parent.id);
    x += parent.x;
    y += parent.y;
  }
  return { x, y };
}

/** The checked cards in reading order (top to bottom, then left to right). */
function cardsInReadingOrder(records: readonly TLRecord[]): CardShape[] {
  const shapes = new Map<string, TLShape>();
  for (const r of records) if (r.typeName === 'shape') shapes.set(r.id, r);
  return records
    .filter(isCheckedCard)
    .map((card) => ({ card, at: pagePosition(card, shapes) }))
    .sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x || a.card.id.localeCompare(b.card.id))
    .map(({ card }) => card);
}

export function findingId(shapeId: string, field: string, start: number): string {
  return `${shapeId}|${field}|${start}`;
}

/**
 * Every piece of personal data in the board's cards, in reading order, with replacements
 * proposed by one Pseudonymiser for the whole board (the same person gets the same letter on
 * every card). Ids are stable for a card, a field and an offset.
 */
export function findBoardPersonalData(
  records: readonly TLRecord[],
  options: BoardCheckOptions = {},
): BoardFinding[] {
  const language = options.language ?? 'fr';
  const t = translate(language);
  const words = cardWords[language];
  const detector = options.places ? { places: options.places } : {};
  const pseudonymiser = new Pseudonymiser();
  const numbers = new Map<CardKind, number>();
  const findings: BoardFinding[] = [];
  for (const card of cardsInReadingOrder(records)) {
    const n = (numbers.get(card.type) ?? 0) + 1;
    numbers.set(card.type, n);
    const fields = checkedFields[card.type] ?? [];
    for (const field of fields) {
      const text = card.props[field];
      if (typeof text !== 'string' || text === '') continue;
      const where =
        fields.length > 1
          ? t('where.field', {
              card: words.kinds[card.type],
              n,
              field: words.fields[field] ?? field,
            })
          : t('where.card', { card: words.kinds[card.type], n });
      for (const match of findPersonalData(text, detector)) {
        findings.push({
          id: findingId(card.id, field, match.start),
          kind: match.kind,
          text: match.text,
          replacement: pseudonymiser.replacementFor(match),
          before: text.slice(Math.max(0, match.start - CONTEXT_CHARS), match.start),
          after: text.slice(match.end, match.end + CONTEXT_CHARS),
          where,
          shapeId: card.id,
          shapeType: card.type,
          field,
          start: match.start,
          end: match.end,
        });
      }
    }
  }
  return findings;
}

/** Props changes of one card, as `editor.updateShapes` takes them. */
export interface CardTextUpdate {
  id: TLShape['id'];
  type: CardKind;
  props: Record<string, string>;
}

export interface BoardDecisionsResult {
  updates: CardTextUpdate[];
  /** Findings whose text was replaced. */
  replaced: number;
  /**
   * Findings that could not be replaced: their card was deleted or its text changed since the
   * check (someone edited it meanwhile), or the new text would not be a valid card.
   */
  skipped: number;
}

/**
 * The reviewed replacements as card updates, computed on the board's current records. Within a
 * field, replacements are applied from the end of the text so that earlier offsets stay valid.
 */
export function applyBoardDecisions(
  records: readonly TLRecord[],
  findings: readonly BoardFinding[],
  decisions: Record<string, FindingDecision>,
  defaultDecision: DefaultDecision,
): BoardDecisionsResult {
  const cards = new Map<string, CardShape>();
  for (const r of records) if (isCheckedCard(r)) cards.set(r.id, r);

  // Accepted and edited findings, per card and field.
  const perCard = new Map<string, Map<string, { finding: BoardFinding; replacement: string }[]>>();
  for (const finding of findings) {
    const replacement = replacementOf(finding, decisionOf(finding.id, decisions, defaultDecision));
    if (replacement === null) continue;
    const fields = perCard.get(finding.shapeId) ?? new Map();
    perCard.set(finding.shapeId, fields);
    const list = fields.get(finding.field) ?? [];
    fields.set(finding.field, list);
    list.push({ finding, replacement });
  }

  const updates: CardTextUpdate[] = [];
  let replaced = 0;
  let skipped = 0;
  for (const [shapeId, fields] of perCard) {
    const card = cards.get(shapeId);
    const wanted = [...fields.values()].reduce((sum, list) => sum + list.length, 0);
    if (!card) {
      skipped += wanted;
      continue;
    }
    const props: Record<string, string> = {};
    let count = 0;
    for (const [field, list] of fields) {
      const original = card.props[field];
      if (typeof original !== 'string') continue;
      let text = original;
      const fromTheEnd = [...list].sort((a, b) => b.finding.start - a.finding.start);
      for (const { finding, replacement } of fromTheEnd) {
        if (text.slice(finding.start, finding.end) !== finding.text) continue;
        text = text.slice(0, finding.start) + replacement + text.slice(finding.end);
        count += 1;
      }
      if (text !== original) props[field] = text;
    }
    if (!cardPropsSchemas[card.type].safeParse({ ...card.props, ...props }).success) {
      skipped += wanted;
      continue;
    }
    skipped += wanted - count;
    replaced += count;
    if (Object.keys(props).length > 0) updates.push({ id: card.id, type: card.type, props });
  }
  return { updates, replaced, skipped };
}
