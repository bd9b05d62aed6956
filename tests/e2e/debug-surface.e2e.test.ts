/**
 * No debug surface in production (issue 12): the live map is handed to the page as
 * `window.__zoneMap` only in the test build the browser tests, engine journeys and benchmarks
 * drive (`vite build --mode e2e`, tests/e2e/global-setup.ts). The build `npm run build` and
 * `npm start` make must carry no trace of it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './global-setup.ts';
import { builtAppDirectory } from './harness.ts';

const DEBUG_GLOBAL = '__zoneMap';

/** Every file of a build that the browser runs (scripts, the page, the service worker), by path. */
function filesMentioning(directory: string, text: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(m?js|html)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    if (readFileSync(path, 'utf8').includes(text)) found.push(path.slice(directory.length + 1));
  }
  return found;
}

describe('the debug handle', () => {
  const productionDirectory = mkdtempSync(join(tmpdir(), 'luzhou-production-build-'));
  afterAll(() => rmSync(productionDirectory, { recursive: true, force: true }));

  it('is in the test build the browser tests drive (so the search below can find it)', () => {
    expect(filesMentioning(builtAppDirectory(), DEBUG_GLOBAL).length).toBeGreaterThan(0);
  });

  it('is nowhere in the production build', () => {
    buildApp(productionDirectory, 'production');
    expect(readdirSync(productionDirectory)).toContain('index.html');
    // The map's own code is there (so the build is whole), without the handle.
    expect(filesMentioning(productionDirectory, 'webglcontextlost').length).toBeGreaterThan(0);
    expect(filesMentioning(productionDirectory, DEBUG_GLOBAL)).toEqual([]);
  });
});
