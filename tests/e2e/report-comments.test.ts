import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { artifactPath, chromiumAvailable } from '../helpers/browser.js';
import type { ChildServer } from '../helpers/childServer.js';
import { stopWorkspaceServer } from '../helpers/e2eWorkspace.js';
import { addMember, createLink, redeemLink } from '../helpers/accounts.js';
import {
  openReport,
  startReportServer,
  withoutCarets,
  type ReportSetup,
} from '../helpers/reportPages.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

/**
 * Issue #5's comment threads in Chromium, one browser profile per person: a reviewer of the
 * comité de relecture, whose text is read-only, comments on a sentence; the drafter sees the
 * thread and its highlight live, writes just before the sentence — the highlight stays on the
 * same words, on both screens — replies and resolves; the reviewer sees it resolved.
 */
describe.skipIf(!available)('comment threads on the report in Chromium', () => {
  let setup: ReportSetup;
  let server: ChildServer;
  let blocked: string[] = [];
  let alice: Page;
  let rita: Page;

  const sentence =
    'Par thématique : chaque préconisation, sa priorité et l’organisation qui la porte.';
  const comment = 'Phrase à préciser : quelles priorités ?';
  const paragraph = (page: Page) =>
    page.locator('.report-text h2:has-text("Préconisations et pistes d’action") + p');
  const paragraphText = (page: Page) => paragraph(page).evaluate(withoutCarets);
  /** The words the comment highlights cover, in document order. */
  const highlighted = (page: Page) =>
    page.locator('.report-text').evaluate((root) =>
      [...root.querySelectorAll('.comment-highlight')]
        .map((span) => {
          const copy = span.cloneNode(true) as Element;
          copy.querySelectorAll('.collab-caret').forEach((caret) => caret.remove());
          return copy.textContent ?? '';
        })
        .join(''),
    );
  const thread = (page: Page) => page.locator('.comment-thread', { hasText: comment });

  /** Puts the browser's selection on `text` inside `within`, as a mouse drag would. */
  async function select(within: Locator, text: string): Promise<void> {
    await within.evaluate((element, wanted) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in one text node`);
    }, text);
  }

  beforeAll(async () => {
    setup = await startReportServer();
    ({ server, blocked } = setup);
    const { admin, workspace } = setup;
    const url = server.httpUrl;
    const drafter = await addMember(url, admin, workspace, {
      email: 'alice@ccas.example.fr',
      displayName: 'Alice Martin',
      role: 'contributeur',
      instances: ['comite_redaction'],
    });
    const link = await createLink(url, admin, workspace, {
      role: 'relecteur',
      instance: 'comite_relecture',
    });
    alice = await openReport(setup, 'alice', drafter.cookie, paragraph);
    rita = await openReport(
      setup,
      'rita',
      await redeemLink(url, link.token, 'Rita (relecture)'),
      paragraph,
    );
  }, 120_000);

  afterAll(() => stopWorkspaceServer(setup));

  it('lets the reviewer comment on a sentence of her read-only text', async () => {
    expect(await rita.locator('.report-text').getAttribute('contenteditable')).toBe('false');
    const start = rita.getByRole('button', { name: 'Commenter', exact: true });
    expect(await start.isDisabled()).toBe(true);
    await select(paragraph(rita), sentence);
    await waitFor(async () => !(await start.isDisabled()), { what: 'Commenter to be enabled' });
    await start.click();
    await rita.locator('.comment-draft blockquote', { hasText: sentence }).waitFor();
    await rita.getByLabel('Votre commentaire').fill(comment);
    await rita.getByRole('button', { name: 'Publier' }).click();
    await thread(rita).waitFor();
    expect(await thread(rita).innerText()).toContain('Rita (relecture)');
    await waitFor(async () => (await highlighted(rita)) === sentence, {
      what: 'the highlight on Rita’s screen',
    });
  });

  it('shows the drafter the thread live, in the side list and over the sentence', async () => {
    await thread(alice).waitFor({ timeout: 5_000 });
    const card = await thread(alice).innerText();
    expect(card).toContain(sentence);
    expect(card).toContain('Rita (relecture)');
    await waitFor(async () => (await highlighted(alice)) === sentence, {
      what: 'the highlight on Alice’s screen',
    });
    // Clicking the thread shows its passage.
    await thread(alice).locator('.comment-quote').click();
    await alice.locator('.report-text .comment-highlight.active').first().waitFor();
  });

  it('keeps the highlight on the same words when the drafter writes just before them', async () => {
    await paragraph(alice).click();
    // The caret right before the sentence's first letter, as Home would put it.
    await paragraph(alice).evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const first = walker.nextNode();
      if (first) window.getSelection()?.collapse(first, 0);
    });
    await alice.keyboard.type('Ajout en tête. ');
    for (const page of [alice, rita]) {
      await waitFor(async () => (await paragraphText(page)).startsWith('Ajout en tête. Par'), {
        what: 'Alice’s words before the sentence',
      });
      await waitFor(async () => (await highlighted(page)) === sentence, {
        what: 'the highlight to cover the sentence only',
      });
    }
    await paragraph(rita).scrollIntoViewIfNeeded();
    await rita.screenshot({ path: artifactPath('report-comments-reviewer.png') });
  });

  it('lets the drafter reply and resolve; the reviewer sees it resolved', async () => {
    await thread(alice).getByRole('button', { name: 'Répondre' }).click();
    await alice.getByLabel('Votre réponse').fill('Scindée en deux phrases.');
    await alice.getByRole('button', { name: 'Envoyer' }).click();
    await thread(rita).getByText('Scindée en deux phrases.').waitFor({ timeout: 5_000 });
    expect(await thread(rita).innerText()).toContain('Alice Martin');

    await thread(alice).getByRole('button', { name: 'Résoudre' }).click();
    await rita.getByText('Aucune discussion ouverte.').waitFor({ timeout: 5_000 });
    await waitFor(async () => (await highlighted(rita)) === '', {
      what: 'the highlight of a resolved thread to go',
    });
    await rita.getByLabel(/Afficher les discussions résolues/).check();
    const resolved = thread(rita);
    await resolved.getByText('Résolue par Alice Martin').waitFor();
    expect(await resolved.getByRole('button', { name: 'Rouvrir' }).isVisible()).toBe(true);
    // The reviewer reopens it: the drafter sees it open again.
    await resolved.getByRole('button', { name: 'Rouvrir' }).click();
    await waitFor(async () => (await highlighted(alice)) === sentence, {
      what: 'the reopened thread’s highlight at Alice’s',
    });
    // Her text stayed hers: the reviewer changed nothing in it.
    expect(await paragraphText(rita)).toBe(
      `Ajout en tête. ${sentence} Insérez-les depuis le tableau des préconisations pour garder le lien.`,
    );
    expect(blocked).toEqual([]);
  });
});
