import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { putDefaultDocument } from '../../client/testing/boardPeers.js';
import { cardRecord } from '../../client/testing/cardRecords.js';
import { chromiumAvailable, type Person } from '../helpers/browser.js';
import type { ChildServer } from '../helpers/childServer.js';
import {
  openSignedIn,
  startWorkspaceServer,
  stopWorkspaceServer,
  type WorkspaceSetup,
} from '../helpers/e2eWorkspace.js';
import { call, createBoard } from '../helpers/accounts.js';
import { bindTab, connectBoard, type BoardClient, type BoardTab } from '../helpers/boardClients.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

/**
 * Issue #5, live links to the boards: a drafter inserts the préconisations into the report;
 * someone changes a card on the board; the excerpt says so, is refreshed in one click, and the
 * new text is in the report and its exports. Each item links back to its card.
 */
describe.skipIf(!available)('a préconisations excerpt in the report, in Chromium', () => {
  let setup: WorkspaceSetup;
  let server: ChildServer;
  let blocked: string[] = [];
  let person: Person;
  let page: Page;
  let facilitator: BoardClient;
  let tab: BoardTab;
  let reportId = '';
  let admin = '';

  const excerpt = () => page.locator('.board-excerpt[data-source="recommendations"]');

  beforeAll(async () => {
    setup = await startWorkspaceServer({ name: 'ABS Val d’Arvière' });
    ({ server, blocked, admin } = setup);
    const { workspace } = setup;
    const url = server.httpUrl;
    const board = await createBoard(url, admin, workspace, 'Préconisations');
    // Someone at the workshop writes two préconisations on the board.
    facilitator = await connectBoard(server.collabUrl, board, admin);
    tab = bindTab(facilitator);
    putDefaultDocument(tab.store);
    tab.store.put([
      cardRecord(tab.store, 'recommendation', 'r1', {
        props: { title: 'Navette vers la gare', priority: 'moyenne', leadOrganisation: 'CCVA' },
      }),
      cardRecord(tab.store, 'recommendation', 'r2', {
        x: 300,
        props: { title: 'Permanence sociale à Rochebrune', priority: 'haute' },
      }),
    ]);
    const report = await call<{ id: string }>(url, 'POST', `/api/workspaces/${workspace}/report`, {
      cookie: admin,
    });
    reportId = report.body.id;
    person = await openSignedIn(setup, 'redaction', admin);
    page = await person.context.newPage();
    await page.goto(`${url}/r/${reportId}`);
    await page.locator('.report-text').waitFor({ timeout: 20_000 });
    await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
  }, 120_000);

  afterAll(async () => {
    facilitator?.destroy();
    await stopWorkspaceServer(setup);
  });

  it('inserts the préconisations at the cursor, each linked to its card', async () => {
    await page.locator('.report-text h2:has-text("Préconisations et pistes d’action") + p').click();
    await page.keyboard.press('End');
    const menu = page.getByLabel('Insérer depuis les tableaux…');
    await waitFor(async () => !(await menu.isDisabled()), { what: 'the boards to load' });
    await menu.selectOption('recommendations');
    await excerpt().waitFor();
    const text = await excerpt().innerText();
    // Haute first, then moyenne.
    expect(text.indexOf('Permanence sociale à Rochebrune')).toBeLessThan(
      text.indexOf('Navette vers la gare'),
    );
    expect(await excerpt().getAttribute('data-changed')).toBe('false');
    const link = await excerpt()
      .locator('a', { hasText: 'Navette vers la gare' })
      .getAttribute('href');
    expect(link).toMatch(/\/b\/board-[^#]+#shape%3Ar1$/);
    // Following it opens the board on that card, selected.
    const board = await person.context.newPage();
    await board.goto(link ?? '');
    await board.locator('.tl-canvas').waitFor({ timeout: 20_000 });
    // The side panel shows the selected card.
    await expect
      .poll(
        () =>
          board
            .getByLabel('Titre', { exact: true })
            .inputValue()
            .catch(() => ''),
        {
          timeout: 10_000,
        },
      )
      .toBe('Navette vers la gare');
    await board.close();
  });

  it('says when the board changed, and refreshes in one click', async () => {
    const card = tab.store.get('shape:r1' as never) as unknown as {
      props: Record<string, unknown>;
    };
    tab.store.put([
      { ...card, props: { ...card.props, title: 'Navette vers la gare de Villemoutier' } } as never,
    ]);
    await waitFor(async () => (await excerpt().getAttribute('data-changed')) === 'true', {
      what: 'the excerpt to be flagged as changed',
    });
    await excerpt().getByText('Les tableaux ont changé depuis l’insertion.').waitFor();
    await excerpt().getByRole('button', { name: 'Actualiser' }).click();
    await waitFor(async () => (await excerpt().getAttribute('data-changed')) === 'false', {
      what: 'the refreshed excerpt',
    });
    expect(await excerpt().innerText()).toContain('Navette vers la gare de Villemoutier');
    const markdown = () =>
      fetch(`${server.httpUrl}/api/reports/${reportId}/export?format=md`, {
        headers: { cookie: admin },
      }).then((r) => r.text());
    await waitFor(async () => (await markdown()).includes('Navette vers la gare de Villemoutier'), {
      what: 'the refreshed excerpt in the Markdown export',
    });
    expect(blocked).toEqual([]);
  });
});
