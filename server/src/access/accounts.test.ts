import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDocStore } from '../storage/sqliteStore.js';
import { Accounts } from './accounts.js';
import { Passwords, argon2Hasher, type PasswordHasher } from './passwords.js';

/**
 * A wrong password costs the same whether the e-mail has an account or not: counted in hash
 * verifications (argon2, the real one), not in milliseconds, which a loaded machine blurs.
 */
describe('sign-in cost', () => {
  const store = new SqliteDocStore({ file: ':memory:', synchronous: 'normal' });
  const counted = { hashes: 0, verifications: 0 };
  const hasher: PasswordHasher = {
    hash: (password) => {
      counted.hashes++;
      return argon2Hasher.hash(password);
    },
    verify: (passwordHash, password) => {
      counted.verifications++;
      return argon2Hasher.verify(passwordHash, password);
    },
  };
  let accounts: Accounts;

  beforeAll(async () => {
    await store.migrate();
    accounts = new Accounts(store.sql, 14, new Passwords(hasher));
    await accounts.create({
      email: 'agathe@ccas.example.fr',
      displayName: 'Agathe',
      password: 'le bon mot de passe',
      isAdmin: false,
    });
  });

  afterAll(() => store.close());

  async function cost(email: string, password: string) {
    const before = { ...counted };
    const user = await accounts.authenticate(email, password);
    return {
      user: user?.email,
      hashes: counted.hashes - before.hashes,
      verifications: counted.verifications - before.verifications,
    };
  }

  it('verifies one hash for an unknown e-mail as for a wrong password, and hashes nothing', async () => {
    expect(await cost('personne@ccas.example.fr', 'un essai')).toEqual({
      user: undefined,
      hashes: 0,
      verifications: 1,
    });
    expect(await cost('agathe@ccas.example.fr', 'un essai')).toEqual({
      user: undefined,
      hashes: 0,
      verifications: 1,
    });
    expect(await cost('agathe@ccas.example.fr', 'le bon mot de passe')).toEqual({
      user: 'agathe@ccas.example.fr',
      hashes: 0,
      verifications: 1,
    });
  });
});
