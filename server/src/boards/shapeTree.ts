import {
  bindingEndProblem,
  followParentChain,
  isShapeRecord,
  type TreeLookup,
  type TreeRecord,
} from '@boussole/shared';

/**
 * The structural rules of a board, judged on what one client update changed: each shape hangs
 * from an existing page through existing shapes without a cycle, each binding joins existing
 * shapes, and a page or shape is not removed while a shape or binding left by the update still
 * depends on it (tldraw removes a frame's cards and a card's arrows' bindings in the same
 * update as the frame or the card, so honest removals pass; a concurrent drop into a frame
 * someone is removing keeps the frame, which its remover may remove again).
 *
 * What breaks a rule is always something the update changed: that change is refused (put back
 * to its last accepted state). A board stored before these rules may already hold a cycle or a
 * dangling parent; updates elsewhere are not refused for it, and the client shows such shapes
 * on the page until someone moves them.
 */

/** One change the tree rules refused. */
export interface TreeRefusal {
  id: string;
  path?: string;
  detail: string;
}

function addTo(index: Map<string, Set<string>>, key: unknown, id: string): void {
  if (typeof key !== 'string') return;
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

function removeFrom(index: Map<string, Set<string>>, key: unknown, id: string): void {
  if (typeof key !== 'string') return;
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

/**
 * Who points at whom in the board's accepted records: children by parent id, bindings by the
 * shapes they join. Kept up to date record by record, so that judging an update never scans
 * the whole board.
 */
export class ShapeTreeIndex {
  private readonly children = new Map<string, Set<string>>();
  private readonly bindings = new Map<string, Set<string>>();

  /** Records that `id` now holds `after` instead of `before` (undefined: absent or unreadable). */
  replace(id: string, before: TreeRecord | undefined, after: TreeRecord | undefined): void {
    if (before) this.update(id, before, removeFrom);
    if (after) this.update(id, after, addTo);
  }

  childrenOf(id: string): Iterable<string> {
    return this.children.get(id) ?? [];
  }

  bindingsOf(id: string): Iterable<string> {
    return this.bindings.get(id) ?? [];
  }

  private update(id: string, record: TreeRecord, apply: typeof addTo): void {
    if (isShapeRecord(record)) apply(this.children, record.parentId, id);
    else if (record.typeName === 'binding') {
      apply(this.bindings, record.fromId, id);
      apply(this.bindings, record.toId, id);
    }
  }
}

export interface TreeChange {
  /** Every record the update touched, present or removed. */
  touched: ReadonlySet<string>;
  /** A touched record as the update left it (undefined when removed or unreadable). */
  current: TreeLookup;
  /** A record as last accepted (undefined when it did not exist or was unreadable). */
  accepted: TreeLookup;
  /** The accepted records' index. */
  index: ShapeTreeIndex;
  /** Touched records already refused by other rules: they will be put back as accepted. */
  refused: ReadonlySet<string>;
}

const detail = {
  missingParent: 'parent introuvable : ni une page ni une forme de ce tableau',
  cycle: 'cycle de parents : une forme ne peut pas se contenir elle-même',
  missingEnd: 'liaison vers une forme introuvable',
  stillUsed: (dependent: string) =>
    `suppression refusée : ${dependent} en dépend encore (supprimez-les ensemble)`,
} as const;

/**
 * The changes of one update that the tree rules refuse, judged on the board as it will be
 * once every refusal (these and `refused`) is put back. Costs the number of touched records,
 * plus the depth of their parent chains and, per refusal, the records depending on it.
 */
export function judgeTreeChange(change: TreeChange): TreeRefusal[] {
  const { touched, index } = change;
  const refusedIds = new Set(change.refused);
  const refusals: TreeRefusal[] = [];
  const candidate: TreeLookup = (id) =>
    touched.has(id) && !refusedIds.has(id) ? change.current(id) : change.accepted(id);
  /** Only what the update changed can be refused: putting back the rest would change nothing. */
  const refusable = (id: string) => touched.has(id) && !refusedIds.has(id);

  // Touched records under a new parent or on a new binding end, not in the accepted index.
  const newChildren = new Map<string, Set<string>>();
  const newBindings = new Map<string, Set<string>>();
  for (const id of touched) {
    const record = change.current(id);
    if (!record) continue;
    if (isShapeRecord(record)) addTo(newChildren, record.parentId, id);
    else if (record.typeName === 'binding') {
      addTo(newBindings, record.fromId, id);
      addTo(newBindings, record.toId, id);
    }
  }
  const dependents = (id: string): string[] => {
    const found: string[] = [];
    for (const child of [...index.childrenOf(id), ...(newChildren.get(id) ?? [])]) {
      const record = candidate(child);
      if (isShapeRecord(record) && record?.parentId === id) found.push(child);
    }
    for (const binding of [...index.bindingsOf(id), ...(newBindings.get(id) ?? [])]) {
      const record = candidate(binding);
      if (record?.typeName === 'binding' && (record.fromId === id || record.toId === id))
        found.push(binding);
    }
    return found;
  };

  const queue: string[] = [...touched];
  let head = 0;
  const queued = new Set(queue);
  const enqueue = (id: unknown) => {
    if (typeof id !== 'string' || queued.has(id)) return;
    queued.add(id);
    queue.push(id);
  };
  let reachesPage = new Set<string>();

  const refuse = (id: string, path: string | undefined, why: string) => {
    if (refusedIds.has(id)) return;
    // What the record depended on and what depended on it are read before it changes back.
    const before = candidate(id);
    const dependentsBefore = dependents(id);
    refusedIds.add(id);
    refusals.push({ id, ...(path ? { path } : {}), detail: why });
    reachesPage = new Set();
    const after = candidate(id);
    for (const record of [before, after]) {
      enqueue(record?.parentId);
      enqueue(record?.fromId);
      enqueue(record?.toId);
    }
    for (const dependent of [...dependentsBefore, ...dependents(id)]) enqueue(dependent);
    enqueue(id);
  };

  /** A structure breaks at `from` pointing to the missing `to`: refuse whichever changed. */
  const refuseBrokenLink = (from: string, to: unknown, path: string, why: string) => {
    if (refusable(from)) refuse(from, path, why);
    else if (typeof to === 'string' && refusable(to) && change.accepted(to))
      refuse(to, undefined, detail.stillUsed(from));
  };

  while (head < queue.length) {
    const id = queue[head++]!;
    queued.delete(id);
    const record = candidate(id);
    if (!record) {
      // A removal: refused while a record the update did not change (or may not change)
      // still depends on it. A dependent it did change is judged on its own and goes back
      // first, so the outcome does not depend on the order of the update's records.
      if (!refusable(id) || !change.accepted(id)) continue;
      const kept = dependents(id).find((dependent) => !refusable(dependent));
      if (kept !== undefined) refuse(id, undefined, detail.stillUsed(kept));
      continue;
    }
    if (isShapeRecord(record)) {
      const chain = followParentChain(id, candidate, reachesPage);
      if (chain.kind === 'missing') {
        refuseBrokenLink(chain.from, chain.parentId, 'parentId', detail.missingParent);
      } else if (chain.kind === 'cycle') {
        // Every changed link of the loop goes back: what is left of it was accepted, a tree.
        for (const member of chain.cycle.filter(refusable))
          refuse(member, 'parentId', detail.cycle);
      }
    } else if (record.typeName === 'binding') {
      const problem = bindingEndProblem(record, candidate);
      if (problem) refuseBrokenLink(id, problem.id, problem.field, detail.missingEnd);
    }
  }
  return refusals;
}
