/* global self, caches, fetch, URL */
/**
 * Boussole's service worker: keeps the app shell (index.html and the built files it loads) so
 * that a board reloaded without a network still opens, from the copy of its documents the
 * browser keeps in IndexedDB (client/src/collab). Registered by client/src/app/serviceWorker.ts
 * in production builds only.
 *
 * What it never touches: /api (data and permissions must come from the server, or fail) and
 * /collab (websockets), nor any other host.
 * - Pages (navigations): the network first, so a deployment is seen at once; offline, the
 *   last index.html it kept (every client route is the same page).
 * - /assets/: built files with a content hash in their name never change: the cache first.
 * - Other files of the shell (favicon, zod-jitless.js): the network first, the cache offline.
 *
 * Updates: a new version of this file installs in the background, takes over at once
 * (skipWaiting) and serves the next load; the cache name changes only when the way things are
 * kept changes, and older caches are deleted on activation.
 */
const CACHE = 'boussole-shell-v1';
const SHELL = '/index.html';

/** Same-origin GETs of the shell, never the API nor the collaboration socket. */
function isShellRequest(request) {
  if (request.method !== 'GET') return false;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return false;
  return !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/collab');
}

async function keep(request, response) {
  if (!response.ok || response.type !== 'basic') return response;
  const cache = await caches.open(CACHE);
  await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, cacheKey) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(cacheKey, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(cacheKey);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  return keep(request, await fetch(request));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!isShellRequest(request)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL));
    return;
  }
  const path = new URL(request.url).pathname;
  event.respondWith(
    path.startsWith('/assets/') ? cacheFirst(request) : networkFirst(request, request),
  );
});

/**
 * The page lists the files it loaded before this worker controlled it (the first visit): they
 * are kept too, then the page is told whether its whole shell is kept. A file that cannot be
 * fetched again (a deployment replaced it meanwhile) makes the answer incomplete: the page is
 * not ready offline, and its next load hands its files over again.
 */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep-shell' || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .filter((u) => typeof u === 'string')
    .slice(0, 500)
    .filter((u) => isShellRequest({ method: 'GET', url: u }));
  const keepOne = (cache, u) =>
    cache.match(u).then((hit) =>
      hit
        ? true
        : cache.add(u).then(
            () => true,
            () => false,
          ),
    );
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all(urls.map((u) => keepOne(cache, u))))
      .then((kept) => {
        const complete = kept.every(Boolean);
        if (event.source) event.source.postMessage({ type: 'shell-kept', complete });
      }),
  );
});
