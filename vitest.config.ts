import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'exercises/**/*.test.ts', 'tests/**/*.test.ts', 'client/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // The exercise test helpers' item catalog (exercises/kit/testing.ts).
    setupFiles: ['exercises/tests/provideCatalog.ts'],
    // A running PostgreSQL for the PostgreSQL store's tests (started here when none is named).
    globalSetup: ['tests/helpers/postgresSetup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
