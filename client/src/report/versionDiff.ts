import { plainText, type PmNode } from '@boussole/shared';

/**
 * Comparing a named version with the current text, block by block (headings, paragraphs, list
 * items, table cells): a longest-common-subsequence over the blocks' text, so that a sentence
 * added in the middle shows as one addition rather than as everything after it changing.
 */

export type DiffKind = 'same' | 'added' | 'removed';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}
/** A block kept, added or removed whole — or changed, shown word by word. */
export type DiffLine = { kind: DiffKind; text: string } | { kind: 'changed'; parts: DiffPart[] };

/** Longest common subsequence of `a` and `b` (compared by `key`), as a list of edits. */
function lcsDiff<T>(a: T[], b: T[], key: (item: T) => string): { kind: DiffKind; item: T }[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        key(a[i]!) === key(b[j]!)
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const edits: { kind: DiffKind; item: T }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(a[i]!) === key(b[j]!)) {
      edits.push({ kind: 'same', item: b[j]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      edits.push({ kind: 'removed', item: a[i++]! });
    } else {
      edits.push({ kind: 'added', item: b[j++]! });
    }
  }
  while (i < n) edits.push({ kind: 'removed', item: a[i++]! });
  while (j < m) edits.push({ kind: 'added', item: b[j++]! });
  return edits;
}

/** Two versions of one block, word by word; consecutive words of one kind become one part. */
export function diffWords(before: string, after: string): DiffPart[] {
  const words = (text: string) => text.match(/\S+\s*/g) ?? [];
  const parts: DiffPart[] = [];
  for (const { kind, item } of lcsDiff(words(before), words(after), (w) => w.trim())) {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += item;
    else parts.push({ kind, text: item });
  }
  return parts;
}

/** Share of words two blocks have in common, to tell an edited block from a replaced one. */
function overlap(parts: DiffPart[]): number {
  const words = (kinds: DiffKind[]) =>
    parts
      .filter((p) => kinds.includes(p.kind))
      .reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
  const longer = Math.max(words(['same', 'removed']), words(['same', 'added']));
  return words(['same']) / Math.max(1, longer);
}

/** The leaf blocks of a document, in reading order, as text. */
export function blocksOf(doc: PmNode): string[] {
  const blocks: string[] = [];
  const walk = (node: PmNode) => {
    const children = node.content ?? [];
    const inline =
      children.length > 0 && children.every((c) => c.type === 'text' || c.type === 'hardBreak');
    if (node.type === 'paragraph' || node.type === 'heading' || inline) {
      const text = plainText(node).trim();
      if (text) blocks.push(text);
      return;
    }
    children.forEach(walk);
  };
  walk(doc);
  return blocks;
}

export function diffBlocks(before: string[], after: string[]): DiffLine[] {
  const edits = lcsDiff(before, after, (block) => block);
  const lines: DiffLine[] = [];
  let k = 0;
  while (k < edits.length) {
    const edit = edits[k]!;
    if (edit.kind === 'same') {
      lines.push({ kind: 'same', text: edit.item });
      k++;
      continue;
    }
    // A run of removed blocks, then a run of added ones: the n-th of each is usually the same
    // block edited, shown word by word — unless the two have little in common.
    const removed: string[] = [];
    const added: string[] = [];
    while (edits[k]?.kind === 'removed') removed.push(edits[k++]!.item);
    while (edits[k]?.kind === 'added') added.push(edits[k++]!.item);
    for (let t = 0; t < Math.max(removed.length, added.length); t++) {
      const old = removed[t];
      const now = added[t];
      const parts = old !== undefined && now !== undefined ? diffWords(old, now) : undefined;
      if (parts && overlap(parts) >= 0.5) {
        lines.push({ kind: 'changed', parts });
        continue;
      }
      if (old !== undefined) lines.push({ kind: 'removed', text: old });
      if (now !== undefined) lines.push({ kind: 'added', text: now });
    }
  }
  return lines;
}
