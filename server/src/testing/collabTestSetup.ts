import { afterEach } from 'vitest';
import { sqliteStores } from '../../../tests/helpers/sqliteStores.js';

/** A logger that says nothing, for rooms and pipelines under test. */
export const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * SQLite stores for one test file, and the cleanups a test registers: after each test they run
 * last-registered first (rooms before their stores), then the stores are dropped.
 */
export function storesAndCleanups() {
  const stores = sqliteStores({ synchronous: 'normal' });
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await stores.cleanup();
  });
  return { stores, cleanups };
}
