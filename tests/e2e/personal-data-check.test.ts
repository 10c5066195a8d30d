import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { addMember, browserCookies } from '../helpers/accounts.js';
import { tempDir } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

/**
 * « Vérifier les données personnelles » on the demo's affinity board: the administrator reviews
 * what the detector found in the verbatims, keeps one phone number, pseudonymises the rest, and
 * a reader in another profile sees the new text; the reader is offered neither the check nor
 * the import.
 */
describe.skipIf(!available)('the personal-data check of a board in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  const people: Person[] = [];
  let admin: Page;
  let reader: Page;
  let workspaceUrl = '';

  const card = (page: Page, id: string) =>
    page.locator(`.tl-shape[data-shape-id="shape:demo-${id}"]:not(.tl-shape-background)`);

  beforeAll(async () => {
    let adminCookie: string;
    ({ server, admin: adminCookie } = await startServerWithAdmin(tempDir()));
    const first = await openPerson('pd-admin', blocked);
    people.push(first);
    await first.context.addCookies(browserCookies(adminCookie, server.httpUrl));
    admin = await first.context.newPage();

    await admin.goto(`${server.httpUrl}/`);
    await admin.getByRole('button', { name: 'Charger la démonstration' }).click();
    await admin.waitForURL(/\/w\//, { timeout: 60_000 });
    workspaceUrl = admin.url();
    await waitFor(async () => (await admin.locator('.board-list li').count()) === 3, {
      timeoutMs: 60_000,
      what: 'the demo’s three boards',
    });

    const workspaceId = new URL(workspaceUrl).pathname.split('/').pop() ?? '';
    const member = await addMember(server.httpUrl, adminCookie, workspaceId, {
      email: 'lecteur@ccas.example.fr',
      displayName: 'Louis Lecteur',
      role: 'lecteur',
    });
    const second = await openPerson('pd-reader', blocked);
    people.push(second);
    await second.context.addCookies(browserCookies(member.cookie, server.httpUrl));
    reader = await second.context.newPage();
  }, 180_000);

  afterAll(async () => {
    for (const person of people) await person.close();
    await killAllChildren();
  });

  it('lists the demo’s personal data, applies the reviewed replacements, and the reader sees them', async () => {
    await openBoardFrom(admin, workspaceUrl, /Regroupement des observations/);
    await expect
      .poll(() => admin.locator('.tl-shape[data-shape-type="observation"]').count(), {
        timeout: 20_000,
      })
      .toBe(72);
    await expect(admin.getByRole('link', { name: 'Importer un fichier' }).count()).resolves.toBe(1);

    await admin.getByRole('button', { name: 'Vérifier les données personnelles' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Données personnelles sur ce tableau' });
    await dialog.getByText(/6 données personnelles trouvées/).waitFor({ timeout: 10_000 });
    for (const text of [
      'Georgette Lambert',
      '06 12 34 56 78',
      'kevin.dubreuil@example.org',
      'Rachid Benali',
    ]) {
      await expect(dialog.locator('mark', { hasText: text }).count()).resolves.toBe(1);
    }
    await admin.screenshot({ path: artifactPath('personal-data-check-review.png') });

    const phone = dialog.getByRole('group', { name: /« 06 12 34 56 78 »/ });
    await phone.getByRole('radio', { name: 'Garder tel quel' }).check();
    await dialog.getByText(/1 décidées sur 6/).waitFor();
    // An edited replacement, typed at the keyboard (tldraw's shortcuts must not take the keys).
    const email = dialog.getByRole('textbox', {
      name: /Texte de remplacement \(« kevin\.dubreuil@example\.org »\)/,
    });
    await email.fill('');
    await email.pressSequentially('[contact du CIAS]');
    await dialog.getByText(/2 décidées sur 6/).waitFor();
    await dialog.getByRole('button', { name: 'Appliquer' }).click();
    await dialog.getByText('5 remplacements appliqués sur 3 cartes.').waitFor();

    const o007 = card(admin, 'O007');
    await expect.poll(() => o007.textContent()).toMatch(/Mme \[Personne [AB]\], \[adresse\]/);
    const o007Text = (await o007.textContent()) ?? '';
    expect(o007Text).not.toContain('Lambert');
    expect(o007Text).not.toContain('Tilleuls');
    expect(o007Text).toContain('06 12 34 56 78');
    await expect(card(admin, 'O038').textContent()).resolves.toContain(
      'Contact : [contact du CIAS] — cherche',
    );
    await admin.screenshot({ path: artifactPath('personal-data-check-applied.png') });

    await openBoardFrom(reader, workspaceUrl, /Regroupement des observations/);
    await expect
      .poll(() => card(reader, 'O045').textContent(), { timeout: 20_000 })
      .toMatch(/M\. \[Personne [AB]\] \(.*\[date de naissance\]\)/);
    await expect(card(reader, 'O007').textContent()).resolves.not.toContain('Lambert');
    await expect(
      reader.getByRole('button', { name: 'Vérifier les données personnelles' }).count(),
    ).resolves.toBe(0);
    await expect(reader.getByRole('link', { name: 'Importer un fichier' }).count()).resolves.toBe(
      0,
    );
    await reader.screenshot({ path: artifactPath('personal-data-check-reader.png') });

    // Checked again, the board holds only what was kept on purpose.
    await dialog.getByRole('button', { name: 'Vérifier à nouveau' }).click();
    await dialog.getByText(/1 données personnelles trouvées/).waitFor();
    expect(blocked).toEqual([]);
  }, 180_000);
});
