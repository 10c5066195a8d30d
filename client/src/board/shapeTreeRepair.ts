import {
  bindingEndProblem,
  followParentChain,
  isPageRecord,
  isShapeRecord,
  type TreeLookup,
} from '@boussole/shared';

/**
 * What the store shows of a board whose document breaks the shape tree: a shape in a parent
 * cycle (tldraw walks parent chains without a guard and freezes the tab), a shape whose parent
 * is missing (tldraw hides it), a binding to a missing shape. The server refuses such updates
 * (server/src/boards/shapeTree.ts), but a board stored before it did may hold them, and two
 * concurrent moves can make a loop in one tab for the moment before the server's revert
 * arrives. So the store gets a repaired copy: the shape put on a page, the binding left out.
 * The document is not written: in the concurrent case the server's revert fixes it anyway, and
 * writing there would fight it. The repair reaches the document only with a person's own edit
 * of the shape (see yjsBinding.ts), which the server judges like any edit.
 */

export interface RepairableRecord {
  readonly id: string;
  readonly typeName: string;
  readonly parentId?: unknown;
  readonly fromId?: unknown;
  readonly toId?: unknown;
  readonly index?: unknown;
}

export interface TreeRepairInput<R extends RepairableRecord> {
  /** Records about to be put in the store, and ids about to be removed (undefined). */
  changes: ReadonlyMap<string, R | undefined>;
  /** A record the store holds now. */
  stored: (id: string) => R | undefined;
  /** Every record the store holds now; read only when something is removed or needs a page. */
  storedRecords: () => Iterable<R>;
}

export interface TreeRepair<R extends RepairableRecord> {
  /** What to put in the store: the changes, repaired, and stored records repaired. */
  put: R[];
  /** What to remove from the store (or not put): removals, and bindings left out. */
  remove: string[];
  /** Records the store shows otherwise than the document holds them. */
  repaired: Set<string>;
}

export function repairShapeTree<R extends RepairableRecord>(
  input: TreeRepairInput<R>,
): TreeRepair<R> {
  const working = new Map<string, R>();
  const removed = new Set<string>();
  for (const [id, record] of input.changes) {
    if (record) working.set(id, record);
    else removed.add(id);
  }
  const lookup = (id: string): R | undefined =>
    working.get(id) ?? (removed.has(id) ? undefined : input.stored(id));

  // What to judge: the changes, and what depended on a removed record.
  const shapes: string[] = [];
  const bindings: string[] = [];
  const judge = (record: R) => {
    if (isShapeRecord(record)) shapes.push(record.id);
    else if (record.typeName === 'binding') bindings.push(record.id);
  };
  for (const record of working.values()) judge(record);
  if (removed.size > 0) {
    for (const record of input.storedRecords()) {
      if (working.has(record.id) || removed.has(record.id)) continue;
      const dependsOnRemoved = [record.parentId, record.fromId, record.toId].some(
        (id) => typeof id === 'string' && removed.has(id),
      );
      if (dependsOnRemoved) judge(record);
    }
  }

  let page: string | null | undefined;
  /** The page a repaired shape goes to: the first one, as tldraw orders pages. */
  const pageForRepairs = (): string | null => {
    if (page !== undefined) return page;
    const pages = new Map<string, R>();
    for (const record of input.storedRecords())
      if (isPageRecord(record) && !removed.has(record.id)) pages.set(record.id, record);
    for (const record of working.values()) if (isPageRecord(record)) pages.set(record.id, record);
    const [first] = [...pages.values()].sort((a, b) =>
      String(a.index) < String(b.index) ? -1 : String(a.index) > String(b.index) ? 1 : 0,
    );
    page = first?.id ?? null;
    return page;
  };

  const repaired = new Set<string>();
  const reachesPage = new Set<string>();
  const treeLookup: TreeLookup = lookup;
  // Sorted, so that every tab cuts the same loop at the same shape.
  for (const id of shapes.sort()) {
    for (;;) {
      const chain = followParentChain(id, treeLookup, reachesPage);
      if (chain.kind === 'page') break;
      const target = pageForRepairs();
      // No page at all: tldraw adds one on load, and its shapes come back with the next change.
      if (target === null) break;
      const cut = chain.kind === 'missing' ? chain.from : [...chain.cycle].sort()[0]!;
      const record = lookup(cut)!;
      working.set(cut, { ...record, parentId: target });
      repaired.add(cut);
    }
  }

  const dropped: string[] = [];
  for (const id of bindings) {
    const record = lookup(id);
    if (!record || !bindingEndProblem(record, treeLookup)) continue;
    working.delete(id);
    dropped.push(id);
    repaired.add(id);
  }
  const remove = [...removed, ...dropped].filter((id) => input.stored(id) !== undefined);
  return { put: [...working.values()], remove, repaired };
}
