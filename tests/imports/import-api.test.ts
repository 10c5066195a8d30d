import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importPreviewSchema,
  importStatusSchema,
  readBoardRecords,
  type ImportPreview,
} from '@boussole/shared';
import {
  addMember,
  call,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
  signedInAdmin,
} from '../helpers/accounts.js';
import { connectBoard } from '../helpers/boardClients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { commit, surveyCsv, surveyMapping, upload } from '../helpers/importApi.js';

/**
 * Issue #13, the import API on a real server: who may import, every bad input refused with a
 * clear French error, expiry, the limits, dry runs, indicators and grouping into themes.
 */

type Records = Record<string, Record<string, unknown>>;

async function boardRecords(server: TestServer, boardId: string, cookie: string): Promise<Records> {
  const client = await connectBoard(server.collabUrl, boardId, cookie);
  try {
    return readBoardRecords(client.doc);
  } finally {
    client.destroy();
  }
}

const shapes = (records: Records, type?: string) =>
  Object.values(records).filter(
    (r) => r.typeName === 'shape' && (type === undefined || r.type === type),
  );

describe('import API', () => {
  let server: TestServer;
  // Import expiry reads this clock: tests move it forward instead of waiting.
  let skewMs = 0;
  const clock = () => Date.now() + skewMs;
  let admin = '';
  let workspace = '';
  let board = '';
  let url = '';

  beforeAll(async () => {
    server = await startServer({ clock });
    url = server.httpUrl;
    admin = await signedInAdmin(server);
    workspace = await createWorkspace(url, admin, {
      publics: ['jeunes 16-25 ans', 'personnes âgées isolées'],
    });
    board = await createBoard(url, admin, workspace, 'Regroupement des observations');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('previews a survey export with its personal data and proposed replacements', async () => {
    const answer = await upload(url, admin, workspace, surveyCsv);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const preview = importPreviewSchema.parse(answer.body);
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      rowCount: 5,
    });
    expect(preview.columns.map((c) => c.name)).toEqual([
      'Verbatim',
      'Source',
      'Public',
      'Commune',
      'Date',
      'Thème',
    ]);
    expect(preview.columns[5]!.samples).toEqual(['Mobilité', 'Logement']);
    expect(preview.rows).toHaveLength(5);
    expect(preview.skipped).toEqual([]);
    const kinds = new Set(preview.personalData.map((f) => f.kind));
    for (const kind of ['person', 'phone', 'email', 'address', 'birthDate'] as const) {
      expect(kinds, kind).toContain(kind);
    }
    for (const finding of preview.personalData) {
      const row = preview.rows.find((r) => r.line === finding.line)!;
      const cell = row.cells[finding.column]!;
      expect(cell.slice(finding.start, finding.end)).toBe(finding.text);
      expect(cell).toContain(finding.before + finding.text + finding.after);
      expect(finding.before.length).toBeLessThanOrEqual(40);
      expect(finding.after.length).toBeLessThanOrEqual(40);
      expect(finding.replacement).toMatch(/^\[.+\]$/);
    }
    expect(preview.personalData.find((f) => f.kind === 'phone')?.replacement).toBe('[téléphone]');
    expect(new Set(preview.personalData.map((f) => f.id)).size).toBe(preview.personalData.length);

    const status = await call(url, 'GET', `/api/imports/${preview.id}`, { cookie: admin });
    expect(importStatusSchema.parse(status.body)).toMatchObject({
      id: preview.id,
      status: 'ready',
      progress: { done: 0, total: 5 },
    });
    expect(
      (await call(url, 'DELETE', `/api/imports/${preview.id}`, { cookie: admin })).status,
    ).toBe(204);
    const gone = await call(url, 'GET', `/api/imports/${preview.id}`, { cookie: admin });
    expect(gone.status).toBe(404);
  });

  it('reads the file with the encoding and separator the person forces', async () => {
    // « Côte » and « œuvre » in Windows-1252, as French Excel saves a CSV.
    const latin = Uint8Array.from([
      ...new TextEncoder().encode('verbatim,commune\r\n"Il faut'),
      0x20,
      0x9c,
      0x75,
      0x76,
      0x72,
      0x65,
      0x72,
      0x3b,
      0x20,
      0x43,
      0xf4,
      0x74,
      0x65,
      ...new TextEncoder().encode('",Rochebrune\r\n'),
    ]);
    const forced = await upload(url, admin, workspace, latin, {
      query: '?encoding=windows-1252&delimiter=,',
    });
    expect(forced.status, JSON.stringify(forced.body)).toBe(201);
    expect(forced.body).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(forced.body.rows[0]!.cells).toEqual(['Il faut œuvrer; Côte', 'Rochebrune']);
    await call(url, 'DELETE', `/api/imports/${forced.body.id}`, { cookie: admin });
    const unknown = await upload(url, admin, workspace, latin, { query: '?encoding=latin9' });
    expect(unknown.status).toBe(400);
  });

  it('commits the reviewed rows as cards, matched to the workspace, and only once', async () => {
    const preview = (await upload(url, admin, workspace, surveyCsv)).body as ImportPreview;
    const result = await commit(url, admin, preview.id, {
      boardId: board,
      kind: 'observation',
      mapping: surveyMapping,
      defaultDecision: 'accept',
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ boardId: board, dryRun: false, created: 4, skipped: 1 });
    const emptyLine = preview.rows.find((r) => r.cells[0] === '')!.line;
    expect(result.body.skippedRows).toEqual([{ line: emptyLine, reason: 'verbatim vide' }]);
    expect(result.body.unmatched).toEqual(
      expect.arrayContaining([
        { field: 'public', value: 'personnes âgées', rows: 1 },
        { field: 'commune', value: 'Rochebrune-le-Haut', rows: 1 },
        { field: 'source', value: 'courrier', rows: 1 },
        { field: 'date', value: 'hier', rows: 1 },
      ]),
    );

    const cards = shapes(await boardRecords(server, board, admin), 'observation');
    expect(cards).toHaveLength(4);
    const props = cards.map((c) => c.props as Record<string, string>);
    const first = props.find((p) => p.verbatim!.includes('plus de car le matin'))!;
    expect(first).toMatchObject({
      source: 'entretien',
      public: 'jeunes 16-25 ans',
      commune: 'Saint-Aubin-sur-Arvière',
      date: '2026-04-02',
    });
    expect(first.verbatim).toContain('[téléphone]');
    expect(props.find((p) => p.verbatim!.includes('450 €'))).toMatchObject({
      source: 'questionnaire',
      date: '',
    });
    expect(props.map((p) => p.date).sort()).toEqual(['', '2026-04-02', '2026-04-03', '2026-04-03']);

    const audit = await call<{ entries: { action: string; details: Record<string, unknown> }[] }>(
      url,
      'GET',
      `/api/workspaces/${workspace}/audit`,
      { cookie: admin },
    );
    const entry = audit.body.entries.find((e) => e.action === 'import.committed')!;
    expect(entry.details).toMatchObject({ boardId: board, kind: 'observation', created: 4 });
    expect(entry.details.findings).toMatchObject({ rejected: 0, edited: 0 });
    expect(JSON.stringify(entry)).not.toMatch(/Verdier|Pichon|enquete-verdier|rue des Forges/);

    const status = await call(url, 'GET', `/api/imports/${preview.id}`, { cookie: admin });
    expect(status.body).toMatchObject({ status: 'committed', progress: { done: 5, total: 5 } });
    const again = await commit(url, admin, preview.id, {
      boardId: board,
      kind: 'observation',
      mapping: surveyMapping,
      defaultDecision: 'accept',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('import-committed');
  });

  it('lets only animateurs and administrateurs import, and hides one person’s import from another', async () => {
    const people = Object.fromEntries(
      await Promise.all(
        (['animateur', 'contributeur', 'lecteur'] as const).map(async (role) => {
          const { cookie } = await addMember(url, admin, workspace, {
            email: `${role}@ccas.example.fr`,
            displayName: `Personne ${role}`,
            role,
          });
          return [role, cookie] as const;
        }),
      ),
    );
    for (const role of ['contributeur', 'lecteur'] as const) {
      const refused = await upload(url, people[role]!, workspace, surveyCsv);
      expect(refused.status, role).toBe(403);
    }
    // Guests never import, even through a link that makes them animateurs.
    for (const role of ['contributeur', 'animateur'] as const) {
      const link = await createLink(url, admin, workspace, { role });
      const guest = await redeemLink(url, link.token, `Invité ${role}`);
      const refused = await upload(url, guest, workspace, surveyCsv);
      expect(refused.status, role).toBe(403);
    }
    expect((await upload(url, '', workspace, surveyCsv)).status).toBe(401);
    const stranger = await createWorkspace(url, admin, { name: 'Autre ABS' });
    expect((await upload(url, people.animateur!, stranger, surveyCsv)).status).toBe(404);

    const mine = await upload(url, people.animateur!, workspace, surveyCsv);
    expect(mine.status).toBe(201);
    const id = mine.body.id;
    for (const other of [admin, people.contributeur!]) {
      const get = await call(url, 'GET', `/api/imports/${id}`, { cookie: other });
      expect(get.status).toBe(404);
      expect(get.body).toMatchObject({ error: 'import-not-found' });
      const del = await call(url, 'DELETE', `/api/imports/${id}`, { cookie: other });
      expect(del.status).toBe(404);
      const body = { boardId: board, kind: 'observation' as const, mapping: { verbatim: 0 } };
      expect((await commit(url, other, id, { ...body, defaultDecision: 'accept' })).status).toBe(
        404,
      );
    }
    expect((await call(url, 'GET', `/api/imports/${id}`)).status).toBe(401);
    expect(
      (await call(url, 'GET', `/api/imports/${id}`, { cookie: people.animateur })).status,
    ).toBe(200);
    await call(url, 'DELETE', `/api/imports/${id}`, { cookie: people.animateur });
  });

  it('refuses empty, binary and header-only files with a French reason', async () => {
    const empty = await upload(url, admin, workspace, '');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe('empty-file');
    const binary = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const refusedBinary = await upload(url, admin, workspace, binary, { filename: 'photo.jpg' });
    expect(refusedBinary.status).toBe(400);
    expect(refusedBinary.body.error).toBe('binary-file');
    const headerOnly = await upload(url, admin, workspace, 'verbatim;commune\r\n');
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.error).toBe('no-rows');

    const book = new ExcelJS.Workbook();
    book.addWorksheet('Réponses').addRow(['verbatim', 'commune']);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const headerOnlySheet = await upload(url, admin, workspace, xlsx, { filename: 'export.xlsx' });
    expect(headerOnlySheet.status).toBe(400);
    expect(headerOnlySheet.body.error).toBe('no-rows');
    for (const answer of [empty, refusedBinary, headerOnly, headerOnlySheet]) {
      expect(answer.body.message).toMatch(/[a-zé]/);
    }

    const noFile = await upload(url, admin, workspace, surveyCsv, { field: 'fichier' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error).toBe('import-no-file');
  });

  it('refuses a mapping naming an unknown column or field, and a board of another workspace', async () => {
    const preview = (await upload(url, admin, workspace, surveyCsv)).body as ImportPreview;
    const attempt = (body: Partial<Parameters<typeof commit>[3]>) =>
      commit(url, admin, preview.id, {
        boardId: board,
        kind: 'observation',
        mapping: surveyMapping,
        defaultDecision: 'accept',
        ...body,
      });
    const unknownColumn = await attempt({ mapping: { verbatim: 0, commune: 9 } });
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body).toMatchObject({ error: 'invalid-mapping' });
    expect(unknownColumn.body.message).toMatch(/commune.*colonne n° 10/);
    const unknownField = await attempt({ mapping: { verbatim: 0, humeur: 1 } });
    expect(unknownField.body).toMatchObject({ error: 'invalid-mapping' });
    expect(unknownField.body.message).toContain('humeur');
    const noVerbatim = await attempt({ mapping: { commune: 3 } });
    expect(noVerbatim.body).toMatchObject({ error: 'invalid-mapping' });
    expect(noVerbatim.body.message).toContain('verbatim');
    const badGroup = await attempt({ groupBy: 6 });
    expect(badGroup.body).toMatchObject({ error: 'invalid-mapping' });

    const other = await createWorkspace(url, admin, { name: 'ABS voisine' });
    const otherBoard = await createBoard(url, admin, other, 'Tableau voisin');
    for (const boardId of [otherBoard, 'brd_inconnu']) {
      const refused = await attempt({ boardId });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('board-not-in-workspace');
    }
    const malformed = await call(url, 'POST', `/api/imports/${preview.id}/commit`, {
      cookie: admin,
      body: { boardId: board, kind: 'carte', mapping: {}, defaultDecision: 'accept' },
    });
    expect(malformed.status).toBe(400);
    // Nothing was written by any of these: the board holds only the earlier import.
    expect(shapes(await boardRecords(server, otherBoard, admin))).toEqual([]);
    await call(url, 'DELETE', `/api/imports/${preview.id}`, { cookie: admin });
  });

  it('computes a dry run without writing, then groups cards into themes beside the board’s content', async () => {
    const fresh = await createBoard(url, admin, workspace, 'Essai à blanc');
    const preview = (await upload(url, admin, workspace, surveyCsv)).body as ImportPreview;
    const request = {
      boardId: fresh,
      kind: 'observation' as const,
      mapping: surveyMapping,
      defaultDecision: 'accept' as const,
      groupBy: 5,
    };
    const dry = await commit(url, admin, preview.id, { ...request, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 4, skipped: 1, themes: 3 });
    expect(shapes(await boardRecords(server, fresh, admin))).toEqual([]);
    const status = await call(url, 'GET', `/api/imports/${preview.id}`, { cookie: admin });
    expect(status.body).toMatchObject({ status: 'ready' });

    // Something on the board already: the imported block must go beside it.
    const first = (await upload(url, admin, workspace, surveyCsv)).body as ImportPreview;
    await commit(url, admin, first.id, { ...request, groupBy: null });
    const before = shapes(await boardRecords(server, fresh, admin));
    const rightEdge = Math.max(
      ...before.map((s) => (s.x as number) + (s.props as { w: number }).w),
    );

    const done = await commit(url, admin, preview.id, request);
    expect(done.body).toMatchObject({ dryRun: false, created: 4, themes: 3 });
    const records = await boardRecords(server, fresh, admin);
    const themes = shapes(records, 'theme');
    expect(themes.map((t) => (t.props as { label: string }).label).sort()).toEqual([
      'Logement',
      'Mobilité',
      'Sans valeur',
    ]);
    type Shape = {
      id: string;
      x: number;
      y: number;
      parentId: string;
      props: { w: number; h: number };
    };
    const boxes: { x: number; y: number; w: number; h: number }[] = [];
    for (const theme of themes as unknown as Shape[]) {
      expect(theme.x).toBeGreaterThan(rightEdge);
      const children = (shapes(records, 'observation') as unknown as Shape[]).filter(
        (s) => s.parentId === theme.id,
      );
      expect(children.length).toBeGreaterThan(0);
      for (const child of children) {
        expect(child.x + child.props.w).toBeLessThanOrEqual(theme.props.w);
        expect(child.y + child.props.h).toBeLessThanOrEqual(theme.props.h);
        boxes.push({ x: theme.x + child.x, y: theme.y + child.y, ...child.props });
      }
    }
    expect(boxes).toHaveLength(4);
    for (const s of before as unknown as Shape[]) boxes.push({ x: s.x, y: s.y, ...s.props });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `cards ${i} and ${j} overlap`).toBe(false);
      }
    }
  });

  it('imports indicators with French numbers, listing what it could not read', async () => {
    const csv = [
      'Indicateur\tValeur\tUnité\tTerritoire\tAnnée\tSource',
      'Taux de pauvreté\t12,8 %\t%\tRochebrune\t2021\tInsee',
      'Population\t1\u202f234\thabitants\tRochebrune\t2020\tInsee',
      'Revenu médian\t1 234,5\t€\tSaint-Aubin-sur-Arvière\tvers 2020\tFilosofi',
      'Bénéficiaires RSA\tn.c.\tfoyers\tRochebrune\t2022\tCAF',
      '\t3\t\t\t\t',
    ].join('\n');
    const preview = await upload(url, admin, workspace, csv, { filename: 'indicateurs.tsv' });
    expect(preview.status, JSON.stringify(preview.body)).toBe(201);
    expect(preview.body.delimiter).toBe('\t');
    const fresh = await createBoard(url, admin, workspace, 'Indicateurs');
    const result = await commit(url, admin, preview.body.id, {
      boardId: fresh,
      kind: 'indicator',
      mapping: { label: 0, value: 1, unit: 2, territory: 3, year: 4 },
      constants: { source: 'Insee' },
      defaultDecision: 'accept',
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ created: 4, skipped: 1 });
    expect(result.body.skippedRows[0]!.reason).toBe('libellé vide');
    expect(result.body.unmatched).toEqual(
      expect.arrayContaining([
        { field: 'value', value: 'n.c.', rows: 1 },
        { field: 'year', value: 'vers 2020', rows: 1 },
      ]),
    );
    const byLabel = Object.fromEntries(
      shapes(await boardRecords(server, fresh, admin), 'indicator').map((s) => {
        const p = s.props as { label: string; value: number | null; year: number | null };
        return [p.label, p];
      }),
    );
    expect(byLabel['Taux de pauvreté']).toMatchObject({ value: 12.8, year: 2021, source: 'Insee' });
    expect(byLabel['Population']).toMatchObject({ value: 1234, year: 2020 });
    expect(byLabel['Revenu médian']).toMatchObject({ value: 1234.5, year: null });
    expect(byLabel['Bénéficiaires RSA']).toMatchObject({ value: null, year: 2022 });
  });

  it('limits open imports per person, and forgets expired ones', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await upload(url, admin, workspace, surveyCsv);
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }
    const fourth = await upload(url, admin, workspace, surveyCsv);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error).toBe('too-many-imports');
    await call(url, 'DELETE', `/api/imports/${ids.pop()}`, { cookie: admin });

    skewMs += 31 * 60_000;
    for (const id of ids) {
      const expired = await call(url, 'GET', `/api/imports/${id}`, { cookie: admin });
      expect(expired.status).toBe(410);
      expect(expired.body).toMatchObject({ error: 'import-expired' });
    }
    const late = await commit(url, admin, ids[0]!, {
      boardId: board,
      kind: 'observation',
      mapping: surveyMapping,
      defaultDecision: 'accept',
    });
    expect(late.status).toBe(410);
    // Expired imports no longer count: three new ones fit.
    for (let i = 0; i < 3; i++) {
      const answer = await upload(url, admin, workspace, surveyCsv);
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }
    skewMs += 61 * 60_000;
    const forgotten = await call(url, 'GET', `/api/imports/${ids[0]}`, { cookie: admin });
    expect(forgotten.status).toBe(404);
    expect(forgotten.body).toEqual({
      error: 'import-not-found',
      message: 'Cet import n’existe pas ou a expiré. Importez le fichier à nouveau.',
    });
  });

  it('drops a workspace’s imports when the workspace is erased', async () => {
    const doomed = await createWorkspace(url, admin, { name: 'ABS à effacer' });
    const answer = await upload(url, admin, doomed, surveyCsv);
    expect(answer.status).toBe(201);
    expect((await call(url, 'DELETE', `/api/workspaces/${doomed}`, { cookie: admin })).status).toBe(
      204,
    );
    const gone = await call(url, 'GET', `/api/imports/${answer.body.id}`, { cookie: admin });
    expect(gone.status).toBe(404);
  });
});

describe('import size limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ env: { MAX_IMPORT_BYTES: '2048' } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('refuses a file over MAX_IMPORT_BYTES with 413, giving the limit in Mo', async () => {
    const admin = await signedInAdmin(server);
    const workspace = await createWorkspace(server.httpUrl, admin);
    const big = `verbatim\r\n${'"Une réponse assez longue pour dépasser la limite."\r\n'.repeat(100)}`;
    const refused = await upload(server.httpUrl, admin, workspace, big);
    expect(refused.status).toBe(413);
    expect(refused.body.error).toBe('import-too-large');
    expect(refused.body.message).toMatch(/\d+(,\d+)? Mo/);
    // The refused upload freed its slot: small files still go through, three times.
    for (let i = 0; i < 3; i++) {
      expect((await upload(server.httpUrl, admin, workspace, surveyCsv)).status).toBe(201);
    }
  });
});
