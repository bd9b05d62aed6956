/**
 * Importing a 50 MB GeoJSON against `JSON.parse` of the same bytes, same browser, same run.
 *
 *   npx tsx bench/import.bench.ts [--runs 5] [--megabytes 50] [--page-only]
 *
 * The file (parcels with land-use properties, WGS84, in the zone) is generated here, never
 * committed. Import = from the file handed to the page (`setInputFiles`, the input's change
 * event) until the summary is on the page: read by stream in the import worker, parsed,
 * validated with src/data's parseGeoJson code, measured, checked for GCJ-02, and stored in
 * IndexedDB. Baseline = `file.text()` + `JSON.parse` on the main thread (printed also without
 * the read). Also printed: the longest main-thread task during the import (PerformanceObserver
 * 'longtask'; goal ≤ 100 ms). Runs alternate (ABAB) after one warm-up of each; medians printed.
 *
 * Two pages, each against its own baseline in the same page:
 *   - the built app: the file goes into the planner's `input[type=file][data-import-input]`; the
 *     import ends when its `[data-imported-layer]` row appears. A fresh browser per run (the app
 *     restores stored layers on load, so a reused profile would import the previous runs again).
 *     Skipped, with a note, when the app has no such input.
 *   - a bench page (bench/pages/import.html) that drives the app's ImportClient directly: the
 *     import alone, without the planner panel or the map.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { contentSecurityPolicyPlugin } from '../scripts/vite/content-security-policy-plugin.ts';
import { buildApp, freePort, serveBuiltApp } from '../tests/e2e/global-setup.ts';
import { launchBrowser, openApp } from '../tests/e2e/harness.ts';
import { median } from './bench-support.ts';
import { writeParcelFile } from './synthetic-parcels.ts';
import type { BenchResult } from './pages/import-page.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const pagesDirectory = join(projectRoot, 'bench', 'pages');
const workDirectory = join(projectRoot, '.test-results', 'bench-import');
const argumentsGiven = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = argumentsGiven.indexOf(name);
  return index >= 0 ? Number(argumentsGiven[index + 1]) : fallback;
};
const RUNS = option('--runs', 5);
const MEGABYTES = option('--megabytes', 50);
const PAGE_ONLY = argumentsGiven.includes('--page-only');
const RATIO_GOAL = 2.0;
const LONG_TASK_GOAL_MS = 100;

/** Installed before the app's scripts: long tasks, and the moments the import starts and its row appears. */
const APP_RECORDER = `(() => {
  const state = { tasks: [], start: null, end: null };
  Object.defineProperty(window, '__benchImport', { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  } catch {}
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.matches('[data-import-input]')) state.start = performance.now();
  }, true);
  new MutationObserver(() => {
    if (state.start !== null && state.end === null && document.querySelector('[data-imported-layer]')) state.end = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface AppSample {
  importMs: number;
  longestTaskMs: number;
  parseMs: number;
}

/** One run in the real app, in a fresh browser: import through the planner's file input, then the baseline in the same page. */
async function measureInApp(baseUrl: string, filePath: string): Promise<AppSample | null> {
  const browser = await launchBrowser();
  try {
    await browser.context.addInitScript(APP_RECORDER);
    const app = await openApp({ browser, baseUrl, readyTimeoutMs: 120_000 });
    const input = app.page.locator('input[type=file][data-import-input]');
    try {
      await input.waitFor({ state: 'attached', timeout: 60_000 });
    } catch {
      return null;
    }
    // A planner chooses a file after the page has settled, and the baseline below also runs on a
    // settled page: start once the zone statistics (a second of clipping in their worker on two
    // cores) are done, not while the page is still starting up.
    await app.page.waitForFunction(
      () => performance.getEntriesByName('zone:statistics-computed').length > 0,
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    await input.setInputFiles(filePath);
    await app.page.waitForFunction(
      () => (window as unknown as { __benchImport: { end: number | null } }).__benchImport.end !== null,
      undefined,
      { timeout: 300_000, polling: 50 },
    );
    // Long tasks are reported shortly after they end.
    await app.page.waitForTimeout(300);
    const timing = await app.page.evaluate(() => {
      const state = (
        window as unknown as {
          __benchImport: { tasks: { start: number; duration: number }[]; start: number; end: number };
        }
      ).__benchImport;
      const during = state.tasks.filter((task) => task.start + task.duration > state.start && task.start < state.end);
      return {
        importMs: state.end - state.start,
        longestTaskMs: during.reduce((longest, task) => Math.max(longest, task.duration), 0),
      };
    });
    const failure = await app.page
      .locator('.import-failure__message')
      .textContent()
      .catch(() => null);
    if (failure) throw new Error(`the app refused the file: ${failure}`);
    // The baseline, same page, same file: read it and JSON.parse it on the main thread.
    await app.page.evaluate(() => {
      const baseline = document.createElement('input');
      baseline.type = 'file';
      baseline.id = 'bench-baseline';
      baseline.hidden = true;
      document.body.append(baseline);
    });
    const parsed = app.page.evaluate(async () => {
      const input = document.getElementById('bench-baseline') as HTMLInputElement;
      await new Promise((resolve) => input.addEventListener('change', resolve, { once: true }));
      const start = performance.now();
      JSON.parse(await input.files![0]!.text());
      return performance.now() - start;
    });
    await app.page.locator('#bench-baseline').setInputFiles(filePath);
    const problems = await app.problems();
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return { ...timing, parseMs: await parsed };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(workDirectory, { recursive: true });
  const filePath = join(workDirectory, `parcels-${MEGABYTES}mb.geojson`);
  const featureCount = writeParcelFile(filePath, MEGABYTES * 1024 * 1024);
  const fileBytes = statSync(filePath).size;
  console.log(`generated ${filePath}: ${(fileBytes / 1024 / 1024).toFixed(1)} MB, ${featureCount} polygons`);

  const appDirectory = join(workDirectory, 'app');
  const appSamples: AppSample[] = [];
  if (!PAGE_ONLY) console.log('building the app …');
  if (!PAGE_ONLY) buildApp(appDirectory);
  const appServer = PAGE_ONLY ? null : await serveBuiltApp(appDirectory);
  if (appServer)
    try {
      for (let run = 0; run <= RUNS; run++) {
        const sample = await measureInApp(appServer.url, filePath);
        if (!sample) {
          console.log('the app has no input[type=file][data-import-input]: app runs skipped');
          break;
        }
        // The first run warms the machine's file cache and is not counted.
        if (run === 0) continue;
        appSamples.push(sample);
        console.log(
          `app run ${run}/${RUNS}: import ${sample.importMs.toFixed(0)} ms (longest main-thread task ${sample.longestTaskMs.toFixed(0)} ms), file.text() + JSON.parse ${sample.parseMs.toFixed(0)} ms → ${(sample.importMs / sample.parseMs).toFixed(2)}×`,
        );
      }
    } finally {
      await appServer.close();
    }

  const outDirectory = join(workDirectory, 'page');
  await build({
    root: pagesDirectory,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [contentSecurityPolicyPlugin()],
    worker: { format: 'es' },
    build: {
      outDir: outDirectory,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: join(pagesDirectory, 'import.html') },
    },
  });
  const port = await freePort();
  const server = await preview({
    root: pagesDirectory,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: outDirectory },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const browser = await launchBrowser();
  const imports: BenchResult[] = [];
  const parses: BenchResult[] = [];
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    if (process.env.BENCH_DEBUG) page.on('console', (message) => console.log('[page]', message.text()));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('worker', (worker) =>
      worker.on('console', (message) => message.type() === 'error' && errors.push(`[worker] ${message.text()}`)),
    );
    await page.goto(`http://127.0.0.1:${port}/import.html`);
    const runOnce = async (kind: 'import' | 'parse'): Promise<BenchResult> => {
      const before = await page.evaluate(
        () => (window as unknown as { __benchResults: unknown[] }).__benchResults.length,
      );
      await page.locator(kind === 'import' ? '[data-bench-import]' : '[data-bench-parse]').setInputFiles(filePath);
      const deadline = Date.now() + 300_000;
      while (
        (await page.evaluate(() => (window as unknown as { __benchResults: unknown[] }).__benchResults.length)) <=
        before
      ) {
        if (errors.length > 0) throw new Error(errors.join('\n'));
        if (Date.now() > deadline) throw new Error(`${kind} did not finish in 5 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (errors.length > 0) throw new Error(errors.join('\n'));
      return page.evaluate(() => (window as unknown as { __benchResults: BenchResult[] }).__benchResults.at(-1)!);
    };
    await runOnce('import');
    await runOnce('parse');
    for (let run = 0; run < RUNS; run++) {
      const order: ('import' | 'parse')[] = run % 2 === 0 ? ['import', 'parse'] : ['parse', 'import'];
      for (const kind of order) (kind === 'import' ? imports : parses).push(await runOnce(kind));
      const lastImport = imports.at(-1)!;
      const lastParse = parses.at(-1)!;
      console.log(
        `run ${run + 1}/${RUNS}: import ${lastImport.milliseconds.toFixed(0)} ms (longest main-thread task ${lastImport.longestTaskMs.toFixed(0)} ms), ` +
          `file.text() + JSON.parse ${lastParse.milliseconds.toFixed(0)} ms (JSON.parse alone ${lastParse.parseMilliseconds!.toFixed(0)} ms) → ${(lastImport.milliseconds / lastParse.milliseconds).toFixed(2)}×`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (appSamples.length > 0) {
    const appImport = median(appSamples.map((sample) => sample.importMs));
    const appParse = median(appSamples.map((sample) => sample.parseMs));
    console.log(`
in the app (planner's file input → the layer's row in the panel), median of ${appSamples.length} runs, a fresh browser each:
  import ${appImport.toFixed(0)} ms, file.text() + JSON.parse in the same page ${appParse.toFixed(0)} ms: ratio ${(appImport / appParse).toFixed(2)}× (goal ≤ ${RATIO_GOAL.toFixed(1)}×)
  longest main-thread task during the import: ${median(appSamples.map((sample) => sample.longestTaskMs)).toFixed(0)} ms median, ${Math.max(...appSamples.map((sample) => sample.longestTaskMs)).toFixed(0)} ms worst (goal ≤ ${LONG_TASK_GOAL_MS} ms)`);
  }
  const importMs = median(imports.map((result) => result.milliseconds));
  const parseMs = median(parses.map((result) => result.milliseconds));
  const parseOnlyMs = median(parses.map((result) => result.parseMilliseconds!));
  const longestTask = median(imports.map((result) => result.longestTaskMs));
  console.log(`
bench page (ImportClient directly, no panel, no map):
import of a ${(fileBytes / 1024 / 1024).toFixed(1)} MB GeoJSON (${featureCount} polygons), median of ${RUNS} runs, chromium:
  import (file handed over → summary on the page) ${importMs.toFixed(0)} ms
  file.text() + JSON.parse on the main thread ${parseMs.toFixed(0)} ms: ratio ${(importMs / parseMs).toFixed(2)}× (goal ≤ ${RATIO_GOAL.toFixed(1)}×)
  JSON.parse alone ${parseOnlyMs.toFixed(0)} ms: ratio ${(importMs / parseOnlyMs).toFixed(2)}×
  longest main-thread task during the import: ${longestTask.toFixed(0)} ms median, ${Math.max(...imports.map((result) => result.longestTaskMs)).toFixed(0)} ms worst (goal ≤ ${LONG_TASK_GOAL_MS} ms; 0 = none over 50 ms)
  (the baseline's own longest task: ${median(parses.map((result) => result.longestTaskMs)).toFixed(0)} ms — JSON.parse blocks the thread it runs on)`);
  rmSync(workDirectory, { recursive: true, force: true });
}

await main();
