/**
 * First render of the built app against a bare MapLibre page, same browser, same run.
 *
 *   npx tsx bench/first-render.bench.ts [--runs 9] [--reuse]
 *
 * Baseline: bench/pages/bare.html — maplibre-gl alone drawing the same geodata/ layers with the
 * app's own style builder (src/map/style.ts), the same fonts (`virtual:app-font`, so both pages
 * fetch the same subset and draw text the same way), the same initial view and the same ready
 * rule (all sources loaded and the map idle → `data-map-ready`). Both are built by Vite with the
 * same plugins and served by `vite preview` (gzip), each on its own port.
 *
 * Each run is a cold load: a new page with the HTTP cache disabled. Runs alternate (ABBA) so
 * drift in machine load hits both; one warm-up of each is discarded; medians are printed.
 *
 * Prints:
 *   - navigation → data-map-ready, app vs bare page: median ms each and the ratio (goal ≤ 1.10×);
 *   - bytes downloaded before data-map-ready, app vs maplibre-gl alone (main + worker + css,
 *     gzip-compressed as the preview server sends them) (goal ≤ 1.25×), with the bare page's
 *     bytes too, to show how much of the difference is the dataset and the font.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { appFontPlugin } from '../scripts/vite/app-font-plugin.ts';
import { contentSecurityPolicyPlugin } from '../scripts/vite/content-security-policy-plugin.ts';
import { geodataPlugin } from '../scripts/vite/geodata-plugin.ts';
import { buildApp, freePort } from '../tests/e2e/global-setup.ts';
import { launchBrowser, openApp, type BrowserSession } from '../tests/e2e/harness.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const pagesDirectory = join(projectRoot, 'bench', 'pages');
const workDirectory = join(projectRoot, '.test-results', 'bench-first-render');

const argumentsGiven = process.argv.slice(2);
const runsIndex = argumentsGiven.indexOf('--runs');
const RUNS = runsIndex >= 0 ? Math.max(7, Number(argumentsGiven[runsIndex + 1])) : 9;
const REUSE = argumentsGiven.includes('--reuse');

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
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

interface Sample {
  readyMs: number;
  bytes: number;
}

async function measure(browser: BrowserSession, baseUrl: string, path: string): Promise<Sample> {
  // Cold each time: with the cache on, later runs would skip the downloads being measured.
  const app = await openApp({ browser, baseUrl, path, disableCache: true, readyTimeoutMs: 90_000 });
  try {
    const problems = await app.problems();
    if (problems.length > 0) throw new Error(`${baseUrl}${path}:\n${problems.join('\n')}`);
    return { readyMs: (await app.readyAtMs()) ?? Number.NaN, bytes: await app.bytesBeforeReady() };
  } finally {
    await app.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function maplibreAloneBytes(): number {
  const distDirectory = join(projectRoot, 'node_modules', 'maplibre-gl', 'dist');
  return ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']
    .map((file) => gzipSync(readFileSync(join(distDirectory, file))).byteLength)
    .reduce((sum, bytes) => sum + bytes, 0);
}

async function main(): Promise<void> {
  const appDirectory = join(workDirectory, 'app');
  const bareDirectory = join(workDirectory, 'bare');
  if (!(REUSE && existsSync(join(appDirectory, 'index.html')))) {
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
  const samples = { app: [] as Sample[], bare: [] as Sample[] };
  try {
    const runApp = () => measure(browser, appServer.url, '');
    const runBare = () => measure(browser, bareServer.url, 'bare.html');
    await runApp();
    await runBare();
    for (let run = 0; run < RUNS; run++) {
      // ABBA: neither page always goes first.
      const order = run % 2 === 0 ? ([['app', runApp], ['bare', runBare]] as const) : ([['bare', runBare], ['app', runApp]] as const);
      for (const [name, runPage] of order) samples[name].push(await runPage());
      const last = (name: 'app' | 'bare') => samples[name][samples[name].length - 1]!;
      console.log(`run ${run + 1}/${RUNS}: app ${last('app').readyMs.toFixed(0)} ms, bare ${last('bare').readyMs.toFixed(0)} ms`);
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
  bare page (maplibre + same geodata + same font) ${bareBytes} B: app / bare ${ratio(appBytes / bareBytes)}`);
  if (!REUSE) rmSync(workDirectory, { recursive: true, force: true });
}

await main();
