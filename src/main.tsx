/**
 * Boot: render the shell at once, then load and measure the dataset and hand it to the state.
 * Nothing else lives here.
 */
import { batch, effect } from '@preact/signals';
import { render } from 'preact';
import { chooseAppFont } from './map/app-font.ts';
import './styles/app.css';
import { computeStatistics } from './workers/statistics-client.ts';
import { datasetFingerprint, type DatasetFiles } from './data/dataset-fingerprint.ts';
import { PRECOMPUTED_STATISTICS_FILE, precomputedStatisticsFor } from './analysis/precomputed-statistics.ts';
import type { ZoneStatistics } from './analysis/zone-statistics.ts';
import { loadCurrentDataset } from './state/dataset-origin.ts';
import { messages, showLanguage } from './i18n/index.ts';
import { applyDocumentLanguage, initialLanguage } from './state/language-preference.ts';
import { mapStatus, setDatasetFailed, setDatasetReady, setStatistics, setStatisticsFailed } from './state/app-state.ts';
import { App } from './ui/App.tsx';
import { connectUrlState } from './state/url-sync.ts';
import { loadTripModule } from './ui/trip/lazy-trip.tsx';
import { loadPlannerModule } from './ui/planner/lazy-planner.tsx';
import { isWebGlAvailable } from './map/webgl-support.ts';
import { manifestFileCount, recordDataFileLoaded, recordDataLoaded } from './state/map-loading.ts';
import { appTab } from './ui/layout/layout-state.ts';
import { MANIFEST_FILE } from './data/load-dataset.ts';

/** Reads a dataset file from this origin only: a manifest naming another host cannot make us fetch it. */
async function readGeodataFile(relativePath: string): Promise<string> {
  const url = new URL(`${import.meta.env.BASE_URL}geodata/${relativePath}`, window.location.href);
  if (url.origin !== window.location.origin) throw new Error('refused: not on this site');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const text = await response.text();
  // The map area's placeholder counts the files; the manifest says how many there are.
  recordDataFileLoaded(relativePath === MANIFEST_FILE ? manifestFileCount(text) : null);
  return text;
}

/** The build's statistics file as text, or null when there is none (dev server, an old copy, offline miss). */
async function readPrecomputedStatistics(): Promise<string | null> {
  try {
    const response = await fetch(
      new URL(`${import.meta.env.BASE_URL}${PRECOMPUTED_STATISTICS_FILE}`, window.location.href),
    );
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** The build's numbers when the files this page loaded are exactly the ones the build measured. */
async function shippedStatistics(files: DatasetFiles, text: Promise<string | null>): Promise<ZoneStatistics | null> {
  const [fingerprint, precomputed] = await Promise.all([datasetFingerprint(files), text]);
  return fingerprint && precomputed ? precomputedStatisticsFor(precomputed, fingerprint) : null;
}

/** `languageShown` settles once the page's first language is on screen (English is fetched). */
async function boot(languageShown: Promise<void>): Promise<void> {
  // Start fetching MapLibre while the data loads; MapView's own import() then finds it ready.
  if (isWebGlAvailable()) import('./map/zone-map.ts').catch(() => undefined);
  const precomputedText = readPrecomputedStatistics();
  const { result, files } = await loadCurrentDataset(readGeodataFile);
  // The address bar (connectUrlState) and any problem's text are written in the page's language.
  await languageShown;
  performance.mark('zone:dataset-loaded');
  if (!result.ok) {
    setDatasetFailed(result.problems);
    return;
  }
  recordDataLoaded();
  // One batch: the map (MapView starts it from the dataset signal) must see the link's view and
  // layers, which connectUrlState applies, in its first frame.
  batch(() => {
    setDatasetReady(result.dataset);
    connectUrlState(result.dataset);
  });
  // The shipped dataset was measured at build time: its numbers are on screen with the map, and
  // the statistics worker is never fetched. Any other dataset is measured below, after the map.
  const shipped = await shippedStatistics(files, precomputedText);
  if (shipped) {
    performance.mark('zone:statistics-started');
    setStatistics(shipped);
    performance.mark('zone:statistics-computed', { detail: { runner: 'precomputed' } });
  }
  // Measuring runs in a worker, but its code and CPU would still compete with the first frame on
  // a two-core machine, and the planners' code with MapLibre for a slow connection's bandwidth:
  // start them once the map has drawn, unless the visitor opens their tab first.
  await mapSettledOrTabOpened(MAP_SETTLE_TIMEOUT_MS);
  // The trip planner is not needed for the first frame: its code loads now, and a trip in the link
  // or in storage is restored as soon as it arrives.
  loadTripModule()
    .then((trip) => trip.connectTrip(result.dataset))
    .catch((error: unknown) => console.warn('The trip planner could not load:', error));
  // The planners' toolkit likewise: drawn shapes and imported layers come back from storage once it is here.
  loadPlannerModule()
    .then((planner) => planner.connectPlanner(result.dataset))
    .catch((error: unknown) => console.warn("The planners' toolkit could not load:", error));
  if (shipped) return;
  performance.mark('zone:statistics-started');
  try {
    const { statistics, runner } = await computeStatistics(result.dataset);
    setStatistics(statistics);
    performance.mark('zone:statistics-computed', { detail: { runner } });
  } catch (error) {
    setStatisticsFailed(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Only for a map that never draws nor fails: on a 400 kbps connection the first frame takes about
 * 25 s (bench/first-render-slow.ts), and a shorter wait sent the planners' code into its way.
 */
const MAP_SETTLE_TIMEOUT_MS = 60_000;

/**
 * Resolves once the map has drawn, or is known not to draw, or the visitor opens the trip or
 * measuring tab (their code is then wanted now), or after a timeout, whichever is first.
 */
function mapSettledOrTabOpened(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let stop = (): void => undefined;
    const timer = window.setTimeout(() => {
      stop();
      resolve();
    }, timeoutMs);
    stop = effect(() => {
      if (mapStatus.value === 'starting' && appTab.value === 'explore') return;
      window.clearTimeout(timer);
      // An effect runs synchronously the first time, before `stop` is assigned.
      queueMicrotask(() => stop());
      // A task, not a microtask: the drawn frame reaches the screen before the measuring starts.
      window.setTimeout(resolve, 0);
    });
  });
}

const root = document.getElementById('app');
if (root) {
  // The font first: a few glyph measurements on a canvas, and where this device lacks a CJK font,
  // the shipped files' list and then the subset are requested now. The first frame's labels wait
  // for them, so they must not queue behind the WebGL probe in boot().
  const font = chooseAppFont();
  // Chinese is here at once; English (a link's ?lang=en, a remembered choice, an English browser)
  // is fetched while the data loads, and index.html's bilingual shell stays until it is here.
  // Should it fail, the page is in Chinese.
  const languageShown = showLanguage(initialLanguage(window.location.search, () => window.localStorage)).then(
    () => undefined,
    (error: unknown) => console.warn('The English messages could not load:', error),
  );
  // Then the requests: the map's code and the data are on their way while the shell renders.
  boot(languageShown).catch((error: unknown) => {
    setDatasetFailed([messages.value.errors.unexpected(error instanceof Error ? error.message : String(error))]);
  });
  languageShown.then(() => {
    applyDocumentLanguage();
    // index.html's static shell goes in the same task, so no frame shows both.
    root.replaceChildren();
    document.documentElement.style.setProperty('--app-font-family', font.css);
    document.documentElement.dataset['appFont'] = font.source;
    render(<App font={font.map} />, root);
  });
}
