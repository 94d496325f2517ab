import { defineConfig } from 'vitest/config';

// `npm run test:slow`: the suites too heavy for every change (adversarial
// regex inputs, fuzzing, the never-leak matrix of commands, formats and
// flags, packing and installing keyhound, the pre-commit framework). They are
// named *.slow.test.ts; vitest.config.ts leaves them out.
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // One file at a time: the adversarial suite measures time per regex, and
    // the install suites run npm and pre-commit, which use every core anyway.
    maxWorkers: 1,
  },
});
