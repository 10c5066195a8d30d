import { hash, verify } from '@node-rs/argon2';

/**
 * Staff passwords, hashed with argon2id (the library's default algorithm) and its default
 * cost parameters, which follow OWASP's current recommendation.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a refusal, never a crash of the sign-in route.
    return false;
  }
}

/**
 * Verifying against a fixed hash when the e-mail is unknown keeps "no such account" and
 * "wrong password" equally slow, so timing does not reveal who has an account.
 */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that no account has');
  await verifyPassword(await decoy, password);
  return false;
}
