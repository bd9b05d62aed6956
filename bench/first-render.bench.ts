/**
 * First render of the built app against a bare MapLibre page, same browser, same run.
 *
 *   npx tsx bench/first-render.bench.ts [--runs 9] [--reuse] [--app-dist <built app directory>]
 *
 * Baseline: bench/pages/bare.html — maplibre-gl alone drawing the same geodata/ layers with the
 * app's own style builder (src/map/style.ts), the same fonts (`virtual:app-font`, so both pages
 * fetch the same subset and draw text the same way), the same initial view and the same ready
 * rule (all sources loaded and the map idle → `data-map-ready`). Both are built by Vite with the
 * same plugins and served by `vite preview` with the geodata plugin's preview middleware, each on
 * its own port. Compression is the same for both pages: JS, CSS, HTML and JSON gzip (Vite's
 * preview), `.geojson` gzip (the geodata plugin: Vite's list misses application/geo+json), woff2
 * as is (already compressed).
 *
 * Each run is a cold load: a new page with the HTTP cache disabled. Runs alternate (ABBA) so
 * drift in machine load hits both; one warm-up of each is discarded; medians are printed.
 *
 * Prints:
 *   - navigation → data-map-ready, app vs bare page: median ms each and the ratio (goal ≤ 1.10×);
 *   - bytes downloaded before data-map-ready, app vs maplibre-gl alone (main + worker + css,
 *     gzip-compressed as the preview server sends them) (goal ≤ 1.25×), with the bare page's
 *     bytes too, to show how much of the difference is the dataset and the font, and a table of
 *     where the bytes go;
 *   - the app's longest main-thread task (PerformanceObserver 'longtask', > 50 ms) from ready until
 *     its statistics arrive, and when they arrive (ms after navigation).
 *
 * `--app-dist` serves an app built elsewhere (e.g. an older commit) against this run's bare page.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { appFontPlugin } from '../scripts/vite/app-font-plugin.ts';
import { contentSecurityPolicyPlugin } from '../scripts/vite/content-security-policy-plugin.ts';
import { geodataPlugin } from '../scripts/vite/geodata-plugin.ts';
import { buildApp, freePort } from '../tests/e2e/global-setup.ts';
import { launchBrowser, openApp, type BrowserSession } from '../tests/e2e/harness.ts';
import { median } from './bench-support.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const pagesDirectory = join(projectRoot, 'bench', 'pages');
const workDirectory = join(projectRoot, '.test-results', 'bench-first-render');

const argumentsGiven = process.argv.slice(2);
const runsIndex = argumentsGiven.indexOf('--runs');
const RUNS = runsIndex >= 0 ? Math.max(7, Number(argumentsGiven[runsIndex + 1])) : 9;
const REUSE = argumentsGiven.includes('--reuse');
const appDistIndex = argumentsGiven.indexOf('--app-dist');
const APP_DIST = appDistIndex >= 0 ? argumentsGiven[appDistIndex + 1] : undefined;

async function buildBarePage(outDirectory: string): Promise<void> {
  await build({
    root: pagesDirectory,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [
      geodataPlugin({ directory: join(projectRoot, 'geodata') }),
      appFontPlugin({ projectRoot }),
      contentSecurityPolicyPlugin(),
    ],
    build: {
      outDir: outDirectory,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: join(pagesDirectory, 'bare.html') },
    },
  });
}

async function serve(root: string, outDirectory: string) {
  const port = await freePort();
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: outDirectory },
    // Both pages get the same serving, including gzip of the .geojson layer files.
    plugins: [geodataPlugin({ directory: join(projectRoot, 'geodata') })],
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Records long main-thread tasks from the start of every page of the browser. */
const LONG_TASK_RECORDER = `(() => {
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  } catch {}
})();`;

const BYTE_CATEGORIES: [name: string, pattern: RegExp][] = [
  ['maplibre-gl main (zone-map / bare chunk)', /\/assets\/(zone-map|bare)-[^/]*\.js$/],
  ['maplibre-gl worker', /maplibre-gl-worker[^/]*\.mjs$/],
  ['css', /\.css$/],
  ['font (woff2)', /\.woff2$/],
  ['geodata', /\/geodata\//],
  ['statistics worker', /statistics\.worker[^/]*\.js$/],
  ['app JS (entry and its chunks)', /\/assets\/[^/]*\.js$/],
  ['html', /(\/|\.html)$/],
];

function categoryOf(url: string): string {
  const path = new URL(url).pathname;
  return BYTE_CATEGORIES.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';
}

interface Sample {
  readyMs: number;
  bytes: number;
  bytesByCategory: Record<string, number>;
  /** Longest main-thread task from ready until statistics arrived (app only; 0 = none over 50 ms). */
  longestTaskAfterReadyMs: number | null;
  statisticsAtMs: number | null;
  statisticsRunner: string | null;
}

async function measure(browser: BrowserSession, baseUrl: string, path: string): Promise<Sample> {
  // Cold each time: with the cache on, later runs would skip the downloads being measured.
  const app = await openApp({ browser, baseUrl, path, disableCache: true, readyTimeoutMs: 90_000 });
  try {
    const readyMs = (await app.readyAtMs()) ?? Number.NaN;
    const measuresStatistics = path === '';
    if (measuresStatistics) {
      await app.page.waitForFunction(
        () => performance.getEntriesByName('zone:statistics-computed').length > 0,
        undefined,
        {
          timeout: 60_000,
          polling: 50,
        },
      );
    }
    const timings = await app.page.evaluate((readyAt) => {
      const tasks = (window as unknown as { __benchLongTasks: { start: number; duration: number }[] }).__benchLongTasks;
      const computed = performance.getEntriesByName('zone:statistics-computed')[0] as PerformanceMark | undefined;
      const until = computed?.startTime ?? Infinity;
      const after = tasks.filter((task) => task.start + task.duration > readyAt && task.start <= until);
      return {
        longest: after.reduce((longest, task) => Math.max(longest, task.duration), 0),
        statisticsAt: computed?.startTime ?? null,
        runner: (computed?.detail as { runner?: string } | null)?.runner ?? (computed ? 'main-thread' : null),
      };
    }, readyMs);
    const problems = await app.problems();
    if (problems.length > 0) throw new Error(`${baseUrl}${path}:\n${problems.join('\n')}`);
    const resources = await app.resourcesBeforeReady();
    const bytesByCategory: Record<string, number> = {};
    for (const resource of resources) {
      const category = categoryOf(resource.url);
      bytesByCategory[category] = (bytesByCategory[category] ?? 0) + resource.bytes;
    }
    return {
      readyMs,
      bytes: resources.reduce((sum, resource) => sum + resource.bytes, 0),
      bytesByCategory,
      longestTaskAfterReadyMs: measuresStatistics ? timings.longest : null,
      statisticsAtMs: timings.statisticsAt,
      statisticsRunner: timings.runner,
    };
  } finally {
    await app.close();
  }
}

function maplibreAloneBytes(): number {
  const distDirectory = join(projectRoot, 'node_modules', 'maplibre-gl', 'dist');
  return ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']
    .map((file) => gzipSync(readFileSync(join(distDirectory, file))).byteLength)
    .reduce((sum, bytes) => sum + bytes, 0);
}

function bytesTable(samples: { app: Sample[]; bare: Sample[] }): string {
  const categories = [...BYTE_CATEGORIES.map(([name]) => name), 'other'];
  const medianOf = (list: Sample[], category: string) =>
    median(list.map((sample) => sample.bytesByCategory[category] ?? 0));
  const rows = categories
    .map((category) => [category, medianOf(samples.app, category), medianOf(samples.bare, category)] as const)
    .filter(([, app, bare]) => app > 0 || bare > 0);
  return [
    `  ${'bytes before ready, median'.padEnd(42)}${'app'.padStart(9)}${'bare'.padStart(9)}`,
    ...rows.map(
      ([category, app, bare]) => `  ${category.padEnd(42)}${String(app).padStart(9)}${String(bare).padStart(9)}`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const appDirectory = APP_DIST ? resolve(APP_DIST) : join(workDirectory, 'app');
  const bareDirectory = join(workDirectory, 'bare');
  if (!APP_DIST && !(REUSE && existsSync(join(appDirectory, 'index.html')))) {
    console.log('building the app …');
    buildApp(appDirectory);
  }
  if (!(REUSE && existsSync(join(bareDirectory, 'bare.html')))) {
    console.log('building the bare MapLibre page …');
    await buildBarePage(bareDirectory);
  }
  const appServer = await serve(projectRoot, appDirectory);
  const bareServer = await serve(pagesDirectory, bareDirectory);
  const browser = await launchBrowser();
  await browser.context.addInitScript(LONG_TASK_RECORDER);
  const samples = { app: [] as Sample[], bare: [] as Sample[] };
  try {
    const runApp = () => measure(browser, appServer.url, '');
    const runBare = () => measure(browser, bareServer.url, 'bare.html');
    await runApp();
    await runBare();
    for (let run = 0; run < RUNS; run++) {
      // ABBA: neither page always goes first.
      const order =
        run % 2 === 0
          ? ([
              ['app', runApp],
              ['bare', runBare],
            ] as const)
          : ([
              ['bare', runBare],
              ['app', runApp],
            ] as const);
      for (const [name, runPage] of order) samples[name].push(await runPage());
      const last = (name: 'app' | 'bare') => samples[name][samples[name].length - 1]!;
      console.log(
        `run ${run + 1}/${RUNS}: app ${last('app').readyMs.toFixed(0)} ms, bare ${last('bare').readyMs.toFixed(0)} ms; ` +
          `app statistics at ${last('app').statisticsAtMs?.toFixed(0)} ms (${last('app').statisticsRunner}), ` +
          `longest task after ready ${last('app').longestTaskAfterReadyMs?.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await appServer.close();
    await bareServer.close();
  }

  const appReady = median(samples.app.map((sample) => sample.readyMs));
  const bareReady = median(samples.bare.map((sample) => sample.readyMs));
  const appBytes = median(samples.app.map((sample) => sample.bytes));
  const bareBytes = median(samples.bare.map((sample) => sample.bytes));
  const maplibreBytes = maplibreAloneBytes();
  const ratio = (value: number) => value.toFixed(2) + '×';
  console.log(`
first render (navigation → data-map-ready), median of ${RUNS} cold loads each, chromium + SwiftShader:
  app ${appReady.toFixed(0)} ms, bare MapLibre page ${bareReady.toFixed(0)} ms: ratio ${ratio(appReady / bareReady)} (goal ≤ 1.10×)
bytes before data-map-ready (gzip as served, headers included):
  app ${appBytes} B vs maplibre-gl alone (main + worker + css, gzip) ${maplibreBytes} B: ratio ${ratio(appBytes / maplibreBytes)} (goal ≤ 1.25×)
  bare page (maplibre + same geodata + same font) ${bareBytes} B: app / bare ${ratio(appBytes / bareBytes)}
  compressed as served: JS, CSS, HTML, JSON and .geojson gzip (zlib default level); woff2 as is
${bytesTable(samples)}
after ready (app): statistics at ${median(samples.app.map((sample) => sample.statisticsAtMs ?? Number.NaN)).toFixed(0)} ms after navigation (median; ${[
    ...new Set(samples.app.map((sample) => sample.statisticsRunner)),
  ].join(
    ', ',
  )}), longest main-thread task from ready to statistics ${median(samples.app.map((sample) => sample.longestTaskAfterReadyMs ?? Number.NaN)).toFixed(0)} ms median, ${Math.max(
    ...samples.app.map((sample) => sample.longestTaskAfterReadyMs ?? Number.NaN),
  ).toFixed(0)} ms worst (0 = no task over 50 ms)`);
  if (!REUSE) rmSync(workDirectory, { recursive: true, force: true });
}

await main();
