import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { setupTokenFromLogs } from '../helpers/accounts.js';
import { startBuiltServer } from '../helpers/e2eWorkspace.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

interface DemoWorkspace {
  name: string;
  period: { start: string; end: string };
  communes: { code: string; name: string }[];
  themes: string[];
  publics: string[];
}
const valDArviere = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../shared/data/val-d-arviere/workspace.json'),
    'utf8',
  ),
) as DemoWorkspace;

/**
 * Issue #4 end to end, in Chromium with one browser profile per person: an administrator sets
 * up the instance, creates the Val d'Arvière workspace through the form, invites a contributor
 * and a reader by link; the reader sees the board live but cannot change it; the administrator
 * finds it all in the audit log, downloads the RGPD archive and purges the board's history.
 */
describe.skipIf(!available)('an administrator runs a workspace in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  const people: Person[] = [];
  let admin: Page;
  let boardUrl = '';
  let workspaceUrl = '';
  const links: Record<'contributeur' | 'lecteur', string> = { contributeur: '', lecteur: '' };

  const observations = (page: Page) => page.locator('.tl-shape[data-shape-type="observation"]');

  async function newPage(name: string): Promise<Page> {
    const person = await openPerson(name, blocked);
    people.push(person);
    return person.context.newPage();
  }

  beforeAll(async () => {
    server = await startBuiltServer();
    admin = await newPage('admin');
  }, 120_000);

  afterAll(async () => {
    for (const person of people) await person.close();
    await killAllChildren();
  });

  it('creates the administrator from the setup link, then the workspace from the form', async () => {
    await admin.goto(`${server.httpUrl}/setup#${setupTokenFromLogs(server.logs)}`);
    // The tab shows Boussole's icon, served with the client (no 404 in the console).
    const icon = await admin.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href;
      return href ? (await fetch(href)).headers.get('content-type') : null;
    });
    expect(icon).toMatch(/^image\/svg\+xml/);
    await admin.getByLabel('Votre nom').fill('Nadia Benali');
    await admin.getByLabel('Adresse e-mail').fill('nadia.benali@cias-arviere.fr');
    await admin.getByLabel('Mot de passe').fill('une phrase de passe solide');
    await admin.getByRole('button', { name: 'Créer le compte' }).click();

    const form = admin.getByRole('form', { name: 'Nouvel espace de travail (une ABS)' });
    await form.getByLabel('Nom', { exact: true }).fill(valDArviere.name);
    await form.getByLabel(/^Type/).selectOption('intercommunale');
    await form.getByLabel('Début', { exact: true }).fill(valDArviere.period.start);
    await form.getByLabel('Fin', { exact: true }).fill(valDArviere.period.end);
    await form
      .getByLabel(/Communes/)
      .fill(valDArviere.communes.map((c) => `${c.code}\t${c.name}`).join('\n'));
    await form.getByLabel(/Thématiques/).fill(valDArviere.themes.join(', '));
    await form.getByLabel(/Publics/).fill(valDArviere.publics.join(', '));
    await form.getByRole('button', { name: 'Créer l’espace' }).click();

    await admin.getByRole('heading', { level: 1, name: valDArviere.name }).waitFor();
    workspaceUrl = admin.url();
    const body = await admin.locator('main').innerText();
    for (const commune of valDArviere.communes) {
      expect(body).toContain(`${commune.name} (${commune.code})`);
    }
    expect(body).toContain('mobilité');
    expect(body).toContain('personnes âgées 75 ans et plus');
  });

  it('invites a contributor and a reader by link', async () => {
    for (const role of ['contributeur', 'lecteur'] as const) {
      const form = admin.getByRole('form', { name: 'Créer un lien' });
      await form.getByLabel(/^Rôle/).selectOption(role);
      await form.getByRole('button', { name: 'Créer un lien' }).click();
      const shown = admin.getByRole('textbox', { name: /Lien à transmettre/ });
      await waitFor(async () => (await shown.inputValue()) !== links.contributeur, {
        what: `the ${role} link`,
      });
      links[role] = await shown.inputValue();
      expect(links[role]).toMatch(/\/invitation#/);
    }
  });

  it('lets the contributor write on the board, and shows it live to the reader, read-only', async () => {
    const boards = admin.getByRole('form', { name: 'Nouveau tableau' });
    await boards.getByLabel('Titre du tableau').fill('Regroupement des observations');
    await boards.getByRole('button', { name: 'Créer' }).click();
    await admin.locator('.tl-canvas').waitFor({ timeout: 20_000 });
    boardUrl = admin.url();

    const join = async (who: string, link: string) => {
      const page = await newPage(who);
      await page.goto(link);
      await page.getByLabel('Votre prénom ou vos initiales').fill(who);
      await page.getByRole('button', { name: 'Rejoindre' }).click();
      await page.getByRole('heading', { level: 1, name: valDArviere.name }).waitFor();
      await page.goto(boardUrl);
      await page.locator('.tl-canvas').waitFor({ timeout: 20_000 });
      await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
      return page;
    };
    const contributor = await join('Inès', links.contributeur);
    const reader = await join('Marc', links.lecteur);

    expect(await reader.getByRole('button', { name: '+ Observation' }).count()).toBe(0);
    await reader.getByText(/Lecture seule/).waitFor();

    await contributor.getByRole('button', { name: '+ Observation' }).click();
    await waitFor(async () => (await observations(reader).count()) === 1, {
      what: 'the reader to see the contributor’s card live',
    });
    // A reader's keyboard reaches nothing: selecting all and deleting changes no one's board.
    await reader.locator('.tl-canvas').click({ position: { x: 400, y: 300 } });
    await reader.keyboard.press('Control+a');
    await reader.keyboard.press('Delete');
    // The contributor's next card is relayed after whatever the reader sent before it: once
    // the reader sees it, the reader's delete has been dealt with — refused.
    await contributor.getByRole('button', { name: '+ Observation' }).click();
    await waitFor(async () => (await observations(reader).count()) === 2, {
      what: 'the contributor’s second card at the reader’s',
    });
    expect(await observations(contributor).count()).toBe(2);
  });

  it('shows the administrator the audit log, the RGPD archive and the history purge', async () => {
    await admin.goto(workspaceUrl);
    const audit = admin.locator('table.audit-log');
    await audit.waitFor();
    const log = await audit.innerText();
    expect(log).toContain('Espace créé');
    expect(log).toContain('Lien d’invitation créé');
    expect(log).toContain('Nadia Benali');

    const href = await admin
      .getByRole('link', { name: 'Exporter l’espace (archive .zip)' })
      .getAttribute('href');
    const archive = await admin.request.get(new URL(href ?? '', server.httpUrl).href);
    expect(archive.status()).toBe(200);
    const files = Object.keys(unzipSync(new Uint8Array(await archive.body())));
    expect(files).toEqual(
      expect.arrayContaining(['workspace.json', 'members.json', 'audit-log.json']),
    );
    expect(files.some((f) => f.endsWith('/document.json'))).toBe(true);
    // Clicked, the link saves the archive under the server's name, and the log shows it.
    const download = admin.waitForEvent('download');
    await admin.getByRole('link', { name: 'Exporter l’espace (archive .zip)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^boussole-.*\.zip$/);
    await audit.getByText('Espace exporté (archive RGPD)').first().waitFor();

    // The purge lives in the board's settings, behind its « ⋯ » menu (workspace-home test).
    await admin.getByRole('button', { name: /^Actions — Regroupement/ }).click();
    await admin.getByRole('menuitem', { name: 'Paramètres' }).click();
    await admin.getByRole('button', { name: /Purger l’historique — Regroupement/ }).click();
    await admin.getByRole('dialog').getByText('Aucune version nommée').waitFor();
    await admin.getByRole('button', { name: 'Purger maintenant' }).click();
    await admin
      .getByRole('status')
      .getByText(/Historique purgé/)
      .waitFor();
    expect(blocked).toEqual([]);
  });

  it('lets a staff colleague create workspaces once an instance administrator grants it', async () => {
    const workspaceId = new URL(workspaceUrl).pathname.split('/').pop() ?? '';
    const colleague = {
      email: 'paul.morel@cias-arviere.fr',
      password: 'mot de passe initial 2026',
    };
    const added = await admin.request.post(
      `${server.httpUrl}/api/workspaces/${workspaceId}/members`,
      {
        headers: { 'x-boussole-csrf': '1' },
        data: {
          ...colleague,
          displayName: 'Paul Morel',
          role: 'administrateur',
          instances: [],
          initialPassword: colleague.password,
        },
      },
    );
    expect(added.status()).toBe(201);

    const paul = await newPage('paul');
    await paul.goto(server.httpUrl);
    await paul.getByLabel('Adresse e-mail').fill(colleague.email);
    await paul.getByLabel('Mot de passe').fill(colleague.password);
    await paul.getByRole('button', { name: 'Se connecter' }).click();
    await paul.getByText(/Votre compte ne peut pas créer d’espace de travail/).waitFor();
    const newWorkspace = paul.getByRole('form', { name: 'Nouvel espace de travail (une ABS)' });
    expect(await newWorkspace.count()).toBe(0);

    await admin.goto(server.httpUrl);
    const right = admin.getByRole('checkbox', { name: 'Peut créer des espaces : Paul Morel' });
    expect(await right.isChecked()).toBe(false);
    // The box follows the server: checked once the grant is saved.
    await right.click();
    await waitFor(() => right.isChecked(), { what: 'the right saved' });
    await paul.reload();
    await newWorkspace.waitFor();
    expect(blocked).toEqual([]);
  });
});
