/**
 * First render of the built app against a bare MapLibre page, same browser, same run.
 *
 *   npx tsx bench/first-render.bench.ts [--runs 9] [--slow-runs 3] [--reuse] [--app-dist <built app directory>]
 *
 * Baseline: bench/pages/bare.html — maplibre-gl alone drawing the same geodata/ layers with the
 * app's own style builder (src/map/style.ts), the same font choice (src/map/app-font.ts, so on each
 * device both pages fetch the same files and draw text the same way), the same initial view and the same ready
 * rule (all sources loaded and the map idle → `data-map-ready`). Both are built by Vite with the
 * same plugins and served by `vite preview` with the geodata plugin's preview middleware, each on
 * its own port. Compression is the same for both pages: JS, CSS, HTML and JSON gzip (Vite's
 * preview), `.geojson` gzip (the geodata plugin: Vite's list misses application/geo+json), woff2
 * as is (already compressed).
 *
 * Each run is a cold load: a new page with the HTTP cache disabled. Runs alternate (ABBA) so
 * drift in machine load hits both; one warm-up of each is discarded.
 *
 * Prints issue 14's four goals, each with its ratio or figure and ✓/✗, times as median with their
 * range and IQR:
 *   1. first render (navigation → data-map-ready) ≤ 1.05× the bare page;
 *   2. bytes before data-map-ready ≤ 1.25× maplibre-gl alone (main + worker + css, gzip as the
 *      preview server sends them), with a table of where the bytes go;
 *   3. zone statistics on screen (the measured zone area in the overview) ≤ 200 ms after ready;
 *   4. nothing optional before the first frame: every request before ready that is not the page,
 *      its shell, the map module and maplibre-gl, the geodata, the font or the build's statistics
 *      (bench/first-render-requests.ts) is named as an offender.
 * Then both pages again on an emulated slow connection (bench/first-render-slow.ts; `--slow-runs 0`
 * skips it): map ready and first paint, app vs bare, with the ratio.
 *
 * Both font devices (tests/e2e/font-environments.ts) are measured, each in a browser of its own:
 * first a device with a CJK font of its own (WenQuanYi Micro Hei, through fontconfig), as nearly
 * every visitor's is, where neither page fetches a font file; then one without, where both fetch
 * the shipped subset. `--devices cjk` or `--devices no-cjk` measures one. The slow connection is
 * measured on the first device only.
 *
 * `--app-dist` serves an app built elsewhere (e.g. an older commit) against this run's bare page.
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { appFontPlugin } from '../scripts/vite/app-font-plugin.ts';
import { contentSecurityPolicyPlugin } from '../scripts/vite/content-security-policy-plugin.ts';
import { geodataPlugin } from '../scripts/vite/geodata-plugin.ts';
import { buildApp, freePort } from '../tests/e2e/global-setup.ts';
import {
  ensureCjkTestFont,
  fontconfigWithCjkTestFont,
  fontconfigWithoutCjkFonts,
} from '../tests/e2e/font-environments.ts';
import { FIRST_LOAD_GOAL_RATIO, maplibreAloneBytes } from '../tests/e2e/first-load-budget.ts';
import { launchBrowser, openApp, type BrowserSession } from '../tests/e2e/harness.ts';
import { formatSpread, median } from './bench-support.ts';
import {
  BYTE_CATEGORIES,
  categoryOf,
  FONT_CATEGORY,
  isNeededForFirstFrame,
  NEEDED_FOR_FIRST_FRAME_TEXT,
} from './first-render-requests.ts';
import { measureSlowLoad, SLOW_CONNECTION, type SlowSample } from './first-render-slow.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const pagesDirectory = join(projectRoot, 'bench', 'pages');
const workDirectory = join(projectRoot, '.test-results', 'bench-first-render');

const argumentsGiven = process.argv.slice(2);
function numberArgument(name: string, fallback: number, least: number): number {
  const index = argumentsGiven.indexOf(name);
  return index >= 0 ? Math.max(least, Number(argumentsGiven[index + 1])) : fallback;
}
const RUNS = numberArgument('--runs', 9, 3);
const SLOW_RUNS = numberArgument('--slow-runs', 3, 0);
const REUSE = argumentsGiven.includes('--reuse');
const appDistIndex = argumentsGiven.indexOf('--app-dist');
const APP_DIST = appDistIndex >= 0 ? argumentsGiven[appDistIndex + 1] : undefined;
const devicesIndex = argumentsGiven.indexOf('--devices');
const DEVICES = (devicesIndex >= 0 ? (argumentsGiven[devicesIndex + 1] ?? '') : 'cjk,no-cjk')
  .split(',')
  .filter((device): device is FontDevice => device === 'cjk' || device === 'no-cjk');

type FontDevice = 'cjk' | 'no-cjk';
const DEVICE_TEXT: Record<FontDevice, string> = {
  cjk: 'a device with its own CJK font (the typical visitor: no font file fetched)',
  'no-cjk': 'a device without a CJK font (the shipped Noto Sans SC subset fetched)',
};

function fontconfigFor(device: FontDevice): string {
  if (device === 'no-cjk') return fontconfigWithoutCjkFonts();
  ensureCjkTestFont();
  return fontconfigWithCjkTestFont();
}

/** Issue 14's goals. */
const GOALS = {
  firstRenderRatio: 1.05,
  bytesRatio: FIRST_LOAD_GOAL_RATIO,
  statisticsAfterReadyMs: 200,
};

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

/**
 * Runs before any page script: records long main-thread tasks, and the moment the overview first
 * shows the measured zone area (a figure with a digit where "measuring…" stood): statistics on screen.
 */
const PAGE_RECORDER = `(() => {
  const tasks = [];
  const state = { statisticsOnScreenAtMs: null };
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  Object.defineProperty(window, '__benchStatistics', { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  } catch {}
  const watcher = new MutationObserver(() => {
    const cell = document.querySelector('.zone-area .measured-value');
    if (cell && /\\d/.test(cell.textContent || '')) {
      state.statisticsOnScreenAtMs = performance.now();
      watcher.disconnect();
    }
  });
  watcher.observe(document, { subtree: true, childList: true, characterData: true });
})();`;

interface Sample {
  readyMs: number;
  bytes: number;
  bytesByCategory: Record<string, number>;
  /** Requests before ready the first frame does not need, with their bytes. */
  optional: { path: string; bytes: number }[];
  /** Longest main-thread task from ready until statistics were on screen (app only; 0 = none over 50 ms). */
  longestTaskAfterReadyMs: number | null;
  statisticsOnScreenAtMs: number | null;
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
        () =>
          (window as unknown as { __benchStatistics: { statisticsOnScreenAtMs: number | null } }).__benchStatistics
            .statisticsOnScreenAtMs !== null,
        undefined,
        { timeout: 60_000, polling: 50 },
      );
    }
    const timings = await app.page.evaluate((readyAt) => {
      const page = window as unknown as {
        __benchLongTasks: { start: number; duration: number }[];
        __benchStatistics: { statisticsOnScreenAtMs: number | null };
      };
      const computed = performance.getEntriesByName('zone:statistics-computed')[0] as PerformanceMark | undefined;
      const onScreen = page.__benchStatistics.statisticsOnScreenAtMs;
      const until = onScreen ?? Infinity;
      const after = page.__benchLongTasks.filter((task) => task.start + task.duration > readyAt && task.start <= until);
      return {
        longest: after.reduce((longest, task) => Math.max(longest, task.duration), 0),
        onScreen,
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
      optional: resources
        .filter((resource) => !isNeededForFirstFrame(resource.url))
        .map((resource) => ({ path: new URL(resource.url).pathname, bytes: resource.bytes })),
      longestTaskAfterReadyMs: measuresStatistics ? timings.longest : null,
      statisticsOnScreenAtMs: timings.onScreen,
      statisticsRunner: timings.runner,
    };
  } finally {
    await app.close();
  }
}

function bytesTable(samples: { app: Sample[]; bare: Sample[] }): string {
  const categories = [...BYTE_CATEGORIES.map(([name]) => name), 'other'];
  const medianOf = (list: Sample[], category: string) =>
    median(list.map((sample) => sample.bytesByCategory[category] ?? 0));
  const rows = categories
    .map((category) => [category, medianOf(samples.app, category), medianOf(samples.bare, category)] as const)
    .filter(([, app, bare]) => app > 0 || bare > 0);
  return [
    `    ${'bytes before ready, median'.padEnd(42)}${'app'.padStart(9)}${'bare'.padStart(9)}`,
    ...rows.map(
      ([category, app, bare]) => `    ${category.padEnd(42)}${String(app).padStart(9)}${String(bare).padStart(9)}`,
    ),
  ].join('\n');
}

/** Every optional request any app run made before ready, with how many runs made it and its largest size. */
function optionalRequests(samples: readonly Sample[]): { path: string; runs: number; bytes: number }[] {
  const byPath = new Map<string, { runs: number; bytes: number }>();
  for (const sample of samples) {
    for (const path of new Set(sample.optional.map((request) => request.path))) {
      const bytes = sample.optional
        .filter((request) => request.path === path)
        .reduce((sum, request) => sum + request.bytes, 0);
      const entry = byPath.get(path) ?? { runs: 0, bytes: 0 };
      byPath.set(path, { runs: entry.runs + 1, bytes: Math.max(entry.bytes, bytes) });
    }
  }
  return [...byPath].map(([path, entry]) => ({ path, ...entry })).sort((left, right) => right.bytes - left.bytes);
}

const mark = (met: boolean) => (met ? '✓' : '✗');
const ratioText = (value: number) => `${value.toFixed(2)}×`;

/** Cold loads of both pages, alternating (ABBA), after one discarded warm-up of each when asked. */
async function alternate<Result>(
  count: number,
  runApp: () => Promise<Result>,
  runBare: () => Promise<Result>,
  report: (run: number, app: Result, bare: Result) => void,
  warmUp: boolean,
): Promise<{ app: Result[]; bare: Result[] }> {
  const results = { app: [] as Result[], bare: [] as Result[] };
  if (count === 0) return results;
  if (warmUp) {
    await runApp();
    await runBare();
  }
  for (let run = 0; run < count; run++) {
    const order = run % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
    for (const name of order) results[name].push(await (name === 'app' ? runApp : runBare)());
    report(run, results.app[results.app.length - 1]!, results.bare[results.bare.length - 1]!);
  }
  return results;
}

function goalsReport(samples: { app: Sample[]; bare: Sample[] }, device: FontDevice): string {
  const appReady = samples.app.map((sample) => sample.readyMs);
  const bareReady = samples.bare.map((sample) => sample.readyMs);
  const readyRatio = median(appReady) / median(bareReady);
  const appBytes = median(samples.app.map((sample) => sample.bytes));
  const bareBytes = median(samples.bare.map((sample) => sample.bytes));
  const maplibreBytes = maplibreAloneBytes();
  const bytesRatio = appBytes / maplibreBytes;
  // Figures already on screen when the map became ready count as 0 ms after it.
  const statisticsAfterReady = samples.app.map((sample) =>
    sample.statisticsOnScreenAtMs === null ? Number.NaN : Math.max(0, sample.statisticsOnScreenAtMs - sample.readyMs),
  );
  const statisticsLate = median(statisticsAfterReady);
  const optional = optionalRequests(samples.app);
  const longest = samples.app.map((sample) => sample.longestTaskAfterReadyMs ?? Number.NaN);
  const runners = [...new Set(samples.app.map((sample) => sample.statisticsRunner))].join(', ');
  // The runs alternate, so run i of each page saw about the same machine: their ratio cancels drift.
  const pairedRatios = appReady.map((app, run) => app / (bareReady[run] ?? Number.NaN));
  // On a device without a CJK font both pages fetch the font files: content that device lacks,
  // not the app's overhead, and on their own about 0.3× maplibre-gl.
  const fontBytes = median(samples.app.map((sample) => sample.bytesByCategory[FONT_CATEGORY] ?? 0));
  const withoutFont =
    fontBytes > 0
      ? `\n      without the font files (${fontBytes} B): ${appBytes - fontBytes} B, ${ratioText((appBytes - fontBytes) / maplibreBytes)} maplibre-gl alone`
      : '';
  return `
issue 14 goals on ${DEVICE_TEXT[device]},
${RUNS} cold loads of each page (median; range and IQR), chromium + SwiftShader:
  ${mark(readyRatio <= GOALS.firstRenderRatio)} first render (navigation → data-map-ready): ${ratioText(readyRatio)} the bare page (goal ≤ ${GOALS.firstRenderRatio.toFixed(2)}×)
      app  ${formatSpread(appReady)}
      bare ${formatSpread(bareReady)}
      run by run (app / bare of the same ABBA pair): median ${ratioText(median(pairedRatios))}, range ${ratioText(Math.min(...pairedRatios))}–${ratioText(Math.max(...pairedRatios))}
  ${mark(bytesRatio <= GOALS.bytesRatio)} bytes before the first frame: ${ratioText(bytesRatio)} maplibre-gl alone (goal ≤ ${GOALS.bytesRatio.toFixed(2)}×)
      app ${appBytes} B; maplibre-gl alone (main + worker + css, gzip) ${maplibreBytes} B; bare page (maplibre + same geodata + same font) ${bareBytes} B, app / bare ${ratioText(appBytes / bareBytes)}${withoutFont}
      gzip as served (headers included): JS, CSS, HTML, JSON and .geojson; woff2 as is
${bytesTable(samples)}
  ${mark(statisticsLate <= GOALS.statisticsAfterReadyMs)} zone statistics on screen ${statisticsLate.toFixed(0)} ms after the map is ready (goal ≤ ${GOALS.statisticsAfterReadyMs} ms; 0 = already there)
      after ready: ${formatSpread(statisticsAfterReady)}; from navigation: ${formatSpread(samples.app.map((sample) => sample.statisticsOnScreenAtMs ?? Number.NaN))}
      statistics from: ${runners}; longest main-thread task from ready to statistics ${formatSpread(longest)} (0 = none over 50 ms)
  ${mark(optional.length === 0)} nothing optional before the first frame (needed: ${NEEDED_FOR_FIRST_FRAME_TEXT})
${
  optional.length === 0
    ? '      no other request before data-map-ready'
    : optional
        .map(
          (request) =>
            `      offender: ${request.path} (${request.bytes} B, before ready in ${request.runs} of ${samples.app.length} runs)`,
        )
        .join('\n')
}`;
}

function slowReport(slow: { app: SlowSample[]; bare: SlowSample[] }, device: FontDevice): string {
  const conditions = `${SLOW_CONNECTION.latencyMs} ms latency, ${SLOW_CONNECTION.kilobitsPerSecond} kbps down and up`;
  if (slow.app.length === 0) return `\nslow connection (${conditions}): skipped (--slow-runs 0)`;
  const appReady = slow.app.map((sample) => sample.readyMs);
  const bareReady = slow.bare.map((sample) => sample.readyMs);
  return `
slow connection (chromium emulation: ${conditions}) on ${DEVICE_TEXT[device]}, ${slow.app.length} cold loads of each page (fewer than above: each takes tens of seconds):
  map ready: app / bare ${ratioText(median(appReady) / median(bareReady))}
      app  ${formatSpread(appReady)}
      bare ${formatSpread(bareReady)}
  first contentful paint (how long the page stays blank):
      app  ${formatSpread(slow.app.map((sample) => sample.firstContentfulPaintMs))}
      bare ${formatSpread(slow.bare.map((sample) => sample.firstContentfulPaintMs))}
  requests before ready that the first frame does not need (app): ${
    [...new Set(slow.app.flatMap((sample) => sample.optional))].join(', ') || 'none'
  }`;
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
  const reports: string[] = [];
  try {
    for (const [index, device] of DEVICES.entries()) {
      console.log(`\n${DEVICE_TEXT[device]}:`);
      const browser = await launchBrowser({ fontconfigFile: fontconfigFor(device) });
      await browser.context.addInitScript(PAGE_RECORDER);
      try {
        const samples = await alternate(
          RUNS,
          () => measure(browser, appServer.url, ''),
          () => measure(browser, bareServer.url, 'bare.html'),
          (run, app, bare) =>
            console.log(
              `run ${run + 1}/${RUNS}: app ${app.readyMs.toFixed(0)} ms, bare ${bare.readyMs.toFixed(0)} ms; ` +
                `app statistics on screen at ${app.statisticsOnScreenAtMs?.toFixed(0)} ms (${app.statisticsRunner}), ` +
                `longest task after ready ${app.longestTaskAfterReadyMs?.toFixed(0)} ms`,
            ),
          true,
        );
        reports.push(goalsReport(samples, device));
        if (index > 0) continue;
        const slow = await alternate(
          SLOW_RUNS,
          () => measureSlowLoad(browser, appServer.url),
          () => measureSlowLoad(browser, `${bareServer.url}bare.html`),
          (run, app, bare) =>
            console.log(
              `slow run ${run + 1}/${SLOW_RUNS}: app ${app.readyMs.toFixed(0)} ms (first paint ${app.firstContentfulPaintMs.toFixed(0)}), ` +
                `bare ${bare.readyMs.toFixed(0)} ms (first paint ${bare.firstContentfulPaintMs.toFixed(0)})`,
            ),
          // The browser and the servers are warm from the runs above.
          false,
        );
        reports.push(slowReport(slow, device));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await appServer.close();
    await bareServer.close();
  }
  console.log(reports.join('\n'));
  if (!REUSE) rmSync(workDirectory, { recursive: true, force: true });
}

await main();
