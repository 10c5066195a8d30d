import * as Y from 'yjs';
import type { RefusedContent } from '../collab/ContentValidator.js';

/**
 * How a declared root holds its content: by key (a Y.Map: board records and settings, comment
 * threads) or as a list (a Y.XmlFragment: the report's text). Content of the other shape can be
 * written under the same name, yet no reader ever sees it: it is as foreign as another root.
 */
export type RootShape = 'keyed' | 'listed';

/** The root-level types a kind of document consists of, by name. */
export type DeclaredRoots = Readonly<Record<string, RootShape>>;

/** Any shared type, as a transaction lists those it changed. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/** Names come from clients: keep what reaches logs and messages short. */
const MAX_LABEL = 120;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The root type a shared type belongs to. */
function rootOf(type: SharedType): SharedType {
  let current = type;
  while (current._item) current = current._item.parent as SharedType;
  return current;
}

/** Whether an item sits in its parent's list (no key) rather than under a key. */
const isListed = (item: Y.Item) => item.parentSub === null;

function liveItems(type: SharedType, which: 'keyed' | 'listed' | 'all'): Y.Item[] {
  const items: Y.Item[] = [];
  if (which !== 'listed')
    for (const item of type._map.values()) if (!item.deleted) items.push(item);
  if (which !== 'keyed')
    for (let item = type._start; item; item = item.right) if (!item.deleted) items.push(item);
  return items;
}

/** Content a client update wrote outside a document's declared roots, and how to remove it. */
export interface StrayContent {
  refused: RefusedContent;
  /** Deletes it; call inside the guard's compensating transaction. */
  remove(): void;
}

/**
 * One rule for every kind of document: it consists of its declared root types only, each
 * holding content of its declared shape. Anything a client update writes elsewhere (another
 * root — a 1 MB map beside a board's records — or list items hidden in a map) is emptied in the
 * guard's compensating transaction, so the room stores and broadcasts only the net result.
 * Only content is deleted (Yjs then garbage-collects it); nothing of it reaches logs.
 *
 * `unchecked` names roots to let through untouched: Boussole's own tests of the collaboration
 * core use boards as plain Yjs documents (see UNCHECKED_ROOTS in config.ts). Declared roots
 * are always checked.
 */
export class RootTypeRule {
  private tracking = false;
  /** Roots a tracked transaction changed, with the shapes of content it put directly in them. */
  private readonly touched = new Map<SharedType, Set<RootShape>>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly declared: DeclaredRoots,
    /** What the document holds, for the sender: "ce document ne contient que …". */
    private readonly holds: string,
    private readonly unchecked: ReadonlySet<string> = new Set(),
  ) {
    doc.on('afterTransaction', this.onTransaction);
  }

  /** Turned on while a client update is applied (see applyTracked); on, it forgets the last. */
  setTracking(on: boolean): void {
    if (on) this.touched.clear();
    this.tracking = on;
  }

  /** What the last tracked update left outside the declaration. */
  strays(): StrayContent[] {
    if (this.touched.size === 0) return [];
    const names = new Map<SharedType, string>();
    for (const [name, type] of this.doc.share) names.set(type, name);
    const strays: StrayContent[] = [];
    for (const [root, shapes] of this.touched) {
      const name = names.get(root);
      // A root no longer shared cannot be reached by anyone; an unnamed one does not exist.
      if (name === undefined) continue;
      const shape = Object.hasOwn(this.declared, name) ? this.declared[name] : undefined;
      let items: Y.Item[];
      let detail: string;
      if (shape === undefined) {
        if (this.unchecked.has(name)) continue;
        items = liveItems(root, 'all');
        detail = `ce document ne contient que ${this.holds}`;
      } else {
        const wrong: RootShape = shape === 'keyed' ? 'listed' : 'keyed';
        if (!shapes.has(wrong)) continue;
        items = liveItems(root, wrong);
        detail = 'contenu invisible à la lecture, hors de la structure du document';
      }
      // Deleting what was already there is accepted: only content left in place is refused.
      if (items.length === 0) continue;
      strays.push({
        refused: { id: clip(`root:${name}`, MAX_LABEL), detail },
        remove: () => {
          this.doc.transact((transaction) => {
            for (const item of items) if (!item.deleted) item.delete(transaction);
          });
        },
      });
    }
    this.touched.clear();
    return strays;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (!this.tracking) return;
    for (const [type, keys] of transaction.changed) {
      const root = rootOf(type);
      let shapes = this.touched.get(root);
      if (!shapes) this.touched.set(root, (shapes = new Set()));
      if (root === type) {
        for (const key of keys) shapes.add(key === null ? 'listed' : 'keyed');
        continue;
      }
      // Nested: the shape of the root's own item this type sits in.
      let top = type;
      while (top._item && top._item.parent !== root) top = top._item.parent as SharedType;
      if (top._item) shapes.add(isListed(top._item) ? 'listed' : 'keyed');
    }
  };
}
