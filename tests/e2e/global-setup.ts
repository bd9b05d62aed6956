/**
 * Once per browser-test run: build the app into a directory of its own, serve it with
 * `vite preview` on 127.0.0.1 at a free port, and hand the URL to the tests (`inject('previewUrl')`).
 *
 * A directory per run, not dist/: a developer's build or a second test run may be going on in
 * the same tree at the same time. `E2E_DIST=<dir>` skips the build and serves that directory
 * (e.g. `E2E_DIST=dist` after `npm run build`), for quick iterations on a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    previewUrl: string;
    distDirectory: string;
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

/** Builds the app with the project's vite.config.ts into `outDirectory`; throws with Vite's output on failure. */
export function buildApp(outDirectory: string): void {
  const result = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
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
  return async () => {
    await server.close();
    if (!reused) rmSync(outDirectory, { recursive: true, force: true });
  };
}
