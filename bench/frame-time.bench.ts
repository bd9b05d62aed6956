/**
 * Frame time while panning and zooming over a 50 MB imported layer: the app against a bare MapLibre
 * page drawing the same GeoJSON, same browser, same run (issue 14, goal ≤ 1.2×).
 *
 *   npx tsx bench/frame-time.bench.ts [--runs 5] [--megabytes 50] [--move-ms 1200] [--reuse]
 *   npm run bench -- frame
 *
 * The file (bench/synthetic-parcels.ts) is generated here, never committed.
 *   - App: the test build (`window.__zoneMap`), the file chosen in the planner's
 *     `input[type=file][data-import-input]` as a planner does; measured once its row is in the
 *     panel, its source loaded and the map idle.
 *   - Baseline: bench/pages/frame.html — maplibre-gl alone drawing the same geodata/ layers with the
 *     app's style builder and font, and the same file from a `blob:` URL with the app's own
 *     imported-layer style, in a map of the app's map-area size (so both fill as many pixels).
 * Each page has a browser of its own (its own GPU process: SwiftShader draws on the CPU). Both run
 * the same script from the same camera: pans, zooms in and out, then back, each an `easeTo` of a
 * fixed duration with linear easing. A frame's time is the gap between successive
 * requestAnimationFrame callbacks during the script (a frame the page could not finish in 16.7 ms
 * shows as a longer gap). One warm-up script on each page first (it loads the tiles the script
 * visits); then runs alternate ABBA. Printed per page: the median of the runs' median frame, the
 * median of their 95th percentiles, the range of the run medians; and the ratio app / bare.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { appFontPlugin } from '../scripts/vite/app-font-plugin.ts';
import { contentSecurityPolicyPlugin } from '../scripts/vite/content-security-policy-plugin.ts';
import { geodataPlugin } from '../scripts/vite/geodata-plugin.ts';
import { openAppTab } from '../tests/e2e/app-tabs.ts';
import { buildApp, freePort, serveBuiltApp } from '../tests/e2e/global-setup.ts';
import { launchBrowser, openApp, type AppPage, type BrowserSession } from '../tests/e2e/harness.ts';
import { median } from './bench-support.ts';
import { PARCEL_AREA, writeParcelFile } from './synthetic-parcels.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const pagesDirectory = join(projectRoot, 'bench', 'pages');
const workDirectory = join(projectRoot, '.test-results', 'bench-frame-time');
const argumentsGiven = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = argumentsGiven.indexOf(name);
  return index >= 0 ? Number(argumentsGiven[index + 1]) : fallback;
};
const RUNS = Math.max(1, option('--runs', 5));
const MEGABYTES = option('--megabytes', 50);
const REUSE = argumentsGiven.includes('--reuse');
const RATIO_GOAL = 1.2;

/** The camera every script starts from: the middle of the generated parcels, a district's width across. */
const START = {
  center: [(PARCEL_AREA[0] + PARCEL_AREA[2]) / 2, (PARCEL_AREA[1] + PARCEL_AREA[3]) / 2] as [number, number],
  zoom: 12,
  bearing: 0,
  pitch: 0,
};
/** Each move's duration; longer moves give a slow machine more frames to take the median of. */
const MOVE_MS = option('--move-ms', 1200);
/** Pans in screen pixels, zooms to absolute levels; the last move brings the camera back to the start. */
type Move = { pan: [number, number] } | { zoom: number } | { center: [number, number]; zoom: number };
const SCRIPT: Move[] = [
  { pan: [360, 0] },
  { pan: [0, 260] },
  { pan: [-360, -260] },
  { zoom: 13.5 },
  { zoom: 12 },
  { zoom: 10.5 },
  { center: START.center, zoom: START.zoom },
];

interface RunSample {
  frameMs: number[];
  medianMs: number;
  p95Ms: number;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

/**
 * Runs in the page, given `{ mapGlobal, start, moves, duration }`: the script on the map from the
 * start camera, returning the gaps between animation frames while it ran. A string, not a function:
 * tsx's transform would put helper calls into a function that do not exist in the page.
 */
const SCRIPT_IN_PAGE = `async ({ mapGlobal, start, moves, duration }) => {
  const map = window[mapGlobal];
  const idle = () => new Promise((resolve) => { map.once('idle', resolve); map.triggerRepaint(); });
  map.jumpTo(start);
  await idle();
  const gaps = [];
  let running = true;
  let previous = null;
  const tick = (now) => {
    if (previous !== null) gaps.push(now - previous);
    previous = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const linear = (progress) => progress;
  for (const move of moves) {
    await new Promise((resolve) => {
      map.once('moveend', resolve);
      if ('pan' in move) map.panBy(move.pan, { duration, easing: linear });
      else map.easeTo({ ...move, duration, easing: linear });
    });
  }
  running = false;
  // The next run starts from a map with nothing left to draw.
  await idle();
  return gaps;
}`;

async function runScript(app: AppPage, mapGlobal: string): Promise<RunSample> {
  const settings = { mapGlobal, start: START, moves: SCRIPT, duration: MOVE_MS };
  const frameMs = (await app.page.evaluate(`(${SCRIPT_IN_PAGE})(${JSON.stringify(settings)})`)) as number[];
  return { frameMs, medianMs: median(frameMs), p95Ms: percentile(frameMs, 0.95) };
}

async function buildFramePage(outDirectory: string): Promise<void> {
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
      rollupOptions: { input: join(pagesDirectory, 'frame.html') },
    },
  });
}

async function serveFramePage(outDirectory: string) {
  const port = await freePort();
  const server = await preview({
    root: pagesDirectory,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: outDirectory },
    plugins: [geodataPlugin({ directory: join(projectRoot, 'geodata') })],
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

const LOAD_TIMEOUT_MS = 600_000;

/** The app with the file imported through the planner's file input, drawn, the map idle. */
async function openAppWithLayer(browser: BrowserSession, baseUrl: string, filePath: string): Promise<AppPage> {
  const app = await openApp({ browser, baseUrl, readyTimeoutMs: 120_000 });
  // A planner chooses a file on a settled page: after the zone statistics, not while it starts up.
  await app.page.waitForFunction(() => performance.getEntriesByName('zone:statistics-computed').length > 0, undefined, {
    timeout: 120_000,
    polling: 100,
  });
  await openAppTab(app.page, 'measure');
  const input = app.page.locator('input[type=file][data-import-input]');
  await input.waitFor({ state: 'attached', timeout: 60_000 });
  await input.setInputFiles(filePath);
  await app.page.locator('[data-imported-layer]').waitFor({ state: 'attached', timeout: LOAD_TIMEOUT_MS });
  const failure = await app.page
    .locator('.import-failure__message')
    .textContent({ timeout: 1000 })
    .catch(() => null);
  if (failure) throw new Error(`the app refused the file: ${failure}`);
  await app.page.waitForFunction(
    () => {
      const map = window.__zoneMap;
      if (!map) return false;
      const fills = map.getLayersOrder().filter((id) => id.startsWith('user-layer-') && id.endsWith('-fill'));
      return fills.length > 0 && fills.every((id) => map.isSourceLoaded(map.getLayer(id)!.source)) && map.loaded();
    },
    undefined,
    { timeout: LOAD_TIMEOUT_MS, polling: 250 },
  );
  return app;
}

async function openBareWithLayer(
  browser: BrowserSession,
  baseUrl: string,
  filePath: string,
  size: { width: number; height: number },
): Promise<AppPage> {
  const page = await openApp({
    browser,
    baseUrl,
    path: `frame.html?width=${size.width}&height=${size.height}`,
    readyTimeoutMs: 120_000,
  });
  await page.page.locator('[data-frame-file]').setInputFiles(filePath);
  await page.page.waitForFunction(() => document.documentElement.hasAttribute('data-layer-ready'), undefined, {
    timeout: LOAD_TIMEOUT_MS,
    polling: 250,
  });
  return page;
}

async function main(): Promise<void> {
  mkdirSync(workDirectory, { recursive: true });
  const filePath = join(workDirectory, `parcels-${MEGABYTES}mb.geojson`);
  const polygonCount = writeParcelFile(filePath, MEGABYTES * 1024 * 1024);
  const fileMegabytes = statSync(filePath).size / 1024 / 1024;
  console.log(`generated ${filePath}: ${fileMegabytes.toFixed(1)} MB, ${polygonCount} polygons`);

  const appDirectory = join(workDirectory, 'app');
  const frameDirectory = join(workDirectory, 'frame');
  if (!(REUSE && existsSync(join(appDirectory, 'index.html')))) {
    console.log('building the app (test build) …');
    buildApp(appDirectory);
  }
  if (!(REUSE && existsSync(join(frameDirectory, 'frame.html')))) {
    console.log('building the bare MapLibre page …');
    await buildFramePage(frameDirectory);
  }
  const appServer = await serveBuiltApp(appDirectory);
  const frameServer = await serveFramePage(frameDirectory);
  const appBrowser = await launchBrowser();
  const bareBrowser = await launchBrowser();
  const samples = { app: [] as RunSample[], bare: [] as RunSample[] };
  let size = { width: 0, height: 0 };
  try {
    let started = Date.now();
    const app = await openAppWithLayer(appBrowser, appServer.url, filePath);
    console.log(`app: file imported and drawn in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    size = await app.page.evaluate(() => {
      const canvas = window.__zoneMap!.getCanvas();
      return { width: canvas.clientWidth, height: canvas.clientHeight };
    });
    started = Date.now();
    const bare = await openBareWithLayer(bareBrowser, frameServer.url, filePath, size);
    console.log(`bare page: file drawn in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const runs = {
      app: () => runScript(app, '__zoneMap'),
      bare: () => runScript(bare, '__frameMap'),
    };
    await runs.app();
    await runs.bare();
    for (let run = 0; run < RUNS; run++) {
      // ABBA: neither page always goes first.
      const order = run % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const name of order) samples[name].push(await runs[name]());
      const last = (name: 'app' | 'bare') => samples[name].at(-1)!;
      console.log(
        `run ${run + 1}/${RUNS}: app median ${last('app').medianMs.toFixed(1)} ms, p95 ${last('app').p95Ms.toFixed(1)} ms ` +
          `(${last('app').frameMs.length} frames); bare median ${last('bare').medianMs.toFixed(1)} ms, ` +
          `p95 ${last('bare').p95Ms.toFixed(1)} ms (${last('bare').frameMs.length} frames)`,
      );
    }
    for (const [name, page] of [
      ['app', app],
      ['bare page', bare],
    ] as const) {
      const problems = await page.problems();
      if (problems.length > 0) throw new Error(`${name}:\n${problems.join('\n')}`);
    }
  } finally {
    await appBrowser.close();
    await bareBrowser.close();
    await appServer.close();
    await frameServer.close();
  }

  const summary = (list: RunSample[]) => {
    const medians = list.map((sample) => sample.medianMs);
    return {
      median: median(medians),
      p95: median(list.map((sample) => sample.p95Ms)),
      low: Math.min(...medians),
      high: Math.max(...medians),
      frames: median(list.map((sample) => sample.frameMs.length)),
    };
  };
  const app = summary(samples.app);
  const bare = summary(samples.bare);
  const line = (name: string, figures: ReturnType<typeof summary>) =>
    `  ${name.padEnd(10)} median frame ${figures.median.toFixed(1)} ms (run medians ${figures.low.toFixed(1)}–${figures.high.toFixed(1)} ms), ` +
    `p95 ${figures.p95.toFixed(1)} ms, ${figures.frames} frames a run (≈ ${(1000 / figures.median).toFixed(0)} fps)`;
  const ratio = app.median / bare.median;
  console.log(`
frame time panning and zooming over a ${fileMegabytes.toFixed(1)} MB imported layer (${polygonCount} polygons),
${SCRIPT.length} moves of ${MOVE_MS} ms each, map ${size.width} × ${size.height} CSS px, median of ${RUNS} runs, chromium + SwiftShader:
${line('app', app)}
${line('bare page', bare)}
  ratio app / bare (median frame) ${ratio.toFixed(2)}× ${ratio <= RATIO_GOAL ? '✓' : '✗'} (goal ≤ ${RATIO_GOAL.toFixed(1)}×); p95 ratio ${(app.p95 / bare.p95).toFixed(2)}×`);
  if (Math.min(app.frames, bare.frames) < 30)
    console.log(
      '  (under 30 frames a run: each median rests on few frames; rerun on a quieter machine or with a longer --move-ms)',
    );
  if (!REUSE) rmSync(workDirectory, { recursive: true, force: true });
}

await main();
