import type { Inline, MarkSet } from './reportModel.js';

/**
 * Turns a flat run of marked text into properly nested mark groups, as HTML and Markdown need
 * (`<a><strong>..</strong></a>`), reopening as few marks as possible. The fixed order puts links
 * outermost and code innermost: a Markdown code span shows its content literally, so nothing
 * may be nested inside it. DOCX and ODT do not need this; they apply all marks to flat runs.
 */
export type MarkName = 'link' | 'bold' | 'italic' | 'strike' | 'underline' | 'code';

const NESTING_ORDER: readonly MarkName[] = [
  'link',
  'bold',
  'italic',
  'strike',
  'underline',
  'code',
];

export type InlineTree =
  | { kind: 'text'; text: string; marks: MarkSet; index: number }
  | { kind: 'break'; index: number }
  | {
      kind: 'mark';
      mark: MarkName;
      /** The target when `mark` is 'link'. */
      href: string | null;
      children: InlineTree[];
      /** Indices of the first and last inline the group covers, to look at its neighbours. */
      first: number;
      last: number;
    };

function markKey(inline: Inline, mark: MarkName): string | null {
  if (inline.kind === 'break') return null;
  if (mark === 'link') return inline.marks.href;
  return inline.marks[mark] ? 'on' : null;
}

export function nestMarks(inlines: Inline[]): InlineTree[] {
  return nest(inlines, 0, inlines.length, 0);
}

function nest(inlines: Inline[], from: number, to: number, level: number): InlineTree[] {
  const mark = NESTING_ORDER[level];
  if (mark === undefined) {
    const leaves: InlineTree[] = [];
    for (let index = from; index < to; index += 1) {
      const inline = inlines[index]!;
      leaves.push(inline.kind === 'text' ? { ...inline, index } : { kind: 'break', index });
    }
    return leaves;
  }
  const out: InlineTree[] = [];
  let start = from;
  while (start < to) {
    const key = markKey(inlines[start]!, mark);
    let end = start + 1;
    while (end < to) {
      if (markKey(inlines[end]!, mark) === key) {
        end += 1;
        continue;
      }
      // A hard break inside bold or a link text stays inside it, so "**a\\\nb**" is one group
      // rather than two; code spans cannot hold a line break, so they are split instead.
      if (key === null || mark === 'code' || inlines[end]!.kind !== 'break') break;
      let next = end;
      while (next < to && inlines[next]!.kind === 'break') next += 1;
      if (next >= to || markKey(inlines[next]!, mark) !== key) break;
      end = next;
    }
    if (key === null) {
      out.push(...nest(inlines, start, end, level + 1));
    } else {
      out.push({
        kind: 'mark',
        mark,
        href: mark === 'link' ? key : null,
        children: nest(inlines, start, end, level + 1),
        first: start,
        last: end - 1,
      });
    }
    start = end;
  }
  return out;
}
