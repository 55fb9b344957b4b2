import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // nodejieba is a native addon holding one global segmenter: one process per test file.
    pool: 'forks',
    setupFiles: ['tests/yield-between-tests.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
