/**
 * Frame time with a city-sized PMTiles layer (issue 15 §3): the app with a 1 000 000-parcel archive
 * opened by its address, against bench/pages/pmtiles.html — MapLibre and the `pmtiles` protocol
 * alone drawing the same archive with the same paint in a map of the same size. Both follow the
 * same scripted camera path (pans and zooms from a district view to a street view and back,
 * linear easing, tiles loading as they come) while every animation frame's interval is recorded;
 * each side's median frame time and their ratio are printed. Samples alternate (ABBA), each in a
 * fresh browser, so the app's kept archives and a warm cache cannot favour either side.
 *
 *   npx tsx bench/pmtiles-frame.bench.ts [--parcels 1000000] [--runs 4] [--reuse] [--archive FILE.pmtiles]
 *
 * The archive (zooms 13–15, as tests/e2e/pmtiles-city.e2e.test.ts) is made by `npm run tiles` into
 * .test-results/bench-pmtiles-frame/ and kept there for `--reuse`, which also reuses the builds;
 * `--archive` draws an archive made beforehand instead (e.g. by `npm run tiles` on a real file).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { buildApp, freePort, serveBuiltApp } from '../tests/e2e/global-setup.ts';
import { launchBrowser, openApp } from '../tests/e2e/harness.ts';
import { openAppTab } from '../tests/e2e/app-tabs.ts';
import { makeParcelArchiveFile } from '../tests/e2e/pmtiles-fixtures.ts';
import { formatSpread, median, quantile } from './bench-support.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const pagesDirectory = join(projectRoot, 'bench', 'pages');
const workDirectory = join(projectRoot, '.test-results', 'bench-pmtiles-frame');

const argumentsGiven = process.argv.slice(2);
function numberArgument(name: string, fallback: number): number {
  const index = argumentsGiven.indexOf(name);
  return index >= 0 ? Number(argumentsGiven[index + 1]) : fallback;
}
const PARCELS = numberArgument('--parcels', 1_000_000);
const RUNS = Math.max(2, numberArgument('--runs', 4));
const REUSE = argumentsGiven.includes('--reuse');
const GIVEN_ARCHIVE = argumentsGiven.includes('--archive')
  ? argumentsGiven[argumentsGiven.indexOf('--archive') + 1]
  : undefined;
const ARCHIVE_PATH = '/bench-archives/city.pmtiles';

/** The camera path: where each eased step ends, and how long it takes (the grid is 105.2–105.6°E, 28.6–29.0°N). */
const START = { center: [105.4, 28.8] as [number, number], zoom: 13.2 };
const PATH = [
  { center: [105.45, 28.8], zoom: 13.2, duration: 1500 },
  { center: [105.45, 28.82], zoom: 15, duration: 1500 },
  { center: [105.43, 28.83], zoom: 15, duration: 1500 },
  { center: [105.43, 28.83], zoom: 17, duration: 1000 },
  { center: [105.4, 28.8], zoom: 13.5, duration: 1500 },
];

type Page = import('playwright-core').Page;

/** Follows the path on the map named `handle` and returns every animation frame's interval in ms. */
async function followPath(page: Page, handle: '__zoneMap' | '__benchMap'): Promise<number[]> {
  // tsx names functions with an `__name` helper that exists only in node: give the page one too.
  await page.evaluate('globalThis.__name = (fn) => fn');
  return page.evaluate(
    async ({ handle, start, path }) => {
      const map = (window as unknown as Record<string, import('maplibre-gl').Map>)[handle]!;
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.jumpTo(start);
      });
      const intervals: number[] = [];
      let last: number | null = null;
      let running = true;
      const tick = (time: number) => {
        if (last !== null) intervals.push(time - last);
        last = time;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      for (const step of path)
        await new Promise<void>((resolve) => {
          map.once('moveend', () => resolve());
          map.easeTo({ ...step, center: step.center as [number, number], easing: (progress) => progress });
        });
      running = false;
      return intervals;
    },
    { handle, start: START, path: PATH },
  );
}

async function measureApp(baseUrl: string): Promise<{ intervals: number[]; size: { width: number; height: number } }> {
  const browser = await launchBrowser();
  const app = await openApp({ browser, baseUrl, path: '?lang=en', readyTimeoutMs: 90_000 });
  try {
    const { page } = app;
    await openAppTab(page, 'measure');
    await page.locator('.pmtiles-url-input').fill(ARCHIVE_PATH);
    await page.locator('.pmtiles-url-form button[type="submit"]').click();
    await page.waitForFunction(
      () =>
        Boolean((window as unknown as { __zoneMap: import('maplibre-gl').Map }).__zoneMap.getLayer('pmtiles-1-fill')),
      undefined,
      { timeout: 60_000 },
    );
    const size = await page.evaluate(() => {
      const canvas = (window as unknown as { __zoneMap: import('maplibre-gl').Map }).__zoneMap.getCanvas();
      return { width: canvas.clientWidth, height: canvas.clientHeight };
    });
    const intervals = await followPath(page, '__zoneMap');
    return { intervals, size };
  } finally {
    await app.close();
    await browser.close();
  }
}

async function measureBare(baseUrl: string, size: { width: number; height: number }): Promise<number[]> {
  const browser = await launchBrowser();
  const path = `pmtiles.html?archive=${encodeURIComponent(ARCHIVE_PATH)}&width=${size.width}&height=${size.height}`;
  const page = await openApp({ browser, baseUrl, path, readyTimeoutMs: 90_000 });
  try {
    return await followPath(page.page, '__benchMap');
  } finally {
    await page.close();
    await browser.close();
  }
}

async function buildBarePage(outDirectory: string): Promise<void> {
  await build({
    root: pagesDirectory,
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: outDirectory,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: join(pagesDirectory, 'pmtiles.html') },
    },
  });
}

async function serveBare(outDirectory: string) {
  const port = await freePort();
  const server = await preview({
    root: pagesDirectory,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: outDirectory },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** The archive inside a served directory, as a hard link where it can be (the same bytes, no copy of ≈ 100 MB). */
function place(archive: string, servedDirectory: string): void {
  const target = join(servedDirectory, ARCHIVE_PATH);
  mkdirSync(dirname(target), { recursive: true });
  rmSync(target, { force: true });
  try {
    linkSync(archive, target);
  } catch {
    copyFileSync(archive, target);
  }
}

const summary = (intervals: readonly number[]) =>
  `median ${median(intervals).toFixed(1)} ms, p90 ${quantile(intervals, 0.9).toFixed(1)} ms, ${intervals.length} frames`;

mkdirSync(workDirectory, { recursive: true });
const archive = GIVEN_ARCHIVE ?? join(workDirectory, `parcels-${PARCELS}.pmtiles`);
if (!GIVEN_ARCHIVE && (!REUSE || !existsSync(archive))) {
  const started = performance.now();
  const made = await makeParcelArchiveFile(workDirectory, PARCELS, [13, 15]);
  renameSync(made.path, archive);
  console.log(`${made.report} (generated and tiled in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
const appDirectory = join(workDirectory, 'app');
const bareDirectory = join(workDirectory, 'bare');
if (!REUSE || !existsSync(join(appDirectory, 'index.html'))) buildApp(appDirectory);
if (!REUSE || !existsSync(join(bareDirectory, 'pmtiles.html'))) await buildBarePage(bareDirectory);
place(archive, appDirectory);
place(archive, bareDirectory);
const appServer = await serveBuiltApp(appDirectory);
const bareServer = await serveBare(bareDirectory);
try {
  const appMedians: number[] = [];
  const bareMedians: number[] = [];
  // The bare page draws into a map of the app's size; run 1 (app first) measures it.
  let size = { width: 1000, height: 800 };
  for (let run = 0; run < RUNS; run++) {
    // ABBA: the app first on even runs, the bare page first on odd ones.
    const appFirst = run % 4 === 0 || run % 4 === 3;
    let appIntervals: number[] = [];
    let bareIntervals: number[] = [];
    if (appFirst) {
      ({ intervals: appIntervals, size } = await measureApp(appServer.url));
      bareIntervals = await measureBare(bareServer.url, size);
    } else {
      bareIntervals = await measureBare(bareServer.url, size);
      ({ intervals: appIntervals, size } = await measureApp(appServer.url));
    }
    appMedians.push(median(appIntervals));
    bareMedians.push(median(bareIntervals));
    console.log(
      `run ${run + 1} (${size.width}×${size.height} px): app ${summary(appIntervals)}; bare ${summary(bareIntervals)}; ratio ${(median(appIntervals) / median(bareIntervals)).toFixed(2)}×`,
    );
  }
  console.log(`app frame time: ${formatSpread(appMedians)}`);
  console.log(`bare frame time: ${formatSpread(bareMedians)}`);
  console.log(
    `ratio app / bare (median of runs): ${(median(appMedians) / median(bareMedians)).toFixed(2)}× — ${GIVEN_ARCHIVE ?? `${PARCELS} parcels, zooms 13–15`}`,
  );
} finally {
  await appServer.close();
  await bareServer.close();
}
