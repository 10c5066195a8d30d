import { hash, verify } from '@node-rs/argon2';

/** The two operations sign-in costs are made of; tests count them through this seam. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Throws on a malformed hash. */
  verify(passwordHash: string, password: string): Promise<boolean>;
}

/**
 * Staff passwords, hashed with argon2id (the library's default algorithm) and its default
 * cost parameters, which follow OWASP's current recommendation.
 */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  verify: (passwordHash, password) => verify(passwordHash, password),
};

export class Passwords {
  private readonly decoy: Promise<string>;

  constructor(private readonly hasher: PasswordHasher = argon2Hasher) {
    // Hashed once, up front: the first unknown e-mail must not cost a hash more than the others.
    this.decoy = hasher.hash('decoy password that no account has');
    this.decoy.catch(() => undefined);
  }

  hash(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await this.hasher.verify(passwordHash, password);
    } catch {
      // A malformed stored hash is a refusal, never a crash of the sign-in route.
      return false;
    }
  }

  /**
   * Verifying against a fixed hash of the same cost when the e-mail is unknown: "no such
   * account" and "wrong password" both cost one verification, so timing tells nobody who has
   * an account.
   */
  async verifyDecoy(password: string): Promise<false> {
    await this.verify(await this.decoy, password);
    return false;
  }
}
