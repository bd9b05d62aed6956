/**
 * The A4 PNG export (issue 14): time to file, and the share of it spent rendering vs encoding.
 *
 *   npx tsx bench/export-image.bench.ts [--runs 7] [--megabytes 0] [--reuse]
 *   npm run bench -- export
 *
 * In the built app (test build), the measure tab's statistics section open, a planner presses
 * "PNG (A4)"; the time to file runs from that click to the browser's download event (what the
 * planner waits for). The split comes from the `performance.measure` entries the export leaves
 * (src/map/export-map-image.ts, MAP_IMAGE_MEASURES): loading the faces of the text, drawing the
 * hidden print map (1754 × 1240 px at 150 dpi, until the GPU has finished it), composing the sheet
 * (legend, scale bar, title), removing the print map, encoding the PNG. Timestamps of the click and
 * of the page's download link place the rest: before the first step (the legend), between steps,
 * after encoding, and outside the page. `--megabytes N` first imports N MB of generated parcels
 * (bench/synthetic-parcels.ts) so the print map draws a big layer too. One warm-up export (it
 * loads the image code) is not counted. Also printed: in how many runs the panel showed its
 * progress bar (after 1 s).
 *
 * No baseline ratio: the issue asks for the figures and the progress indicator, not a goal.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAP_IMAGE_MEASURES } from '../src/export/map-image-layout.ts';
import { openAppTab } from '../tests/e2e/app-tabs.ts';
import { buildApp, serveBuiltApp } from '../tests/e2e/global-setup.ts';
import { launchBrowser, openApp, type AppPage } from '../tests/e2e/harness.ts';
import { median } from './bench-support.ts';
import { writeParcelFile } from './synthetic-parcels.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const workDirectory = join(projectRoot, '.test-results', 'bench-export-image');
const argumentsGiven = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = argumentsGiven.indexOf(name);
  return index >= 0 ? Number(argumentsGiven[index + 1]) : fallback;
};
const RUNS = Math.max(1, option('--runs', 7));
const MEGABYTES = option('--megabytes', 0);
const REUSE = argumentsGiven.includes('--reuse');

type Stage = keyof typeof MAP_IMAGE_MEASURES;
const STAGES = Object.keys(MAP_IMAGE_MEASURES) as Stage[];

interface Sample {
  totalMs: number;
  stageMs: Record<Stage, number>;
  /** In the page: from the click to the first stage, and from the end of encoding to the file handed over. */
  beforeMs: number;
  afterMs: number;
  /** In the page, between the stages (the hidden map's container made, the map removed). */
  betweenMs: number;
  /** Outside the page's click-to-handover: the click reaching the page, the browser's download reaching its event. */
  outsideMs: number;
  bytes: number;
  showedProgress: boolean;
}

/**
 * Installed before the app's scripts: when the PNG button is clicked, when the page hands the file
 * to the browser (its download link's click), and whether the progress bar ever showed.
 */
const EXPORT_RECORDER = `(() => {
  const state = { seen: false, clickAt: null, handedAt: null };
  Object.defineProperty(window, '__benchExport', { value: state });
  new MutationObserver(() => {
    if (document.querySelector('[data-export-progress]')) state.seen = true;
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('click', (event) => {
    const target = event.target;
    if (target instanceof Element && target.matches('button[data-export="png"]')) state.clickAt = performance.now();
    if (target instanceof HTMLAnchorElement && target.hasAttribute('download')) state.handedAt = performance.now();
  }, true);
})();`;

interface ExportRecord {
  seen: boolean;
  clickAt: number | null;
  handedAt: number | null;
}

async function openStatistics(app: AppPage): Promise<void> {
  await openAppTab(app.page, 'measure');
  const details = app.page.locator('.statistics-section > details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
    await app.page.locator('.statistics-section summary').click();
  await app.page.locator('.statistics-export button[data-export="png"]:not([disabled])').waitFor({ timeout: 60_000 });
}

async function exportOnce(app: AppPage): Promise<Sample> {
  await app.page.evaluate((names) => {
    for (const name of names) performance.clearMeasures(name);
    Object.assign((window as unknown as { __benchExport: ExportRecord }).__benchExport, {
      seen: false,
      clickAt: null,
      handedAt: null,
    });
  }, Object.values(MAP_IMAGE_MEASURES));
  const started = Date.now();
  const [download] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 300_000 }),
    app.page.locator('.statistics-export button[data-export="png"]').click(),
  ]);
  const totalMs = Date.now() - started;
  const path = await download.path();
  const bytes = statSync(path).size;
  const measured = await app.page.evaluate(
    (names) => ({
      entries: Object.fromEntries(
        Object.entries(names).map(([stage, name]) => {
          const entry = performance.getEntriesByName(name).at(-1);
          return [stage, { start: entry?.startTime ?? NaN, duration: entry?.duration ?? NaN }];
        }),
      ),
      record: (window as unknown as { __benchExport: ExportRecord }).__benchExport,
    }),
    MAP_IMAGE_MEASURES,
  );
  const entries = measured.entries as Record<Stage, { start: number; duration: number }>;
  const stageMs = Object.fromEntries(STAGES.map((stage) => [stage, entries[stage].duration])) as Record<Stage, number>;
  const beforeMs = entries.fonts.start - (measured.record.clickAt ?? NaN);
  const afterMs = (measured.record.handedAt ?? NaN) - (entries.encode.start + entries.encode.duration);
  const inStages = STAGES.reduce((sum, stage) => sum + stageMs[stage], 0);
  const stagesSpan = entries.encode.start + entries.encode.duration - entries.fonts.start;
  return {
    totalMs,
    stageMs,
    beforeMs,
    afterMs,
    betweenMs: stagesSpan - inStages,
    outsideMs: totalMs - beforeMs - stagesSpan - afterMs,
    bytes,
    showedProgress: measured.record.seen,
  };
}

function spread(values: readonly number[]): string {
  return `${median(values).toFixed(0)} ms (range ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
}

async function main(): Promise<void> {
  mkdirSync(workDirectory, { recursive: true });
  const appDirectory = join(workDirectory, 'app');
  if (!(REUSE && existsSync(join(appDirectory, 'index.html')))) {
    console.log('building the app (test build) …');
    buildApp(appDirectory);
  }
  const server = await serveBuiltApp(appDirectory);
  const browser = await launchBrowser();
  await browser.context.addInitScript(EXPORT_RECORDER);
  const samples: Sample[] = [];
  try {
    const app = await openApp({ browser, baseUrl: server.url, readyTimeoutMs: 120_000 });
    await app.page.waitForFunction(
      () => performance.getEntriesByName('zone:statistics-computed').length > 0,
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    if (MEGABYTES > 0) {
      const filePath = join(workDirectory, `parcels-${MEGABYTES}mb.geojson`);
      const count = writeParcelFile(filePath, MEGABYTES * 1024 * 1024);
      await app.page.locator('input[type=file][data-import-input]').setInputFiles(filePath);
      await app.page.locator('[data-imported-layer]').waitFor({ state: 'attached', timeout: 600_000 });
      console.log(`imported ${MEGABYTES} MB of generated parcels (${count} polygons)`);
    }
    await openStatistics(app);
    await exportOnce(app);
    for (let run = 0; run < RUNS; run++) {
      const sample = await exportOnce(app);
      samples.push(sample);
      console.log(
        `run ${run + 1}/${RUNS}: ${sample.totalMs.toFixed(0)} ms to file (${sample.bytes} B); ` +
          STAGES.map((stage) => `${stage} ${sample.stageMs[stage].toFixed(0)} ms`).join(', ') +
          `; before ${sample.beforeMs.toFixed(0)} ms, after ${sample.afterMs.toFixed(0)} ms, between ${sample.betweenMs.toFixed(0)} ms, outside ${sample.outsideMs.toFixed(0)} ms` +
          (sample.showedProgress ? '; progress bar shown' : ''),
      );
    }
    const problems = await app.problems();
    if (problems.length > 0) throw new Error(problems.join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }

  const total = median(samples.map((sample) => sample.totalMs));
  const stageLines = STAGES.map((stage) => {
    const values = samples.map((sample) => sample.stageMs[stage]);
    return `  ${stage.padEnd(8)} ${spread(values)}, ${((median(values) / total) * 100).toFixed(0)} % of the median total`;
  });
  const drawing = samples.map(
    (sample) => sample.stageMs.fonts + sample.stageMs.render + sample.stageMs.compose + sample.stageMs.release,
  );
  const encoding = samples.map((sample) => sample.stageMs.encode);
  console.log(`
A4 PNG export (1754 × 1240 px, 150 dpi)${MEGABYTES > 0 ? ` with a ${MEGABYTES} MB imported layer` : ''}, ${RUNS} runs, chromium + SwiftShader:
  time to file (click → download) ${spread(samples.map((sample) => sample.totalMs))}
${stageLines.join('\n')}
  before the first step (click → fonts: the legend, the image code) ${spread(samples.map((sample) => sample.beforeMs))}
  after encoding (PNG → the page hands the file over) ${spread(samples.map((sample) => sample.afterMs))}
  between the steps (the print map's container) ${spread(samples.map((sample) => sample.betweenMs))}
  outside the page (the click reaching it, the download reaching its event) ${spread(samples.map((sample) => sample.outsideMs))}
  rendering (fonts + render + compose + release) ${((median(drawing) / total) * 100).toFixed(0)} % vs encoding ${((median(encoding) / total) * 100).toFixed(0)} % of the time to file
  progress bar shown (exports over 1 s) in ${samples.filter((sample) => sample.showedProgress).length} of ${RUNS} runs; PNG ${median(samples.map((sample) => sample.bytes)).toFixed(0)} B`);
  if (!REUSE) rmSync(workDirectory, { recursive: true, force: true });
}

await main();
