import { describe, expect, it } from 'vitest';
import { exportReport } from './index.js';
import type { ReportNode } from './prosemirrorJson.js';

const text = (value: string, marks: ReportNode['marks'] = []): ReportNode => ({
  type: 'text',
  text: value,
  marks,
});
const paragraph = (...content: ReportNode[]): ReportNode => ({ type: 'paragraph', content });
const heading = (level: number, value: string): ReportNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const doc = (...content: ReportNode[]): ReportNode => ({ type: 'doc', content });

function html(report: ReportNode, title = 'Rapport', language?: string): string {
  const file = exportReport(report, 'html', { title, language });
  expect(file.mimeType).toBe('text/html; charset=utf-8');
  expect(file.extension).toBe('html');
  return new TextDecoder().decode(file.bytes);
}

const headingTags = (output: string) => [...output.matchAll(/<(h[1-6])>/g)].map((m) => m[1]);

describe('HTML export', () => {
  it('is a complete French document with the title as its only h1', () => {
    const output = html(doc(heading(1, 'Contexte'), paragraph(text('Texte'))), 'Mon rapport');
    expect(output).toMatch(/^<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">/);
    expect(output).toContain('<title>Mon rapport</title>');
    expect(output).toMatch(/<header>\n<h1>Mon rapport<\/h1>\n<\/header>\n<main>/);
    expect(output.match(/<h1>/g)).toHaveLength(1);
    expect(output).toContain('<style>');
    expect(output).toContain('@media print');
    expect(output.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('uses the requested language, and French when it is malformed', () => {
    expect(html(doc(), 'T', 'en')).toContain('<html lang="en">');
    expect(html(doc(), 'T', '"><script>')).toContain('<html lang="fr">');
  });

  it('gives an untitled report a title anyway', () => {
    expect(html(doc(), '   ')).toContain('<h1>Rapport</h1>');
  });

  it('moves report headings one level down, capped at h6, never skipping a level', () => {
    const output = html(
      doc(
        heading(3, 'Starts deep'),
        heading(1, 'One'),
        heading(2, 'Two'),
        heading(4, 'Skips to four'),
        heading(5, 'Five'),
        heading(6, 'Six'),
        heading(6, 'Six again'),
        { type: 'heading', content: [text('No attrs')] },
        { type: 'heading', attrs: { level: 'nine' }, content: [text('Bad level')] },
      ),
    );
    expect(headingTags(output)).toEqual([
      'h1', // the title
      'h2', // level 3 first: no h3 without an h2 above it
      'h2',
      'h3',
      'h4', // level 4 after level 2: h4, not h5
      'h5',
      'h6',
      'h6',
      'h2',
      'h2',
    ]);
  });

  it('skips empty headings and empty paragraphs', () => {
    const output = html(doc(heading(2, '  '), { type: 'paragraph' }, paragraph(text('Seul'))));
    expect(output).toContain('<main>\n<p>Seul</p>\n</main>');
  });

  it('writes header cells with a scope, the header row in <thead>, and spans', () => {
    const cell = (type: string, value: string, attrs: Record<string, unknown> = {}) => ({
      type,
      attrs,
      content: [paragraph(text(value))],
    });
    const output = html(
      doc({
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [cell('tableHeader', 'Commune', { colspan: 2 }), cell('tableHeader', 'Code')],
          },
          {
            type: 'tableRow',
            content: [
              cell('tableHeader', 'Rouen'),
              cell('tableCell', 'Nord', { rowspan: 2 }),
              cell('tableCell', '76540'),
            ],
          },
        ],
      }),
    );
    expect(output).toContain(
      '<table>\n<thead>\n<tr><th scope="col" colspan="2">Commune</th><th scope="col">Code</th></tr>\n</thead>',
    );
    expect(output).toContain(
      '<tbody>\n<tr><th scope="row">Rouen</th><td rowspan="2">Nord</td><td>76540</td></tr>\n</tbody>',
    );
  });

  it('has no <thead> when the first row is not all header cells', () => {
    const output = html(
      doc({
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [] }] }],
      }),
    );
    expect(output).toContain('<table>\n<tbody>\n<tr><td></td></tr>\n</tbody>\n</table>');
  });

  it('escapes text, attributes and the title', () => {
    const output = html(
      doc(
        paragraph(
          text('<script>alert("x")</script> & l’été'),
          text('lien', [{ type: 'link', attrs: { href: 'https://a.fr/?q="><b>&x=1' } }]),
        ),
      ),
      'A <b>"titre"</b> & \'co\'',
    );
    expect(output).not.toContain('<script>');
    expect(output).not.toContain('<b>');
    expect(output).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l’été');
    expect(output).toContain('<a href="https://a.fr/?q=&quot;&gt;&lt;b&gt;&amp;x=1">lien</a>');
    expect(output).toContain(
      '<title>A &lt;b&gt;&quot;titre&quot;&lt;/b&gt; &amp; &#39;co&#39;</title>',
    );
  });

  it('drops links that could run code, keeping their text', () => {
    const link = (href: string) => text(href, [{ type: 'link', attrs: { href } }]);
    const output = html(
      doc(
        paragraph(link('javascript:alert(1)')),
        paragraph(link(' JaVa\nScRiPt:alert(1)')),
        paragraph(link('data:text/html,x')),
        paragraph(link('mailto:ccas@ville.fr')),
        paragraph(link('#section')),
      ),
    );
    expect(output).not.toMatch(/href="(javascript|data)/i);
    expect(output).toContain('<p>javascript:alert(1)</p>');
    expect(output).toContain('<a href="mailto:ccas@ville.fr">mailto:ccas@ville.fr</a>');
    expect(output).toContain('<a href="#section">#section</a>');
  });

  it('nests marks properly and keeps hard breaks inside them', () => {
    const bold = { type: 'bold' };
    const output = html(
      doc(
        paragraph(
          text('gras ', [bold]),
          text('et italique', [bold, { type: 'italic' }]),
          { type: 'hardBreak' },
          text('suite', [bold]),
          text(' barré', [{ type: 'strike' }]),
          text(' souligné', [{ type: 'underline' }]),
          text(' a<b', [{ type: 'code' }]),
        ),
      ),
    );
    expect(output).toContain(
      '<p><strong>gras <em>et italique</em><br>suite</strong><s> barré</s><u> souligné</u><code> a&lt;b</code></p>',
    );
  });

  it('renders lists, quotes, rules and code blocks', () => {
    const item = (...content: ReportNode[]) => ({ type: 'listItem', content });
    const output = html(
      doc(
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            item(paragraph(text('trois')), {
              type: 'bulletList',
              content: [item(paragraph(text('puce')))],
            }),
            item(paragraph(text('quatre')), paragraph(text('suite'))),
          ],
        },
        { type: 'blockquote', content: [paragraph(text('cité'))] },
        { type: 'horizontalRule' },
        { type: 'codeBlock', attrs: { language: 'sql' }, content: [text('SELECT 1 < 2;')] },
      ),
    );
    expect(output).toContain(
      '<ol start="3">\n<li>trois\n<ul>\n<li>puce</li>\n</ul>\n</li>\n<li>\n<p>quatre</p>\n<p>suite</p>\n</li>\n</ol>',
    );
    expect(output).toContain('<blockquote>\n<p>cité</p>\n</blockquote>\n<hr>');
    expect(output).toContain('<pre><code class="language-sql">SELECT 1 &lt; 2;</code></pre>');
  });

  it('renders the children of unknown nodes in place and skips unknown leaves', () => {
    const output = html(
      doc(
        {
          type: 'boardExcerpt',
          attrs: { boardId: 'b1' },
          content: [paragraph(text('Extrait'), { type: 'mention', attrs: { id: 'u1' } })],
        },
        { type: 'image', attrs: { src: 'x.png' } },
      ),
    );
    expect(output).toContain('<main>\n<p>Extrait</p>\n</main>');
  });
});
