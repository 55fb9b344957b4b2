import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** What reads the index: run a second time against the SQLite store (MINZHENG_STORE, honoured by config.ts and tests/helpers.ts). */
const STORE_DEPENDENT = ['tests/quality/**/*.test.ts', 'tests/tools/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/unit/generations.test.ts'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // nodejieba is a native addon holding one global segmenter: one process per test file.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'minisearch' } },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: STORE_DEPENDENT,
          env: { MINZHENG_STORE: 'sqlite', MINZHENG_CACHE_DIR: path.join(os.tmpdir(), 'minzheng-test-sqlite-cache') },
        },
      },
    ],
  },
});
