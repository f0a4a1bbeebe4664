import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'gymnasium-ts/tests/**/*.test.ts'],
    // Worker-thread tests (piscina) spawn threads of their own; two forks keep a 2-core machine responsive.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
