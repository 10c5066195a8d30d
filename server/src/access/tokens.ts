import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to people (session cookies, invitation links, the setup link) are 32 random
 * bytes; only their SHA-256 is stored, so a copy of the database opens nothing.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Unguessable, URL-safe ids with a prefix saying what they name (`user-…`, `ws-…`). */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('base64url')}`;
}
