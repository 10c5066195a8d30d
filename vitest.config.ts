import path from 'node:path';
import { defineConfig } from 'vitest/config';

const here = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; only child-process servers use the build.
    alias: {
      '@boussole/shared': path.join(here, 'shared/src/index.ts'),
      '@boussole/server': path.join(here, 'server/src/index.ts'),
    },
  },
  test: {
    include: ['{shared,server,client,tests,bench}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: heavy suites (20 clients, crash loops, browsers) must not starve each other.
    maxWorkers: 2,
    reporters: ['default', './tests/helpers/summaryReporter.ts'],
  },
});
