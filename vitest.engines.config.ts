import { defineConfig } from 'vitest/config';

// The journeys that matter on Gecko and WebKit (tests/engines/), against the same built app as the
// Chromium tests. One engine per run (ENGINE=gecko|webkit), headed under Xvfb: scripts/run-tests.ts
// wraps each run in `xvfb-run`. One file and one browser at a time on 2 cores.
export default defineConfig({
  test: {
    include: ['tests/engines/**/*.engine.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    retry: 0,
  },
});
