import type { FastifyReply, FastifyRequest } from 'fastify';

/** A staff member's session. */
export const SESSION_COOKIE = 'boussole_session';
/** A guest admitted through an invitation link. */
export const GUEST_COOKIE = 'boussole_guest';

/** Cookie values from a request's `Cookie` header (the last one wins on duplicates). */
export function readCookies(
  headers: Record<string, string | string[] | undefined>,
): Map<string, string> {
  const cookies = new Map<string, string>();
  const header = headers.cookie;
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // A malformed value is no credential.
    }
  }
  return cookies;
}

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent with cross-site requests other than
 * top-level navigations), Secure when the page was served over HTTPS, scoped to the whole site.
 */
export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  expires: Date,
): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header(
    'set-cookie',
    `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure}`,
  );
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, name: string): void {
  setCookie(request, reply, name, '', new Date(0));
}
