/** Vitest for scores reported on demand (held-out corpora), apart from the test suite. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.score.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
