/**
 * The import benchmark's page: a file chosen in `[data-bench-import]` goes through the app's own
 * import client and worker (read by stream, parsed, validated, measured, stored in IndexedDB);
 * one chosen in `[data-bench-parse]` is read and `JSON.parse`d on this thread, the baseline. Each
 * run's timings and the long tasks during it land in `window.__benchResults`.
 */
import districts from '../../geodata/districts.geojson?raw';
import type { Dataset } from '../../src/data/dataset-types.ts';
import { deleteStoredLayer } from '../../src/data/storage/imported-layers-persistence.ts';
import { ImportClient } from '../../src/workers/import-client.ts';

/** One measured run, as the page records it in `window.__benchResults` for bench/import.bench.ts. */
export interface BenchResult {
  kind: 'import' | 'parse';
  milliseconds: number;
  /** For the baseline: reading the file as text, and JSON.parse alone. */
  readMilliseconds?: number;
  parseMilliseconds?: number;
  longestTaskMs: number;
  featureCount: number;
}

const tasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask' });

const results: BenchResult[] = [];
Object.assign(window, { __benchResults: results });

const client = new ImportClient();
// The same districts the app gives the worker, so the GCJ-02 check runs as it does in the app.
client.connect({
  manifest: null,
  layers: [{ definition: { id: 'districts' }, features: JSON.parse(districts) }],
} as unknown as Dataset);

function longestTaskBetween(start: number, end: number): number {
  return tasks
    .filter((task) => task.start + task.duration > start && task.start < end)
    .reduce((longest, task) => Math.max(longest, task.duration), 0);
}

/** Long tasks are reported a little after they end; wait for the observer to catch up. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

let run = 0;
/** The chosen file; the input is cleared so choosing the same file again fires `change` again. */
function takeFile(event: Event): File {
  const input = event.currentTarget as HTMLInputElement;
  const file = input.files![0]!;
  input.value = '';
  return file;
}

document.querySelector<HTMLInputElement>('[data-bench-import]')!.addEventListener('change', async (event) => {
  const file = takeFile(event);
  const start = performance.now();
  const id = `bench-${run++}`;
  const layer = await client
    .importFile(file, {
      id,
      fileName: file.name,
      coordinateSystem: 'wgs84',
      importedAt: new Date().toISOString(),
      visible: true,
      order: run,
    })
    .catch((error: unknown) => {
      // Surfaced as a console error, which the benchmark turns into a failure.
      console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    });
  const end = performance.now();
  await settle();
  results.push({
    kind: 'import',
    milliseconds: end - start,
    longestTaskMs: longestTaskBetween(start, end),
    featureCount: layer.summary.measurement.featureCount,
  });
  client.forget(id);
  await deleteStoredLayer(id);
});

document.querySelector<HTMLInputElement>('[data-bench-parse]')!.addEventListener('change', async (event) => {
  const file = takeFile(event);
  const start = performance.now();
  const text = await file.text();
  const read = performance.now();
  const parsed = JSON.parse(text) as { features: unknown[] };
  const end = performance.now();
  await settle();
  results.push({
    kind: 'parse',
    milliseconds: end - start,
    readMilliseconds: read - start,
    parseMilliseconds: end - read,
    longestTaskMs: longestTaskBetween(start, end),
    featureCount: parsed.features.length,
  });
});
