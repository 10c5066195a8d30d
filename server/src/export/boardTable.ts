import {
  cardKindLabels,
  cardKinds,
  cardLinkLabel,
  cardLinksOf,
  cardVotesOf,
  parseCardRef,
  hypothesisStatusDisplay,
  isCardKind,
  observationSourceLabels,
  recommendationPriorityDisplay,
  type CardKind,
} from '@boussole/shared';

/**
 * A board's cards as a table, one row per card, for the CSV and XLSX exports (boardCsv.ts,
 * boardXlsx.ts). Pure: it reads the board's records (readBoardRecords) and nothing else.
 * Every kind's fields share one set of columns, so a spreadsheet can filter and sort the
 * whole board at once; a field a kind does not have stays empty.
 */

export type CellValue = string | number | null;

/** How a writer should store a column: numbers as numbers, `yyyy-mm-dd` days as dates. */
export type ColumnType = 'text' | 'number' | 'date';

export interface BoardColumn {
  key: ColumnKey;
  header: string;
  type: ColumnType;
  /** Width in characters, for spreadsheets. */
  width: number;
  /** Long text: wrapped in spreadsheets rather than cut at the cell's edge. */
  wrap?: boolean;
}

export const boardColumns = [
  { key: 'kind', header: 'Type', type: 'text', width: 14 },
  { key: 'theme', header: 'Thème', type: 'text', width: 28, wrap: true },
  { key: 'verbatim', header: 'Verbatim', type: 'text', width: 60, wrap: true },
  { key: 'source', header: 'Source', type: 'text', width: 15 },
  { key: 'public', header: 'Public', type: 'text', width: 20 },
  { key: 'commune', header: 'Commune', type: 'text', width: 20 },
  { key: 'date', header: 'Date', type: 'date', width: 12 },
  { key: 'statement', header: 'Énoncé', type: 'text', width: 50, wrap: true },
  { key: 'topic', header: 'Sujet', type: 'text', width: 18 },
  { key: 'status', header: 'Statut', type: 'text', width: 12 },
  { key: 'label', header: 'Libellé', type: 'text', width: 30, wrap: true },
  { key: 'value', header: 'Valeur', type: 'number', width: 10 },
  { key: 'unit', header: 'Unité', type: 'text', width: 10 },
  { key: 'territory', header: 'Territoire', type: 'text', width: 20 },
  { key: 'year', header: 'Année', type: 'number', width: 8 },
  { key: 'indicatorSource', header: 'Source de l’indicateur', type: 'text', width: 24 },
  { key: 'title', header: 'Titre', type: 'text', width: 30, wrap: true },
  { key: 'description', header: 'Description', type: 'text', width: 50, wrap: true },
  { key: 'leadOrganisation', header: 'Porteur', type: 'text', width: 24 },
  { key: 'priority', header: 'Priorité', type: 'text', width: 10 },
  { key: 'linkedCards', header: 'Cartes liées', type: 'text', width: 50, wrap: true },
  { key: 'observationCount', header: 'Nombre d’observations', type: 'number', width: 12 },
  { key: 'votes', header: 'Gommettes', type: 'number', width: 11 },
  { key: 'voteRank', header: 'Rang au vote', type: 'number', width: 11 },
  { key: 'id', header: 'Identifiant', type: 'text', width: 24 },
] as const satisfies readonly (Omit<BoardColumn, 'key'> & { key: string })[];

export type ColumnKey = (typeof boardColumns)[number]['key'];
export type BoardRow = Record<ColumnKey, CellValue>;

/** What a link to a card that no longer exists (or to a board out of reach) shows. */
export const deletedCardLabel = '(carte supprimée)';
/** How much of a linked hypothesis's statement the "Cartes liées" cell quotes. */
export const linkedStatementLength = 80;

/**
 * Cards of other boards a board's links point to, by qualified ref (`<boardId>/shape:X`), as the
 * route resolved them (links/WorkspaceCards.ts): their label, and their board's title.
 */
export type LinkedCardLabels = ReadonlyMap<string, { label: string; boardTitle: string }>;

type BoardRecords = Readonly<Record<string, Record<string, unknown>>>;
type Props = Record<string, unknown>;

function propsOf(record: Record<string, unknown> | undefined): Props {
  const props = record?.props;
  return typeof props === 'object' && props !== null ? (props as Props) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The French word of an enum value; an unknown value (an older board) is shown as stored. */
function labelOf(labels: Readonly<Record<string, string>>, value: unknown): string {
  const key = text(value);
  return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
}

const statusLabels = Object.fromEntries(
  Object.entries(hypothesisStatusDisplay).map(([key, { label }]) => [key, label]),
);
const priorityLabels = Object.fromEntries(
  Object.entries(recommendationPriorityDisplay).map(([key, { label }]) => [key, label]),
);

/** The first `length` characters (not UTF-16 units), with an ellipsis when something was cut. */
function truncate(value: string, length: number): string {
  const characters = Array.from(value);
  return characters.length <= length ? value : `${characters.slice(0, length).join('')}…`;
}

function cardKindOf(record: Record<string, unknown> | undefined): CardKind | undefined {
  if (record?.typeName !== 'shape' || typeof record.type !== 'string') return undefined;
  return isCardKind(record.type) ? record.type : undefined;
}

/**
 * The shapes above `id`, nearest first. Stops at a page, a missing parent or a loop (the server
 * refuses cycles, but a board stored before that rule may still hold one).
 */
function ancestorsOf(records: BoardRecords, id: string): Record<string, unknown>[] {
  const ancestors: Record<string, unknown>[] = [];
  const seen = new Set([id]);
  let parentId = records[id]?.parentId;
  while (typeof parentId === 'string' && !seen.has(parentId)) {
    const parent = records[parentId];
    if (parent?.typeName !== 'shape') break;
    seen.add(parentId);
    ancestors.push(parent);
    parentId = parent.parentId;
  }
  return ancestors;
}

/**
 * Where a card sits on the page: tldraw stores x and y relative to the parent, so a card in a
 * theme adds the theme's position. Rotations are ignored: the order only needs to read as the
 * board reads, top to bottom, left to right.
 */
function pagePosition(records: BoardRecords, id: string): { x: number; y: number } {
  let x = numberOrNull(records[id]?.x) ?? 0;
  let y = numberOrNull(records[id]?.y) ?? 0;
  for (const ancestor of ancestorsOf(records, id)) {
    x += numberOrNull(ancestor.x) ?? 0;
    y += numberOrNull(ancestor.y) ?? 0;
  }
  return { x, y };
}

/** The nearest theme a card sits in, through groups, frames or sub-themes' parents alike. */
function themeOf(records: BoardRecords, id: string): Record<string, unknown> | undefined {
  return ancestorsOf(records, id).find((ancestor) => cardKindOf(ancestor) === 'theme');
}

function themeName(theme: Record<string, unknown>): string {
  return text(propsOf(theme).label) || 'Thème sans titre';
}

/**
 * The "Cartes liées" cell: each link of a préconisation (its hypotheses) or of a hypothesis (its
 * evidence), same board or another, named by its card's text; a deleted card says so.
 */
function linkedCards(
  records: BoardRecords,
  kind: CardKind,
  props: Props,
  elsewhere: LinkedCardLabels,
): string {
  return cardLinksOf(kind, props)
    .map((ref) => {
      const parsed = parseCardRef(ref);
      if (!parsed) return deletedCardLabel;
      if (parsed.boardId !== null) {
        const other = elsewhere.get(ref);
        return other ? `${other.label} (tableau ${other.boardTitle})` : deletedCardLabel;
      }
      const record = records[parsed.cardId];
      const linkedKind = cardKindOf(record);
      if (!linkedKind) return deletedCardLabel;
      const label = cardLinkLabel(linkedKind, propsOf(record));
      return label
        ? truncate(label, linkedStatementLength)
        : `${cardKindLabels[linkedKind]} sans texte`;
    })
    .join(' | ');
}

function emptyRow(): BoardRow {
  return Object.fromEntries(boardColumns.map(({ key }) => [key, null])) as BoardRow;
}

/** The fields only `kind` has, in the row's columns. */
function kindFields(
  kind: CardKind,
  props: Props,
  records: BoardRecords,
  observationCount: number,
  elsewhere: LinkedCardLabels,
): Partial<BoardRow> {
  switch (kind) {
    case 'observation':
      return {
        verbatim: text(props.verbatim),
        source: labelOf(observationSourceLabels, props.source),
        public: text(props.public),
        commune: text(props.commune),
        date: text(props.date),
      };
    case 'hypothesis':
      return {
        statement: text(props.statement),
        topic: text(props.topic),
        public: text(props.public),
        status: labelOf(statusLabels, props.status),
        linkedCards: linkedCards(records, kind, props, elsewhere) || null,
      };
    case 'indicator':
      return {
        label: text(props.label),
        value: numberOrNull(props.value),
        unit: text(props.unit),
        territory: text(props.territory),
        year: numberOrNull(props.year),
        indicatorSource: text(props.source),
      };
    case 'theme':
      return { label: text(props.label), observationCount };
    case 'recommendation':
      return {
        title: text(props.title),
        description: text(props.description),
        leadOrganisation: text(props.leadOrganisation),
        priority: labelOf(priorityLabels, props.priority),
        linkedCards: linkedCards(records, kind, props, elsewhere),
      };
  }
}

/**
 * One row per card of the board, sorted by kind (observations first, in the toolbar's order),
 * then top to bottom and left to right on the page. A theme counts the observations whose
 * nearest theme it is, the same membership its "Thème" column gives them. Links to other
 * boards are named from `elsewhere`; without it they read as deleted.
 */
export function boardTable(
  records: BoardRecords,
  elsewhere: LinkedCardLabels = new Map(),
): BoardRow[] {
  const cards: { id: string; kind: CardKind; x: number; y: number }[] = [];
  const themeIds = new Map<string, string | undefined>();
  const observationCounts = new Map<string, number>();
  for (const [id, record] of Object.entries(records)) {
    const kind = cardKindOf(record);
    if (!kind) continue;
    cards.push({ id, kind, ...pagePosition(records, id) });
    const theme = themeOf(records, id);
    const themeId = typeof theme?.id === 'string' ? theme.id : undefined;
    themeIds.set(id, themeId);
    if (kind === 'observation' && themeId) {
      observationCounts.set(themeId, (observationCounts.get(themeId) ?? 0) + 1);
    }
  }
  const kindOrder = (kind: CardKind) => cardKinds.indexOf(kind);
  cards.sort(
    (a, b) =>
      kindOrder(a.kind) - kindOrder(b.kind) ||
      a.y - b.y ||
      a.x - b.x ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return cards.map(({ id, kind }) => {
    const themeId = themeIds.get(id);
    const theme = themeId ? records[themeId] : undefined;
    return {
      ...emptyRow(),
      kind: cardKindLabels[kind],
      theme: theme ? themeName(theme) : null,
      ...kindFields(kind, propsOf(records[id]), records, observationCounts.get(id) ?? 0, elsewhere),
      // The count and rank of the last closed dot-vote, which the server wrote (votes/).
      votes: cardVotesOf(records[id])?.dots ?? null,
      voteRank: cardVotesOf(records[id])?.rank ?? null,
      id,
    };
  });
}
