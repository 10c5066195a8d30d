import { z } from 'zod';
import type { CardKind } from './cards.js';

/**
 * Links between cards, across the boards of a workspace. A link is stored as a string in the
 * linking card's props (a list, such as a recommendation's `hypothesisIds`):
 *
 * - `shape:H1` — a card on the same board (every link made before links crossed boards);
 * - `<boardId>/shape:H1` — a card on another board of the workspace.
 *
 * A string rather than an object keeps the boards stored before cross-board links valid as they
 * are (no migration of their values), and compares and deduplicates with `===`. Document ids
 * never contain "/", so the split is unambiguous.
 */

/** Longest list of links one card may hold: a hostile client cannot bloat a board with links. */
export const maxCardLinks = 100;

const boardIdPart = '[A-Za-z0-9][A-Za-z0-9_-]{0,127}';
const cardIdPart = 'shape:[A-Za-z0-9_-]{1,128}';
const cardRefPattern = new RegExp(`^(?:(${boardIdPart})/)?(${cardIdPart})$`);

/** One link: a card id on the same board, or `<boardId>/<card id>` on another board. */
export const cardRefSchema = z
  .string({ error: 'card id: expected text' })
  .regex(
    cardRefPattern,
    'card id: expected "shape:" followed by 1–128 letters, digits, "-" or "_", after "<board id>/" for a card of another board',
  );

/** A card's list of links: at most `maxCardLinks`, each card once. */
export function cardRefListSchema(field: string, what: { one: string; many: string }) {
  return z
    .array(cardRefSchema, { error: `${field}: expected a list of card ids` })
    .max(maxCardLinks, `${field}: at most ${maxCardLinks} linked ${what.many}`)
    .refine((refs) => new Set(refs).size === refs.length, {
      error: `${field}: each ${what.one} may be linked only once`,
    });
}

/** A link read: on which board (null: the linking card's own board) and which card. */
export interface CardRef {
  boardId: string | null;
  cardId: string;
}

/** The parts of a stored link, or undefined for a malformed one. */
export function parseCardRef(ref: string): CardRef | undefined {
  const match = cardRefPattern.exec(ref);
  if (!match) return undefined;
  return { boardId: match[1] ?? null, cardId: match[2] as string };
}

/**
 * The link to write on a card of `fromBoardId` for the card `cardId` of `toBoardId`: the short
 * same-board form when both are one board, so a board's own links survive it being copied.
 */
export function formatCardRef(fromBoardId: string, toBoardId: string, cardId: string): string {
  return fromBoardId === toBoardId ? cardId : `${toBoardId}/${cardId}`;
}

/** Where a stored link points, seen from the board that holds it; undefined when malformed. */
export function resolveCardRef(
  ref: string,
  fromBoardId: string,
): { boardId: string; cardId: string } | undefined {
  const parsed = parseCardRef(ref);
  if (!parsed) return undefined;
  return { boardId: parsed.boardId ?? fromBoardId, cardId: parsed.cardId };
}

/** The fully qualified form `<boardId>/<card id>` of a link held on `fromBoardId`. */
export function qualifiedCardRef(ref: string, fromBoardId: string): string | undefined {
  const target = resolveCardRef(ref, fromBoardId);
  return target ? `${target.boardId}/${target.cardId}` : undefined;
}

/** The card fields that hold links, and which kinds of card each may link to. */
export const cardLinkFields = {
  recommendation: { field: 'hypothesisIds', kinds: ['hypothesis'] },
  hypothesis: { field: 'evidenceIds', kinds: ['observation', 'indicator', 'theme'] },
} as const satisfies Partial<Record<CardKind, { field: string; kinds: readonly CardKind[] }>>;

export type LinkingCardKind = keyof typeof cardLinkFields;

export function isLinkingCardKind(kind: string): kind is LinkingCardKind {
  return Object.hasOwn(cardLinkFields, kind);
}

/** The links a card's props hold (empty for a kind without links or a malformed value). */
export function cardLinksOf(kind: string, props: Record<string, unknown>): string[] {
  if (!isLinkingCardKind(kind)) return [];
  const value = props[cardLinkFields[kind].field];
  return Array.isArray(value) ? value.filter((ref): ref is string => typeof ref === 'string') : [];
}

/** How many characters of a card's text name it in a chip, a search result or an export. */
export const cardLabelLength = 80;

function squeezed(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/** The first `length` characters (not UTF-16 units), with an ellipsis when something was cut. */
export function truncateLabel(value: string, length = cardLabelLength): string {
  const characters = Array.from(value);
  return characters.length <= length ? value : `${characters.slice(0, length).join('')}…`;
}

/** The text that names a card of `kind` (its statement, verbatim, label or title), shortened. */
export function cardLinkLabel(kind: CardKind, props: Record<string, unknown>): string {
  const main = {
    observation: props.verbatim,
    hypothesis: props.statement,
    indicator: props.label,
    theme: props.label,
    recommendation: props.title,
  }[kind];
  return truncateLabel(squeezed(main));
}
