import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMember, browserCookies } from '../helpers/accounts.js';
import { parseSemicolonCsv } from '../helpers/csv.js';
import { shownSeconds } from '../helpers/sessionView.js';
import { openContributions, setFacilitatePanel, zoomToFitSettled } from '../helpers/boardView.js';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

type Name = 'fanny' | 'alice' | 'bruno';

/** What Alice and Bruno write alone during the first step, revealed together. */
const ALICE_CARD = 'Les jeunes des hameaux ne savent pas que le transport à la demande existe.';
const BRUNO_CARD = 'Les aidants familiaux renoncent à leurs propres soins.';

/** The demo's first hypothesis: its frame is step 2's area, and the vote's winner. */
const H1 = 'shape:demo-H1';
const H3 = 'shape:demo-H3';
const H1_FRAME = 'H1 · mobilité · jeunes 16-25 ans';

/**
 * Issue #15's « done when », played in Chromium: Fanny, animatrice, runs the demo's
 * « Hypothèses de travail » board as a 45-minute workshop with Alice and Bruno, each in their
 * own browser profile. She plans the agenda (représentations 10 min → hypothèses 20 min →
 * vote 15 min); step 1 is a timed brainstorm written alone and without names, revealed
 * together; step 2 brings everyone to the first hypothesis's frame; step 3 is a dot-vote on
 * every hypothesis, whose ranked results land on the cards and in the board's spreadsheet.
 * Every step leaves screenshots in test-artifacts/ (workshop-<screen>-*.png).
 *
 * Played twice: on laptops, and on tablets held upright (workshops have both), where the
 * facilitator's bars wrap and the panels must still leave the results and controls reachable.
 */
const screens = [
  { screen: 'laptop', width: 1280, height: 800 },
  { screen: 'tablet', width: 768, height: 1024 },
];

describe.skipIf(!available).each(screens)(
  'a 45-minute workshop on the demo’s hypotheses board ($screen)',
  ({ screen, width, height }) => {
    let server: ChildServer;
    const blocked: string[] = [];
    const people: Person[] = [];
    const pages: Record<Name, Page> = {} as never;
    let boardId = '';

    const shot = (page: Page, file: string) =>
      page.screenshot({ path: artifactPath(`workshop-${screen}-${file}.png`) });
    const html = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);
    const boardText = (page: Page) => page.locator('.tl-shape').allInnerTexts();
    const hypotheses = (page: Page) => page.locator('.tl-shape[data-shape-type="hypothesis"]');

    /** Every page shows step `n` and a countdown started from that step's `minutes`. */
    async function everyoneOnStep(n: number, title: string, minutes: number) {
      for (const page of Object.values(pages)) {
        await page.getByText(`Étape ${n} sur 3 : ${title}`).waitFor({ timeout: 20_000 });
        await waitFor(
          async () => {
            const seconds = await shownSeconds(page);
            // Started at the step's duration, and running: not a second above, not long below.
            return seconds !== undefined && seconds <= minutes * 60 && seconds > minutes * 60 - 120;
          },
          { what: `step ${n}’s ${minutes}-minute timer`, timeoutMs: 20_000 },
        );
      }
    }

    /** The centre of a page's canvas, on screen. */
    async function canvasCentre(page: Page): Promise<{ x: number; y: number }> {
      const canvas = await page.locator('.tl-canvas').boundingBox();
      if (!canvas) throw new Error('no canvas');
      return { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    }

    /** Whether `page` looks at the frame named `name` (its centre inside the frame's box). */
    async function looksAt(page: Page, name: string): Promise<boolean> {
      const frame = page.locator('.tl-shape[data-shape-type="frame"]').filter({ hasText: name });
      const box = (await frame.count()) === 1 ? await frame.boundingBox() : null;
      const { x, y } = await canvasCentre(page);
      return !!box && x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height;
    }

    /**
     * One dot on `cardId`, from the control the vote puts at the card's corner. Seen whole, the
     * board's cards are too small for « − ● + »: each has one small button that brings it
     * closer, as a participant does before voting.
     */
    async function dot(page: Page, cardId: string) {
      const control = page.locator(`.vote-card[data-card-id="${cardId}"]`);
      await page.keyboard.press('Escape');
      await zoomToFitSettled(page);
      await control
        .getByRole('button', {
          name: /^Voter sur « .* » \(\d+ points? à moi\) : rapprocher la carte$/,
        })
        .click();
      await control.locator('button[aria-label^="Ajouter un point"]').click();
    }

    /** The board id of the card whose text contains `text`, read from `page`. */
    async function cardIdOf(page: Page, text: string): Promise<string> {
      const card = page
        .locator('.tl-shape[data-shape-type="hypothesis"]')
        .filter({ hasText: text });
      const id = await card.getAttribute('data-shape-id');
      if (!id) throw new Error(`no card « ${text} »`);
      return id;
    }

    beforeAll(async () => {
      let adminCookie: string;
      ({ server, admin: adminCookie } = await startServerWithAdmin(tempDir()));
      const url = server.httpUrl;
      // The administrator loads the demo workspace; the workshop's three people are its members.
      const adminPerson = await openPerson(`workshop-${screen}-admin`, blocked);
      people.push(adminPerson);
      await adminPerson.context.addCookies(browserCookies(adminCookie, url));
      const adminPage = await adminPerson.context.newPage();
      await adminPage.goto(`${url}/`);
      await adminPage.getByRole('button', { name: 'Charger la démonstration' }).click();
      await adminPage.waitForURL(/\/w\//, { timeout: 60_000 });
      const workspaceUrl = adminPage.url();
      await waitFor(async () => (await adminPage.locator('.board-list li').count()) === 3, {
        timeoutMs: 60_000,
        what: 'the demo’s three boards',
      });
      const workspaceId = new URL(workspaceUrl).pathname.split('/').pop() ?? '';
      const member = (email: string, displayName: string, role: string) =>
        addMember(url, adminCookie, workspaceId, { email, displayName, role });
      const cookies: Record<Name, string> = {
        fanny: (await member('fanny@ccas.example.fr', 'Fanny', 'animateur')).cookie,
        alice: (await member('alice@ccas.example.fr', 'Alice', 'contributeur')).cookie,
        bruno: (await member('bruno@ccas.example.fr', 'Bruno', 'contributeur')).cookie,
      };
      await adminPerson.close();
      people.splice(people.indexOf(adminPerson), 1);

      for (const name of ['fanny', 'alice', 'bruno'] as const) {
        const person = await openPerson(`workshop-${screen}-${name}`, blocked);
        people.push(person);
        await person.context.addCookies(browserCookies(cookies[name], url));
        const page = await person.context.newPage();
        await page.setViewportSize({ width, height });
        await openBoardFrom(page, workspaceUrl, /Hypothèses de travail/);
        await waitFor(async () => (await hypotheses(page).count()) === 8, {
          timeoutMs: 30_000,
          what: 'the demo’s 8 hypotheses',
        });
        pages[name] = page;
      }
      boardId = new URL(pages.fanny.url()).pathname.split('/').pop() ?? '';
    }, 240_000);

    // A failed step leaves what each person saw, for the CI artifacts.
    afterEach(async (context) => {
      if (context.task.result?.state !== 'fail') return;
      for (const [name, page] of Object.entries(pages)) {
        await shot(page, `failed-${name}`).catch(() => {});
      }
    });

    afterAll(async () => {
      for (const person of people) await person.close();
      await killAllChildren();
    });

    it('plans a 45-minute agenda: three steps, one of them in the first hypothesis’s frame', async () => {
      const { fanny, alice } = pages;
      // Participants have no facilitation controls.
      expect(await alice.getByText('Animer', { exact: true }).count()).toBe(0);
      await setFacilitatePanel(fanny, true);
      const step = async (title: string, minutes: number, area?: string) => {
        await fanny.getByLabel('Titre de l’étape').fill(title);
        await fanny.getByLabel('Minutes', { exact: true }).fill(String(minutes));
        // The area list holds the board's frames by name.
        await fanny
          .getByLabel('Zone', { exact: true })
          .selectOption({ label: area ?? 'Tout le tableau' });
        await fanny.getByRole('button', { name: 'Ajouter l’étape' }).click();
      };
      await step('Représentations', 10);
      await step('Hypothèses', 20, H1_FRAME);
      await step('Vote', 15);
      const steps = fanny.getByRole('list', { name: 'Étapes du déroulé' }).locator('li');
      await waitFor(async () => (await steps.count()) === 3, { what: 'three steps' });
      expect(await steps.allInnerTexts()).toEqual([
        expect.stringContaining('1. Représentations — 10 min — Tout le tableau'),
        expect.stringContaining(`2. Hypothèses — 20 min — ${H1_FRAME}`),
        expect.stringContaining('3. Vote — 15 min — Tout le tableau'),
      ]);
      expect(await fanny.getByTestId('agenda-total').innerText()).toBe('Durée totale : 45 min');
      await alice.getByText('L’atelier n’a pas commencé.').waitFor({ timeout: 20_000 });
      await shot(fanny, '1-agenda');
    });

    it('step 1: a timed brainstorm written alone and without names, revealed together', async () => {
      const { fanny, alice, bruno } = pages;
      await fanny.getByRole('button', { name: 'Commencer le déroulé' }).click();
      await everyoneOnStep(1, 'Représentations', 10);

      // Folded while no mode is on.
      await openContributions(fanny);
      await fanny.getByLabel('Sans hiérarchie (anonyme)').check();
      await fanny.getByLabel('Écrire seul, révéler ensemble').check();
      const write = async (page: Page, text: string) => {
        const drawer = page.getByRole('region', { name: 'Mes cartes privées' });
        await drawer.waitFor({ timeout: 20_000 });
        await drawer.getByLabel('Type de carte').selectOption({ label: 'Hypothèse' });
        await drawer.getByLabel('Nouvelle carte').fill(text);
        await drawer.getByRole('button', { name: 'Ajouter' }).click();
        await waitFor(
          async () =>
            (
              await drawer
                .locator('li[data-held-card] textarea')
                .evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value))
            ).includes(text),
          { what: 'the card kept in the drawer', timeoutMs: 20_000 },
        );
      };
      await write(alice, ALICE_CARD);
      await write(bruno, BRUNO_CARD);
      await fanny.getByRole('button', { name: 'Révéler (2 cartes)' }).waitFor({ timeout: 20_000 });
      // Before the reveal, each card is on its author's page only.
      expect(await html(bruno)).not.toContain(ALICE_CARD);
      expect(await html(alice)).not.toContain(BRUNO_CARD);
      expect(await html(fanny)).not.toContain(ALICE_CARD);
      await shot(alice, '2-alice-writes-alone');

      await fanny.getByRole('button', { name: 'Révéler (2 cartes)' }).click();
      await fanny.getByText('2 cartes révélées.').waitFor({ timeout: 20_000 });
      for (const page of [fanny, alice, bruno]) {
        await waitFor(
          async () => {
            const texts = await boardText(page);
            return [ALICE_CARD, BRUNO_CARD].every((card) => texts.some((t) => t.includes(card)));
          },
          { what: 'both revealed cards on the board', timeoutMs: 30_000 },
        );
        await waitFor(async () => (await hypotheses(page).count()) === 10, {
          what: 'ten hypotheses',
          timeoutMs: 20_000,
        });
      }
      // Without names: nobody's page says who wrote which card.
      expect(await html(bruno)).not.toContain('Alice');
      expect(await html(alice)).not.toContain('Bruno');
      expect(await html(fanny)).not.toMatch(/Alice|Bruno/);
      await zoomToFitSettled(bruno);
      await shot(bruno, '3-bruno-after-reveal');

      // Back to a named workshop for the rest.
      await fanny.getByLabel('Écrire seul, révéler ensemble').uncheck();
      await fanny.getByLabel('Sans hiérarchie (anonyme)').uncheck();
      await bruno
        .getByText('Mode sans hiérarchie : personne ne voit qui écrit quoi.')
        .waitFor({ state: 'detached', timeout: 20_000 });
    });

    it('step 2: the timer follows the agenda, and everyone is brought to the hypothesis', async () => {
      const { fanny, alice, bruno } = pages;
      await fanny.getByRole('button', { name: 'Étape suivante' }).click();
      await everyoneOnStep(2, 'Hypothèses', 20);
      // Her view goes to the step's frame; « Rassembler tout le monde ici » brings the others.
      await waitFor(() => looksAt(fanny, H1_FRAME), {
        what: 'Fanny’s view on the frame',
        timeoutMs: 20_000,
      });
      await fanny.getByRole('button', { name: 'Rassembler tout le monde ici' }).click();
      for (const page of [alice, bruno]) {
        await waitFor(() => looksAt(page, H1_FRAME), {
          what: 'the participant’s view on the frame',
          timeoutMs: 20_000,
        });
        // Saying who brought them, with the way back.
        await page.getByText('Fanny a rassemblé tout le monde ici').waitFor();
        await page.getByRole('button', { name: 'Revenir où j’étais' }).waitFor();
      }
      await shot(alice, '4-alice-brought-to-h1');
    });

    it('step 3: a dot-vote on every hypothesis; ranked results on the cards and in the export', async () => {
      const { fanny, alice, bruno } = pages;
      await fanny.getByRole('button', { name: 'Étape suivante' }).click();
      await everyoneOnStep(3, 'Vote', 15);

      await fanny.getByRole('button', { name: 'Ouvrir un vote' }).click();
      const dialog = fanny.getByRole('dialog', { name: 'Ouvrir un vote par gommettes' });
      await dialog.getByLabel('Question posée').fill('Quelles hypothèses vérifier en priorité ?');
      await dialog.getByLabel('toutes les cartes d’un type').check();
      await dialog.getByLabel('Type de carte').selectOption({ label: 'Hypothèse' });
      await dialog.getByLabel('Points par personne').fill('3');
      await dialog.getByLabel('Vote anonyme (seuls les totaux seront montrés)').check();
      await dialog.getByRole('button', { name: 'Lancer le vote' }).click();

      const aliceCard = await cardIdOf(alice, ALICE_CARD);
      for (const page of [alice, bruno]) {
        await page.getByTestId('vote-remaining').getByText('3 points restants').waitFor();
        // Scrolling the board means staying where the summon brought them: its banner leaves
        // (it would cover the cards' vote controls).
        const { x, y } = await canvasCentre(page);
        await page.mouse.move(x, y);
        await page.mouse.wheel(0, 120);
        await page
          .getByRole('button', { name: 'Revenir où j’étais' })
          .waitFor({ state: 'detached', timeout: 20_000 });
      }
      await dot(alice, H1);
      await dot(alice, H1);
      await dot(alice, aliceCard);
      await alice.getByTestId('vote-remaining').getByText('0 point restant').waitFor();
      await dot(bruno, H1);
      await dot(bruno, H3);
      await dot(bruno, aliceCard);
      await bruno.getByTestId('vote-remaining').getByText('0 point restant').waitFor();
      await fanny.getByText('2 personnes ont voté').waitFor({ timeout: 20_000 });
      await shot(bruno, '5-bruno-dots');

      await fanny.getByRole('button', { name: 'Clôturer le vote' }).click();
      for (const page of [fanny, alice, bruno]) {
        const results = page.getByRole('region', {
          name: 'Résultats du vote : Quelles hypothèses vérifier en priorité ?',
        });
        await results.waitFor({ timeout: 20_000 });
        const rows = await results.locator('li').allInnerTexts();
        // Ranked, anonymous: totals only, nobody's name.
        expect(rows[0]).toMatch(/^3 points Des jeunes renoncent à un emploi/);
        expect(rows[1]).toMatch(/^2 points Les jeunes des hameaux/);
        expect(rows[2]).toMatch(/^1 point /);
        expect(rows.join('\n')).not.toMatch(/Alice|Bruno/);
        expect(rows).toHaveLength(10);
        // The counts on the cards themselves (the cards' own data, written by the server).
        for (const [card, total] of [
          [H1, '3 points'],
          [aliceCard, '2 points'],
          [H3, '1 point'],
        ] as const) {
          // Seen from afar the card shows the number alone, and says « N points » to a reader.
          const count = page.locator(`.vote-card[data-card-id="${card}"] .vote-total`);
          await waitFor(
            async () =>
              (await count.getAttribute('aria-label')) === total ||
              (await count.textContent()) === total,
            { what: `${total} on ${card}`, timeoutMs: 20_000 },
          );
        }
      }
      // Closing the vote from the vote bar closed her « Animer » panel: nothing covers the
      // results (what is under their centre belongs to them).
      const results = fanny.locator('.vote-results');
      const box = await results.boundingBox();
      const title = await results.locator('h2').boundingBox();
      expect(box).not.toBeNull();
      expect(title).not.toBeNull();
      // Its middle and the start of its title: on a tablet the focus bar wraps over three lines
      // at the top centre, where it stood over the title.
      const points = [
        { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
        { x: title!.x + 8, y: title!.y + title!.height / 2 },
      ];
      expect(
        await fanny.evaluate(
          (at) =>
            at.map(({ x, y }) => document.elementFromPoint(x, y)?.closest('.vote-results') != null),
          points,
        ),
      ).toEqual([true, true]);
      await shot(fanny, '6-results-fanny');
      await shot(alice, '7-results-alice');

      // The board's spreadsheet carries the counts and ranks, as the report's tables use them.
      const answer = await fanny.request.get(
        `${server.httpUrl}/api/boards/${boardId}/export?format=csv`,
      );
      expect(answer.status()).toBe(200);
      const [header, ...rows] = parseSemicolonCsv((await answer.text()).replace(/^\uFEFF/, ''));
      const dots = header!.indexOf('Gommettes');
      const rank = header!.indexOf('Rang au vote');
      expect(dots).toBeGreaterThan(-1);
      expect(rank).toBeGreaterThan(-1);
      const h1 = rows.find((cells) => cells.some((c) => c.startsWith('Des jeunes renoncent')));
      expect([h1?.[dots], h1?.[rank]]).toEqual(['3', '1']);
      const alices = rows.find((cells) => cells.includes(ALICE_CARD));
      expect([alices?.[dots], alices?.[rank]]).toEqual(['2', '2']);
      expect(blocked).toEqual([]);
    });
  },
);
