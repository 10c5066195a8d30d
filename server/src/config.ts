import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Boussole reads, parsed once from the environment in main.ts and passed down.
 * The README's configuration table mirrors this schema: change both together.
 */
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: `an integer between ${min} and ${max}` })
    .int(`an integer between ${min} and ${max}`)
    .min(min, `an integer between ${min} and ${max}`)
    .max(max, `an integer between ${min} and ${max}`);

const configSchema = z.object({
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_FRAME_BYTES: int(1024, 256 * 1024 * 1024).default(4 * 1024 * 1024),
  MAX_DOCUMENT_BYTES: int(1024, 2 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  COMMIT_DELAY_MS: int(0, 1000).default(0),
  COMPACT_EVERY_UPDATES: int(1, 1_000_000).default(500),
  ROOM_IDLE_MS: int(0, 24 * 3600 * 1000).default(30_000),
  PING_INTERVAL_MS: int(100, 3600 * 1000).default(30_000),
  AWARENESS_FLUSH_MS: int(0, 1000).default(50),
  AWARENESS_COALESCE_MIN_PEERS: int(1, 100_000).default(30),
  MAX_BUFFERED_BYTES: int(64 * 1024, 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  MAX_PENDING_BYTES: int(0, 1024 * 1024 * 1024).default(1024 * 1024),
  MAX_PENDING_CLIENTS: int(0, 100_000).default(32),
  MAX_ROOM_PENDING_BYTES: int(0, 1024 * 1024 * 1024).default(8 * 1024 * 1024),
  MAX_PRESENCE_IDS: int(1, 1000).default(4),
  MAX_PRESENCE_BYTES: int(1024, 64 * 1024 * 1024).default(256 * 1024),
  UNCHECKED_ROOTS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a comma-separated list of root type names'),
      ),
    )
    .default([]),
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  CLIENT_DIST: z.string().optional(),
  TLDRAW_LICENSE_KEY: z.string().optional(),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(15_000),
  SESSION_DAYS: int(1, 365).default(14),
  MAX_IMPORT_BYTES: int(1024, 1024 * 1024 * 1024).default(5 * 1024 * 1024),
  IMPORT_TTL_MINUTES: int(1, 24 * 60).default(30),
  MAX_OPEN_IMPORTS: int(1, 10_000).default(20),
  ALLOWED_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^https?:\/\/[^/\s]+$/,
            'a comma-separated list of origins such as https://abs.example.fr (no path)',
          ),
      ),
    )
    .default([]),
  TRUST_PROXY: z
    .string()
    .transform((value, ctx): false | number | string[] => {
      if (value === 'false') return false;
      if (/^\d+$/.test(value)) return Number(value);
      const addresses = value
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      // `true` would trust any X-Forwarded-For, letting anyone pick the address rate limits
      // are keyed on: name the proxy instead.
      if (addresses.length > 0 && addresses.every((a) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a))) {
        return addresses;
      }
      ctx.addIssue({
        code: 'custom',
        message:
          "false, a number of proxy hops (e.g. 1), or the proxies' addresses/CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)",
      });
      return z.NEVER;
    })
    .default(false),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where the embedded SQLite file lives when no DATABASE_URL is given. */
  sqlitePath: string;
  databaseUrl: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  limits: {
    maxFrameBytes: number;
    maxDocumentBytes: number;
    maxBufferedBytes: number;
    /**
     * Updates that depend on content the server does not have (a gap in a client's clocks) are
     * held per connection, outside the document, until what they need arrives: at most this
     * many bytes and distinct client ids per connection, and this many bytes per room.
     */
    maxPendingBytes: number;
    maxPendingClients: number;
    maxRoomPendingBytes: number;
    /** Presence (awareness) ids one connection may publish, and the largest state of one. */
    maxPresenceIds: number;
    maxPresenceBytes: number;
  };
  /**
   * Root-level Yjs types every document lets through unchecked, besides those its kind declares
   * (which are always checked). For Boussole's own tests of the collaboration core, which use
   * boards as plain Yjs documents; empty in production, where nothing else is ever stored.
   */
  uncheckedRoots: string[];
  rooms: {
    commitDelayMs: number;
    compactEveryUpdates: number;
    idleMs: number;
    awarenessFlushMs: number;
    awarenessCoalesceMinPeers: number;
  };
  pingIntervalMs: number;
  sqliteSynchronous: RawConfig['SQLITE_SYNCHRONOUS'];
  clientDist: string | undefined;
  shutdownTimeoutMs: number;
  /** Passed to the browser: tldraw requires one in production (HTTPS, non-localhost). */
  tldrawLicenseKey: string | undefined;
  /**
   * Pages allowed to open websockets and send state-changing requests besides the server's own
   * origin (e.g. a development server on another port, or a public name behind a proxy).
   */
  allowedOrigins: string[];
  /** How long a staff sign-in lasts. */
  sessionDays: number;
  /**
   * Which reverse proxies' X-Forwarded-For to believe, so that rate limits and logs see each
   * person's address rather than the proxy's: false (none), a hop count, or their addresses.
   */
  trustProxy: false | number | string[];
  /**
   * Survey and indicator files imported as cards (issue #13): the largest file accepted, how
   * long an uploaded import waits for its review before it is forgotten, and how many may be
   * open at once on the instance (and per person, IMPORTS_PER_PERSON). Imports live in memory
   * only: these bound what an upload can hold there.
   */
  imports: { maxBytes: number; ttlMs: number; maxOpen: number; maxOpenPerPerson: number };
}

/** Open imports one person may have at once, whatever MAX_OPEN_IMPORTS allows the instance. */
export const IMPORTS_PER_PERSON = 3;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse the environment. Throws ConfigError naming each bad variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset": a blank line in a .env file must not override a default.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        return `${name}=${JSON.stringify(present[name] ?? '')} is invalid: expected ${issue.message}`;
      }),
    );
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    sqlitePath: path.join(dataDir, 'boussole.sqlite'),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    limits: {
      maxFrameBytes: c.MAX_FRAME_BYTES,
      maxDocumentBytes: c.MAX_DOCUMENT_BYTES,
      maxBufferedBytes: c.MAX_BUFFERED_BYTES,
      maxPendingBytes: c.MAX_PENDING_BYTES,
      maxPendingClients: c.MAX_PENDING_CLIENTS,
      maxRoomPendingBytes: c.MAX_ROOM_PENDING_BYTES,
      maxPresenceIds: c.MAX_PRESENCE_IDS,
      maxPresenceBytes: c.MAX_PRESENCE_BYTES,
    },
    uncheckedRoots: c.UNCHECKED_ROOTS,
    rooms: {
      commitDelayMs: c.COMMIT_DELAY_MS,
      compactEveryUpdates: c.COMPACT_EVERY_UPDATES,
      idleMs: c.ROOM_IDLE_MS,
      awarenessFlushMs: c.AWARENESS_FLUSH_MS,
      awarenessCoalesceMinPeers: c.AWARENESS_COALESCE_MIN_PEERS,
    },
    pingIntervalMs: c.PING_INTERVAL_MS,
    sqliteSynchronous: c.SQLITE_SYNCHRONOUS,
    clientDist: c.CLIENT_DIST ? path.resolve(c.CLIENT_DIST) : undefined,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    tldrawLicenseKey: c.TLDRAW_LICENSE_KEY,
    allowedOrigins: c.ALLOWED_ORIGINS,
    sessionDays: c.SESSION_DAYS,
    trustProxy: c.TRUST_PROXY,
    imports: {
      maxBytes: c.MAX_IMPORT_BYTES,
      ttlMs: c.IMPORT_TTL_MINUTES * 60_000,
      maxOpen: c.MAX_OPEN_IMPORTS,
      maxOpenPerPerson: Math.min(IMPORTS_PER_PERSON, c.MAX_OPEN_IMPORTS),
    },
  };
}
