/**
 * Importing a 50 MB GeoJSON against `JSON.parse` of the same bytes, same browser, same run.
 *
 *   npx tsx bench/import.bench.ts [--runs 5] [--megabytes 50]
 *
 * The file (parcels with land-use properties, WGS84, in the zone) is generated here, never
 * committed. Import = from the file handed to the page (`setInputFiles`, the input's change
 * event) until the summary is on the page: read by stream in the import worker, parsed,
 * validated with src/data's parseGeoJson code, measured, checked for GCJ-02, and stored in
 * IndexedDB. Baseline = `file.text()` + `JSON.parse` on the main thread (printed also without
 * the read). Also printed: the longest main-thread task during the import (PerformanceObserver
 * 'longtask'; goal ≤ 100 ms). Runs alternate (ABAB) after one warm-up of each; medians printed.
 *
 * Uses a bench page (bench/pages/import.html) that drives the app's ImportClient directly, so the
 * numbers are the import's alone, without the planner panel's rendering.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { contentSecurityPolicyPlugin } from '../scripts/vite/content-security-policy-plugin.ts';
import { freePort } from '../tests/e2e/global-setup.ts';
import { launchBrowser } from '../tests/e2e/harness.ts';

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
const RATIO_GOAL = 2.0;
const LONG_TASK_GOAL_MS = 100;
const LAND_USES = ['industrial', 'residential', 'green', 'commercial', 'education', 'road', 'water'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Star-shaped parcels of 8–40 vertices scattered over the zone, until the file is big enough. */
function generateFile(path: string, targetBytes: number): number {
  const next = random(2026);
  const parts: string[] = [];
  let bytes = 0;
  let count = 0;
  while (bytes < targetBytes) {
    const longitude = 105.2 + next() * 0.5;
    const latitude = 28.7 + next() * 0.5;
    const radius = (20 + next() * 280) / 111_000;
    const vertexCount = 8 + Math.floor(next() * 33);
    const ring: [number, number][] = [];
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      const angle = (vertex / vertexCount) * 2 * Math.PI;
      const r = radius * (0.6 + 0.4 * next());
      ring.push([+(longitude + (r * Math.cos(angle)) / Math.cos((latitude * Math.PI) / 180)).toFixed(7), +(latitude + r * Math.sin(angle)).toFixed(7)]);
    }
    ring.push(ring[0]!);
    const feature = JSON.stringify({ type: 'Feature', properties: { id: count, land_use: LAND_USES[count % LAND_USES.length], name: `地块 ${count}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
    parts.push(feature);
    bytes += feature.length + 2;
    count += 1;
  }
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`);
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface BenchResult {
  kind: 'import' | 'parse';
  milliseconds: number;
  readMilliseconds?: number;
  parseMilliseconds?: number;
  longestTaskMs: number;
  featureCount: number;
}

async function main(): Promise<void> {
  mkdirSync(workDirectory, { recursive: true });
  const filePath = join(workDirectory, `parcels-${MEGABYTES}mb.geojson`);
  const featureCount = generateFile(filePath, MEGABYTES * 1024 * 1024);
  const fileBytes = statSync(filePath).size;
  console.log(`generated ${filePath}: ${(fileBytes / 1024 / 1024).toFixed(1)} MB, ${featureCount} polygons`);

  const outDirectory = join(workDirectory, 'page');
  await build({
    root: pagesDirectory,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [contentSecurityPolicyPlugin()],
    worker: { format: 'es' },
    build: { outDir: outDirectory, emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(pagesDirectory, 'import.html') } },
  });
  const port = await freePort();
  const server = await preview({ root: pagesDirectory, configFile: false, logLevel: 'warn', build: { outDir: outDirectory }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  const browser = await launchBrowser();
  const imports: BenchResult[] = [];
  const parses: BenchResult[] = [];
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    if (process.env.BENCH_DEBUG) page.on('console', (message) => console.log('[page]', message.text()));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('worker', (worker) => worker.on('console', (message) => message.type() === 'error' && errors.push(`[worker] ${message.text()}`)));
    await page.goto(`http://127.0.0.1:${port}/import.html`);
    const runOnce = async (kind: 'import' | 'parse'): Promise<BenchResult> => {
      const before = await page.evaluate(() => (window as unknown as { __benchResults: unknown[] }).__benchResults.length);
      await page.locator(kind === 'import' ? '[data-bench-import]' : '[data-bench-parse]').setInputFiles(filePath);
      const deadline = Date.now() + 300_000;
      while ((await page.evaluate(() => (window as unknown as { __benchResults: unknown[] }).__benchResults.length)) <= before) {
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
  const importMs = median(imports.map((result) => result.milliseconds));
  const parseMs = median(parses.map((result) => result.milliseconds));
  const parseOnlyMs = median(parses.map((result) => result.parseMilliseconds!));
  const longestTask = median(imports.map((result) => result.longestTaskMs));
  console.log(`
import of a ${(fileBytes / 1024 / 1024).toFixed(1)} MB GeoJSON (${featureCount} polygons), median of ${RUNS} runs, chromium:
  import (file handed over → summary on the page) ${importMs.toFixed(0)} ms
  file.text() + JSON.parse on the main thread ${parseMs.toFixed(0)} ms: ratio ${(importMs / parseMs).toFixed(2)}× (goal ≤ ${RATIO_GOAL.toFixed(1)}×)
  JSON.parse alone ${parseOnlyMs.toFixed(0)} ms: ratio ${(importMs / parseOnlyMs).toFixed(2)}×
  longest main-thread task during the import: ${longestTask.toFixed(0)} ms median, ${Math.max(...imports.map((result) => result.longestTaskMs)).toFixed(0)} ms worst (goal ≤ ${LONG_TASK_GOAL_MS} ms; 0 = none over 50 ms)
  (the baseline's own longest task: ${median(parses.map((result) => result.longestTaskMs)).toFixed(0)} ms — JSON.parse blocks the thread it runs on)`);
  rmSync(workDirectory, { recursive: true, force: true });
}

await main();
