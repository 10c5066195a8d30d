import { isCardKind, type VoteTarget } from '@boussole/shared';

/**
 * The cards a vote is on, resolved by the server from the board as it is (never trusted from the
 * client as they are): a selection keeps only the board's cards, a kind takes every card of that
 * kind, a theme every card it holds (at any depth), in the board's reading order (top to bottom,
 * then left to right), so results tie-break the way people read the board.
 */

type BoardRecords = Readonly<Record<string, Record<string, unknown>>>;

export const MAX_VOTE_CARDS = 2_000;

export type ResolvedCards =
  | { ok: true; cardIds: string[] }
  | { ok: false; error: 'no-cards' | 'theme-not-found' | 'too-many-cards'; message: string };

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

function isCard(record: Record<string, unknown> | undefined): boolean {
  return record?.typeName === 'shape' && typeof record.type === 'string' && isCardKind(record.type);
}

/** Whether `ancestorId` is above `id` in the shape tree (loops and missing parents stop it). */
function isInside(records: BoardRecords, id: string, ancestorId: string): boolean {
  const seen = new Set([id]);
  let parentId = records[id]?.parentId;
  while (typeof parentId === 'string' && !seen.has(parentId)) {
    if (parentId === ancestorId) return true;
    seen.add(parentId);
    parentId = records[parentId]?.parentId;
  }
  return false;
}

/** Page position of a shape: the sum of its ancestors' offsets (rotation ignored). */
function pagePosition(records: BoardRecords, id: string): { x: number; y: number } {
  let x = 0;
  let y = 0;
  const seen = new Set<string>();
  let current: string | undefined = id;
  while (current && !seen.has(current)) {
    const record: Record<string, unknown> | undefined = records[current];
    if (record?.typeName !== 'shape') break;
    seen.add(current);
    x += num(record.x);
    y += num(record.y);
    current = typeof record.parentId === 'string' ? record.parentId : undefined;
  }
  return { x, y };
}

function inReadingOrder(records: BoardRecords, ids: string[]): string[] {
  const at = new Map(ids.map((id) => [id, pagePosition(records, id)]));
  return [...ids].sort((a, b) => {
    const pa = at.get(a) ?? { x: 0, y: 0 };
    const pb = at.get(b) ?? { x: 0, y: 0 };
    return pa.y - pb.y || pa.x - pb.x || (a < b ? -1 : a > b ? 1 : 0);
  });
}

export function resolveVoteCards(records: BoardRecords, target: VoteTarget): ResolvedCards {
  let ids: string[];
  if ('cardIds' in target) {
    ids = [...new Set(target.cardIds)].filter((id) => isCard(records[id]));
  } else if ('kind' in target) {
    ids = Object.keys(records).filter(
      (id) => records[id]?.type === target.kind && isCard(records[id]),
    );
  } else {
    const theme = records[target.themeId];
    if (theme?.typeName !== 'shape' || theme.type !== 'theme') {
      return { ok: false, error: 'theme-not-found', message: 'Ce thème n’est pas sur le tableau.' };
    }
    ids = Object.keys(records).filter(
      (id) => isCard(records[id]) && isInside(records, id, target.themeId),
    );
  }
  if (ids.length === 0) {
    return {
      ok: false,
      error: 'no-cards',
      message: 'Aucune carte du tableau ne correspond : choisissez des cartes pour ce vote.',
    };
  }
  if (ids.length > MAX_VOTE_CARDS) {
    return {
      ok: false,
      error: 'too-many-cards',
      message: `Un vote porte sur ${MAX_VOTE_CARDS} cartes au plus.`,
    };
  }
  return { ok: true, cardIds: inReadingOrder(records, ids) };
}
