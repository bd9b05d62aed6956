/**
 * The shipped dataset's statistics, measured at build time by the same code the worker and the
 * CLI run (scripts/vite/zone-statistics-plugin.ts), shipped as `zone-statistics.json` beside the
 * page with the dataset's fingerprint. The page shows them as soon as its own files give the same
 * fingerprint, so the statistics worker runs only for a dataset that differs from the build's.
 *
 * This module is read by the page at start: it holds only types and a shape check, no measuring.
 */
import type { ZoneStatistics } from './zone-statistics.ts';

export const PRECOMPUTED_STATISTICS_FILE = 'zone-statistics.json';
export const PRECOMPUTED_STATISTICS_FORMAT = 1;

export interface PrecomputedStatistics {
  format: typeof PRECOMPUTED_STATISTICS_FORMAT;
  /** `datasetFingerprint` of the files the numbers were measured from. */
  fingerprint: string;
  statistics: ZoneStatistics;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The statistics in `text` when it is a precomputed file of this format for exactly this
 * fingerprint, else null (missing, stale, from another version, or not JSON: measure instead).
 */
export function precomputedStatisticsFor(text: string, fingerprint: string): ZoneStatistics | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed['format'] !== PRECOMPUTED_STATISTICS_FORMAT) return null;
  if (parsed['fingerprint'] !== fingerprint) return null;
  const statistics = parsed['statistics'];
  if (
    !isRecord(statistics) ||
    !Array.isArray(statistics['features']) ||
    !Array.isArray(statistics['layers']) ||
    !Array.isArray(statistics['units']) ||
    !isRecord(statistics['summary']) ||
    !Array.isArray(statistics['problems'])
  )
    return null;
  return statistics as unknown as ZoneStatistics;
}
