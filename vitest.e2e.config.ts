import { defineConfig } from 'vitest/config';

// Browser tests: real chromium against the built app (tests/e2e/harness.ts). One file at a time —
// the machines have 2 cores and SwiftShader renders WebGL on the CPU.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // A flaky first render on a loaded machine is a real finding, not something to retry away.
    retry: 0,
  },
});
