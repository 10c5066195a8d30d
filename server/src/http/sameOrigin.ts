/**
 * Whether a request comes from a page served by this Boussole. Browsers always send `Origin`
 * on a websocket upgrade and on cross-site POSTs; a page on another site must not be able to
 * open a board with a visitor's cookie (cross-site websocket hijacking). Requests without
 * `Origin` come from programs, not from another site's page, and are judged by their
 * credentials alone.
 */
export function isSameOrigin(
  headers: Record<string, string | string[] | undefined>,
  extraOrigins: readonly string[] = [],
): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (extraOrigins.includes(parsed.origin)) return true;
  const host = headers['x-forwarded-host'] ?? headers.host;
  return typeof host === 'string' && parsed.host === host.split(',')[0]?.trim();
}
