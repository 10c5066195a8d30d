import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../helpers/browser.js';
import type { ChildServer } from '../helpers/childServer.js';
import { stopWorkspaceServer } from '../helpers/e2eWorkspace.js';
import { addMember } from '../helpers/accounts.js';
import { commandAvailable } from '../helpers/commands.js';
import { tempDir } from '../helpers/server.js';
import {
  openReport,
  startReportServer,
  withoutCarets,
  type ReportSetup,
} from '../helpers/reportPages.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

/**
 * Issue #5 in Chromium, one browser profile per person: two drafters write in the same
 * paragraph, see each other's caret, undo only their own words, save a named version, and the
 * print view becomes a PDF holding the report's text.
 */
describe.skipIf(!available)('two drafters on the report in Chromium', () => {
  let setup: ReportSetup;
  let server: ChildServer;
  let blocked: string[] = [];
  let alice: Page;
  let bob: Page;

  const paragraph = (page: Page) =>
    page.locator('.report-text h2:has-text("Contexte et commande des élus") + p');
  const text = (page: Page) => page.locator('.report-text').evaluate(withoutCarets);
  const paragraphText = (page: Page) => paragraph(page).evaluate(withoutCarets);

  beforeAll(async () => {
    setup = await startReportServer();
    ({ server, blocked } = setup);
    const { admin, workspace } = setup;
    const url = server.httpUrl;
    const drafter = (email: string, displayName: string) =>
      addMember(url, admin, workspace, {
        email,
        displayName,
        role: 'contributeur',
        instances: ['comite_redaction'],
      });
    alice = await openReport(
      setup,
      'alice',
      (await drafter('alice@ccas.example.fr', 'Alice Martin')).cookie,
      paragraph,
    );
    bob = await openReport(
      setup,
      'bob',
      (await drafter('bob@ccas.example.fr', 'Bob Durand')).cookie,
      paragraph,
    );
  }, 120_000);

  afterAll(() => stopWorkspaceServer(setup));

  it('merges both drafters’ words in one paragraph, and shows each one’s caret', async () => {
    await paragraph(alice).click();
    await alice.keyboard.press('Home');
    await paragraph(bob).click();
    await bob.keyboard.press('End');
    await alice.keyboard.type('Alice écrit ici. ');
    await bob.keyboard.type(' Bob ajoute là.');
    for (const page of [alice, bob]) {
      await waitFor(
        async () => {
          const t = await paragraphText(page);
          // Home and End go to the ends of the clicked line of a long paragraph: both are in it.
          return t.includes('Alice écrit ici.') && t.includes('Bob ajoute là.');
        },
        { what: 'both drafters’ words in the paragraph' },
      );
    }
    expect(await text(alice)).toBe(await text(bob));
    await bob.locator('.collab-caret-label', { hasText: 'Alice Martin' }).waitFor();
  });

  it('undoes only one’s own words', async () => {
    await alice.keyboard.press('Control+z');
    await waitFor(async () => !(await paragraphText(bob)).includes('Alice écrit'), {
      what: 'Alice’s undo to reach Bob',
    });
    expect(await paragraphText(alice)).toContain('Bob ajoute là.');
    expect(await paragraphText(bob)).toContain('Bob ajoute là.');
  });

  it('saves a named version from the side panel', async () => {
    await alice.getByLabel('Nom de la version').fill('Version validée COPIL du 17/09/2026');
    await alice.getByRole('button', { name: 'Enregistrer une version' }).click();
    await alice.locator('.version-list li', { hasText: 'Version validée COPIL' }).waitFor();
  });

  it('compares the version with the current text, then restores it for both', async () => {
    await paragraph(bob).click();
    await bob.keyboard.press('End');
    await bob.keyboard.type(' Phrase ajoutée après la version.');
    await waitFor(async () => (await paragraphText(alice)).includes('Phrase ajoutée après'), {
      what: 'Bob’s sentence at Alice’s',
    });
    const version = alice.locator('.version-list li', { hasText: 'Version validée COPIL' });
    await version.getByRole('button', { name: 'Comparer' }).click();
    const added = alice.locator('.version-diff .diff-added');
    await added.first().waitFor();
    expect(await added.allInnerTexts()).toEqual([
      expect.stringContaining('Phrase ajoutée après la version.'),
    ]);
    // The paragraph is shown as edited, word by word: its unchanged words are there too.
    const changed = alice.locator('.version-diff .diff-changed');
    expect(await changed.count()).toBe(1);
    expect(await changed.innerText()).toContain('Rappelez l’obligation');
    alice.once('dialog', (dialog) => void dialog.accept());
    await version.getByRole('button', { name: 'Restaurer' }).click();
    for (const page of [alice, bob]) {
      await waitFor(async () => !(await paragraphText(page)).includes('Phrase ajoutée après'), {
        what: 'the restored text on both screens',
      });
    }
    expect(await paragraphText(bob)).toContain('Bob ajoute là.');
    expect(await text(alice)).toBe(await text(bob));
  });

  it('prints to a PDF that holds the report’s text', async () => {
    const href = await alice.getByRole('link', { name: 'Imprimer / PDF' }).getAttribute('href');
    const print = await alice.context().newPage();
    await print.goto(new URL(href ?? '', server.httpUrl).href);
    await print.emulateMedia({ media: 'print' });
    const pdf = await print.pdf({ format: 'A4' });
    if (!commandAvailable('pdftotext', 'poppler-utils')) return;
    const dir = tempDir('boussole-pdf-');
    const file = path.join(dir, 'rapport.pdf');
    fs.writeFileSync(file, pdf);
    // Lines wrap where the page ends them: compare with spaces normalised.
    const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(extracted).toContain('Contexte et commande des élus');
    expect(extracted).toContain('Bob ajoute là.');
    expect(extracted).toContain('Préconisations et pistes d’action');
    expect(blocked).toEqual([]);
  });
});
