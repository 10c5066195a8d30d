import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/accounts.js';
import { observationInput, setSession, startWorkshop, type Workshop } from './contributionSetup.js';

/**
 * Held cards are personal data like any verbatim: the workspace's archive holds them (with
 * their author's id), erasing the workspace removes them, and the API bounds what one person
 * may make the server hold.
 */
describe('held cards and the RGPD', () => {
  let w: Workshop;
  beforeAll(async () => {
    w = await startWorkshop();
  });
  afterAll(async () => {
    await w?.server.close();
  });

  it('bounds each person’s held cards and refuses bad input in French', async () => {
    const { server, board } = w;
    await setSession(server, board, 'modes', { anonymous: false, privateWriting: true });
    const path = `/api/boards/${board}/held-cards`;
    const bad = await call(server.httpUrl, 'POST', path, {
      cookie: w.alice,
      body: { kind: 'theme', props: { label: 'x' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid-request' });
    const tooLong = await call(server.httpUrl, 'POST', path, {
      cookie: w.alice,
      body: observationInput('x'.repeat(5_001)),
    });
    expect(tooLong.status).toBe(400);
    const reader = await call(server.httpUrl, 'POST', path, {
      cookie: w.reader,
      body: observationInput('lecture seule'),
    });
    expect(reader.status).toBe(403);
    expect(reader.body).toMatchObject({ message: expect.stringMatching(/consulter/) });

    let last = 0;
    for (let i = 0; i < 51; i++) {
      last = (
        await call(server.httpUrl, 'POST', path, {
          cookie: w.bruno,
          body: observationInput(`carte ${i}`),
        })
      ).status;
      if (last !== 201) break;
    }
    expect(last).toBe(429);
    const list = await call<{ cards: unknown[] }>(server.httpUrl, 'GET', path, {
      cookie: w.bruno,
    });
    expect(list.body.cards).toHaveLength(50);
  });

  it('exports held cards with the workspace and erases them with it', async () => {
    const { server, board } = w;
    const secret = 'HELD-CANARY Mme R. ne veut pas que son directeur le sache';
    const sent = await call<{ id: string }>(
      server.httpUrl,
      'POST',
      `/api/boards/${board}/held-cards`,
      { cookie: w.alice, body: observationInput(secret) },
    );
    expect(sent.status).toBe(201);

    const response = await fetch(`${server.httpUrl}/api/workspaces/${w.workspace}/export`, {
      headers: { cookie: w.admin },
    });
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const held = JSON.parse(strFromU8(files['held-cards.json']!)) as {
      cards: { id: string; props: { verbatim: string }; personId: string }[];
    };
    const card = held.cards.find((c) => c.id === sent.body.id);
    expect(card?.props.verbatim).toBe(secret);
    expect(card?.personId).toBeTruthy();

    const erased = await call(server.httpUrl, 'DELETE', `/api/workspaces/${w.workspace}`, {
      cookie: w.admin,
    });
    expect(erased.status).toBe(204);
    const rows = await server.store.sql.all<{ n: number }>('SELECT COUNT(*) AS n FROM held_cards');
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
