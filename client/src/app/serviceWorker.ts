/**
 * Registers the app shell's service worker (client/public/sw.js) in production builds, so that
 * a board reloaded offline opens from its local copy instead of the browser's error page.
 * Development (Vite's server) runs without it: a worker caching modules there would serve
 * stale code.
 *
 * The files this first visit loaded before the worker took control are handed to it; when it
 * has kept them, `<html data-offline-ready>` says the shell would open offline (tests wait
 * for it; nothing else depends on it).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; complete?: unknown } | null;
    if (data?.type !== 'shell-kept') return;
    // Incomplete (a file could not be fetched again, e.g. a deployment replaced it): not
    // ready; the next load hands its files over again.
    if (data.complete === true) document.documentElement.dataset.offlineReady = 'true';
    else delete document.documentElement.dataset.offlineReady;
  });
  let controlledAt: number | undefined;
  const post = (urls: string[]) => {
    const own = urls.filter((url) => url.startsWith(`${location.origin}/`));
    if (own.length > 0) container.controller?.postMessage({ type: 'keep-shell', urls: own });
  };
  // Once a worker controls this page, every later request goes through it; what loaded before
  // (the first visit) is listed for it to keep.
  // A new version of the worker (controllerchange again) is handed the list too: its cache may
  // be a new one.
  const handOver = () => {
    if (!container.controller) return;
    const first = controlledAt === undefined;
    controlledAt = performance.now();
    post(performance.getEntriesByType('resource').map((entry) => entry.name));
    // A file still downloading when the worker took over (the board's chunk, a font) went
    // past it and is not in the list yet: it is handed over when it has arrived.
    if (!first || typeof PerformanceObserver === 'undefined') return;
    new PerformanceObserver((list) => {
      const since = controlledAt ?? 0;
      post(
        list
          .getEntries()
          .filter((entry) => entry.startTime < since)
          .map((entry) => entry.name),
      );
    }).observe({ type: 'resource' });
  };
  container.addEventListener('controllerchange', handOver);
  window.addEventListener('load', () => {
    container
      .register('/sw.js', { scope: '/' })
      .then(() => container.ready)
      .then(handOver)
      .catch(() => {
        // No offline shell (private browsing, disabled workers): the app works as before.
      });
  });
}
