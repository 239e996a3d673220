import { defineConfig } from 'vitest/config';

/**
 * `npm run bench`: benchmark files that print their figures (and write JSON to bench-results/).
 * They assert no timing: a busy machine must not make a test flaky; the figures are read by people.
 */
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
