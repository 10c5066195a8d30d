import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * The service worker (client/public/sw.js) runs as written, in a vm with a fake worker scope:
 * which requests it answers (never /api, never /collab, never another host, never a write),
 * what it answers offline, and which files a page may ask it to keep.
 */
const source = fs.readFileSync(
  path.resolve(import.meta.dirname, '..', '..', 'public', 'sw.js'),
  'utf8',
);
const ORIGIN = 'https://boussole.example.fr';

interface FakeRequest {
  method: string;
  url: string;
  mode?: string;
}
type Handler = (event: Record<string, unknown>) => void;

function loadWorker(network: { online: boolean }) {
  const handlers = new Map<string, Handler>();
  const stored = new Map<string, Response>();
  const keyOf = (request: string | FakeRequest) =>
    new URL(typeof request === 'string' ? request : request.url, ORIGIN).href;
  const fetched: string[] = [];
  const cache = {
    match: (request: string | FakeRequest) => Promise.resolve(stored.get(keyOf(request))?.clone()),
    put: (request: string | FakeRequest, response: Response) => {
      stored.set(keyOf(request), response);
      return Promise.resolve();
    },
    add: async (request: string | FakeRequest) => {
      const response = await fakeFetch(request);
      if (!response.ok) throw new TypeError('bad response');
      stored.set(keyOf(request), response);
    },
  };
  async function fakeFetch(request: string | FakeRequest): Promise<Response> {
    const url = keyOf(request);
    fetched.push(url);
    if (!network.online) throw new TypeError('Failed to fetch');
    if (url.includes('gone')) return new Response('', { status: 404 });
    const response = new Response(`from network: ${new URL(url).pathname}`, { status: 200 });
    // Same-origin answers are « basic » in a browser; Node's Response has no such notion.
    Object.defineProperty(response, 'type', { value: 'basic' });
    return response;
  }
  const scope = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, handler: Handler) => handlers.set(type, handler),
    skipWaiting: () => Promise.resolve(),
    clients: { claim: () => Promise.resolve() },
  };
  const context = vm.createContext({
    self: scope,
    URL,
    Promise,
    fetch: fakeFetch,
    caches: {
      open: () => Promise.resolve(cache),
      match: cache.match,
      keys: () => Promise.resolve(['boussole-shell-v1']),
      delete: () => Promise.resolve(true),
    },
  });
  vm.runInContext(source, context, { filename: 'sw.js' });
  const isShellRequest = context.isShellRequest as (request: FakeRequest) => boolean;

  /** Dispatches a fetch event: the worker's answer, or undefined when it lets it pass. */
  function request(url: string, init: { method?: string; mode?: string } = {}) {
    let answer: Promise<Response> | undefined;
    handlers.get('fetch')!({
      request: { method: init.method ?? 'GET', url: new URL(url, ORIGIN).href, mode: init.mode },
      respondWith: (response: Promise<Response>) => {
        answer = response;
      },
    });
    return answer;
  }

  async function keepShell(urls: unknown[]): Promise<unknown[]> {
    const replies: unknown[] = [];
    let done: Promise<unknown> = Promise.resolve();
    handlers.get('message')!({
      data: { type: 'keep-shell', urls },
      source: { postMessage: (message: unknown) => replies.push(message) },
      waitUntil: (promise: Promise<unknown>) => {
        done = promise;
      },
    });
    await done;
    return replies;
  }

  return { isShellRequest, request, keepShell, stored, fetched };
}

describe('the service worker’s rules', () => {
  it('answers only same-origin GETs of the shell: never /api, /collab, another host, a write', () => {
    const { isShellRequest, request } = loadWorker({ online: true });
    const shell = (url: string, method = 'GET') => isShellRequest({ method, url });
    expect(shell(`${ORIGIN}/`)).toBe(true);
    expect(shell(`${ORIGIN}/b/board-1`)).toBe(true);
    expect(shell(`${ORIGIN}/assets/index-abc.js`)).toBe(true);
    expect(shell(`${ORIGIN}/api/boards/board-1`)).toBe(false);
    expect(shell(`${ORIGIN}/api/auth/me`)).toBe(false);
    expect(shell(`${ORIGIN}/collab/board-1`)).toBe(false);
    expect(shell(`https://cdn.example.com/assets/index-abc.js`)).toBe(false);
    expect(shell(`${ORIGIN}/assets/index-abc.js`, 'POST')).toBe(false);

    // The fetch handler lets those pass untouched (the browser does the request itself).
    expect(request('/api/boards/board-1')).toBeUndefined();
    expect(request('/api/boards/board-1', { mode: 'navigate' })).toBeUndefined();
    expect(request('/collab/board-1')).toBeUndefined();
    expect(request('https://cdn.example.com/x.js')).toBeUndefined();
    expect(request('/b/board-1', { method: 'POST', mode: 'navigate' })).toBeUndefined();
    expect(request('/b/board-1', { mode: 'navigate' })).toBeDefined();
    expect(request('/assets/index-abc.js')).toBeDefined();
  });

  it('offline, a page opens from the kept shell and an API call still fails', async () => {
    const network = { online: true };
    const worker = loadWorker(network);
    // Online: the page from the network, kept as the shell.
    const online = await worker.request('/b/board-1', { mode: 'navigate' })!;
    expect(await online.text()).toBe('from network: /b/board-1');
    await (await worker.request('/assets/index-abc.js'))!.text();

    network.online = false;
    const page = await worker.request('/b/board-2', { mode: 'navigate' })!;
    expect(await page.text()).toBe('from network: /b/board-1');
    const asset = await worker.request('/assets/index-abc.js')!;
    expect(await asset.text()).toBe('from network: /assets/index-abc.js');
    // A file never kept fails as the network does, never with another file's content.
    await expect(worker.request('/assets/never-loaded.js')!).rejects.toThrow('Failed to fetch');
    // Nothing of the API was kept, even after the page asked for it.
    expect([...worker.stored.keys()].some((url) => url.includes('/api/'))).toBe(false);
  });

  it('keeps the files a page hands over, except the API and other hosts, and says if all were', async () => {
    const worker = loadWorker({ online: true });
    const replies = await worker.keepShell([
      `${ORIGIN}/assets/board-abc.js`,
      `${ORIGIN}/api/auth/me`,
      `${ORIGIN}/collab/board-1`,
      'https://cdn.example.com/font.woff2',
      42,
    ]);
    expect([...worker.stored.keys()].sort()).toEqual([`${ORIGIN}/assets/board-abc.js`]);
    expect(worker.fetched).toEqual([`${ORIGIN}/assets/board-abc.js`]);
    expect(replies).toEqual([{ type: 'shell-kept', complete: true }]);

    // A file gone since the page loaded it (a deployment): not ready offline.
    expect(await worker.keepShell([`${ORIGIN}/assets/gone-abc.js`])).toEqual([
      { type: 'shell-kept', complete: false },
    ]);
  });
});
