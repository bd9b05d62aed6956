/**
 * Measures the dataset off the main thread. Dissolving the districts with Turf's clipper takes
 * about half a second (a second cold); on the main thread that froze the freshly drawn map.
 * One request, one reply: the page terminates the worker once it has its answer.
 *
 * The same bundle is the main-thread fallback where no worker runs: the page imports it as a
 * module and finds `measureDataset` under MAIN_THREAD_MEASURER. Importing this bundle, rather than
 * src/analysis, keeps the clipper out of the page's first chunk (the panels import a constant from
 * src/analysis, so whatever the page imports from there is bundled with them). A global, not an
 * export, because Vite strips the exports of worker bundles.
 */
import { measureDataset } from './measure-dataset.ts';
import { MAIN_THREAD_MEASURER, type MainThreadHost, type StatisticsRequest } from './statistics-protocol.ts';

if (typeof window === 'undefined') {
  globalThis.addEventListener('message', (event: MessageEvent<StatisticsRequest>) => {
    globalThis.postMessage(measureDataset(event.data.dataset));
  });
} else {
  // Imported by the page: listening to the window would answer its other messages.
  (globalThis as MainThreadHost)[MAIN_THREAD_MEASURER] = measureDataset;
}
