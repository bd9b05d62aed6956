/**
 * Messages between the page and `statistics.worker.ts`. Both directions are structured-cloned,
 * so only plain data crosses: the dataset as loaded and the statistics as computed.
 */
import type { ZoneStatistics } from '../analysis/zone-statistics.ts';
import type { Dataset } from '../data/dataset-types.ts';

export interface StatisticsRequest {
  dataset: Dataset;
}

export type StatisticsReply = { ok: true; statistics: ZoneStatistics } | { ok: false; reason: string };

/** Where the worker bundle, imported on the main thread, leaves its measuring function. */
export const MAIN_THREAD_MEASURER = Symbol.for('luzhou-zone-map.measureDataset');

export interface MainThreadHost {
  [MAIN_THREAD_MEASURER]?: (dataset: Dataset) => StatisticsReply;
}
