import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file boots its own emulators and sets its own process environment.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // What a page shows after its API answered: on a loaded machine (two cores, a cloud per file) that
    // can take seconds; a poll still fails when the text never comes.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default'],
  },
});
