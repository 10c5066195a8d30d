import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('starts on the embedded default with no variable set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.sqlitePath).toBe(path.resolve('./data/boussole.sqlite'));
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8080);
  });

  it('names the variable and what it expects', () => {
    try {
      loadConfig({ PORT: 'huit-mille' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/PORT="huit-mille" is invalid: expected .*integer/);
    }
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT=/);
      expect(problems).toMatch(/DATABASE_URL=.*postgres/);
      expect(problems).toMatch(/LOG_LEVEL=/);
    }
  });

  it('accepts a PostgreSQL URL and limits', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/boussole',
      MAX_FRAME_BYTES: '2048',
    });
    expect(config.databaseUrl).toBe('postgres://u@db:5432/boussole');
    expect(config.limits.maxFrameBytes).toBe(2048);
  });

  it('reads extra allowed origins and refuses one with a path', () => {
    expect(
      loadConfig({ ALLOWED_ORIGINS: 'https://abs.example.fr, http://localhost:5173' })
        .allowedOrigins,
    ).toEqual(['https://abs.example.fr', 'http://localhost:5173']);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://abs.example.fr/app' })).toThrow(
      /ALLOWED_ORIGINS="https:\/\/abs.example.fr\/app" is invalid: expected .*origins/,
    );
  });

  it('trusts no proxy by default, and a named proxy or hop count when told', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    // `true` would let any client choose the address it is rate-limited under.
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY="true" is invalid/);
  });

  it('bounds imports: size, lifetime and how many are open, with defaults', () => {
    expect(loadConfig({}).imports).toEqual({
      maxBytes: 5 * 1024 * 1024,
      ttlMs: 30 * 60_000,
      maxOpen: 20,
      maxOpenPerPerson: 3,
    });
    const small = loadConfig({
      MAX_IMPORT_BYTES: '2048',
      IMPORT_TTL_MINUTES: '5',
      MAX_OPEN_IMPORTS: '2',
    }).imports;
    expect(small).toEqual({ maxBytes: 2048, ttlMs: 5 * 60_000, maxOpen: 2, maxOpenPerPerson: 2 });
    expect(() => loadConfig({ MAX_IMPORT_BYTES: '5 Mo' })).toThrow(
      /MAX_IMPORT_BYTES="5 Mo" is invalid: expected .*integer/,
    );
    expect(() => loadConfig({ IMPORT_TTL_MINUTES: '0' })).toThrow(/IMPORT_TTL_MINUTES="0"/);
    expect(() => loadConfig({ MAX_OPEN_IMPORTS: '-1' })).toThrow(/MAX_OPEN_IMPORTS="-1"/);
  });
});
