/**
 * Whether a request comes from a page served by this Boussole. Browsers always send `Origin`
 * on a websocket upgrade and on cross-site POSTs; a page on another site must not be able to
 * open a board with a visitor's cookie (cross-site websocket hijacking). Requests without
 * `Origin` come from programs, not from another site's page, and are judged by their
 * credentials alone.
 *
 * `request.host` is Fastify's: the `Host` header, or `X-Forwarded-Host` only when the request
 * came through a proxy that TRUST_PROXY names — anyone else could forge it to match their page.
 */
export function isSameOrigin(
  request: { headers: Record<string, string | string[] | undefined>; host: string },
  extraOrigins: readonly string[] = [],
): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (extraOrigins.includes(parsed.origin)) return true;
  return request.host !== '' && parsed.host === request.host.toLowerCase();
}
