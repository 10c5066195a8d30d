import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, chromiumAvailable } from '../helpers/browser.js';
import { waitFor } from '../helpers/wait.js';
import { workshopInChromium } from '../helpers/workshopBrowsers.js';
import { axeViolations } from '../helpers/axe.js';

const available = chromiumAvailable();

/**
 * Issue #15 in Chromium, « vote → results »: an animatrice and two participants in their own
 * profiles. She opens a named vote on a theme's hypotheses with 3 dots each; each participant
 * sees only their own dots; at the close all three see the same ranked results and the counts
 * on the cards. Screenshots of each step in test-artifacts/.
 */
describe.skipIf(!available)('dot-voting in Chromium', () => {
  const { pages, blocked } = workshopInChromium('vote');

  const add = (page: Page, statement: string) =>
    page.getByRole('button', { name: `Ajouter un point sur « ${statement} »` }).click();

  it('opens a vote, keeps each ballot to its owner, and shows everyone the ranked results', async () => {
    const { fanny, alice, bruno } = pages;
    // Participants cannot open a vote.
    expect(await alice.getByRole('button', { name: 'Ouvrir un vote' }).count()).toBe(0);

    await fanny.getByRole('button', { name: 'Ouvrir un vote' }).click();
    const dialog = fanny.getByRole('dialog', { name: 'Ouvrir un vote par gommettes' });
    await dialog.getByLabel('Question posée').fill('Quelles hypothèses vérifier ?');
    await dialog.getByLabel('les cartes d’un thème').check();
    await dialog.getByLabel('Points par personne').fill('3');
    await dialog.getByLabel('Vote anonyme (seuls les totaux seront montrés)').uncheck();
    await fanny.screenshot({ path: artifactPath('vote-1-open-dialog.png') });
    expect(await axeViolations(fanny, '.vote-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Lancer le vote' }).click();

    for (const page of [alice, bruno]) {
      await page.getByTestId('vote-remaining').getByText('3 points restants').waitFor();
    }
    await add(alice, 'Le permis coûte trop cher.');
    await add(alice, 'Le permis coûte trop cher.');
    await add(alice, 'Le car part trop tard.');
    await alice.getByTestId('vote-remaining').getByText('0 point restant').waitFor();
    // With no dot left, adding is no longer offered.
    expect(
      await alice
        .getByRole('button', { name: 'Ajouter un point sur « Le vélo est dangereux ici. »' })
        .isDisabled(),
    ).toBe(true);
    await add(bruno, 'Le permis coûte trop cher.');
    await add(bruno, 'Le vélo est dangereux ici.');
    await bruno.getByTestId('vote-remaining').getByText('1 point restant').waitFor();

    // Each sees their own dots only: Bruno's H2 shows his one dot, not Alice's two.
    const mine = (page: Page, card: string) =>
      page.locator(`.vote-card[data-card-id="${card}"] .vote-mine`).getAttribute('aria-label');
    expect(await mine(bruno, 'shape:H2')).toBe('1 point à moi');
    expect(await mine(alice, 'shape:H2')).toBe('2 points à moi');
    // The animatrice may vote too; she did not, and sees none of theirs.
    expect(await mine(fanny, 'shape:H2')).toBe('0 point à moi');
    await fanny.getByText('2 personnes ont voté').waitFor({ timeout: 15_000 });
    await alice.screenshot({ path: artifactPath('vote-2-alice-dots.png') });
    await bruno.screenshot({ path: artifactPath('vote-3-bruno-dots.png') });
    expect(await axeViolations(alice, '[data-testid="vote-bar"]')).toEqual([]);

    await fanny.getByRole('button', { name: 'Clôturer le vote' }).click();
    for (const page of [fanny, alice, bruno]) {
      const results = page.getByRole('region', {
        name: 'Résultats du vote : Quelles hypothèses vérifier ?',
      });
      await results.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
        await page.screenshot({ path: artifactPath('vote-results-missing.png') });
        throw error;
      });
      const rows = await results.locator('li').allInnerTexts();
      expect(rows[0]).toMatch(
        /^3 points Le permis coûte trop cher\. — (Alice, Bruno|Bruno, Alice)$/,
      );
      expect(rows.slice(1, 3).sort()).toEqual([
        '1 point Le car part trop tard. — Alice',
        '1 point Le vélo est dangereux ici. — Bruno',
      ]);
      expect(rows[3]).toBe('0 point Le covoiturage manque.');
      // The counts on the cards, from the cards themselves.
      await waitFor(
        async () =>
          (await page.locator('.vote-card[data-card-id="shape:H2"] .vote-total').textContent()) ===
          '3 points',
        { what: 'the count on the card', timeoutMs: 15_000 },
      );
    }
    await fanny.screenshot({ path: artifactPath('vote-4-results-fanny.png') });
    await bruno.screenshot({ path: artifactPath('vote-5-results-bruno.png') });
    expect(await axeViolations(bruno, '.vote-results')).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
