import { plainText, type PmNode } from '@boussole/shared';

/**
 * Comparing a named version with the current text, block by block (headings, paragraphs, list
 * items, table cells): a longest-common-subsequence over the blocks' text, so that a sentence
 * added in the middle shows as one addition rather than as everything after it changing.
 */

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

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
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        before[i] === after[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      lines.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      lines.push({ kind: 'removed', text: before[i++]! });
    } else {
      lines.push({ kind: 'added', text: after[j++]! });
    }
  }
  while (i < n) lines.push({ kind: 'removed', text: before[i++]! });
  while (j < m) lines.push({ kind: 'added', text: after[j++]! });
  return lines;
}
