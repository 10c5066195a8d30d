/** What tests and tools import from the server package. */
export { buildApp, type AppDeps } from './app.js';
export { loadConfig, ConfigError, type Config } from './config.js';
export type { DocStore, StoredDoc } from './storage/DocStore.js';
export { SqliteDocStore, type SqliteThreads } from './storage/sqliteStore.js';
export { sqliteMigrations } from './storage/migrations.js';
export { PostgresDocStore } from './storage/postgresStore.js';
export { createStore } from './storage/createStore.js';
export { RoomRegistry } from './collab/RoomRegistry.js';
export { WorkerSqliteWriter, startWriterThread } from './storage/sqliteWriter.js';
export { WalCheckpointer, startCheckpointerThread } from './storage/walCheckpointer.js';
export { DocumentVersions } from './documents/DocumentVersions.js';
export { SignInThrottle, defaultSignInPolicies } from './access/signInThrottle.js';
