import { defineConfig } from 'vitest/config';
import { SQLITE_TEST_ENV } from './tests/sqlite-env.js';

/**
 * What reads the index: run a second time against the SQLite store (MINZHENG_STORE, honoured by
 * config.ts and tests/helpers.ts). Projects extend the root config and arrays merge, so `include`
 * is each project's own.
 */
const STORE_DEPENDENT = ['tests/quality/**/*.test.ts', 'tests/tools/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/unit/generations.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['tests/yield-between-tests.ts'],
    // nodejieba is a native addon holding one global segmenter: one process per test file.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'minisearch', include: ['tests/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: STORE_DEPENDENT,
          globalSetup: ['tests/sqlite-setup.ts'],
          env: SQLITE_TEST_ENV,
        },
      },
    ],
  },
});
