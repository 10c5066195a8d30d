import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CSRF_HEADER } from '@boussole/shared';
import {
  adminCredentials,
  call,
  createBoard,
  createLink,
  createWorkspace,
  signedInAdmin,
  sampleWorkspace,
} from '../helpers/accounts.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';

/**
 * Security headers on every kind of response, `Secure` cookies behind a trusted HTTPS proxy
 * only, and an Origin check that believes `X-Forwarded-Host` only from a trusted proxy — all
 * over real HTTP against an in-process server.
 */

/** A built client of two files is enough to exercise pages, assets and the page fallback. */
function fakeClientDist(): string {
  const dir = tempDir('boussole-fake-client-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="fr"><script type="module" src="/assets/app.js"></script></html>',
  );
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {};\n');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return fetch(url, { redirect: 'manual', ...init });
}

/** The HTTP status that refused a websocket upgrade, or 101 if it was accepted. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const timer = setTimeout(() => reject(new Error('no answer to the upgrade')), 10_000);
    ws.on('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      clearTimeout(timer);
      resolve(101);
      ws.close();
    });
    ws.on('error', () => {});
  });
}

function expectSecurityHeaders(response: Response, what: string): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/default-src 'none'|object-src 'none'/);
  expect(csp, what).not.toContain('unsafe-eval');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('same-origin');
}

describe('security headers', () => {
  let server: TestServer;
  let clientDist = '';

  beforeAll(async () => {
    clientDist = fakeClientDist();
    server = await startServer({ env: { CLIENT_DIST: clientDist } });
  });

  afterAll(async () => {
    await server?.close();
    fs.rmSync(clientDist, { recursive: true, force: true });
  });

  it('are on every page, with the client’s policy', async () => {
    for (const page of [
      '/',
      '/setup',
      '/b/board-x',
      '/r/report-x',
      '/w/workspace-x',
      '/invitation',
    ]) {
      const response = await request(`${server.httpUrl}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type'), page).toContain('text/html');
      expectSecurityHeaders(response, page);
      const csp = response.headers.get('content-security-policy') ?? '';
      // Nothing from another host: every fetch directive is 'self' and local schemes only.
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toMatch(/https?:/);
      expect(csp).toContain(
        `connect-src 'self' data: ws://127.0.0.1:${server.port} wss://127.0.0.1:${server.port}`,
      );
      await response.arrayBuffer();
    }
  });

  it('are on assets, REST answers, refusals, errors and 404s', async () => {
    const url = server.httpUrl;
    const answers: [string, Promise<Response>, number][] = [
      ['asset', request(`${url}/assets/app.js`), 200],
      ['icon', request(`${url}/favicon.svg`), 200],
      ['missing asset', request(`${url}/assets/missing.js`), 404],
      ['health', request(`${url}/healthz`), 200],
      ['REST', request(`${url}/api/config`), 200],
      ['REST 401', request(`${url}/api/auth/me`), 401],
      ['REST 404', request(`${url}/api/nothing-here`), 404],
      [
        'CSRF refusal',
        request(`${url}/api/workspaces`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
        403,
      ],
      [
        'malformed body',
        request(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
          body: '{not json',
        }),
        400,
      ],
      [
        'websocket upgrade over plain HTTP',
        request(`${url}/collab/board-x`, { headers: { origin: 'https://evil.example' } }),
        403,
      ],
    ];
    for (const [what, pending, status] of answers) {
      const response = await pending;
      expect(response.status, what).toBe(status);
      expectSecurityHeaders(response, what);
      await response.arrayBuffer();
    }
    // A REST answer is never a page: it may load nothing at all.
    const rest = await request(`${url}/api/config`);
    expect(rest.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('leave the report’s print view its own, stricter policy', async () => {
    const url = server.httpUrl;
    const admin = await signedInAdmin(server);
    const workspace = await createWorkspace(url, admin);
    const report = await call<{ id: string }>(url, 'POST', `/api/workspaces/${workspace}/report`, {
      cookie: admin,
    });
    const response = await request(
      `${url}/api/reports/${report.body.id}/export?format=html&inline`,
      {
        headers: { cookie: admin },
      },
    );
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, 'print view');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
    );
    await response.arrayBuffer();
  });
});

/** The `Set-Cookie` headers of a sign-in made with `headers`, and of a guest's redemption. */
async function issuedCookies(
  server: TestServer,
  headers: Record<string, string>,
): Promise<{ session: string[]; guest: string[]; logout: string[] }> {
  const url = server.httpUrl;
  const admin = await signedInAdmin(server);
  const json = { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...headers };
  const login = await request(`${url}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: adminCredentials.email, password: adminCredentials.password }),
  });
  expect(login.status).toBe(200);
  const session = login.headers.getSetCookie();
  const workspace = await createWorkspace(url, admin, { name: `ABS ${Math.random()}` });
  const link = await createLink(url, admin, workspace);
  const redeem = await request(`${url}/api/links/redeem`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ token: link.token, displayName: 'Habitante' }),
  });
  expect(redeem.status).toBe(201);
  const logout = await request(`${url}/api/auth/logout`, {
    method: 'POST',
    headers: { ...json, cookie: session.map((c) => c.split(';')[0]).join('; ') },
    body: '{}',
  });
  expect(logout.status).toBeLessThan(300);
  return { session, guest: redeem.headers.getSetCookie(), logout: logout.headers.getSetCookie() };
}

const isSecure = (cookie: string) => /;\s*Secure(;|$)/i.test(cookie);

describe('Secure cookies over HTTPS', () => {
  const servers: TestServer[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await startServer({ env });
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('are Secure when a trusted proxy says the request came over HTTPS', async () => {
    for (const trustProxy of ['1', '127.0.0.1']) {
      const server = await start({ TRUST_PROXY: trustProxy });
      const https = await issuedCookies(server, { 'x-forwarded-proto': 'https' });
      for (const cookie of [...https.session, ...https.guest, ...https.logout]) {
        expect(isSecure(cookie), `${trustProxy}: ${cookie.split('=')[0]}`).toBe(true);
      }
      expect(https.session.length + https.guest.length + https.logout.length).toBeGreaterThan(2);
      // The same proxy forwarding plain HTTP: no Secure, or the browser would drop the cookie.
      const http = await issuedCookies(server, { 'x-forwarded-proto': 'http' });
      for (const cookie of [...http.session, ...http.guest]) expect(isSecure(cookie)).toBe(false);
    }
  });

  it('believe X-Forwarded-Proto from nobody else', async () => {
    for (const env of [{}, { TRUST_PROXY: '10.0.0.0/8' }] as Record<string, string>[]) {
      const server = await start(env);
      const forged = await issuedCookies(server, { 'x-forwarded-proto': 'https' });
      for (const cookie of [...forged.session, ...forged.guest, ...forged.logout]) {
        expect(isSecure(cookie)).toBe(false);
      }
    }
  });
});

describe('the Origin check and X-Forwarded-Host', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  async function setup(env: Record<string, string>) {
    const server = await startServer({ env });
    servers.push(server);
    const admin = await signedInAdmin(server);
    const workspace = await createWorkspace(server.httpUrl, admin);
    const board = await createBoard(server.httpUrl, admin, workspace);
    const post = (headers: Record<string, string>) =>
      request(`${server.httpUrl}/api/workspaces`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CSRF_HEADER]: '1',
          cookie: admin,
          ...headers,
        },
        body: JSON.stringify({ ...sampleWorkspace, name: `ABS ${Math.random()}` }),
      });
    const upgrade = (headers: Record<string, string>) =>
      upgradeStatus(`${server.collabUrl}/${board}`, { cookie: admin, ...headers });
    return { server, post, upgrade };
  }

  const forged = { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' };

  it('refuses a cross-site request that forges X-Forwarded-Host when no proxy is trusted', async () => {
    const { server, post, upgrade } = await setup({});
    const refused = await post(forged);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'csrf' });
    expect(await upgrade(forged)).toBe(403);
    // The server's own pages still pass, whatever X-Forwarded-Host says.
    const own = { origin: server.httpUrl, 'x-forwarded-host': 'evil.example' };
    expect((await post(own)).status).toBe(201);
    expect(await upgrade(own)).toBe(101);
  });

  it('refuses it from a peer that is not the trusted proxy', async () => {
    const { post, upgrade } = await setup({ TRUST_PROXY: '10.0.0.0/8' });
    expect((await post(forged)).status).toBe(403);
    expect(await upgrade(forged)).toBe(403);
  });

  it('believes the public host a trusted proxy forwards', async () => {
    const { server, post, upgrade } = await setup({ TRUST_PROXY: '127.0.0.1' });
    const proxied = { origin: 'https://abs.example.fr', 'x-forwarded-host': 'abs.example.fr' };
    expect((await post(proxied)).status).toBe(201);
    expect(await upgrade(proxied)).toBe(101);
    // Through the proxy, the request's own Host no longer counts: the forwarded one does.
    expect(
      (await post({ origin: server.httpUrl, 'x-forwarded-host': 'abs.example.fr' })).status,
    ).toBe(403);
  });
});
