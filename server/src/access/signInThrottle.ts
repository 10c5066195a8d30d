import { FailureSlowDown, type SlowDownPolicy } from './FailureLimiter.js';

const MINUTE = 60_000;

export interface SignInPolicies {
  /** One address guessing one account's password. */
  perAddressAndAccount: SlowDownPolicy;
  /** One address trying many accounts: far above a workshop's typos behind one NAT address. */
  perAddress: SlowDownPolicy;
  /** Many addresses guessing one account; addresses it signed in from recently are exempt. */
  perAccount: SlowDownPolicy;
  /** How long a successful sign-in makes its address known for that account. */
  knownAddressMs: number;
}

export const defaultSignInPolicies: SignInPolicies = {
  perAddressAndAccount: {
    free: 5,
    firstDelayMs: 1000,
    maxDelayMs: MINUTE,
    forgetAfterMs: 15 * MINUTE,
  },
  perAddress: { free: 100, firstDelayMs: 1000, maxDelayMs: MINUTE, forgetAfterMs: 15 * MINUTE },
  perAccount: { free: 30, firstDelayMs: 1000, maxDelayMs: MINUTE, forgetAfterMs: 15 * MINUTE },
  knownAddressMs: 30 * 24 * 60 * MINUTE,
};

/** Accounts whose known addresses are remembered, and addresses per account: bounded memory. */
const MAX_ACCOUNTS = 100_000;
const MAX_ADDRESSES_PER_ACCOUNT = 20;

/**
 * When a sign-in attempt is heard. Only failures count, so forty people of one workshop signing
 * in from the town hall's address never wait. Guessing slows down (never locks) per address and
 * account, per address, and per account across addresses; the last one spares the addresses the
 * owner signed in from, so a distributed guesser cannot keep the owner out of their own office.
 * The owner signing in from another address is never slowed by one address's guesses.
 */
export class SignInThrottle {
  private readonly pair: FailureSlowDown;
  private readonly address: FailureSlowDown;
  private readonly account: FailureSlowDown;
  private readonly known = new Map<string, Map<string, number>>();

  constructor(
    private readonly policies: SignInPolicies = defaultSignInPolicies,
    private readonly now: () => number = Date.now,
  ) {
    this.pair = new FailureSlowDown(policies.perAddressAndAccount, now);
    this.address = new FailureSlowDown(policies.perAddress, now);
    this.account = new FailureSlowDown(policies.perAccount, now);
  }

  private isKnown(address: string, email: string): boolean {
    const until = this.known.get(email)?.get(address);
    return until !== undefined && until > this.now();
  }

  /** Milliseconds before this address may try this account again; 0 when it may now. */
  waitMs(address: string, email: string): number {
    return Math.max(
      this.pair.waitMs(`${address}|${email}`),
      this.address.waitMs(address),
      this.isKnown(address, email) ? 0 : this.account.waitMs(email),
    );
  }

  failed(address: string, email: string): void {
    this.pair.fail(`${address}|${email}`);
    this.address.fail(address);
    this.account.fail(email);
  }

  succeeded(address: string, email: string): void {
    this.pair.succeed(`${address}|${email}`);
    const addresses = this.known.get(email) ?? new Map<string, number>();
    this.known.delete(email);
    addresses.delete(address);
    addresses.set(address, this.now() + this.policies.knownAddressMs);
    if (addresses.size > MAX_ADDRESSES_PER_ACCOUNT) {
      const oldest = addresses.keys().next().value;
      if (oldest !== undefined) addresses.delete(oldest);
    }
    this.known.set(email, addresses);
    if (this.known.size > MAX_ACCOUNTS) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }
}
