import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of the web client, found by running the home page, the demo's
 * boards (tldraw) and the report (Tiptap) in Chromium under it until no violation was reported
 * (tests/e2e/security-headers.test.ts). Nothing comes from another host: Boussole serves
 * tldraw's fonts, icons and translations itself.
 * - style-src 'unsafe-inline': tldraw renders <style> elements whose content changes at run
 *   time (no hash or nonce could name them).
 * - img-src data: blob:: tldraw draws its icons and cursors from data: and blob: URLs.
 * - connect-src data:: the build inlines tldraw's smallest translation files as data: URLs,
 *   which tldraw fetches; a data: URL sends nothing anywhere.
 * - no 'unsafe-eval', no inline script: index.html loads only files Boussole serves.
 * - worker-src 'self': the app shell's service worker (/sw.js), said explicitly rather than
 *   left to the fallback through script-src.
 */
const appDirectives = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * REST answers are data, never pages: if one is ever opened as a document it may load and run
 * nothing. A route may set a policy of its own (the report's print view does).
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A Host value safe to repeat inside the header: host name or IP literal, optional port. */
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;

/**
 * The client's policy for a request to `host` (Fastify's request.host: X-Forwarded-Host only
 * from a trusted proxy). CSP 3 lets 'self' cover same-origin ws:/wss:, which current browsers
 * follow; the explicit same-host websocket sources are for those that do not yet.
 */
export function appContentSecurityPolicy(host: string): string {
  const connect = HOST.test(host)
    ? `connect-src 'self' data: ws://${host} wss://${host}`
    : "connect-src 'self' data:";
  return [...appDirectives, connect].join('; ');
}

/**
 * Same-origin only, so that the server's Origin check still sees Origin on same-origin POSTs
 * (`no-referrer` makes browsers send `Origin: null` on them) while no other site learns a
 * board's or report's address. Invitation and setup tokens sit in the URL fragment, which no
 * Referer ever carries.
 */
export const REFERRER_POLICY = 'same-origin';

function policyFor(request: FastifyRequest): string {
  return request.url.startsWith('/api/')
    ? API_CONTENT_SECURITY_POLICY
    : appContentSecurityPolicy(request.host);
}

/**
 * Sets the security headers on every response (pages, assets, REST, errors, 404s): set at
 * onRequest, the first hook, they survive early refusals and error handlers alike.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.headers({
      'content-security-policy': policyFor(request),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': REFERRER_POLICY,
    });
  });
}
