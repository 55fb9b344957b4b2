import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/yield-between-tests.ts'],
    // nodejieba is a native addon holding one global segmenter: one process per test file.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
