/**
 * Computes the zone statistics in a module worker, so the map stays responsive while Turf's
 * clipper dissolves the polygons. Where no worker can run (no `Worker`, or its script fails to
 * load), the same computation runs on the main thread instead; its code is then fetched on
 * demand, so it is never part of the first load either way.
 *
 * A measuring failure inside the worker rejects with its message (the caller shows it); only a
 * worker that cannot start or crashes falls back to the main thread.
 */
import type { ZoneStatistics } from '../analysis/zone-statistics.ts';
import type { Dataset } from '../data/dataset-types.ts';
import {
  MAIN_THREAD_MEASURER,
  type MainThreadHost,
  type StatisticsReply,
  type StatisticsRequest,
} from './statistics-protocol.ts';
// The worker's script, bundled by Vite on its own with everything it imports (format: es).
import statisticsWorkerUrl from './statistics.worker.ts?worker&url';

export type StatisticsRunner = 'worker' | 'main-thread';

export interface StatisticsResult {
  statistics: ZoneStatistics;
  /** Where they were computed, for performance marks and tests. */
  runner: StatisticsRunner;
}

export class StatisticsFailure extends Error {
  override name = 'StatisticsFailure';
}

/** Runs the worker's bundle as a plain module on this thread, so no analysis code joins the page's chunk. */
export async function computeStatisticsOnMainThread(dataset: Dataset): Promise<ZoneStatistics> {
  await import(/* @vite-ignore */ new URL(statisticsWorkerUrl, window.location.href).href);
  const measureDataset = (globalThis as MainThreadHost)[MAIN_THREAD_MEASURER];
  if (!measureDataset) throw new Error('statistics module did not load');
  const reply = measureDataset(dataset);
  if (!reply.ok) throw new StatisticsFailure(reply.reason);
  return reply.statistics;
}

/**
 * The zone's statistics take about a second on a two-core machine; a worker still silent after
 * this long is stuck (a planner's replaced layer with pathological geometry, a browser bug). It is
 * stopped and the reason shown, instead of "measuring…" forever.
 */
export const STATISTICS_TIMEOUT_MS = 60_000;

function computeStatisticsInWorker(dataset: Dataset, timeoutMs: number): Promise<ZoneStatistics> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(statisticsWorkerUrl, { type: 'module', name: 'zone-statistics' });
    const timer = setTimeout(() => {
      worker.terminate();
      // Not a fallback case: the same work on the main thread would freeze the page instead.
      reject(new StatisticsFailure(`measuring took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      worker.terminate();
    };
    worker.addEventListener('message', (event: MessageEvent<StatisticsReply>) => {
      finish();
      if (event.data.ok) resolve(event.data.statistics);
      else reject(new StatisticsFailure(event.data.reason));
    });
    // Fires when the script cannot load (a blocked or missing file) or throws outside the handler.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      reject(new Error(`statistics worker failed: ${event.message || 'could not start'}`));
    });
    worker.addEventListener('messageerror', () => {
      finish();
      reject(new Error('statistics worker reply could not be read'));
    });
    const request: StatisticsRequest = { dataset };
    worker.postMessage(request);
  });
}

/**
 * The dataset's statistics, from a worker when one can run. Rejects with a `StatisticsFailure`
 * (message = the reason) when measuring itself failed; the worker failing to run is not that.
 */
export async function computeStatistics(
  dataset: Dataset,
  timeoutMs = STATISTICS_TIMEOUT_MS,
): Promise<StatisticsResult> {
  if (typeof Worker !== 'undefined') {
    try {
      return { statistics: await computeStatisticsInWorker(dataset, timeoutMs), runner: 'worker' };
    } catch (error) {
      if (error instanceof StatisticsFailure) throw error;
      // The worker itself did not run: measure here rather than show no figures at all.
    }
  }
  return { statistics: await computeStatisticsOnMainThread(dataset), runner: 'main-thread' };
}
