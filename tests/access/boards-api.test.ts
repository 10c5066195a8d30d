import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, boardListSchema, boardSummarySchema } from '@boussole/shared';
import { signedInAdmin } from '../helpers/accounts.js';
import { startServer, type TestServer } from '../helpers/server.js';

describe('/api/boards', () => {
  let server: TestServer;
  let admin = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await signedInAdmin(server);
  });

  afterAll(async () => {
    await server.close();
  });

  it('keeps boards outside any workspace to instance administrators', async () => {
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/boards' });
    expect(anonymous.statusCode).toBe(401);
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/boards',
      headers: { [CSRF_HEADER]: '1' },
      payload: { title: 'x' },
    });
    expect(created.statusCode).toBe(401);
  });

  it('starts empty, creates boards with unguessable ids and lists them newest first', async () => {
    const empty = await server.app.inject({
      method: 'GET',
      headers: { cookie: admin },
      url: '/api/boards',
    });
    expect(boardListSchema.parse(empty.json()).boards).toEqual([]);

    const created = [];
    for (const title of ['Atelier du 2 avril', 'Hypothèses « mobilité »']) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/boards',
        headers: { [CSRF_HEADER]: '1', cookie: admin },
        payload: { title, template: 'working-hypotheses' },
      });
      expect(response.statusCode).toBe(201);
      created.push(boardSummarySchema.parse(response.json()));
    }
    expect(created[0]?.id).toMatch(/^board-[A-Za-z0-9_-]{16}$/);
    expect(created[0]?.id).not.toBe(created[1]?.id);

    const list = boardListSchema.parse(
      (
        await server.app.inject({ method: 'GET', headers: { cookie: admin }, url: '/api/boards' })
      ).json(),
    ).boards;
    expect(list.map((b) => b.title)).toEqual(['Hypothèses « mobilité »', 'Atelier du 2 avril']);

    const one = await server.app.inject({
      method: 'GET',
      headers: { cookie: admin },
      url: `/api/boards/${created[0]?.id}`,
    });
    expect(one.json()).toMatchObject({
      title: 'Atelier du 2 avril',
      template: 'working-hypotheses',
    });
  });

  it('refuses an invalid board with a French message naming the field', async () => {
    for (const payload of [{ title: '   ' }, { title: 'x', template: 'nope' }, '{"title": ']) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/boards',
        headers: { [CSRF_HEADER]: '1', 'content-type': 'application/json', cookie: admin },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/^(Tableau|Requête) invalide/);
    }
    const blank = await server.app.inject({
      method: 'POST',
      url: '/api/boards',
      headers: { [CSRF_HEADER]: '1', cookie: admin },
      payload: { title: '   ' },
    });
    expect(blank.json()).toMatchObject({ error: 'invalid-board' });
    expect(blank.json().message).toMatch(/title/);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of ['board-doesnotexist000000', '..%2Fetc', 'a'.repeat(200)]) {
      const response = await server.app.inject({
        method: 'GET',
        headers: { cookie: admin },
        url: `/api/boards/${id}`,
      });
      expect(response.statusCode).toBe(404);
    }
  });
});

describe('/api/config', () => {
  it('passes the tldraw licence key from configuration to the browser', async () => {
    const withKey = await startServer({ env: { TLDRAW_LICENSE_KEY: 'tldraw-key-123' } });
    const without = await startServer();
    try {
      expect((await withKey.app.inject('/api/config')).json()).toEqual({
        tldrawLicenseKey: 'tldraw-key-123',
      });
      expect((await without.app.inject('/api/config')).json()).toEqual({ tldrawLicenseKey: null });
    } finally {
      await withKey.close();
      await without.close();
    }
  });
});
