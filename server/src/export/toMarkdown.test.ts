import { describe, expect, it } from 'vitest';
import { exportReport } from './index.js';
import type { ReportNode } from './prosemirrorJson.js';

const text = (value: string, ...marks: Array<string | ReportNode['marks']>): ReportNode => ({
  type: 'text',
  text: value,
  marks: marks.flatMap((mark) => (typeof mark === 'string' ? [{ type: mark }] : (mark ?? []))),
});
const paragraph = (...content: ReportNode[]): ReportNode => ({ type: 'paragraph', content });
const item = (...content: ReportNode[]): ReportNode => ({ type: 'listItem', content });
const bullets = (...items: ReportNode[]): ReportNode => ({ type: 'bulletList', content: items });
const doc = (...content: ReportNode[]): ReportNode => ({ type: 'doc', content });

/** The Markdown of the report's body, without the title line. */
function markdown(...content: ReportNode[]): string {
  const file = exportReport(doc(...content), 'md', { title: 'Rapport' });
  expect(file.mimeType).toBe('text/markdown; charset=utf-8');
  expect(file.extension).toBe('md');
  const output = new TextDecoder().decode(file.bytes);
  expect(output.startsWith('# Rapport\n')).toBe(true);
  return output.slice('# Rapport\n\n'.length).replace(/\n$/, '');
}

describe('Markdown export', () => {
  it('writes the title as the only # heading, report headings below it', () => {
    const output = new TextDecoder().decode(
      exportReport(
        doc(
          { type: 'heading', attrs: { level: 1 }, content: [text('Contexte')] },
          { type: 'heading', attrs: { level: 2 }, content: [text('Constats #')] },
        ),
        'md',
        { title: 'ABS #1 — Évreux' },
      ).bytes,
    );
    expect(output).toBe('# ABS #1 — Évreux\n\n## Contexte\n\n### Constats \\#\n');
  });

  it('escapes characters that Markdown would read as syntax', () => {
    expect(markdown(paragraph(text('a*b_c `d` [e](f) <g> h|i ~j~ \\k &amp; l’été & co')))).toBe(
      'a\\*b\\_c \\`d\\` \\[e\\](f) \\<g> h\\|i \\~j\\~ \\\\k \\&amp; l’été & co',
    );
  });

  it('escapes block syntax at the start of every line, and only there', () => {
    const lines = ['# titre', '> cité', '- puce', '+ plus', '1. liste', '2) liste'];
    const content: ReportNode[] = [];
    for (const line of lines) content.push(text(line), { type: 'hardBreak' });
    content.push(text('2.5 millions, -5 °C, #hashtag, a - b'));
    expect(markdown(paragraph(...content))).toBe(
      [
        '\\# titre\\',
        '\\> cité\\',
        '\\- puce\\',
        '\\+ plus\\',
        '1\\. liste\\',
        '2\\) liste\\',
        '2.5 millions, -5 °C, #hashtag, a - b',
      ].join('\n'),
    );
  });

  it('escapes lines that would become a rule or a setext heading underline', () => {
    const breakThen = (line: string) => paragraph(text('a'), { type: 'hardBreak' }, text(line));
    expect(markdown(breakThen('---'))).toBe('a\\\n\\---');
    expect(markdown(breakThen('- - -'))).toBe('a\\\n\\- - -');
    expect(markdown(breakThen('==='))).toBe('a\\\n\\===');
    // Followed by a hard break, the line ends with a backslash and is plain text already.
    expect(markdown(paragraph(text('---'), { type: 'hardBreak' }, text('b')))).toBe('---\\\nb');
  });

  it('writes hard breaks as backslash-newline, but never at the end of a paragraph', () => {
    expect(
      markdown(paragraph(text('un'), { type: 'hardBreak' }, text('deux'), { type: 'hardBreak' })),
    ).toBe('un\\\ndeux');
  });

  it('writes marks, moving edge spaces out of the delimiters', () => {
    expect(
      markdown(
        paragraph(
          text('Le '),
          text('conseil ', 'bold'),
          text('a voté', 'italic'),
          text(' une '),
          text('hausse', 'strike'),
          text(' du '),
          text('tarif', 'underline'),
          text(' : '),
          text('1,20 €', 'code'),
        ),
      ),
    ).toBe('Le **conseil** *a voté* une ~~hausse~~ du <u>tarif</u> : `1,20 €`');
  });

  it('falls back to HTML tags where delimiters would not be recognised', () => {
    // Punctuation inside, a letter outside: "mot**«x»**" is not bold in CommonMark.
    expect(markdown(paragraph(text('mot'), text('«gras»', 'bold'), text('suite')))).toBe(
      'mot<strong>«gras»</strong>suite',
    );
    // Punctuation outside is fine.
    expect(markdown(paragraph(text('l’'), text('«école»', 'bold'), text('.')))).toBe(
      'l’**«école»**.',
    );
    // An italic run closing where a bold one opens would merge into "***".
    expect(markdown(paragraph(text('a', 'italic'), text('b', 'bold')))).toBe(
      '<em>a</em><strong>b</strong>',
    );
    // Nested marks closing together are fine.
    expect(markdown(paragraph(text('tout', 'bold', 'italic'), text(' fin')))).toBe(
      '***tout*** fin',
    );
  });

  it('writes links, with <...> around targets holding spaces or parentheses', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href } }];
    expect(
      markdown(
        paragraph(
          text('Insee', link('https://insee.fr/a_b*c')),
          text(' et '),
          text('note', 'bold', link('https://ex.fr/a b(c)')),
          text(' et '),
          text('piège', link('javascript:alert(1)')),
        ),
      ),
    ).toBe('[Insee](https://insee.fr/a_b*c) et [**note**](<https://ex.fr/a b(c)>) et piège');
  });

  it('picks a code span fence longer than any backtick run inside', () => {
    expect(markdown(paragraph(text('a `b` c', 'code')))).toBe('``a `b` c``');
    expect(markdown(paragraph(text('`x', 'code')))).toBe('`` `x ``');
  });

  it('indents nested lists under their item, tight when items are single paragraphs', () => {
    expect(
      markdown(
        bullets(
          item(paragraph(text('Hausse des demandes'))),
          item(
            paragraph(text('Isolement')),
            bullets(item(paragraph(text('Château-Blanc'))), item(paragraph(text('Œillet')))),
          ),
        ),
        {
          type: 'orderedList',
          attrs: { start: 9 },
          content: [
            item(paragraph(text('neuf'))),
            item(paragraph(text('dix')), {
              type: 'orderedList',
              content: [item(paragraph(text('un')))],
            }),
          ],
        },
      ),
    ).toBe(
      [
        '- Hausse des demandes',
        '- Isolement',
        '  - Château-Blanc',
        '  - Œillet',
        '',
        '9. neuf',
        '10. dix',
        '    1. un',
      ].join('\n'),
    );
  });

  it('separates loose list items with blank lines and keeps continuation paragraphs indented', () => {
    expect(
      markdown(
        bullets(
          item(paragraph(text('un')), paragraph(text('suite'))),
          item(paragraph(text('deux'))),
        ),
      ),
    ).toBe('- un\n\n  suite\n\n- deux');
  });

  it('switches the marker between two lists in a row so they do not merge', () => {
    expect(
      markdown(
        bullets(item(paragraph(text('a')))),
        bullets(item(paragraph(text('b')))),
        bullets(item(paragraph(text('c')))),
      ),
    ).toBe('- a\n\n* b\n\n- c');
  });

  it('writes a GFM table, escaping pipes and keeping cells on one line', () => {
    const cell = (type: string, ...content: ReportNode[]) => ({ type, content });
    expect(
      markdown({
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              cell('tableHeader', paragraph(text('Indicateur'))),
              cell('tableHeader', paragraph(text('Valeur'))),
            ],
          },
          {
            type: 'tableRow',
            content: [
              cell('tableCell', paragraph(text('A | B'))),
              cell(
                'tableCell',
                paragraph(text('x|y', 'code')),
                paragraph(text('1'), { type: 'hardBreak' }, text('2')),
              ),
            ],
          },
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                attrs: { colspan: 2 },
                content: [bullets(item(paragraph(text('p1'))), item(paragraph(text('p2'))))],
              },
            ],
          },
        ],
      }),
    ).toBe(
      [
        '| Indicateur | Valeur |',
        '| --- | --- |',
        '| A \\| B | `x\\|y`<br>1<br>2 |',
        '| • p1<br>• p2 |  |',
      ].join('\n'),
    );
  });

  it('writes an empty header row for a table without one', () => {
    expect(
      markdown({
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [] }] }],
      }),
    ).toBe('|  |\n| --- |\n|  |');
  });

  it('writes quotes, rules and fenced code blocks', () => {
    expect(
      markdown(
        {
          type: 'blockquote',
          content: [
            paragraph(text('un')),
            { type: 'blockquote', content: [paragraph(text('deux'))] },
          ],
        },
        { type: 'horizontalRule' },
        { type: 'codeBlock', attrs: { language: 'md' }, content: [text('```\ncode\n```')] },
      ),
    ).toBe(
      ['> un', '>', '> > deux', '', '---', '', '````md', '```', 'code', '```', '````'].join('\n'),
    );
  });

  it('keeps every Unicode character', () => {
    const sample = 'Œuvre « sociale » à 1,20 € — naïveté, 😀, 中文';
    expect(markdown(paragraph(text(sample)))).toBe(sample);
  });
});
