import * as Y from 'yjs';
import { reportDocLayout } from '@boussole/shared';
import {
  applyTracked,
  type ContentGuard,
  type ContentValidator,
  type RefusedContent,
} from '../collab/ContentValidator.js';
import { RootTypeRule } from '../documents/rootTypes.js';

/**
 * A report's content rules: its text may hold only the nodes and marks the editor knows
 * (client/src/report/reportExtensions.ts), with attributes of the expected types, so that a
 * crafted update cannot put a foreign node, an event-handler attribute or a `javascript:` link
 * into the text every drafter opens and every export prints. Only what an update adds or
 * changes is checked. A refused element is removed, a refused attribute dropped, a refused
 * mark unset — by a compensating change in the same commit, so no one else ever receives it.
 * The document holds that text only: content under any other root is removed (RootTypeRule).
 *
 * Attributes of known nodes that are not listed here are let through when they are small plain
 * values: Tiptap may add one in a minor release, and refusing it would revert people's text.
 */

type AttrCheck = (value: unknown) => boolean;

const int =
  (min: number, max: number): AttrCheck =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const shortText: AttrCheck = (v) => typeof v === 'string' && v.length <= 200;
const nullable =
  (check: AttrCheck): AttrCheck =>
  (v) =>
    v === null || check(v);
const columnWidths: AttrCheck = (v) =>
  v === null || (Array.isArray(v) && v.length <= 50 && v.every(int(0, 10_000)));

/** The nodes the editor has, and the checks of the attributes that matter. */
const nodeRules: Record<string, Record<string, AttrCheck>> = {
  paragraph: {},
  heading: { level: int(1, 6) },
  bulletList: {},
  orderedList: { start: int(0, 100_000), type: nullable(shortText) },
  listItem: {},
  blockquote: {},
  codeBlock: { language: nullable(shortText) },
  horizontalRule: {},
  hardBreak: {},
  table: {},
  tableRow: {},
  tableHeader: { colspan: int(1, 50), rowspan: int(1, 500), colwidth: columnWidths },
  tableCell: { colspan: int(1, 50), rowspan: int(1, 500), colwidth: columnWidths },
  boardExcerpt: {
    source: (v) => v === 'recommendations' || v === 'hypotheses' || v === 'themes',
    fingerprint: (v) => typeof v === 'string' && /^[0-9a-f]{0,16}$/.test(v),
    insertedAt: (v) => typeof v === 'string' && v.length <= 40,
  },
};

/** Only web and mail links: no `javascript:`, `data:` or other scheme a click would run. */
const safeHref = (v: unknown) =>
  typeof v === 'string' && v.length <= 2000 && /^(https?:\/\/|mailto:|\/|#)/i.test(v.trim());

const markRules: Record<string, (attrs: Record<string, unknown>) => boolean> = {
  bold: () => true,
  italic: () => true,
  underline: () => true,
  strike: () => true,
  code: () => true,
  link: (attrs) => safeHref(attrs.href),
};

/** y-prosemirror names overlapping marks `name--<hash>`. */
const markName = (key: string) => /^(.*?)(--[a-zA-Z0-9+/=]{8})?$/.exec(key)?.[1] ?? key;

/** Any attribute value: a plain value whose JSON stays small. */
function isSmallPlainValue(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return JSON.stringify(value).length <= 2000;
  }
  return false;
}

interface Change {
  target: Y.AbstractType<unknown>;
  keys: string[];
  added: Y.AbstractType<unknown>[];
}

interface Problem {
  fix(): void;
  refused: RefusedContent;
}

class ReportTextGuard implements ContentGuard {
  private readonly fragment: Y.XmlFragment;
  private readonly roots: RootTypeRule;
  private tracking = false;
  /** What each event changed, read while it fires (Yjs forbids reading it afterwards). */
  private changes: Change[] = [];

  constructor(
    private readonly doc: Y.Doc,
    uncheckedRoots?: ReadonlySet<string>,
  ) {
    this.fragment = doc.getXmlFragment(reportDocLayout.fragment);
    this.fragment.observeDeep(this.onChange);
    this.roots = new RootTypeRule(
      doc,
      { [reportDocLayout.fragment]: 'listed' },
      'le texte du rapport',
      uncheckedRoots,
    );
  }

  applyChecked(apply: () => void): RefusedContent[] {
    this.changes = [];
    const failure = applyTracked(apply, (on) => {
      this.tracking = on;
      this.roots.setTracking(on);
    });
    const problems = this.problemsOf(this.changes);
    for (const stray of this.roots.strays())
      problems.push({ fix: () => stray.remove(), refused: stray.refused });
    this.changes = [];
    if (problems.length > 0) {
      this.doc.transact(() => {
        for (const problem of problems) problem.fix();
      }, this);
    }
    if (failure) throw failure.error;
    return problems.map((p) => p.refused);
  }

  describeRefusal(refused: readonly RefusedContent[]): string {
    const [first] = refused;
    if (!first) return '';
    const more = refused.length > 1 ? ` — et ${refused.length - 1} autre(s)` : '';
    return `Contenu du rapport refusé : ${first.id}${first.path ? ` (${first.path})` : ''} : ${first.detail}${more}. La modification a été annulée.`;
  }

  destroy(): void {
    this.fragment.unobserveDeep(this.onChange);
    this.roots.destroy();
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (!this.tracking) return;
    for (const event of events) {
      const added: Y.AbstractType<unknown>[] = [];
      for (const item of event.changes.added) {
        if (item.content instanceof Y.ContentType && !item.deleted) {
          added.push(item.content.type as Y.AbstractType<unknown>);
        }
      }
      this.changes.push({ target: event.target, keys: [...event.changes.keys.keys()], added });
    }
  };

  private problemsOf(changes: Change[]): Problem[] {
    const problems: Problem[] = [];
    const seen = new Set<object>();
    for (const { target, keys, added } of changes) {
      if (target instanceof Y.XmlElement) {
        for (const key of keys) {
          if (target.getAttribute(key) === undefined) continue;
          const problem = this.attributeProblem(target, key);
          if (problem) problems.push(problem);
        }
      }
      if (target instanceof Y.XmlText && !seen.has(target)) {
        seen.add(target);
        problems.push(...this.markProblems(target));
      }
      for (const type of added) {
        if (seen.has(type)) continue;
        seen.add(type);
        problems.push(...this.subtreeProblems(type));
      }
    }
    return problems;
  }

  private subtreeProblems(type: object): Problem[] {
    if (type instanceof Y.XmlText) {
      if (type.parent === this.fragment) {
        return [this.removal(type, 'texte', 'du texte hors de tout paragraphe')];
      }
      return this.markProblems(type);
    }
    if (!(type instanceof Y.XmlElement)) {
      return [this.removal(type, 'élément', 'type de contenu inconnu')];
    }
    if (!(type.nodeName in nodeRules)) {
      return [this.removal(type, type.nodeName.slice(0, 40), 'élément inconnu de l’éditeur')];
    }
    const problems: Problem[] = [];
    for (const key of Object.keys(type.getAttributes())) {
      const problem = this.attributeProblem(type, key);
      if (problem) problems.push(problem);
    }
    for (const child of type.toArray()) {
      problems.push(...this.subtreeProblems(child));
    }
    return problems;
  }

  private attributeProblem(element: Y.XmlElement, key: string): Problem | undefined {
    const rules = nodeRules[element.nodeName];
    if (!rules) return undefined; // the element itself is refused
    const value: unknown = element.getAttribute(key);
    const check = rules[key];
    const ok = check ? check(value) : isSmallPlainValue(value) && !/^on/i.test(key);
    if (ok) return undefined;
    return {
      fix: () => element.removeAttribute(key),
      refused: { id: element.nodeName, path: key.slice(0, 40), detail: 'attribut invalide' },
    };
  }

  private markProblems(text: Y.XmlText): Problem[] {
    const problems: Problem[] = [];
    let index = 0;
    for (const op of text.toDelta() as {
      insert: unknown;
      attributes?: Record<string, unknown>;
    }[]) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (typeof op.insert !== 'string') {
        // Embeds have no place in the report's text.
        const at = index;
        problems.push({
          fix: () => text.delete(at, 1),
          refused: { id: 'texte', detail: 'contenu intégré refusé' },
        });
      }
      for (const [key, attrs] of Object.entries(op.attributes ?? {})) {
        const rule = markRules[markName(key)];
        const plain = attrs && typeof attrs === 'object' ? (attrs as Record<string, unknown>) : {};
        if (rule?.(plain)) continue;
        const at = index;
        problems.push({
          fix: () => text.format(at, length, { [key]: null }),
          refused: { id: markName(key).slice(0, 40), detail: 'mise en forme ou lien refusé' },
        });
      }
      index += length;
    }
    return problems;
  }

  private removal(type: object, id: string, detail: string): Problem {
    return {
      fix: () => {
        const parent = (type as { parent: unknown }).parent;
        if (!(parent instanceof Y.XmlFragment || parent instanceof Y.XmlElement)) return;
        const index = parent.toArray().indexOf(type as Y.XmlElement);
        if (index >= 0) parent.delete(index, 1);
      },
      refused: { id, detail },
    };
  }
}

export function createReportTextValidator(uncheckedRoots?: ReadonlySet<string>): ContentValidator {
  return { guard: (doc) => new ReportTextGuard(doc, uncheckedRoots) };
}
