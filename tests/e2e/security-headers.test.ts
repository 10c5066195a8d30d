import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { browserCookies } from '../helpers/accounts.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

/**
 * The web client under the server's Content-Security-Policy: the home page, the demo's boards
 * with tldraw drawing and creating cards, and the report with Tiptap editing text must work
 * without a single violation; and no other page may frame Boussole.
 */
describe.skipIf(!available)('the client under its Content-Security-Policy in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  /** Every CSP violation any page reported: by its DOM event, and by Chromium's console. */
  const violations: string[] = [];
  let person: Person;
  let page: Page;
  let workspaceUrl = '';

  const shapes = (type: string) => page.locator(`.tl-shape[data-shape-type="${type}"]`);

  const openBoard = (title: RegExp) => openBoardFrom(page, workspaceUrl, title);

  beforeAll(async () => {
    let admin: string;
    ({ server, admin } = await startServerWithAdmin());
    person = await openPerson('csp', blocked);
    await person.context.addCookies(browserCookies(admin, server.httpUrl));
    await person.context.exposeBinding('__cspViolation', (_source, text: string) => {
      violations.push(text);
    });
    // Installed before any page script, in every frame: nothing the app does escapes it.
    await person.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __cspViolation(text: string): void }).__cspViolation;
        void report(
          `${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:` +
            `${event.lineNumber}:${event.columnNumber} (${location.href})`,
        );
      });
    });
    page = await person.context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
  }, 120_000);

  afterAll(async () => {
    await person?.close();
    await killAllChildren();
  });

  it('serves the pages with the policy and the other security headers', async () => {
    for (const path of ['/', '/setup', '/b/nothing-here', '/r/nothing-here', '/w/nothing-here']) {
      const response = await page.goto(`${server.httpUrl}${path}`);
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], path).not.toContain('unsafe-eval');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('same-origin');
    }
  });

  it('loads the demo from the home page without a violation', async () => {
    await page.goto(`${server.httpUrl}/`);
    await page.getByRole('button', { name: 'Charger la démonstration' }).click();
    await page.waitForURL(/\/w\//, { timeout: 60_000 });
    workspaceUrl = page.url();
    await expect.poll(() => page.locator('.board-list li').count(), { timeout: 60_000 }).toBe(3);
    expect(violations).toEqual([]);
  }, 120_000);

  it('lets tldraw draw the cards and create new ones without a violation', async () => {
    await openBoard(/Regroupement des observations/);
    await expect.poll(() => shapes('observation').count(), { timeout: 20_000 }).toBe(72);
    await expect(shapes('theme').count()).resolves.toBe(3);
    await page.getByRole('button', { name: '+ Observation' }).click();
    await expect.poll(() => shapes('observation').count(), { timeout: 10_000 }).toBe(73);
    await page.getByLabel('Verbatim').fill('« Le car du matin passe trop tard pour l’usine. »');
    await expect
      .poll(() => page.locator('.tl-shape').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining('Le car du matin passe trop tard'));
    await page.keyboard.press('Escape');
    // The pointer over the canvas draws tldraw's cursor and selection overlays.
    await page.mouse.move(400, 400);
    await page.mouse.move(600, 500, { steps: 5 });

    await openBoard(/Hypothèses de travail/);
    await expect.poll(() => shapes('hypothesis').count(), { timeout: 20_000 }).toBe(8);
    await expect(shapes('indicator').count()).resolves.toBe(11);
    expect(violations).toEqual([]);
  }, 120_000);

  it('lets Tiptap edit the report without a violation', async () => {
    await page.goto(workspaceUrl);
    await page.getByRole('link', { name: /^Rapport — / }).click();
    await page.locator('.report-text').waitFor({ timeout: 20_000 });
    await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
    const paragraph = page.locator(
      '.report-text h2:has-text("Préconisations et pistes d’action") + p',
    );
    await paragraph.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Relu en atelier.');
    await page.getByRole('button', { name: 'Gras' }).click();
    await page.keyboard.type(' Priorité absolue.');
    await expect
      .poll(() => page.locator('.report-text strong').allTextContents(), { timeout: 10_000 })
      .toContain(' Priorité absolue.');
    await page.getByRole('button', { name: 'Tableau' }).click();
    await expect
      .poll(() => page.locator('.report-text table').count(), { timeout: 10_000 })
      .toBeGreaterThan(1);
    expect(violations).toEqual([]);

    // The print view, under its own stricter policy, shows the text without a violation.
    const print = await page
      .locator('.report-exports')
      .getByRole('link', { name: 'Imprimer / PDF' })
      .getAttribute('href');
    await page.goto(new URL(print ?? '', server.httpUrl).href);
    await page.getByRole('heading', { name: 'Préconisations et pistes d’action' }).waitFor();
    expect(violations).toEqual([]);
  }, 120_000);

  it('refuses to be framed by another page, and the collector does see violations', async () => {
    const framing: string[] = [];
    const other = await person.context.newPage();
    other.on('console', (message) => framing.push(message.text()));
    await other.setContent(`<iframe src="${server.httpUrl}/"></iframe>`);
    await waitFor(() => framing.some((text) => text.includes("frame-ancestors 'none'")), {
      what: 'Chromium to refuse the frame',
    });
    await other.close();
    expect(blocked).toEqual([]);

    // The collector itself works: an inline script, which the policy forbids, is reported.
    violations.length = 0;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
    });
    await waitFor(() => violations.some((text) => text.startsWith('script-src')), {
      what: 'the inline script to be reported',
    });
    expect(await page.evaluate(() => '__ran' in window)).toBe(false);
  });
});
