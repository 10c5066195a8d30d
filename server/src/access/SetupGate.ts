import { timingSafeEqual } from 'node:crypto';
import { hashToken, newToken } from './tokens.js';

/**
 * The first start's one-time setup link: while no account exists, a random token is printed
 * once in the log (in a URL fragment, which browsers never send to servers or proxies), and
 * whoever holds it creates the first administrator. It lives in memory: a restart before
 * anyone used it prints a new one.
 */
export class SetupGate {
  private tokenHash: string | undefined;

  /** Opens the gate with a fresh token; returns it (to print) once. */
  open(): string {
    const token = newToken();
    this.tokenHash = hashToken(token);
    return token;
  }

  get isOpen(): boolean {
    return this.tokenHash !== undefined;
  }

  /** Whether `token` is the setup token; the gate closes for good once it has been used. */
  matches(token: string): boolean {
    if (!this.tokenHash) return false;
    return timingSafeEqual(Buffer.from(hashToken(token)), Buffer.from(this.tokenHash));
  }

  close(): void {
    this.tokenHash = undefined;
  }
}
