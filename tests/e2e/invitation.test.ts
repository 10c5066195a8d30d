import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_INFORMATION_NOTICE } from '@boussole/shared';
import {
  addMember,
  call,
  createAdmin,
  createLink,
  createWorkspace,
  sampleWorkspace,
  setupTokenFromLogs,
} from '../helpers/accounts.js';
import { artifactPath, chromiumAvailable, openPerson } from '../helpers/browser.js';
import { assertClientBuilt, clientDist } from '../helpers/clientBuild.js';
import { buildServer, startChildServer } from '../helpers/childServer.js';
import { openSignedIn, stopWorkspaceServer, type WorkspaceSetup } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { axeViolations } from '../helpers/axe.js';

const available = chromiumAvailable();

const ownNotice = [
  'Vos contributions servent au diagnostic du CIAS du Val d’Arvière, jusqu’au rapport de novembre.',
  'Écrivez à dpo@cias-arviere.example.fr pour voir, corriger ou effacer ce que vous avez écrit.',
].join('\n\n');

const NOTICE_SECTION = 'Notice d’information des invités';

/**
 * Issue #15, « Joining »: the administrator edits the guests' information notice on the
 * workspace page and creates a link for the collectif projet; a guest in a fresh profile reads
 * which ABS, which role and the edited notice before giving a name, takes the suggested
 * pseudonym and lands in the workspace under it. A revoked or unknown link says why in French
 * and offers no form; a facilitator who is not an administrator does not see the notice's
 * editor. axe-core on the invitation page; screenshots in test-artifacts/.
 */
describe.skipIf(!available)('the invitation page and its notice in Chromium', () => {
  let setup: WorkspaceSetup;
  let admin: Page;
  let workspaceUrl = '';
  let link = '';
  let dist = '';

  async function freshPage(name: string): Promise<Page> {
    const person = await openPerson(name, setup.blocked);
    setup.people.push(person);
    return person.context.newPage();
  }

  beforeAll(async () => {
    // startWorkspaceServer's set-up, on a copy of the client: its hashed files stay there even
    // if another run rebuilds client/dist meanwhile.
    assertClientBuilt();
    dist = tempDir('boussole-dist-');
    fs.cpSync(clientDist, dist, { recursive: true });
    await buildServer();
    const server = await startChildServer({
      env: { DATA_DIR: tempDir(), CLIENT_DIST: path.resolve(dist) },
    });
    await waitFor(() => server.logs.some((entry) => typeof entry.setupUrl === 'string'), {
      what: 'the setup link',
    });
    const adminCookie = await createAdmin(server.httpUrl, setupTokenFromLogs(server.logs));
    setup = {
      server,
      admin: adminCookie,
      workspace: await createWorkspace(server.httpUrl, adminCookie),
      blocked: [],
      people: [],
    };
    workspaceUrl = `${setup.server.httpUrl}/w/${setup.workspace}`;
    admin = await (await openSignedIn(setup, 'invitation-admin', setup.admin)).context.newPage();
  }, 120_000);

  afterAll(async () => {
    await stopWorkspaceServer(setup);
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  it('lets the administrator replace the default notice on the workspace page', async () => {
    await admin.goto(workspaceUrl);
    const section = admin.getByRole('region', { name: NOTICE_SECTION });
    const text = section.getByLabel(/Texte de la notice/);
    await section.getByText('Texte par défaut de Boussole.').waitFor({ timeout: 20_000 });
    expect(await text.inputValue()).toContain('analyse des besoins sociaux (ABS)');
    expect(
      await section.getByRole('button', { name: 'Revenir au texte par défaut' }).isDisabled(),
    ).toBe(true);

    await text.fill(ownNotice);
    await section.getByRole('button', { name: 'Enregistrer' }).click();
    await section
      .getByRole('status')
      .getByText(/Notice enregistrée/)
      .waitFor({ timeout: 20_000 });
    await section.getByText(/Texte propre à cet espace, modifié le/).waitFor();
    expect(
      await section.getByRole('button', { name: 'Revenir au texte par défaut' }).isEnabled(),
    ).toBe(true);
    expect(await axeViolations(admin, '.notice-section')).toEqual([]);
    await section.screenshot({ path: artifactPath('invitation-notice-editor.png') });

    // Saved on the server, not only shown: a reload reads it back.
    await admin.reload();
    await waitFor(async () => (await text.inputValue()) === ownNotice, {
      timeoutMs: 20_000,
      what: 'the saved notice after a reload',
    });

    const form = admin.getByRole('form', { name: 'Créer un lien' });
    await form.getByLabel(/^Rôle/).selectOption('contributeur');
    await form.getByLabel(/^Instance/).selectOption('collectif_projet');
    await form.getByRole('button', { name: 'Créer un lien' }).click();
    const shown = admin.getByRole('textbox', { name: /Lien à transmettre/ });
    await waitFor(async () => (await shown.count()) === 1 && (await shown.inputValue()) !== '', {
      timeoutMs: 20_000,
      what: 'the new link',
    });
    link = await shown.inputValue();
    expect(link).toMatch(/\/invitation#/);
  });

  it('tells a guest which ABS, which role and the notice, and lets them join under the suggested pseudonym', async () => {
    const guest = await freshPage('invitation-guest');
    await guest.goto(link);
    const main = guest.locator('main');
    await main.getByText(`« ${sampleWorkspace.name} »`, { exact: false }).waitFor({
      timeout: 20_000,
    });
    const body = await main.innerText();
    expect(body).toContain('Rochebrune');
    expect(body).toContain('Saint-Aubin-sur-Arvière');
    expect(body).toContain(
      'Vous rejoignez le collectif projet en tant que contributeur·rice : vous pourrez écrire sur les tableaux',
    );

    // The edited notice, one paragraph per blank line, under its heading.
    const notice = guest.getByRole('region', {
      name: 'Comment vos contributions et votre nom sont utilisés',
    });
    expect(await notice.locator('p').allInnerTexts()).toEqual(ownNotice.split('\n\n'));

    // The name is the guest's to choose: empty, with a pseudonym one click away.
    const name = guest.getByLabel('Votre prénom ou vos initiales');
    expect(await name.inputValue()).toBe('');
    await guest.getByText('Un prénom ou un pseudonyme suffit.').waitFor();
    expect(await axeViolations(guest, 'main')).toEqual([]);
    await guest.screenshot({ path: artifactPath('invitation-page.png'), fullPage: true });

    const suggest = guest.getByRole('button', { name: /^Utiliser « .+ »$/ });
    const pseudonym = /« (.+) »/.exec(await suggest.innerText())?.[1] ?? '';
    expect(pseudonym.length).toBeGreaterThan(2);
    await suggest.click();
    expect(await name.inputValue()).toBe(pseudonym);

    await guest.getByRole('button', { name: 'Rejoindre' }).click();
    await guest
      .getByRole('heading', { level: 1, name: sampleWorkspace.name })
      .waitFor({ timeout: 20_000 });
    expect(new URL(guest.url()).pathname).toBe(`/w/${setup.workspace}`);
    expect(await guest.locator('.profile-bar .who').innerText()).toBe(pseudonym);
    // A guest reads the notice on the link, never its editor.
    expect(await guest.getByRole('region', { name: NOTICE_SECTION }).count()).toBe(0);
    await guest.screenshot({ path: artifactPath('invitation-joined.png') });
    expect(setup.blocked).toEqual([]);
  });

  it('says in French why a revoked or unknown link cannot be used, with no form', async () => {
    const revoked = await createLink(setup.server.httpUrl, setup.admin, setup.workspace);
    const off = await call(
      setup.server.httpUrl,
      'DELETE',
      `/api/workspaces/${setup.workspace}/links/${revoked.id}`,
      { cookie: setup.admin },
    );
    expect(off.status).toBe(204);

    const guest = await freshPage('invitation-refused');
    await guest.goto(revoked.url.replace(/^https?:\/\/[^/]+/, setup.server.httpUrl));
    await guest
      .getByRole('alert')
      .getByText('Ce lien d’invitation a été désactivé', { exact: false })
      .waitFor({ timeout: 20_000 });
    expect(await guest.getByLabel('Votre prénom ou vos initiales').count()).toBe(0);
    expect(await guest.getByRole('button', { name: 'Rejoindre' }).count()).toBe(0);
    expect(await axeViolations(guest, 'main')).toEqual([]);
    await guest.screenshot({ path: artifactPath('invitation-revoked.png') });

    await guest.goto(`${setup.server.httpUrl}/invitation#pas-un-jeton-valide`);
    await guest
      .getByRole('alert')
      .getByText('Ce lien d’invitation n’est pas valide', { exact: false })
      .waitFor({ timeout: 20_000 });
    expect(await guest.getByRole('button', { name: 'Rejoindre' }).count()).toBe(0);
  });

  it('hides the notice editor from a facilitator who is not an administrator', async () => {
    const { cookie } = await addMember(setup.server.httpUrl, setup.admin, setup.workspace, {
      email: 'fanny@ccas.example.fr',
      displayName: 'Fanny',
      role: 'animateur',
    });
    const fanny = await (await openSignedIn(setup, 'invitation-fanny', cookie)).context.newPage();
    await fanny.goto(workspaceUrl);
    await fanny
      .getByRole('heading', { level: 1, name: sampleWorkspace.name })
      .waitFor({ timeout: 20_000 });
    // The page decides from the role it has just loaded, with the heading: nothing comes later.
    expect(await fanny.getByRole('region', { name: NOTICE_SECTION }).count()).toBe(0);
    // And the server refuses her change anyway.
    const refused = await call(
      setup.server.httpUrl,
      'PUT',
      `/api/workspaces/${setup.workspace}/notice`,
      { cookie, body: { text: 'Rien n’est conservé.' } },
    );
    expect(refused.status).toBe(403);
  });

  it('goes back to the default notice, and guests read it again', async () => {
    await admin.goto(workspaceUrl);
    const section = admin.getByRole('region', { name: NOTICE_SECTION });
    await section.getByText(/Texte propre à cet espace/).waitFor({ timeout: 20_000 });
    await section.getByRole('button', { name: 'Revenir au texte par défaut' }).click();
    await section
      .getByRole('status')
      .getByText('Les invités liront de nouveau le texte par défaut.')
      .waitFor({ timeout: 20_000 });
    await section.getByText('Texte par défaut de Boussole.').waitFor();
    expect(await section.getByLabel(/Texte de la notice/).inputValue()).toBe(
      DEFAULT_INFORMATION_NOTICE,
    );

    const again = await createLink(setup.server.httpUrl, setup.admin, setup.workspace, {
      role: 'lecteur',
    });
    const guest = await freshPage('invitation-default');
    await guest.goto(again.url.replace(/^https?:\/\/[^/]+/, setup.server.httpUrl));
    const notice = guest.getByRole('region', {
      name: 'Comment vos contributions et votre nom sont utilisés',
    });
    await notice.locator('p').first().waitFor({ timeout: 20_000 });
    expect(await notice.locator('p').allInnerTexts()).toEqual(
      DEFAULT_INFORMATION_NOTICE.split('\n\n'),
    );
    await guest.getByText(/en tant que lecteur·rice : vous pourrez consulter/).waitFor();
  });
});
