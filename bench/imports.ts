/**
 * Issue #13 benchmark: importing a survey export of 1,000 and 10,000 rows into a board.
 *
 * For each size, a fresh built server (SQLite) so that its peak RSS (VmHWM) belongs to that
 * import alone, and a Chromium profile with the board open before the commit. Measured:
 * - preview: upload → 201 with the parsed rows and personal-data findings;
 * - commit: POST …/commit → answer (cards committed to storage and broadcast);
 * - browser: from the commit request to every card's element on the open board;
 * - the server's peak RSS, and the slowest `/healthz` answer while both ran (probed every
 *   50 ms): how long the server could not answer anyone else.
 *
 * Run: npm run build && node --import tsx bench/imports.ts [--n 1000,10000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { ImportCommitResult, ImportPreview } from '../shared/src/index.js';
import { CHROMIUM_PATH, chromiumArgs } from '../tests/helpers/browser.js';
import { xlsxBytes } from '../tests/helpers/importFiles.js';
import { peakRssBytes } from './procStats.js';
import { killAllServers, startBenchServer } from './servers.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const sizes = flag('n', '1000,10000').split(',').map(Number);

const communes = ['Saint-Aubin-sur-Arvière', 'Rochebrune', 'Les Granges', 'Vaux-le-Haut'];
const publics = ['jeune', 'personne âgée', 'famille monoparentale'];
const sources = ['entretien individuel', 'questionnaire', 'atelier', 'permanence'];
const phrases = [
  'Le car du matin ne passe plus depuis la rentrée, je ne peux pas aller au travail à l’heure.',
  'On est cinq dans un T3, les loyers à Saint-Aubin ont pris 15 % en deux ans.',
  'La mission locale est loin, il faut une heure aller-retour, sans permis c’est impossible.',
  'Depuis le décès de mon mari je ne sors presque plus, le portage de repas c’est tout ce que j’ai.',
  'Les démarches en ligne pour la CAF, je n’y arrive pas seule, personne pour m’aider.',
];
/** One row in ten carries personal data, as field notes do. */
const personal = [
  'Mme Lefebvre m’a dit de rappeler au 06 12 34 56 78.',
  'Écrire à jean.martin@example.org pour le suivi.',
  'Elle habite 12 rue des Tilleuls, née le 3 mars 1951.',
];

/** A questionnaire export as French Excel writes it: `;`, CRLF, quoted verbatims. */
function surveyCsv(n: number): string {
  const lines = ['date;source;public;commune;verbatim'];
  for (let i = 0; i < n; i++) {
    let verbatim = `${phrases[i % phrases.length] ?? ''} (réponse ${i + 1})`;
    if (i % 10 === 0) verbatim += ` ${personal[(i / 10) % personal.length] ?? ''}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      [
        `${day}/04/2026`,
        sources[i % sources.length],
        publics[i % publics.length],
        communes[i % communes.length],
        `"${verbatim.replace(/"/g, '""')}"`,
      ].join(';'),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** The same survey as an Excel workbook (exceljs), for the reading time of a spreadsheet. */
function surveyXlsx(csv: string): Promise<Uint8Array> {
  return xlsxBytes((workbook) => {
    const sheet = workbook.addWorksheet('Enquête');
    for (const line of csv.trimEnd().split('\r\n')) {
      const cells = line.split(';');
      const verbatim = cells.slice(4).join(';').replace(/^"|"$/g, '').replace(/""/g, '"');
      sheet.addRow([...cells.slice(0, 4), verbatim]);
    }
  });
}

/** Uploads `body` as an import; returns the preview and how long it took. */
async function upload(
  httpUrl: string,
  workspaceId: string,
  headers: Record<string, string>,
  body: Blob,
  name: string,
): Promise<{ preview: ImportPreview; ms: number }> {
  const form = new FormData();
  form.append('file', body, name);
  const started = performance.now();
  const response = await fetch(`${httpUrl}/api/workspaces/${workspaceId}/imports`, {
    method: 'POST',
    headers,
    body: form,
  });
  if (response.status !== 201)
    throw new Error(`upload: ${response.status} ${await response.text()}`);
  const preview = (await response.json()) as ImportPreview;
  return { preview, ms: performance.now() - started };
}

/** Probes /healthz every 50 ms until stopped; returns the slowest answer. */
function probeHealth(httpUrl: string): { stop: () => Promise<number> } {
  let running = true;
  let slowest = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${httpUrl}/healthz`).then((r) => r.arrayBuffer());
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return slowest;
    },
  };
}

async function measure(n: number): Promise<string> {
  const server = await startBenchServer('boussole');
  const httpUrl = server.collabUrl.replace(/^ws/, 'http').replace(/\/collab$/, '');
  const cookie = server.cookie ?? '';
  const headers = { 'x-boussole-csrf': '1', cookie };
  const board = (await (
    await fetch(`${httpUrl}/api/boards/${server.room ?? ''}`, { headers: { cookie } })
  ).json()) as { id: string; workspaceId: string };

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'boussole-import-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1600, height: 1000 },
  });
  try {
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const eq = pair.indexOf('=');
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: httpUrl };
      }),
    );
    const page = await context.newPage();
    await page.goto(`${httpUrl}/b/${board.id}`);
    await page.waitForSelector('.tl-canvas', { timeout: 120_000 });

    const csv = surveyCsv(n);
    // A spreadsheet first, cancelled: its reading time, and how long it held the server.
    const xlsx = await surveyXlsx(csv);
    const xlsxHealth = probeHealth(httpUrl);
    const xlsxRead = await upload(
      httpUrl,
      board.workspaceId,
      headers,
      new Blob([xlsx as Uint8Array<ArrayBuffer>]),
      'enquete.xlsx',
    );
    const xlsxSlowest = await xlsxHealth.stop();
    await fetch(`${httpUrl}/api/imports/${xlsxRead.preview.id}`, { method: 'DELETE', headers });

    const health = probeHealth(httpUrl);
    const { preview, ms: previewMs } = await upload(
      httpUrl,
      board.workspaceId,
      headers,
      new Blob([csv], { type: 'text/csv' }),
      'enquete.csv',
    );
    let started = performance.now();
    const column = (name: string) => preview.columns.findIndex((c) => c.name === name);

    started = performance.now();
    const shown = page.waitForFunction(
      (count) =>
        document.querySelectorAll('.tl-shape[data-shape-type="observation"]').length >= count,
      n,
      { timeout: 600_000, polling: 100 },
    );
    const committed = await fetch(`${httpUrl}/api/imports/${preview.id}/commit`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        boardId: board.id,
        kind: 'observation',
        mapping: {
          verbatim: column('verbatim'),
          source: column('source'),
          public: column('public'),
          commune: column('commune'),
          date: column('date'),
        },
        defaultDecision: 'accept',
      }),
    });
    if (committed.status !== 200)
      throw new Error(`commit: ${committed.status} ${await committed.text()}`);
    const result = (await committed.json()) as ImportCommitResult;
    const commitMs = performance.now() - started;
    const slowestHealthMs = await health.stop();
    await shown;
    const browserMs = performance.now() - started;
    const rss = peakRssBytes(server.pid);
    process.stderr.write(
      `n=${n}: xlsx preview ${xlsxRead.ms.toFixed(0)} ms (slowest healthz ${xlsxSlowest.toFixed(0)} ms), preview ${previewMs.toFixed(0)} ms (${preview.personalData.length} findings), commit ${commitMs.toFixed(0)} ms (${result.created} created), browser ${browserMs.toFixed(0)} ms, peak RSS ${(rss / 2 ** 20).toFixed(0)} MiB, slowest healthz ${slowestHealthMs.toFixed(0)} ms\n`,
    );
    return `| ${n.toLocaleString('en')} | ${(csv.length / 1024).toFixed(0)} KiB | ${preview.personalData.length} | ${previewMs.toFixed(0)} | ${xlsxRead.ms.toFixed(0)} (${xlsxSlowest.toFixed(0)}) | ${commitMs.toFixed(0)} | ${browserMs.toFixed(0)} | ${(rss / 2 ** 20).toFixed(0)} MiB | ${slowestHealthMs.toFixed(0)} |`;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    await server.stop();
  }
}

async function main(): Promise<void> {
  process.on('exit', killAllServers);
  const rows: string[] = [];
  for (const n of sizes) rows.push(await measure(n));
  process.stdout.write(
    [
      `Import of a survey export (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, load ${os.loadavg()[0]?.toFixed(2)})`,
      '',
      '| rows | CSV file | findings | CSV preview ms | XLSX preview ms (slowest /healthz) | commit ms | until the open board shows every card, ms | server peak RSS | slowest /healthz during CSV preview and commit, ms |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
