/**
 * Once per browser-test run: build the app into a directory of its own, serve it with
 * `vite preview` on 127.0.0.1 at a free port, and hand the URL to the tests (`inject('previewUrl')`).
 *
 * A directory per run, not dist/: a developer's build or a second test run may be going on in
 * the same tree at the same time. `E2E_DIST=<dir>` skips the build and serves that directory
 * (e.g. `E2E_DIST=dist` after `npm run build`), for quick iterations on a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    previewUrl: string;
    distDirectory: string;
    /** One JSON line per securitypolicyviolation event of any page the harness opened (harness.ts). */
    cspTallyFile: string;
  }
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The build the browser tests, the engine journeys and the benchmarks drive: the production build
 * in every respect but one, the live map handed to the page as `window.__zoneMap` (src/map/zone-map.ts
 * reads the mode). `npm run build` never sets it, so the shipped app has no such global.
 */
export const TEST_BUILD_MODE = 'e2e';

/**
 * Builds the app with the project's vite.config.ts into `outDirectory`; throws with Vite's output on
 * failure. `flavour: 'production'` is exactly what `npm run build` makes.
 */
export function buildApp(outDirectory: string, flavour: 'test' | 'production' = 'test'): void {
  const result = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      ...(flavour === 'test' ? ['--mode', TEST_BUILD_MODE] : []),
      '--outDir',
      outDirectory,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // Vitest sets NODE_ENV=test, and Vite builds with whatever NODE_ENV it finds: without this the
    // tests would exercise a non-production build (import.meta.env.DEV true, no service worker).
    { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) {
    throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Serves a built directory with `vite preview` on 127.0.0.1; returns its URL and a stop function. */
export async function serveBuiltApp(outDirectory: string): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server = await preview({
    root: projectRoot,
    logLevel: 'warn',
    build: { outDir: outDirectory },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reused = process.env.E2E_DIST ? resolve(projectRoot, process.env.E2E_DIST) : null;
  const outDirectory = reused ?? join(projectRoot, '.test-results', `e2e-dist-${process.pid}`);
  if (reused) {
    if (!existsSync(join(reused, 'index.html'))) throw new Error(`E2E_DIST=${reused} holds no index.html`);
  } else {
    buildApp(outDirectory);
  }
  const server = await serveBuiltApp(outDirectory);
  project.provide('previewUrl', server.url);
  project.provide('distDirectory', outDirectory);
  const tallyFile = join(projectRoot, '.test-results', `csp-violations-${process.pid}.jsonl`);
  mkdirSync(dirname(tallyFile), { recursive: true });
  writeFileSync(tallyFile, '');
  project.provide('cspTallyFile', tallyFile);
  return async () => {
    await server.close();
    if (!reused) rmSync(outDirectory, { recursive: true, force: true });
    reportCspTally(tallyFile);
  };
}

/**
 * Every page any browser test opened reported its securitypolicyviolation events here: the run
 * says how many, and fails on any that no test caused on purpose (issue 12: the count must be 0).
 */
function reportCspTally(tallyFile: string): void {
  const lines = readFileSync(tallyFile, 'utf8').split('\n').filter(Boolean);
  rmSync(tallyFile, { force: true });
  const violations = lines.map((line) => JSON.parse(line) as { deliberate?: boolean; [key: string]: unknown });
  const unexpected = violations.filter((violation) => !violation.deliberate);
  const deliberate = violations.length - unexpected.length;
  console.log(
    `securitypolicyviolation events across the browser suite: ${unexpected.length}` +
      (deliberate > 0 ? ` (and ${deliberate} caused on purpose by the policy's own test)` : ''),
  );
  if (unexpected.length > 0) {
    console.error(unexpected.map((violation) => `  ${JSON.stringify(violation)}`).join('\n'));
    // Vitest reports an error thrown here but still exits 0: the exit code is what fails the run
    // (and scripts/run-tests.ts counts a non-zero exit without failed tests as a failure).
    process.exitCode = 1;
  }
}
