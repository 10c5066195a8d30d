import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  adminCredentials,
  call,
  createLink,
  createWorkspace,
  signedInAdmin,
} from './helpers/accounts.js';
import { startServer, type TestServer } from './helpers/server.js';

/**
 * Rate limits on sign-in and link redemption. Every request here comes from 127.0.0.1, like a
 * workshop of 40 people behind one town-hall NAT address: they must never be throttled, while
 * guessing one account's password, or hammering links, is.
 */
describe('rate limits on sign-in and invitation links', () => {
  let server: TestServer;
  let url = '';
  let admin = '';
  let workspace = '';

  beforeAll(async () => {
    server = await startServer();
    url = server.httpUrl;
    admin = await signedInAdmin(server);
    workspace = await createWorkspace(url, admin);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('never throttles 40 people signing in from one address, typos included', async () => {
    const people = [];
    for (let i = 0; i < 40; i++) {
      people.push({ email: `agent${i}@ccas.example.fr`, displayName: `Agent ${i}` });
    }
    await Promise.all(
      people.map((person) => addMember(url, admin, workspace, { ...person, role: 'contributeur' })),
    );
    // Each mistypes their password once, then gets it right: 40 failures from one address.
    const answers = await Promise.all(
      people.map(async (person) => {
        const password = `initial-${person.email}-password`;
        const typo = await call(url, 'POST', '/api/auth/login', {
          body: { email: person.email, password: `${password}x` },
        });
        const right = await call(url, 'POST', '/api/auth/login', {
          body: { email: person.email, password },
        });
        return [typo.status, right.status];
      }),
    );
    expect(answers).toEqual(people.map(() => [401, 200]));
  });

  it('stops guessing one account’s password after 10 failures, without locking others out', async () => {
    const victim = 'cible@ccas.example.fr';
    await addMember(url, admin, workspace, {
      email: victim,
      displayName: 'Cible',
      role: 'lecteur',
    });
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await call(url, 'POST', '/api/auth/login', {
            body: { email: victim, password: `guess number ${i}` },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
    // Even the right password is refused for now: the guesser cannot tell it was right.
    const blocked = await call(url, 'POST', '/api/auth/login', {
      body: { email: victim, password: `initial-${victim}-password` },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: 'too-many-attempts' });
    // The same address signs other people in as before.
    const other = await call(url, 'POST', '/api/auth/login', {
      body: { email: adminCredentials.email, password: adminCredentials.password },
    });
    expect(other.status).toBe(200);
  });

  it('admits 40 guests through one link from one address, typos included', async () => {
    const link = await createLink(url, admin, workspace, { maxUses: 40 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        // A token copied without its last character, then the whole link.
        const typo = await call(url, 'POST', '/api/links/redeem', {
          body: { token: link.token.slice(0, -1), displayName: `Habitant ${i}` },
        });
        const right = await call(url, 'POST', '/api/links/redeem', {
          body: { token: link.token, displayName: `Habitant ${i}` },
        });
        return [typo.status, right.status];
      }),
    );
    expect(answers).toEqual(answers.map(() => [404, 201]));
  });

  it('stops an address guessing link tokens, and one insisting on a dead link', async () => {
    const link = await createLink(url, admin, workspace, { maxUses: 1 });
    await call(url, 'POST', '/api/links/redeem', {
      body: { token: link.token, displayName: 'Premier' },
    });
    const dead = [];
    for (let i = 0; i < 22; i++) {
      dead.push(
        (
          await call(url, 'POST', '/api/links/redeem', {
            body: { token: link.token, displayName: 'Insistant' },
          })
        ).status,
      );
    }
    expect(dead).toEqual([...Array<number>(20).fill(410), 429, 429]);

    // Guessing tokens from one address stops at its cap of 200 failures (fewer attempts here
    // when the typos of the test above already counted), and then no token gets through.
    const statuses = [];
    for (let i = 0; i < 205; i++) {
      statuses.push(
        (
          await call(url, 'POST', '/api/links/redeem', {
            body: { token: `guessed-token-${i}`, displayName: 'Devin' },
          })
        ).status,
      );
    }
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(150);
    expect(statuses.slice(0, firstRefusal).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
    const fresh = await createLink(url, admin, workspace);
    expect(
      (
        await call(url, 'POST', '/api/links/redeem', {
          body: { token: fresh.token, displayName: 'Devin' },
        })
      ).status,
    ).toBe(429);
  });
});
