import type { DocStore } from '@boussole/server';

/** The names of every table of the store's own (its schema's, on PostgreSQL). */
export async function tableNames(store: DocStore): Promise<string[]> {
  const tables =
    store.sql.dialect === 'sqlite'
      ? await store.sql.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await store.sql.all<{ name: string }>(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
        );
  return tables.map((t) => t.name);
}
