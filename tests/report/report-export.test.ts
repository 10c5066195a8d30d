import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReport, reportJsonSchema } from '../../server/src/export/index.js';
import { expected, frenchReport, reportTitle } from '../fixtures/report/frenchReport.js';

/**
 * The report exports read back by real consumers: the DOCX by mammoth (which maps Word's
 * heading styles to <h1>.., lists and tables), the ODT by LibreOffice itself, converted to HTML
 * headless. Both must give back the fixture's structure and every character of its text.
 */

const inCI = Boolean(process.env.CI);

/** Whether an executable is on the PATH, without running it. */
function commandAvailable(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** As tests/helpers/services.ts: skipped loudly on a workstation, a failure in CI. */
function requireCommand(name: string, purpose: string): boolean {
  if (commandAvailable(name)) return true;
  const message = `${name} is not on the PATH (needed for ${purpose})`;
  if (inCI) throw new Error(`${message}: required in CI.`);
  process.stderr.write(`\n\n!!! SKIPPING ${purpose.toUpperCase()} TESTS: ${message}. !!!\n\n`);
  return false;
}

const sofficeAvailable = requireCommand('soffice', 'LibreOffice ODT round trip');

/**
 * Runs a command in a process group of its own, killed as a whole after `timeoutMs`: `soffice`
 * is a wrapper script whose real process (soffice.bin) would survive a kill of the wrapper.
 */
function runCommand(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${command} timed out after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Text of an HTML fragment: tags dropped, entities decoded, layout whitespace collapsed. */
function textOf(html: string): string {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name.startsWith('#x') || name.startsWith('#X'))
          return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
        const decoded = NAMED_ENTITIES[name];
        if (decoded === undefined) throw new Error(`unexpected entity ${entity}`);
        return decoded;
      })
      // Only layout whitespace: no-break spaces (U+00A0, U+202F) are content and must survive.
      .replace(/[ \t\r\n]+/g, ' ')
      .trim()
  );
}

function allMatches(html: string, pattern: RegExp, group = 1): string[] {
  return [...html.matchAll(pattern)].map((match) => textOf(match[group] ?? ''));
}

function headingsOf(html: string): Array<{ level: number; text: string }> {
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => ({
    level: Number(match[1]),
    text: textOf(match[2]!),
  }));
}

function cellsOf(html: string): string[] {
  return allMatches(html, /<(t[hd])\b[^>]*>([\s\S]*?)<\/\1>/g, 2);
}

function paragraphsOf(html: string): string[] {
  return allMatches(html, /<p\b[^>]*>([\s\S]*?)<\/p>/g);
}

function hrefsOf(html: string): Array<{ href: string; text: string }> {
  return [...html.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) => ({
    href: textOf(match[1]!),
    text: textOf(match[2]!),
  }));
}

const tableCells = expected.tableRows.flat();

describe('report fixture', () => {
  it('is valid input for the export schema', () => {
    expect(reportJsonSchema.safeParse(frenchReport).success).toBe(true);
  });
});

describe('DOCX export read back by mammoth', () => {
  const file = exportReport(frenchReport, 'docx', { title: reportTitle, language: 'fr' });

  it('is a Word document', () => {
    expect(file.extension).toBe('docx');
    expect(file.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('keeps headings as headings, and every paragraph, list item and cell intact', async () => {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(file.bytes) });
    const html = result.value;

    // Headings come from the Heading styles, not from bold paragraphs.
    expect(headingsOf(html)).toEqual(expected.headings);
    for (const heading of expected.headings) {
      expect(paragraphsOf(html)).not.toContain(heading.text);
    }
    const headingWarnings = result.messages.filter((message) => /heading/i.test(message.message));
    expect(headingWarnings).toEqual([]);
    // The only styles mammoth has no mapping for are the title and the quotes (shown as <p>).
    for (const message of result.messages) {
      expect(message.message).toMatch(/^Unrecognised paragraph style: '(Title|Quote)'/);
    }

    const paragraphs = paragraphsOf(html);
    expect(paragraphs[0]).toBe(reportTitle);
    for (const paragraph of [...expected.paragraphs, expected.quote]) {
      expect(paragraphs).toContain(paragraph);
    }

    expect(allMatches(html, /<li>([\s\S]*?)(?=<\/li>|<ul>|<ol>)/g)).toEqual(expected.listItems);
    // The nested list is inside the item it belongs to.
    expect(html).toMatch(/<li>Isolement des personnes âgées<ul><li>Quartier du Château‑Blanc/);
    expect(html).toMatch(/<ol><li>Créer un guichet unique/);

    expect(html).toMatch(/<thead><tr><th>/);
    expect(cellsOf(html)).toEqual(tableCells);
    expect(hrefsOf(html)).toEqual([expected.link]);
    expect(html).toContain('<strong>Le conseil d’administration</strong>');
    expect(html).toContain('<em>approfondie</em>');
  });
});

describe.skipIf(!sofficeAvailable)('ODT export opened by LibreOffice', () => {
  let workDir = '';
  beforeAll(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boussole-odt-'));
  });
  afterAll(() => {
    if (workDir !== '') fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('keeps headings, paragraphs, lists, quote, table and accents', async () => {
    const file = exportReport(frenchReport, 'odt', { title: reportTitle });
    expect(file.extension).toBe('odt');
    expect(file.mimeType).toBe('application/vnd.oasis.opendocument.text');
    const input = path.join(workDir, 'rapport.odt');
    fs.writeFileSync(input, file.bytes);
    // A profile of its own: parallel runs (and a running LibreOffice) would otherwise clash.
    const profile = path.join(workDir, 'profile');
    const output = await runCommand(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'html',
        '--outdir',
        workDir,
        input,
      ],
      120_000,
    );
    const converted = path.join(workDir, 'rapport.html');
    // soffice exits 0 even when it could not read the file: say what it printed.
    if (!fs.existsSync(converted)) throw new Error(`LibreOffice wrote no HTML:\n${output}`);
    const html = fs.readFileSync(converted, 'utf8');

    // LibreOffice maps the "Heading n" styles to <hn>.
    expect(headingsOf(html)).toEqual(expected.headings);

    const paragraphs = paragraphsOf(html);
    expect(paragraphs[0]).toBe(reportTitle);
    for (const paragraph of expected.paragraphs) expect(paragraphs).toContain(paragraph);
    // The "Quotations" style comes back as a quotation.
    expect(allMatches(html, /<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>/g)).toEqual([
      expected.quote,
    ]);

    // LibreOffice leaves <li> open: each item is its first paragraph.
    expect(allMatches(html, /<li\b[^>]*>\s*<p\b[^>]*>([\s\S]*?)<\/p>/g)).toEqual(
      expected.listItems,
    );
    expect(html).toMatch(/Isolement des personnes âgées<\/p>\s*<ul>\s*<li><p>Quartier/);
    expect(html).toMatch(/<ol>\s*<li[^>]*><p>Créer un guichet unique/);

    // The header row is a real header row (table-header-rows) of "Table Heading" cells.
    expect(html).toMatch(/<thead>\s*<tr[^>]*>\s*<th\b/);
    expect(cellsOf(html)).toEqual(tableCells);

    const links = hrefsOf(html).map(({ href, text }) => ({ href: decodeURI(href), text }));
    expect(links).toEqual([expected.link]);
    expect(html).toMatch(/<b>Le conseil d’administration<\/b>/);
    expect(html).toMatch(/<i>approfondie<\/i>/);
  }, 180_000);
});

describe('HTML and Markdown exports of the fixture', () => {
  it('writes a French HTML document with the report outline below the title', () => {
    const html = new TextDecoder().decode(
      exportReport(frenchReport, 'html', { title: reportTitle }).bytes,
    );
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(headingsOf(html)).toEqual([
      { level: 1, text: reportTitle },
      ...expected.headings.map(({ level, text }) => ({ level: level + 1, text })),
    ]);
    expect(cellsOf(html)).toEqual(tableCells);
    for (const paragraph of [...expected.paragraphs, expected.quote]) {
      expect(paragraphsOf(html)).toContain(paragraph);
    }
  });

  it('writes Markdown keeping every character', () => {
    const markdown = new TextDecoder().decode(
      exportReport(frenchReport, 'md', { title: reportTitle }).bytes,
    );
    expect(markdown.startsWith(`# ${reportTitle}\n`)).toBe(true);
    for (const item of expected.listItems) expect(markdown).toContain(item);
    for (const row of expected.tableRows) expect(markdown).toContain(`| ${row.join(' | ')} |`);
    expect(markdown).toContain(
      '[Insee](https://www.insee.fr/fr/statistiques?geo=COM-76575&thème=écoles)',
    );
  });
});
