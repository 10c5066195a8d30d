import { hypothesisStatusDisplay, recommendationPriorityDisplay } from '../board/cardLabels.js';
import { hypothesisStatuses, recommendationPriorities } from '../board/cards.js';
import type { PmMark, PmNode } from './prosemirrorJson.js';

/**
 * A live excerpt of the workspace's boards inside the report: the préconisations, the
 * hypotheses with their status, or the themes with their observation counts and first
 * verbatims. The report holds the excerpt as ordinary text (so every export has it) inside a
 * `boardExcerpt` node whose `fingerprint` says what the boards held when it was inserted; the
 * editor compares it with the boards as they are now to tell the drafters it is out of date.
 */
export const excerptSources = ['recommendations', 'hypotheses', 'themes'] as const;
export type ExcerptSource = (typeof excerptSources)[number];

export const excerptSourceLabels: Record<ExcerptSource, { fr: string; en: string }> = {
  recommendations: { fr: 'Préconisations', en: 'Recommendations' },
  hypotheses: { fr: 'Hypothèses de travail', en: 'Working hypotheses' },
  themes: { fr: 'Thèmes de l’enquête de terrain', en: 'Field survey themes' },
};

/** One board as plain records (shared/src/board/yRecordCodec readBoardRecords). */
export interface BoardContent {
  id: string;
  title: string;
  records: Record<string, Record<string, unknown>>;
}

export interface Excerpt {
  /** Block nodes: a list, or a paragraph saying the boards hold nothing of this kind yet. */
  content: PmNode[];
  fingerprint: string;
  count: number;
}

/** How many verbatims of each theme the excerpt quotes. */
const VERBATIMS_PER_THEME = 2;

type Props = Record<string, unknown>;
interface Card {
  board: BoardContent;
  id: string;
  props: Props;
  index: string;
  parentId: unknown;
  y: number;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const text = (value: string, marks?: PmMark[]): PmNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: PmNode[]): PmNode => ({
  type: 'paragraph',
  content: content.filter((n) => n.text !== ''),
});
const item = (...blocks: PmNode[]): PmNode => ({ type: 'listItem', content: blocks });

function cardsOf(boards: BoardContent[], type: string): Card[] {
  const cards: Card[] = [];
  for (const board of boards) {
    for (const [id, record] of Object.entries(board.records)) {
      if (record.typeName !== 'shape' || record.type !== type) continue;
      cards.push({
        board,
        id,
        props: (record.props ?? {}) as Props,
        index: str(record.index),
        parentId: record.parentId,
        y: typeof record.y === 'number' ? record.y : 0,
      });
    }
  }
  return cards;
}

/** A card's title, linked back to the card on its board. */
function linkedTitle(card: Card, title: string, cardUrl: CardUrl): PmNode {
  return text(title || '(sans titre)', [
    { type: 'bold' },
    { type: 'link', attrs: { href: cardUrl(card.board.id, card.id) } },
  ]);
}

type CardUrl = (boardId: string, shapeId: string) => string;

function recommendations(boards: BoardContent[], cardUrl: CardUrl): PmNode[] {
  const rank = (p: unknown) => {
    const i = recommendationPriorities.indexOf(p as (typeof recommendationPriorities)[number]);
    return i < 0 ? recommendationPriorities.length : i;
  };
  return cardsOf(boards, 'recommendation')
    .sort(
      (a, b) =>
        rank(a.props.priority) - rank(b.props.priority) ||
        str(a.props.title).localeCompare(str(b.props.title), 'fr'),
    )
    .map((card) => {
      const priority =
        recommendationPriorityDisplay[
          card.props.priority as keyof typeof recommendationPriorityDisplay
        ]?.label ?? '';
      const details = [
        priority && `priorité ${priority.toLowerCase()}`,
        str(card.props.leadOrganisation) && `porteur : ${str(card.props.leadOrganisation)}`,
      ].filter(Boolean);
      const description = str(card.props.description);
      return item(
        paragraph(
          linkedTitle(card, str(card.props.title), cardUrl),
          text(details.length > 0 ? ` (${details.join(' ; ')})` : ''),
          text(description ? ` — ${description}` : ''),
        ),
      );
    });
}

function hypotheses(boards: BoardContent[], cardUrl: CardUrl): PmNode[] {
  const rank = (s: unknown) => {
    const i = hypothesisStatuses.indexOf(s as (typeof hypothesisStatuses)[number]);
    return i < 0 ? hypothesisStatuses.length : i;
  };
  return cardsOf(boards, 'hypothesis')
    .sort((a, b) => a.y - b.y || rank(a.props.status) - rank(b.props.status))
    .map((card) => {
      const status =
        hypothesisStatusDisplay[card.props.status as keyof typeof hypothesisStatusDisplay]?.label ??
        '';
      return item(
        paragraph(
          linkedTitle(card, str(card.props.statement), cardUrl),
          text(status ? ` — ${status.toLowerCase()}` : ''),
        ),
      );
    });
}

function themes(boards: BoardContent[], cardUrl: CardUrl): PmNode[] {
  const observations = cardsOf(boards, 'observation');
  return cardsOf(boards, 'theme')
    .sort((a, b) => str(a.props.label).localeCompare(str(b.props.label), 'fr'))
    .map((theme) => {
      const inside = observations
        .filter((o) => o.board === theme.board && o.parentId === theme.id)
        .sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
      const count = `${inside.length} observation${inside.length > 1 ? 's' : ''}`;
      const blocks = [
        paragraph(linkedTitle(theme, str(theme.props.label), cardUrl), text(` — ${count}`)),
      ];
      const quotes = inside
        .slice(0, VERBATIMS_PER_THEME)
        .map((o) => item(paragraph(text(`« ${str(o.props.verbatim)} »`, [{ type: 'italic' }]))));
      if (quotes.length > 0) blocks.push({ type: 'bulletList', content: quotes });
      return item(...blocks);
    });
}

/** A short, stable digest of the excerpt's content (FNV-1a, hex): equal content, equal print. */
function fingerprintOf(value: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(value)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function buildExcerpt(
  source: ExcerptSource,
  boards: BoardContent[],
  cardUrl: CardUrl,
): Excerpt {
  const build = (url: CardUrl): PmNode[] =>
    source === 'recommendations'
      ? recommendations(boards, url)
      : source === 'hypotheses'
        ? hypotheses(boards, url)
        : themes(boards, url);
  const items = build(cardUrl);
  const content: PmNode[] =
    items.length > 0
      ? [{ type: 'bulletList', content: items }]
      : [paragraph(text(`Aucune fiche « ${excerptSourceLabels[source].fr} » sur les tableaux.`))];
  // The print ignores where the server is reached from (localhost, a public name…): two
  // people on different addresses see the same excerpt as up to date.
  const canonical = build((boardId, shapeId) => `${boardId}#${shapeId}`);
  return { content, fingerprint: fingerprintOf(canonical), count: items.length };
}
