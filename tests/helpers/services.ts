import pg from 'pg';

/**
 * Tests that need an outside service (PostgreSQL, Redis, Chromium) call these probes. On a
 * developer's machine an absent service skips those tests with a loud notice; in CI (CI set)
 * it fails the run instead, so a green CI always means the service was really exercised.
 */
const inCI = Boolean(process.env.CI);

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function absent(service: string, why: unknown): false {
  const message = `${service} is not reachable (${String(why)})`;
  if (inCI) throw new Error(`${message}: required in CI.`);
  process.stderr.write(`\n\n!!! SKIPPING ${service} TESTS: ${message}. !!!\n\n`);
  return false;
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return absent('PostgreSQL', error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh schema name, so parallel test files never see each other's rows. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
