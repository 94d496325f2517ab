import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The heavy suites run with `npm run test:slow` (vitest.slow.config.ts).
    exclude: ['test/**/*.slow.test.ts', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // CLI and git tests spawn real processes and mostly wait on them, so one
    // fork a core keeps the cores busy (vitest's default leaves one idle).
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
