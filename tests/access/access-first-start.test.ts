import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCredentials,
  call,
  createLink,
  createWorkspace,
  signIn,
} from '../helpers/accounts.js';
import {
  buildServer,
  killAllChildren,
  printChildOutputOnFailure,
  startChildServer,
  type ChildServer,
} from '../helpers/childServer.js';
import { tempDir } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * The first start of a real server process: it prints a one-time setup link, and nothing else
 * secret ever reaches its log, even at the most verbose level.
 */
const SETUP_MESSAGE = 'No account yet: open this link once to create the administrator';

const cookieValue = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

function setupLines(server: ChildServer): Record<string, unknown>[] {
  return server.logs.filter((entry) => entry.msg === SETUP_MESSAGE);
}

describe('first start', () => {
  let dataDir = '';

  beforeAll(async () => {
    dataDir = tempDir('boussole-first-start-');
    await buildServer();
  }, 180_000);

  afterAll(async () => {
    await killAllChildren();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a setup link once, which creates the administrator once; no token is ever logged', async () => {
    printChildOutputOnFailure();
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'trace' };
    const server = await startChildServer({ env });
    const url = server.httpUrl;
    await waitFor(() => setupLines(server).length > 0, { what: 'the setup link in the log' });
    const [line] = setupLines(server);
    const setupUrl = String(line?.setupUrl);
    expect(setupUrl).toMatch(new RegExp(`^http://localhost:${server.port}/setup#[\\w-]{43}$`));
    const setupToken = setupUrl.slice(setupUrl.indexOf('#') + 1);

    expect((await call(url, 'GET', '/api/setup')).body).toEqual({ needed: true });
    const wrong = await call(url, 'POST', '/api/setup', {
      body: { token: `${setupToken}x`, ...adminCredentials },
    });
    expect(wrong.status).toBe(403);
    const created = await call(url, 'POST', '/api/setup', {
      body: { token: setupToken, ...adminCredentials },
    });
    expect(created.status).toBe(201);
    const again = await call(url, 'POST', '/api/setup', {
      body: { token: setupToken, ...adminCredentials, email: 'second@ccas.example.fr' },
    });
    expect(again.status).toBe(403);
    expect((await call(url, 'GET', '/api/setup')).body).toEqual({ needed: false });

    // Every kind of secret travels at least once in a request or an answer.
    const session = await signIn(url, adminCredentials.email, adminCredentials.password);
    const workspace = await createWorkspace(url, session);
    const link = await createLink(url, session, workspace, { role: 'lecteur' });
    const redeemed = await call(url, 'POST', '/api/links/redeem', {
      body: { token: link.token, displayName: 'Habitante' },
    });
    expect(redeemed.status).toBe(201);
    expect((await call(url, 'GET', '/api/auth/me', { cookie: redeemed.cookie })).status).toBe(200);
    expect((await call(url, 'GET', '/api/auth/me', { cookie: created.cookie })).status).toBe(200);
    await waitFor(() => server.logs.some((entry) => entry.msg === 'guest admitted'), {
      what: 'the redemption in the log',
    });

    const log = server.logs.map((entry) => JSON.stringify(entry)).join('\n');
    expect(log).toContain('incoming request'); // the log is verbose, so the check means something
    const secrets = {
      'first session': cookieValue(created.cookie),
      'signed-in session': cookieValue(session),
      'invitation token': link.token,
      'guest token': cookieValue(redeemed.cookie),
    };
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThanOrEqual(43);
      expect(log.includes(secret), `${what} found in the log`).toBe(false);
    }
    // The setup token is written exactly once, in the line meant for the operator.
    expect(log.split(setupToken).length - 1).toBe(1);

    // A restart with an administrator in place prints no setup link.
    server.kill('SIGTERM');
    await server.waitForExit();
    const restarted = await startChildServer({ env });
    expect((await call(restarted.httpUrl, 'GET', '/api/setup')).body).toEqual({ needed: false });
    expect(setupLines(restarted)).toEqual([]);
    restarted.kill('SIGTERM');
    await restarted.waitForExit();
  }, 60_000);
});
