/**
 * The one computation the statistics worker runs, as a plain function (no worker globals) so it
 * can be tested in node: a measuring failure becomes a reply with its reason, not a crash, and
 * the page shows that reason beside the stated figures.
 */
import { computeZoneStatistics } from '../analysis/zone-statistics.ts';
import type { Dataset } from '../data/dataset-types.ts';
import type { StatisticsReply } from './statistics-protocol.ts';

export function measureDataset(dataset: Dataset): StatisticsReply {
  try {
    return { ok: true, statistics: computeZoneStatistics(dataset) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
