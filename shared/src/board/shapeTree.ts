/**
 * The structure of a board's records, beyond what each record's validator sees alone: every
 * shape hangs from a page through a chain of existing shapes (no cycle: tldraw walks parent
 * chains without a guard and freezes on one), bindings join existing shapes, and `index`
 * strings are canonical fractional indices. The server refuses updates that break these rules
 * (server/src/boards/BoardContentGuard.ts); the client repairs what an older board may hold
 * (client/src/board/shapeTreeRepair.ts). Both read records through a lookup, so neither needs
 * the whole board at hand.
 */

/** The fields of a record the tree rules read. */
export interface TreeRecord {
  readonly id?: unknown;
  readonly typeName?: unknown;
  readonly parentId?: unknown;
  readonly fromId?: unknown;
  readonly toId?: unknown;
  readonly index?: unknown;
}

export type TreeLookup = (id: string) => TreeRecord | undefined;

/** Where a shape's parent chain leads. */
export type ParentChain =
  /** To a page (or to a shape already known to reach one). */
  | { kind: 'page' }
  /** To a parent that does not exist (or is not a page or a shape): `from`'s parentId. */
  | { kind: 'missing'; from: string; parentId: unknown }
  /** Into a loop; `cycle` lists its members, in chain order. */
  | { kind: 'cycle'; cycle: string[] };

export function isShapeRecord(record: TreeRecord | undefined): boolean {
  return record?.typeName === 'shape';
}

export function isPageRecord(record: TreeRecord | undefined): boolean {
  return record?.typeName === 'page';
}

/**
 * Follows `start`'s parents up to a page. `reachesPage` holds shapes already known to hang from
 * a page: the walk stops there, and on success every shape it crossed is added, so that judging
 * many shapes of one subtree costs their number, not their number times the depth.
 * `start` must be a shape of `lookup`.
 */
export function followParentChain(
  start: string,
  lookup: TreeLookup,
  reachesPage?: Set<string>,
): ParentChain {
  const path: string[] = [];
  const position = new Map<string, number>();
  let current = start;
  for (;;) {
    if (reachesPage?.has(current)) break;
    position.set(current, path.length);
    path.push(current);
    const parentId = lookup(current)?.parentId;
    const parent = typeof parentId === 'string' ? lookup(parentId) : undefined;
    if (isPageRecord(parent)) break;
    if (typeof parentId !== 'string' || !isShapeRecord(parent))
      return { kind: 'missing', from: current, parentId };
    const seen = position.get(parentId);
    if (seen !== undefined) return { kind: 'cycle', cycle: path.slice(seen) };
    current = parentId;
  }
  if (reachesPage) for (const id of path) reachesPage.add(id);
  return { kind: 'page' };
}

/** Why binding `binding` may not stay as it is (a missing end), or undefined. */
export function bindingEndProblem(
  binding: TreeRecord,
  lookup: TreeLookup,
): { field: 'fromId' | 'toId'; id: unknown } | undefined {
  for (const field of ['fromId', 'toId'] as const) {
    const id = binding[field];
    if (typeof id !== 'string' || !isShapeRecord(lookup(id))) return { field, id };
  }
  return undefined;
}

/**
 * Longest index accepted. Each insertion between two neighbours adds a character or two, plus
 * about three of jitter: a thousand is far beyond any honest reordering.
 */
export const MAX_INDEX_LENGTH = 1000;

/** tldraw's base-62 digits, in ascending order. */
const indexPattern = /^[a-zA-Z][0-9A-Za-z]*$/;

/**
 * Why `index` is no canonical tldraw fractional index, or undefined. tldraw's own validator
 * (validateIndexKey) checks the integer part's length and the trailing zero but not the
 * digits: `a1!` or `aé` pass it, then make every key generated beside them garbage.
 */
export function indexKeyProblem(index: unknown): string | undefined {
  if (typeof index !== 'string') return 'la position dans la pile doit être un texte';
  if (index.length > MAX_INDEX_LENGTH) return 'position dans la pile trop longue';
  if (!indexPattern.test(index)) return 'position dans la pile mal formée';
  const head = index.charCodeAt(0);
  // tldraw's integer part: `a`–`z` carry 1–26 digits after the head, `Z`–`A` 1–26 too.
  const integerLength = head >= 97 ? head - 97 + 2 : 90 - head + 2;
  if (index.length < integerLength) return 'position dans la pile mal formée';
  if (index === `A${'0'.repeat(26)}`) return 'position dans la pile mal formée';
  if (index.length > integerLength && index.endsWith('0'))
    return 'position dans la pile mal formée';
  return undefined;
}
