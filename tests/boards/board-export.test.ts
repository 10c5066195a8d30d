import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardDocumentRecord,
  boardPageRecord,
  boardRecordsMap,
  cardShapeId,
  cardShapeRecord,
  createYRecord,
  defaultBoardPageId,
  readBoardRecords,
  type CardKind,
  type CardProps,
} from '@boussole/shared';
import {
  addMember,
  call,
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
} from '../helpers/accounts.js';
import { connectBoard, type BoardClient } from '../helpers/boardClients.js';
import { commandAvailable } from '../helpers/commands.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { parseSemicolonCsv } from '../helpers/csv.js';

/**
 * Issue #14, board exports: a board's cards written by the official y-websocket provider come
 * back from GET /api/boards/:id/export as the CSV Excel FR opens (BOM, `;`, CRLF, accents and
 * multi-line verbatims intact) and as an XLSX exceljs reads; readers and guests may export,
 * nobody else.
 */

const boardTitle = 'Atelier : mobilité « été » 2026';
const accentedVerbatim =
  'Elle m’a dit : « Pas de car à 6 h ; j’ai dû refuser l’embauche. »\n' +
  'Deuxième ligne : é è à ç ù ô œ Œ, 12 € — "fin"';
const formulaVerbatim = '=HYPERLINK("http://exemple.invalid";"clic")';

/** A card as the board stores it. */
function card<K extends CardKind>(
  kind: K,
  id: string,
  props: Omit<CardProps<K>, 'w' | 'h'>,
  place: { x?: number; y?: number; parent?: string } = {},
) {
  return cardShapeRecord(
    kind,
    {
      id: cardShapeId(id),
      parentId: (place.parent ?? defaultBoardPageId) as never,
      x: place.x ?? 0,
      y: place.y ?? 0,
      index: 'a1',
    },
    { w: 240, h: 160, ...props } as CardProps<K>,
  );
}

const cards = [
  card('theme', 'T1', { label: 'Se déplacer sans voiture' }, { x: 0, y: 0 }),
  card(
    'observation',
    'O1',
    {
      verbatim: accentedVerbatim,
      source: 'micro-trottoir',
      public: 'jeunes 16-25 ans',
      commune: 'Saint-Aubin-sur-Arvière',
      date: '2026-04-02',
    },
    { parent: 'shape:T1', x: 20, y: 40 },
  ),
  card(
    'observation',
    'O2',
    { verbatim: formulaVerbatim, source: 'questionnaire', public: '', commune: '', date: '' },
    { x: 0, y: 900 },
  ),
  card('hypothesis', 'H1', {
    statement: 'Des jeunes renoncent à un emploi faute de transport.',
    topic: 'mobilité',
    public: 'jeunes 16-25 ans',
    status: 'a_verifier',
  }),
  card('indicator', 'I1', {
    label: 'Part des 75 ans et plus',
    value: 12.8,
    unit: '%',
    territory: 'Val d’Arvière',
    year: 2023,
    source: 'Fictif',
  }),
  card('recommendation', 'R1', {
    title: 'Adapter les horaires du car',
    description: 'Un départ avant 6 h.',
    leadOrganisation: 'Communauté de communes',
    priority: 'haute',
    hypothesisIds: ['shape:H1', 'shape:H-deleted'],
  }),
];

async function download(
  server: TestServer,
  boardId: string,
  format: string,
  cookie?: string,
): Promise<Response> {
  return fetch(`${server.httpUrl}/api/boards/${boardId}/export?format=${format}`, {
    headers: cookie ? { cookie } : {},
  });
}

async function readSheet(bytes: ArrayBuffer | Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

/** The sheet's rows as { header: value }, header row excluded. */
function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return rows;
}

describe('board export as CSV and XLSX', () => {
  let server: TestServer;
  let board = '';
  let admin = '';
  let reader = '';
  let guest = '';
  let outsider = '';
  let writer: BoardClient | undefined;

  beforeAll(async () => {
    server = await startServer();
    const url = server.httpUrl;
    admin = await createAdmin(url, server.app.access.setup.open());
    const workspace = await createWorkspace(url, admin);
    board = await createBoard(url, admin, workspace, boardTitle);
    reader = (
      await addMember(url, admin, workspace, {
        email: 'lea@ccas.example.fr',
        displayName: 'Léa',
        role: 'lecteur',
      })
    ).cookie;
    const link = await createLink(url, admin, workspace, { role: 'lecteur' });
    guest = await redeemLink(url, link.token, 'Habitante');
    const elsewhere = await createWorkspace(url, admin, { name: 'Une autre ABS' });
    outsider = (
      await addMember(url, admin, elsewhere, {
        email: 'paul@ccas.example.fr',
        displayName: 'Paul',
        role: 'contributeur',
      })
    ).cookie;

    writer = await connectBoard(server.collabUrl, board, admin);
    const records = boardRecordsMap(writer.doc);
    writer.doc.transact(() => {
      for (const record of [boardDocumentRecord(), boardPageRecord(), ...cards]) {
        records.set(record.id, createYRecord(record));
      }
    });
    const room = () => server.app.rooms.peek(board);
    await waitFor(() => Object.keys(readBoardRecords(room()!.doc)).length === cards.length + 2, {
      what: 'the cards on the server',
    });
    await room()!.drain();
    expect(writer.denials).toEqual([]);
  });

  afterAll(async () => {
    writer?.destroy();
    await server?.close();
  });

  it('gives a reader the CSV Excel FR opens: BOM, `;`, CRLF, accents and line breaks intact', async () => {
    const response = await download(server, board, 'csv', reader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Atelier mobilite ete 2026.csv"; filename*=UTF-8''${encodeURIComponent(
        'Atelier mobilité « été » 2026.csv',
      )}`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3));

    const [header, ...rows] = parseSemicolonCsv(text);
    expect(header?.slice(0, 3)).toEqual(['Type', 'Thème', 'Verbatim']);
    expect(header).toContain('Source de l’indicateur');
    expect(rows.map((row) => row[0])).toEqual([
      'Observation',
      'Observation',
      'Hypothèse',
      'Indicateur',
      'Thème',
      'Préconisation',
    ]);
    const at = (row: string[] | undefined, name: string) => row?.[header!.indexOf(name)];
    const [inTheme, formula, , indicator, theme, recommendation] = rows;
    expect(at(inTheme, 'Verbatim')).toBe(accentedVerbatim);
    expect(at(inTheme, 'Thème')).toBe('Se déplacer sans voiture');
    expect(at(inTheme, 'Source')).toBe('Micro-trottoir');
    expect(at(inTheme, 'Commune')).toBe('Saint-Aubin-sur-Arvière');
    expect(at(formula, 'Verbatim')).toBe(`'${formulaVerbatim}`);
    expect(at(formula, 'Thème')).toBe('');
    expect(at(indicator, 'Valeur')).toBe('12,8');
    expect(at(indicator, 'Année')).toBe('2023');
    expect(at(theme, 'Nombre d’observations')).toBe('1');
    expect(at(recommendation, 'Cartes liées')).toBe(
      'Des jeunes renoncent à un emploi faute de transport. | (carte supprimée)',
    );
    expect(at(recommendation, 'Priorité')).toBe('Haute');
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
  });

  it('gives a guest with read access the XLSX, read back by exceljs', async () => {
    const response = await download(server, board, 'xlsx', guest);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Atelier mobilité « été » 2026.xlsx')}`,
    );
    const sheet = await readSheet(await response.arrayBuffer());
    expect(sheet.name).toBe('Atelier mobilité « été » 2026');
    const rows = sheetRecords(sheet);
    expect(rows).toHaveLength(cards.length);
    expect(rows[0]).toMatchObject({
      Type: 'Observation',
      Thème: 'Se déplacer sans voiture',
      Verbatim: accentedVerbatim,
      Date: new Date(Date.UTC(2026, 3, 2)),
      Identifiant: 'shape:O1',
    });
    expect(rows[1]?.Verbatim).toBe(formulaVerbatim);
    expect(rows[3]).toMatchObject({ Valeur: 12.8, Année: 2023, Territoire: 'Val d’Arvière' });
    expect(rows[4]?.['Nombre d’observations']).toBe(1);
  });

  it('refuses everyone who may not read the board, and says why in French', async () => {
    const anonymous = await download(server, board, 'csv');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'unauthenticated' });

    const stranger = await download(server, board, 'csv', outsider);
    expect(stranger.status).toBe(403);
    const refusal = (await stranger.json()) as { error: string; message: string };
    expect(refusal.error).toBe('forbidden');
    expect(refusal.message).toMatch(/accès/);
    expect(JSON.stringify(refusal)).not.toContain('Arvière');

    const unknown = await download(server, 'board-AAAAAAAAAAAAAAAA', 'csv', admin);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'board-not-found' });
  });

  it('answers 400 to a format it does not write', async () => {
    for (const format of ['pdf', '', 'CSV']) {
      const response = await download(server, board, format, reader);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: 'invalid-format',
        message: 'Format attendu : csv ou xlsx.',
      });
    }
    const none = await call(server.httpUrl, 'GET', `/api/boards/${board}/export`, {
      cookie: reader,
    });
    expect(none.status).toBe(400);
  });
});

/** soffice is a wrapper: kill its whole process group if it hangs. */
function runSoffice(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('soffice', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`soffice timed out after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`soffice exited with ${code}:\n${output}`));
    });
  });
}

describe.skipIf(!commandAvailable('soffice', 'LibreOffice CSV import'))(
  'the CSV opened by a spreadsheet (LibreOffice, French locale)',
  () => {
    let server: TestServer;
    let writer: BoardClient | undefined;
    const dir = tempDir('boussole-csv-');

    afterAll(async () => {
      writer?.destroy();
      await server?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('reads accents, line breaks and decimal commas as the board holds them', async () => {
      server = await startServer();
      const admin = await createAdmin(server.httpUrl, server.app.access.setup.open());
      const workspace = await createWorkspace(server.httpUrl, admin);
      const board = await createBoard(server.httpUrl, admin, workspace, 'Tableur');
      writer = await connectBoard(server.collabUrl, board, admin);
      const records = boardRecordsMap(writer.doc);
      writer.doc.transact(() => {
        for (const record of [boardDocumentRecord(), boardPageRecord(), ...cards]) {
          records.set(record.id, createYRecord(record));
        }
      });
      await waitFor(
        async () => (await (await download(server, board, 'csv', admin)).text()).includes('R1'),
        { what: 'the cards in the export', intervalMs: 100 },
      );
      const csv = path.join(dir, 'tableau.csv');
      fs.writeFileSync(
        csv,
        Buffer.from(await (await download(server, board, 'csv', admin)).arrayBuffer()),
      );
      // Separator `;` (59), quote `"` (34), UTF-8 (76), from line 1, French number format (1036).
      const output = await runSoffice(
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--infilter=CSV:59,34,76,1,,1036',
          '--convert-to',
          'xlsx',
          '--outdir',
          dir,
          csv,
        ],
        120_000,
      );
      const converted = path.join(dir, 'tableau.xlsx');
      if (!fs.existsSync(converted)) throw new Error(`LibreOffice wrote no XLSX:\n${output}`);
      const rows = sheetRecords(await readSheet(fs.readFileSync(converted)));
      expect(rows).toHaveLength(cards.length);
      expect(rows[0]?.Verbatim).toBe(accentedVerbatim);
      expect(rows[0]?.Thème).toBe('Se déplacer sans voiture');
      expect(rows[3]?.Valeur).toBe(12.8);
      expect(rows[3]?.Année).toBe(2023);
      // The defused formula is text, not a formula LibreOffice would compute.
      expect(typeof rows[1]?.Verbatim).toBe('string');
    }, 180_000);
  },
);
