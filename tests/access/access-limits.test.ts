import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  call,
  createLink,
  createWorkspace,
  signedInAdmin,
} from '../helpers/accounts.js';
import { SignInThrottle, defaultSignInPolicies } from '@boussole/server';
import { startServer, type TestServer } from '../helpers/server.js';

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

/**
 * Guessing a password slows down; it never locks the owner out. The server trusts one proxy hop
 * here, so each request says which address it comes from (X-Forwarded-For); the throttle runs on
 * a clock the test moves by hand, so no assertion depends on how fast the machine is.
 */
describe('sign-in slow-down', () => {
  let server: TestServer;
  let url = '';
  let admin = '';
  let workspace = '';
  let now = Date.parse('2026-09-17T09:00:00Z');
  const owner = { email: 'proprietaire@ccas.example.fr', password: '' };

  const signInFrom = async (address: string, email: string, password: string) => {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-boussole-csrf': '1',
        'x-forwarded-for': address,
      },
      body: JSON.stringify({ email, password }),
    });
    return {
      status: response.status,
      retryAfter: Number(response.headers.get('retry-after') ?? 0),
      body: (await response.json()) as { error?: string; message?: string },
    };
  };

  beforeAll(async () => {
    server = await startServer({ env: { TRUST_PROXY: '1' } });
    url = server.httpUrl;
    admin = await signedInAdmin(server);
    workspace = await createWorkspace(url, admin);
    await addMember(url, admin, workspace, {
      email: owner.email,
      displayName: 'Propriétaire',
      role: 'contributeur',
    });
    owner.password = `initial-${owner.email}-password`;
    server.app.access.signIns = new SignInThrottle(defaultSignInPolicies, () => now);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('slows one address guessing a password, and never the owner from another address', async () => {
    // The owner signs in from the office once: that address becomes known for the account.
    expect((await signInFrom('198.51.100.20', owner.email, owner.password)).status).toBe(200);
    const guesser = '203.0.113.7';
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await signInFrom(guesser, owner.email, `essai ${i}`)).status);
    }
    expect(answers).toEqual([401, 401, 401, 401, 401]);
    // Past a few typos the guesser must wait, and even the right password is not heard then.
    const slowed = await signInFrom(guesser, owner.email, owner.password);
    expect(slowed.status).toBe(429);
    expect(slowed.body).toMatchObject({
      error: 'too-many-attempts',
      message: expect.stringMatching(/Réessayez dans 1 seconde/),
    });
    expect(slowed.retryAfter).toBe(1);
    // The wait doubles with each failure heard, up to a minute: a crawl, never a lock.
    const waits = [];
    for (let i = 0; i < 10; i++) {
      now += slowed.retryAfter * 1000 * 2 ** i;
      expect((await signInFrom(guesser, owner.email, `essai ${5 + i}`)).status).toBe(401);
      waits.push((await signInFrom(guesser, owner.email, 'encore')).retryAfter);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60, 60, 60]);
    // Meanwhile the owner signs in from another address, known or new, at once.
    expect((await signInFrom('198.51.100.20', owner.email, owner.password)).status).toBe(200);
    expect((await signInFrom('192.0.2.55', owner.email, owner.password)).status).toBe(200);
    // And a minute after the guesser's last failure, the guesser's own address is heard again.
    now += 60_000;
    expect((await signInFrom(guesser, owner.email, owner.password)).status).toBe(200);
  });

  it('slows many addresses guessing one account, but not the addresses its owner uses', async () => {
    const victim = 'cible@ccas.example.fr';
    await addMember(url, admin, workspace, {
      email: victim,
      displayName: 'Cible',
      role: 'lecteur',
    });
    const password = `initial-${victim}-password`;
    expect((await signInFrom('198.51.100.21', victim, password)).status).toBe(200);
    // Thirty addresses, one guess each: none of them alone is slowed…
    for (let i = 0; i < 30; i++) {
      expect((await signInFrom(`203.0.113.${100 + i}`, victim, `essai ${i}`)).status).toBe(401);
    }
    // …but the account as a whole now is, for every address it was never opened from,
    expect((await signInFrom('203.0.113.200', victim, 'essai')).status).toBe(429);
    // while its owner's office still signs in at once.
    expect((await signInFrom('198.51.100.21', victim, password)).status).toBe(200);
  });
});
