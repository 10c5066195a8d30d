import { CSRF_HEADER, type CreateLinkRequest, type WorkspaceInput } from '@boussole/shared';

/**
 * Accounts, workspaces, members, links and boards created through the real REST API, over
 * HTTP, the way the browser does it (CSRF header included, cookies carried by hand).
 */

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  /** The `name=value` pairs of every Set-Cookie, ready for a `Cookie` header. */
  cookie: string;
}

export async function call<T = Record<string, unknown>>(
  httpUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; csrf?: boolean; origin?: string } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf ?? method !== 'GET') headers[CSRF_HEADER] = '1';
  if (options.origin) headers.origin = options.origin;
  const response = await fetch(`${httpUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => !c.endsWith('='))
    .join('; ');
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, cookie };
}

function expectStatus<T>(answer: HttpAnswer<T>, status: number, what: string): HttpAnswer<T> {
  if (answer.status !== status) {
    throw new Error(
      `${what}: expected HTTP ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
  return answer;
}

export const adminCredentials = {
  email: 'admin@ccas.example.fr',
  displayName: 'Claire Admin',
  password: 'mot de passe très long',
};

/** Creates the instance administrator with the setup token; returns their session cookie. */
export async function createAdmin(httpUrl: string, setupToken: string): Promise<string> {
  const answer = await call(httpUrl, 'POST', '/api/setup', {
    body: { token: setupToken, ...adminCredentials },
  });
  return expectStatus(answer, 201, 'setup').cookie;
}

/**
 * A session cookie of the instance administrator of an in-process test server: created through
 * the setup flow the first time, signed in with the same credentials afterwards.
 */
export async function signedInAdmin(server: {
  httpUrl: string;
  app: { access: { setup: { open(): string } } };
}): Promise<string> {
  const setup = await call(server.httpUrl, 'POST', '/api/setup', {
    body: { token: server.app.access.setup.open(), ...adminCredentials },
  });
  if (setup.status === 201) return setup.cookie;
  return signIn(server.httpUrl, adminCredentials.email, adminCredentials.password);
}

export async function signIn(httpUrl: string, email: string, password: string): Promise<string> {
  return expectStatus(
    await call(httpUrl, 'POST', '/api/auth/login', { body: { email, password } }),
    200,
    'login',
  ).cookie;
}

export const sampleWorkspace: WorkspaceInput = {
  name: 'ABS 2026 — Val d’Arvière',
  kind: 'intercommunale',
  periodStart: '2026-01-15',
  periodEnd: '2026-11-30',
  topics: ['logement', 'insertion', 'mobilité'],
  publics: ['jeunes 16-25 ans'],
  communes: [
    { inseeCode: '99001', name: 'Saint-Aubin-sur-Arvière' },
    { inseeCode: '99006', name: 'Rochebrune' },
  ],
};

export async function createWorkspace(
  httpUrl: string,
  cookie: string,
  input: Partial<WorkspaceInput> = {},
): Promise<string> {
  const answer = await call<{ id: string }>(httpUrl, 'POST', '/api/workspaces', {
    cookie,
    body: { ...sampleWorkspace, ...input },
  });
  return expectStatus(answer, 201, 'create workspace').body.id;
}

/** Adds a member (creating their account) and returns their session cookie. */
export async function addMember(
  httpUrl: string,
  adminCookie: string,
  workspaceId: string,
  member: { email: string; displayName: string; role: string; instances?: string[] },
): Promise<{ userId: string; cookie: string }> {
  const password = `initial-${member.email}-password`;
  const answer = await call<{ userId: string }>(
    httpUrl,
    'POST',
    `/api/workspaces/${workspaceId}/members`,
    { cookie: adminCookie, body: { instances: [], ...member, initialPassword: password } },
  );
  expectStatus(answer, 201, 'add member');
  return { userId: answer.body.userId, cookie: await signIn(httpUrl, member.email, password) };
}

export async function createLink(
  httpUrl: string,
  adminCookie: string,
  workspaceId: string,
  link: Partial<CreateLinkRequest> = {},
): Promise<{ id: string; token: string; url: string }> {
  const answer = await call<{ id: string; token: string; url: string }>(
    httpUrl,
    'POST',
    `/api/workspaces/${workspaceId}/links`,
    {
      cookie: adminCookie,
      body: {
        role: 'contributeur',
        instance: null,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        maxUses: 40,
        ...link,
      },
    },
  );
  return expectStatus(answer, 201, 'create link').body;
}

/** Redeems a link as a guest; returns the guest cookie. */
export async function redeemLink(
  httpUrl: string,
  token: string,
  displayName: string,
): Promise<string> {
  return expectStatus(
    await call(httpUrl, 'POST', '/api/links/redeem', { body: { token, displayName } }),
    201,
    'redeem link',
  ).cookie;
}

export async function createBoard(
  httpUrl: string,
  cookie: string,
  workspaceId: string,
  title = 'Atelier',
): Promise<string> {
  const answer = await call<{ id: string }>(
    httpUrl,
    'POST',
    `/api/workspaces/${workspaceId}/boards`,
    {
      cookie,
      body: { title, template: 'blank' },
    },
  );
  return expectStatus(answer, 201, 'create board').body.id;
}

/** The setup token a child server printed on its first start (see server/src/main.ts). */
export function setupTokenFromLogs(logs: readonly Record<string, unknown>[]): string {
  for (const entry of logs) {
    const url = entry.setupUrl;
    if (typeof url === 'string') return url.slice(url.indexOf('#') + 1);
  }
  throw new Error('the server printed no setup link');
}

/** `Cookie` header pairs as cookies a browser context can hold for `httpUrl`. */
export function browserCookies(cookie: string, httpUrl: string) {
  return cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: httpUrl };
    });
}
