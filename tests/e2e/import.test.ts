import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMember, call } from '../helpers/accounts.js';
import { artifactPath, chromiumAvailable } from '../helpers/browser.js';
import {
  openSignedIn,
  startWorkspaceServer,
  stopWorkspaceServer,
  type WorkspaceSetup,
} from '../helpers/e2eWorkspace.js';
import { waitFor } from '../helpers/wait.js';
import { axeViolations } from '../helpers/axe.js';

const available = chromiumAvailable();

/** Windows-1252, as French Excel saves a CSV: Latin-1 plus the typographic characters. */
const cp1252Extras: Record<string, number> = { '€': 0x80, '…': 0x85, '’': 0x92, œ: 0x9c };
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0) ?? 0x3f;
      const extra = cp1252Extras[char];
      if (extra !== undefined) return extra;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      throw new Error(`no Windows-1252 byte for ${char}`);
    }),
  );
}

/**
 * A questionnaire export as Excel FR writes it: `;`, CRLF, a quoted multi-line answer, names,
 * an e-mail, a phone, an address and a birth date in the answers, traps beside them (a price, a
 * time, a commune named after a saint), and one empty answer.
 */
const surveyRows = [
  ['Horodateur', 'Réponse', 'Commune', 'Profil', 'Date'],
  [
    '01/03/2026 10:12',
    'M. Bernard Lefèvre, né le 3 mars 1954, vit seul depuis l’hiver ; il attend une place en foyer.',
    'Saint-Aubin-sur-Arvière',
    'personnes âgées',
    '01/03/2026',
  ],
  [
    '02/03/2026 09:40',
    'Pour joindre l’assistante sociale j’écris à claire.martin@example.fr ou j’appelle le 06 12 34 56 78, sans réponse.',
    'Rochebrune',
    'jeunes 16-25 ans',
    '02/03/2026',
  ],
  [
    '02/03/2026 14:05',
    'Mme Dupont habite au 12 rue des Lilas : « le loyer a pris 450 € cette année ».\r\nDeuxième ligne : la cantine coûte trop cher pour mes enfants.',
    'Rochebrune',
    'jeunes 16-25 ans',
    '02/03/2026',
  ],
  ['03/03/2026 08:00', '', 'Rochebrune', '', '03/03/2026'],
  [
    '04/03/2026 17:30',
    'Le bus de 6 h 50 ne passe plus à Saint-Aubin-sur-Arvière, je rate mon travail à l’usine.',
    'Saint-Aubin-sur-Arvière',
    'jeunes 16-25 ans',
    '04/03/2026',
  ],
];
const surveyCsv = windows1252(
  surveyRows
    .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(';'))
    .join('\r\n') + '\r\n',
);
const personalStrings = ['Lefèvre', 'Dupont', '12 rue des Lilas', '3 mars 1954'];

describe.skipIf(!available)('importing a survey export in Chromium', () => {
  let setup: WorkspaceSetup;
  let workspaceUrl = '';
  let affinityBoard = '';
  let largeBoard = '';
  let contributorCookie = '';
  let admin: Page;
  let shot = 0;

  // The affinity template's example card (« Exemple : … ») is not one of the imported cards.
  const observations = (page: Page) =>
    page.locator('.tl-shape[data-shape-type="observation"]').filter({ hasNotText: 'Exemple :' });
  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: artifactPath(`import-${++shot}-${name}.png`), fullPage: true });

  async function expectAccessible(page: Page, what: string) {
    // Evaluated through the DevTools protocol, which the page's CSP does not restrict.
    const violations = await axeViolations(page);
    expect(violations, what).toEqual([]);
  }

  async function createBoard(title: string, template: string): Promise<string> {
    const answer = await call<{ id: string }>(
      setup.server.httpUrl,
      'POST',
      `/api/workspaces/${setup.workspace}/boards`,
      { cookie: setup.admin, body: { title, template } },
    );
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  async function openBoard(page: Page, boardId: string) {
    await page.goto(`${setup.server.httpUrl}/b/${boardId}`);
    await page.locator('.tl-canvas').waitFor({ timeout: 60_000 });
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
  }

  /** The ids of the imports `page` uploads, as the server answered them, in order. */
  function uploadedIds(page: Page): string[] {
    const ids: string[] = [];
    page.on('response', (response) => {
      const upload = /\/api\/workspaces\/[^/]+\/imports/.test(response.url());
      if (upload && response.status() === 201) {
        void response.json().then((body: { id: string }) => ids.push(body.id));
      }
    });
    return ids;
  }

  /** Waits until the server no longer knows the import (cancelled, forgotten). */
  async function forgotten(page: Page, importId: string) {
    await waitFor(
      async () =>
        (await page.request.get(`${setup.server.httpUrl}/api/imports/${importId}`)).status() ===
        404,
      { what: `import ${importId} forgotten`, timeoutMs: 15_000, intervalMs: 100 },
    );
  }

  beforeAll(async () => {
    setup = await startWorkspaceServer();
    workspaceUrl = `${setup.server.httpUrl}/w/${setup.workspace}`;
    affinityBoard = await createBoard('Regroupement des observations', 'affinity-map');
    largeBoard = await createBoard('Questionnaire habitants', 'blank');
    contributorCookie = (
      await addMember(setup.server.httpUrl, setup.admin, setup.workspace, {
        email: 'ines@ccas.example.fr',
        displayName: 'Inès',
        role: 'contributeur',
      })
    ).cookie;
    admin = await (await openSignedIn(setup, 'admin', setup.admin)).context.newPage();
  }, 120_000);

  afterAll(async () => {
    await stopWorkspaceServer(setup);
  });

  it('takes a Windows-1252 survey from file to pseudonymised cards another person sees live', async () => {
    const viewer = await (await openSignedIn(setup, 'ines', contributorCookie)).context.newPage();
    await openBoard(viewer, affinityBoard);
    expect(await observations(viewer).count()).toBe(0);

    const ids = uploadedIds(admin);
    await admin.goto(workspaceUrl);
    await admin.getByRole('link', { name: 'Importer un fichier' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Importer un fichier' }).waitFor();
    await admin.getByLabel('Tableau').selectOption({ label: 'Regroupement des observations' });
    await admin.getByLabel('des observations de terrain').check();
    await admin.getByLabel(/^Fichier \(CSV/).setInputFiles({
      name: 'questionnaire-excel.csv',
      mimeType: 'text/csv',
      buffer: surveyCsv,
    });
    await expectAccessible(admin, 'the file step');
    await screenshot(admin, 'file');
    await admin.getByRole('button', { name: 'Envoyer et prévisualiser' }).click();

    // Preview: encoding and separator detected, accents and typography intact.
    await admin.getByRole('heading', { level: 2, name: 'Aperçu' }).waitFor({ timeout: 20_000 });
    expect(await admin.getByLabel('Encodage').inputValue()).toBe('windows-1252');
    expect(
      await admin
        .getByLabel('Encodage')
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
    ).toBe('Windows-1252 (Excel français)');
    expect(await admin.getByLabel('Séparateur').inputValue()).toBe(';');
    const table = admin.locator('table.import-table');
    expect(await table.locator('thead th').allInnerTexts()).toEqual([
      'Ligne',
      'Horodateur',
      'Réponse',
      'Commune',
      'Profil',
      'Date',
    ]);
    const previewText = await table.innerText();
    expect(previewText).toContain('né le 3 mars 1954, vit seul depuis l’hiver');
    expect(previewText).toContain('« le loyer a pris 450 € cette année »');
    expect(previewText).toContain('Deuxième ligne');
    expect(await admin.getByTestId('import-row-count').innerText()).toBe('5 lignes de données');
    await screenshot(admin, 'preview');

    // Forcing another encoding reads the file again and forgets the previous upload.
    const read = async (encoding: string, expected: number) => {
      await admin.getByLabel('Encodage').selectOption(encoding);
      await admin.getByRole('button', { name: 'Relire le fichier' }).click();
      await waitFor(() => ids.length === expected, { what: `upload ${expected}` });
      await admin.getByRole('heading', { level: 2, name: 'Aperçu' }).waitFor();
      await waitFor(async () => (await admin.getByLabel('Encodage').inputValue()) === encoding, {
        what: `the preview read as ${encoding}`,
      });
    };
    await read('iso-8859-15', 2);
    expect(await table.innerText()).not.toContain('l’hiver');
    await forgotten(admin, ids[0] ?? '');
    await read('windows-1252', 3);
    expect(await table.innerText()).toContain('l’hiver');
    await forgotten(admin, ids[1] ?? '');
    await admin.getByRole('button', { name: 'Continuer vers les colonnes' }).click();

    // Mapping guessed from the column names; the dry run says what will happen.
    await admin.getByRole('heading', { level: 2, name: 'Colonnes' }).waitFor();
    expect(await admin.getByLabel(/^Verbatim/).inputValue()).toBe('column:1');
    expect(await admin.getByLabel(/^Commune/).inputValue()).toBe('column:2');
    expect(await admin.getByLabel(/^Public/).inputValue()).toBe('column:3');
    expect(await admin.getByLabel(/^Date/).inputValue()).toBe('column:4');
    expect(await admin.getByLabel(/^Source/).inputValue()).toBe('constant');
    expect(await admin.getByLabel('Valeur fixe pour « Source »').inputValue()).toBe(
      'questionnaire',
    );
    const dryRun = admin.getByTestId('import-dry-run');
    await waitFor(
      async () =>
        (await dryRun.count()) > 0 && !(await dryRun.innerText()).includes('Vérification'),
      {
        what: 'the dry run',
        timeoutMs: 15_000,
      },
    );
    expect(await dryRun.innerText()).toContain('4 cartes seront créées');
    expect(await dryRun.innerText()).toContain('1 ligne ignorée');
    expect(await admin.locator('.import-result').innerText()).toContain('personnes âgées');
    await expectAccessible(admin, 'the mapping step');
    await screenshot(admin, 'mapping');
    await admin.getByRole('button', { name: 'Vérifier les données personnelles' }).click();

    // Review: every finding listed; the e-mail kept, the phone replaced by other words.
    await admin
      .getByRole('heading', { level: 2, name: 'Données personnelles à vérifier' })
      .waitFor();
    const findings = admin.locator('li.finding');
    const marked = await findings.locator('mark').allInnerTexts();
    for (const item of [
      'Bernard Lefèvre',
      'claire.martin@example.fr',
      '06 12 34 56 78',
      'Dupont',
      '12 rue des Lilas',
      '3 mars 1954',
    ]) {
      expect(
        marked.some((text) => text.includes(item)),
        item,
      ).toBe(true);
    }
    expect(marked.join('\n')).not.toMatch(/450|6 h 50|Saint-Aubin/);
    const finding = (text: string) =>
      findings.filter({ has: admin.locator('mark', { hasText: text }) });
    const email = finding('claire.martin@example.fr');
    await email.getByLabel('Garder tel quel').check();
    const phone = finding('06 12 34 56 78');
    await phone.getByRole('textbox').fill('[numéro masqué]');
    expect(await phone.getAttribute('data-decision')).toBe('edit');
    expect(await email.getAttribute('data-decision')).toBe('reject');
    await expectAccessible(admin, 'the review step');
    await screenshot(admin, 'review');
    await admin.getByRole('button', { name: 'Continuer', exact: true }).click();

    await admin.getByRole('button', { name: 'Créer 4 cartes' }).click();
    await admin
      .getByRole('status')
      .getByText('4 observations ajoutées au tableau « Regroupement des observations ».')
      .waitFor({ timeout: 30_000 });
    await screenshot(admin, 'created');

    // The other person sees the cards arrive, pseudonymised as reviewed.
    await waitFor(async () => (await observations(viewer).count()) === 4, {
      what: 'the four imported cards at the viewer’s',
      timeoutMs: 20_000,
    });
    const onBoard = await viewer.locator('.tl-shapes').evaluate((e) => e.textContent ?? '');
    expect(onBoard).toContain('[numéro masqué]');
    expect(onBoard).toContain('claire.martin@example.fr');
    expect(onBoard).toContain('450 €');
    expect(onBoard).toContain('6 h 50');
    for (const personal of personalStrings) expect(onBoard, personal).not.toContain(personal);
    await screenshot(viewer, 'board-viewer');

    await admin.getByRole('button', { name: 'Ouvrir le tableau' }).click();
    await admin.locator('.tl-canvas').waitFor({ timeout: 20_000 });
    await waitFor(async () => (await observations(admin).count()) === 4, { what: 'the board' });
    // Opened on the imported block: its first card named in the address, selected.
    expect(decodeURIComponent(new URL(admin.url()).hash)).toMatch(/^#shape:/);
    // The side panel shows the selected card: one of the imported verbatims.
    await waitFor(
      async () =>
        (
          await admin
            .locator('#card-field-verbatim')
            .inputValue({ timeout: 1_000 })
            .catch(() => '')
        ).length > 0,
      { what: 'an imported card selected' },
    );
    await screenshot(admin, 'board-opened-on-import');
    expect(setup.blocked).toEqual([]);
  }, 180_000);

  it('shows progress on a large file and ends with every card created', async () => {
    const rows = 3000;
    const csv = ['Commentaire,Commune'];
    for (let i = 1; i <= rows; i += 1) {
      csv.push(`"Avis n°${i} : les horaires du bus ne conviennent pas aux familles",Rochebrune`);
    }
    await admin.goto(`${workspaceUrl}/import?board=${largeBoard}`);
    expect(await admin.getByLabel('Tableau').inputValue()).toBe(largeBoard);
    await admin.getByLabel(/^Fichier \(CSV/).setInputFiles({
      name: 'questionnaire.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.join('\n'), 'utf8'),
    });
    await admin.getByRole('button', { name: 'Envoyer et prévisualiser' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Aperçu' }).waitFor({ timeout: 30_000 });
    expect(await admin.getByTestId('import-row-count').innerText()).toBe('3000 lignes de données');
    await admin.getByRole('button', { name: 'Continuer vers les colonnes' }).click();
    await admin
      .getByRole('button', { name: 'Vérifier les données personnelles' })
      .click({ timeout: 30_000 });
    await admin.getByRole('button', { name: 'Continuer', exact: true }).click();
    await admin.getByRole('button', { name: `Créer ${rows} cartes` }).click();

    // The bar is caught mid-way if the server is slow enough; never required.
    const bar = admin.getByRole('progressbar', { name: 'Création des cartes' });
    const done = admin.getByRole('status').getByText(`${rows} observations ajoutées`);
    let caught = false;
    await waitFor(
      async () => {
        if (!caught && (await bar.count()) > 0) {
          const now = Number(await bar.getAttribute('aria-valuenow').catch(() => '0'));
          if (now > 0 && now < rows) {
            caught = true;
            await screenshot(admin, 'large-progress');
          }
        }
        return (await done.count()) > 0;
      },
      { what: 'the large import to finish', timeoutMs: 120_000, intervalMs: 50 },
    );
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(rows));
    expect(await bar.getAttribute('aria-valuemax')).toBe(String(rows));
    await screenshot(admin, 'large-done');

    await admin.getByRole('button', { name: 'Ouvrir le tableau' }).click();
    await admin.locator('.tl-canvas').waitFor({ timeout: 30_000 });
    await waitFor(async () => (await observations(admin).count()) === rows, {
      what: `the ${rows} cards on the board`,
      timeoutMs: 90_000,
      intervalMs: 250,
    });
  }, 300_000);

  it('imports an indicator table (UTF-8 with BOM, tabs) as indicator cards', async () => {
    const board = await createBoard('Hypothèses et indicateurs', 'blank');
    const table = [
      ['Indicateur', 'Valeur', 'Unité', 'Territoire', 'Année', 'Source'],
      ['Taux de pauvreté des 75 ans et plus', '14,2', '%', 'Rochebrune', '2022', 'Insee Filosofi'],
      ['Allocataires du RSA', '312', 'foyers', 'Saint-Aubin-sur-Arvière', '2024', 'CAF'],
      ['Part des ménages sans voiture', '11,5', '%', 'Rochebrune', '2021', 'Insee RP'],
    ];
    await admin.goto(`${workspaceUrl}/import?board=${board}`);
    await admin.getByLabel('des indicateurs').check();
    await admin.getByLabel(/^Fichier \(CSV/).setInputFiles({
      name: 'indicateurs.tsv',
      mimeType: 'text/tab-separated-values',
      buffer: Buffer.from(`\uFEFF${table.map((row) => row.join('\t')).join('\n')}\n`, 'utf8'),
    });
    await admin.getByRole('button', { name: 'Envoyer et prévisualiser' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Aperçu' }).waitFor({ timeout: 20_000 });
    expect(await admin.getByLabel('Encodage').inputValue()).toBe('utf-8');
    expect(await admin.getByLabel('Séparateur').inputValue()).toBe('\t');
    expect(await admin.locator('table.import-table thead th').nth(1).innerText()).toBe(
      'Indicateur',
    );
    await admin.getByRole('button', { name: 'Continuer vers les colonnes' }).click();
    const fields = ['Libellé', 'Valeur', 'Unité', 'Territoire', 'Année', 'Source'];
    for (const [column, field] of fields.entries()) {
      expect(await admin.getByLabel(new RegExp(`^${field}`)).inputValue(), field).toBe(
        `column:${column}`,
      );
    }
    await admin
      .getByTestId('import-dry-run')
      .getByText('3 cartes seront créées')
      .waitFor({ timeout: 15_000 });
    await admin.getByRole('button', { name: 'Vérifier les données personnelles' }).click();
    await admin.getByText('Aucune donnée personnelle détectée').waitFor();
    await admin.getByRole('button', { name: 'Continuer', exact: true }).click();
    await admin.getByRole('button', { name: 'Créer 3 cartes' }).click();
    await admin
      .getByRole('status')
      .getByText('3 indicateurs ajoutés au tableau « Hypothèses et indicateurs ».')
      .waitFor({ timeout: 30_000 });
    await admin.getByRole('button', { name: 'Ouvrir le tableau' }).click();
    await admin.locator('.tl-canvas').waitFor({ timeout: 60_000 });
    const indicators = admin.locator('.tl-shape[data-shape-type="indicator"]');
    await waitFor(async () => (await indicators.count()) === 3, { what: 'three indicators' });
    const text = await admin.locator('.tl-shapes').evaluate((e) => e.textContent ?? '');
    expect(text).toContain('Taux de pauvreté des 75 ans et plus');
  }, 120_000);

  it('says why a file is refused, and forgets the upload when the person cancels or leaves', async () => {
    const page = await admin.context().newPage();
    const ids = uploadedIds(page);
    const upload = async () => {
      const before = ids.length;
      await page.goto(`${workspaceUrl}/import`);
      await page.getByLabel(/^Fichier \(CSV/).setInputFiles({
        name: 'questionnaire-excel.csv',
        mimeType: 'text/csv',
        buffer: surveyCsv,
      });
      await page.getByRole('button', { name: 'Envoyer et prévisualiser' }).click();
      await page.getByRole('heading', { level: 2, name: 'Aperçu' }).waitFor({ timeout: 20_000 });
      await waitFor(() => ids.length === before + 1, { what: 'the upload’s id' });
      return ids.at(-1) ?? '';
    };

    // A file the server cannot import: its French reason, and the person stays on the first step.
    await page.goto(`${workspaceUrl}/import`);
    await page.getByLabel(/^Fichier \(CSV/).setInputFiles({
      name: 'vide.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('  \r\n\r\n', 'utf8'),
    });
    await page.getByRole('button', { name: 'Envoyer et prévisualiser' }).click();
    await page.getByRole('alert').getByText('Le fichier est vide.').waitFor();
    expect(ids).toEqual([]);

    const cancelled = await upload();
    expect(
      (await page.request.get(`${setup.server.httpUrl}/api/imports/${cancelled}`)).status(),
    ).toBe(200);
    await page.getByRole('button', { name: 'Annuler l’import' }).click();
    await page.getByRole('status').getByText('Import annulé').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Fichier' }).waitFor();
    await forgotten(page, cancelled);

    const left = await upload();
    await page.getByRole('link', { name: /Retour à l’espace/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Tableaux' }).waitFor();
    await forgotten(page, left);
    await page.close();
  }, 90_000);

  it('tells a contributor they cannot import, and the server refuses them', async () => {
    const person = setup.people.find((p) => p.profileDir.includes('boussole-ines-'));
    const page = await (
      person ?? (await openSignedIn(setup, 'ines2', contributorCookie))
    ).context.newPage();
    await page.goto(workspaceUrl);
    await page.getByRole('heading', { level: 2, name: 'Tableaux' }).waitFor();
    expect(await page.getByRole('link', { name: 'Importer un fichier' }).count()).toBe(0);

    await page.goto(`${workspaceUrl}/import`);
    await page.getByText('Seuls les animateurs et les administrateurs').waitFor();
    expect(await page.getByLabel(/^Fichier \(CSV/).count()).toBe(0);
    await expectAccessible(page, 'the refusal');

    const refused = await page.request.post(
      `${setup.server.httpUrl}/api/workspaces/${setup.workspace}/imports`,
      {
        headers: { 'x-boussole-csrf': '1' },
        multipart: { file: { name: 'a.csv', mimeType: 'text/csv', buffer: surveyCsv } },
      },
    );
    expect(refused.status()).toBe(403);
  }, 60_000);
});
