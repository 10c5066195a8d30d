import { describe, expect, it } from 'vitest';
import { MAX_REPORT_DEPTH, reportJsonSchema, type ReportNode } from './prosemirrorJson.js';
import { NO_MARKS, safeHref, toReportModel } from './reportModel.js';
import { layoutTable } from './tableLayout.js';

const text = (value: string): ReportNode => ({ type: 'text', text: value });
const paragraph = (...content: ReportNode[]): ReportNode => ({ type: 'paragraph', content });

describe('report model', () => {
  it('unwraps unknown containers, in block and inline context, and drops unknown leaves', () => {
    const blocks = toReportModel({
      type: 'doc',
      content: [
        { type: 'boardExcerpt', content: [paragraph(text('a'))] },
        paragraph(
          text('b'),
          { type: 'emoji', attrs: { name: 'x' } },
          {
            type: 'inlineWrapper',
            content: [text('c')],
          },
        ),
        { type: 'pageBreak' },
      ],
    });
    expect(blocks).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'a', marks: NO_MARKS }] },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'b', marks: NO_MARKS },
          { kind: 'text', text: 'c', marks: NO_MARKS },
        ],
      },
    ]);
  });

  it('copes with missing or wrong attrs and content', () => {
    const blocks = toReportModel({
      type: 'doc',
      content: [
        { type: 'heading', content: [text('h')] },
        { type: 'heading', attrs: { level: '3' }, content: [text('h3')] },
        { type: 'heading', attrs: { level: 42 } },
        { type: 'orderedList', attrs: { start: -4 }, content: [{ type: 'listItem' }] },
        { type: 'bulletList' },
        { type: 'table', attrs: null, content: [] },
        // Not even nodes.
        null as unknown as ReportNode,
        { text: 'no type' } as unknown as ReportNode,
      ],
    });
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, inlines: [expect.objectContaining({ text: 'h' })] },
      { kind: 'heading', level: 3, inlines: [expect.objectContaining({ text: 'h3' })] },
      { kind: 'heading', level: 6, inlines: [] },
      { kind: 'list', ordered: true, start: 0, items: [{ blocks: [] }] },
    ]);
    expect(toReportModel(null as unknown as ReportNode)).toEqual([]);
  });

  it('repairs structure the editor should not produce', () => {
    const [list, table] = toReportModel({
      type: 'doc',
      content: [
        { type: 'bulletList', content: [paragraph(text('stray')), text('loose text')] },
        { type: 'table', content: [paragraph(text('no row'))] },
      ],
    });
    expect(list).toMatchObject({
      kind: 'list',
      items: [
        { blocks: [{ kind: 'paragraph', inlines: [{ text: 'stray' }] }] },
        { blocks: [{ kind: 'paragraph', inlines: [{ text: 'loose text' }] }] },
      ],
    });
    expect(table).toMatchObject({
      kind: 'table',
      rows: [{ cells: [{ header: false, blocks: [{ kind: 'paragraph' }] }] }],
    });
  });

  it('strips characters XML cannot hold and turns newlines in text into breaks', () => {
    const [block] = toReportModel({
      type: 'doc',
      content: [paragraph(text('a\u0000b\u0007c\uFFFE\uD800d😀\r\ne'))],
    });
    expect(block).toEqual({
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: 'abcd😀', marks: NO_MARKS },
        { kind: 'break' },
        { kind: 'text', text: 'e', marks: NO_MARKS },
      ],
    });
  });

  it('drops the trailing empty paragraph Tiptap keeps for the caret', () => {
    expect(
      toReportModel({
        type: 'doc',
        content: [{ type: 'paragraph' }, paragraph(text('x')), { type: 'paragraph' }],
      }),
    ).toHaveLength(2);
  });

  it('keeps only links that cannot run code', () => {
    expect(safeHref('https://ville.fr/ccas')).toBe('https://ville.fr/ccas');
    expect(safeHref('MAILTO:ccas@ville.fr')).toBe('MAILTO:ccas@ville.fr');
    expect(safeHref('tel:+33100000000')).toBe('tel:+33100000000');
    expect(safeHref('../rapport#partie-2')).toBe('../rapport#partie-2');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('java\tscript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html;base64,x')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref('')).toBeNull();
    expect(safeHref(42)).toBeNull();
  });

  it('ignores content nested deeper than the limit instead of overflowing the stack', () => {
    let node: ReportNode = paragraph(text('fond'));
    for (let depth = 0; depth < 10_000; depth += 1) node = { type: 'blockquote', content: [node] };
    expect(() => toReportModel({ type: 'doc', content: [node] })).not.toThrow();
  });
});

describe('reportJsonSchema', () => {
  it('accepts Tiptap JSON with any attrs and extra keys', () => {
    const parsed = reportJsonSchema.safeParse({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { textAlign: null },
          content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }],
        },
        { type: 'custom', attrs: { nested: { deep: [1, 2] } }, extra: true },
      ],
    });
    expect(parsed.success).toBe(true);
  });

  it('refuses malformed trees', () => {
    expect(reportJsonSchema.safeParse({ content: [] }).success).toBe(false);
    expect(reportJsonSchema.safeParse({ type: 'doc', content: 'x' }).success).toBe(false);
    expect(reportJsonSchema.safeParse({ type: 'doc', content: [{ type: 3 }] }).success).toBe(false);
    expect(
      reportJsonSchema.safeParse({ type: 'text', text: 'x', marks: [{ attrs: {} }] }).success,
    ).toBe(false);
  });

  it('refuses trees nested too deep, without overflowing the stack', () => {
    let node: unknown = { type: 'paragraph' };
    for (let depth = 0; depth < 10_000; depth += 1) node = { type: 'blockquote', content: [node] };
    const parsed = reportJsonSchema.safeParse(node);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(String(MAX_REPORT_DEPTH));
  });
});

describe('table layout', () => {
  const cell = (colspan = 1, rowspan = 1) => ({ header: false, colspan, rowspan, blocks: [] });

  it('places spanned cells and pads short rows', () => {
    const layout = layoutTable([
      { cells: [cell(2), cell()] },
      { cells: [cell(1, 2), cell()] },
      { cells: [cell()] },
    ]);
    expect(layout.columnCount).toBe(3);
    expect(layout.grid.map((row) => row.map((slot) => slot.kind))).toEqual([
      ['cell', 'covered', 'cell'],
      ['cell', 'cell', 'empty'],
      ['covered', 'cell', 'empty'],
    ]);
    expect(layout.headerRowCount).toBe(0);
  });

  it('trims rowspans running past the last row', () => {
    const layout = layoutTable([{ cells: [cell(1, 5)] }, { cells: [cell()] }]);
    expect(layout.grid[0]![0]).toMatchObject({ kind: 'cell', rowspan: 2 });
    expect(layout.grid.map((row) => row.map((slot) => slot.kind))).toEqual([
      ['cell', 'empty'],
      ['covered', 'cell'],
    ]);
  });
});
