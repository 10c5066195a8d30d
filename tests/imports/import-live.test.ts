import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoardRecords, type ImportPreview, type ImportStatus } from '@boussole/shared';
import { call, createBoard, createWorkspace, signedInAdmin } from '../helpers/accounts.js';
import { bindTab, connectBoard, type BoardClient } from '../helpers/boardClients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { commit, largeSurvey, surveyCsv, surveyMapping, upload } from '../helpers/importApi.js';

/**
 * Issue #13: the collectif projet sees the pseudonymised cards arrive live. A person already on
 * the board (the official provider, bound to a tldraw store by the real binding) receives the
 * import as it is committed, with each finding as the reviewer decided; a large import shows
 * its progress while the server builds the cards.
 */

type Shape = { id: string; type: string; typeName: string; props: Record<string, unknown> };

const observations = (client: BoardClient): Shape[] =>
  (Object.values(readBoardRecords(client.doc)) as unknown as Shape[]).filter(
    (r) => r.typeName === 'shape' && r.type === 'observation',
  );

describe('import seen live', () => {
  let server: TestServer;
  let admin = '';
  let workspace = '';
  const clients: BoardClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    admin = await signedInAdmin(server);
    workspace = await createWorkspace(server.httpUrl, admin);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.close();
  });

  it('sends the reviewed cards to everyone connected: accepted, rejected and edited findings', async () => {
    const board = await createBoard(server.httpUrl, admin, workspace, 'Atelier');
    const watcher = await connectBoard(server.collabUrl, board, admin);
    clients.push(watcher);
    const tab = bindTab(watcher);

    const preview = (await upload(server.httpUrl, admin, workspace, surveyCsv))
      .body as ImportPreview;
    const firstLine = preview.rows[0]!.line;
    const phone = preview.personalData.find((f) => f.kind === 'phone')!;
    const person = preview.personalData.find((f) => f.kind === 'person' && f.line === firstLine)!;
    const email = preview.personalData.find((f) => f.kind === 'email')!;
    expect([phone, person, email].every(Boolean)).toBe(true);

    const result = await commit(server.httpUrl, admin, preview.id, {
      boardId: board,
      kind: 'observation',
      mapping: surveyMapping,
      decisions: {
        [phone.id]: { action: 'reject' },
        [person.id]: { action: 'edit', replacement: '[Mme V.]' },
      },
      defaultDecision: 'accept',
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);

    // Received on the open connection, without reconnecting.
    await waitFor(() => observations(watcher).length === 4, { what: 'the imported cards' });
    const verbatims = observations(watcher).map((c) => String(c.props.verbatim));
    const first = verbatims.find((v) => v.includes('plus de car le matin'))!;
    expect(first).toContain(phone.text);
    expect(first).toContain('[Mme V.]');
    expect(first).not.toContain(person.text);
    const second = verbatims.find((v) => v.includes('rue') || v.includes('[adresse]'))!;
    expect(second).toContain(email.replacement);
    expect(second).not.toContain(email.text);

    // The person's tldraw store took every card as it is: nothing refused, nothing reverted.
    await waitFor(
      () => observations(watcher).every((c) => tab.store.get(c.id as never) !== undefined),
      { what: 'the cards in the tldraw store' },
    );
    expect(tab.rejections).toEqual([]);
    expect(watcher.denials).toEqual([]);
  });

  it('writes a never-opened board that a person’s tldraw store then opens as it is', async () => {
    const board = await createBoard(server.httpUrl, admin, workspace, 'Jamais ouvert');
    const preview = (await upload(server.httpUrl, admin, workspace, surveyCsv))
      .body as ImportPreview;
    const result = await commit(server.httpUrl, admin, preview.id, {
      boardId: board,
      kind: 'observation',
      mapping: surveyMapping,
      defaultDecision: 'accept',
      groupBy: 5,
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const reader = await connectBoard(server.collabUrl, board, admin);
    clients.push(reader);
    const before = Object.keys(readBoardRecords(reader.doc)).sort();
    const tab = bindTab(reader);
    // The store found its page and document there: loading wrote nothing of its own.
    expect(Object.keys(readBoardRecords(reader.doc)).sort()).toEqual(before);
    const cards = observations(reader);
    expect(cards).toHaveLength(4);
    for (const card of cards) expect(tab.store.get(card.id as never)).toBeDefined();
    expect(tab.rejections).toEqual([]);
  });

  it('shows the progress of a 2,000-row import until every row is done', async () => {
    const board = await createBoard(server.httpUrl, admin, workspace, 'Grande enquête');
    const watcher = await connectBoard(server.collabUrl, board, admin);
    clients.push(watcher);
    const answer = await upload(server.httpUrl, admin, workspace, largeSurvey(2000));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const { id } = answer.body;
    expect(answer.body.rowCount).toBe(2000);

    const seen: ImportStatus[] = [];
    let committing = true;
    const polling = (async () => {
      while (committing) {
        const status = await call<ImportStatus>(server.httpUrl, 'GET', `/api/imports/${id}`, {
          cookie: admin,
        });
        expect(status.status).toBe(200);
        seen.push(status.body);
      }
    })();
    const result = await commit(server.httpUrl, admin, id, {
      boardId: board,
      kind: 'observation',
      mapping: { verbatim: 0, source: 1, commune: 2 },
      defaultDecision: 'accept',
      groupBy: 3,
    }).finally(() => {
      committing = false;
    });
    await polling;
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ created: 2000, skipped: 0, themes: 7 });

    const final = await call<ImportStatus>(server.httpUrl, 'GET', `/api/imports/${id}`, {
      cookie: admin,
    });
    expect(final.body).toMatchObject({
      status: 'committed',
      progress: { done: 2000, total: 2000 },
    });
    // Whatever the polls caught, progress only grows and never passes the total.
    const done = [...seen, final.body].map((s) => s.progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(seen.every((s) => s.progress.total === 2000 && s.progress.done <= 2000)).toBe(true);

    await waitFor(() => observations(watcher).length === 2000, {
      timeoutMs: 30_000,
      what: '2,000 cards on the open connection',
    });
  });
});
