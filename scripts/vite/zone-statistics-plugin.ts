/**
 * Measures the shipped dataset once, at build time, and emits `zone-statistics.json` beside the
 * page (issue 14: statistics that need no computing). The numbers come from the very function the
 * statistics worker and `npm run stats` call, so they are the CLI's numbers; the file carries the
 * dataset's fingerprint, and the page falls back to measuring when the files it loads differ.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  PRECOMPUTED_STATISTICS_FILE,
  PRECOMPUTED_STATISTICS_FORMAT,
  type PrecomputedStatistics,
} from '../../src/analysis/precomputed-statistics.ts';
import { computeZoneStatistics } from '../../src/analysis/zone-statistics.ts';
import { datasetFingerprint, recordingReader } from '../../src/data/dataset-fingerprint.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';

/** Loads the dataset in `directory` as the page does and measures it; throws when it does not load. */
export async function precomputeStatistics(directory: string): Promise<PrecomputedStatistics> {
  const reader = recordingReader((relativePath) => readFile(join(directory, relativePath), 'utf8'));
  const result = await loadDataset(reader.readText);
  if (!result.ok) throw new Error(`the dataset in ${directory} does not load: ${result.problems.join('; ')}`);
  const fingerprint = await datasetFingerprint(reader.files);
  if (!fingerprint) throw new Error('Web Crypto is unavailable in this Node');
  return {
    format: PRECOMPUTED_STATISTICS_FORMAT,
    fingerprint,
    statistics: computeZoneStatistics(result.dataset),
  };
}

export function zoneStatisticsPlugin(options: { directory?: string } = {}): Plugin {
  let directory = '';
  return {
    name: 'luzhou:zone-statistics',
    apply: 'build',
    configResolved(resolved) {
      directory = resolve(resolved.root, options.directory ?? 'geodata');
    },
    async generateBundle() {
      // A dataset that does not load fails here as it would in the page: better at build than on a visit.
      const precomputed = await precomputeStatistics(directory);
      this.emitFile({
        type: 'asset',
        fileName: PRECOMPUTED_STATISTICS_FILE,
        source: JSON.stringify(precomputed),
      });
    },
  };
}
