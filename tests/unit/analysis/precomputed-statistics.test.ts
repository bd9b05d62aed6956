/**
 * The build ships the shipped dataset's statistics (scripts/vite/zone-statistics-plugin.ts); the
 * page uses them only for the exact files they were measured from. They must be the numbers the
 * CLI prints, and any change to a file — one byte, a renamed file — must make the page measure.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

// Measuring the whole dataset (and running the CLI on it) takes seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });
import { runStats } from '../../../scripts/stats/run-stats.ts';
import { precomputeStatistics } from '../../../scripts/vite/zone-statistics-plugin.ts';
import {
  PRECOMPUTED_STATISTICS_FORMAT,
  precomputedStatisticsFor,
} from '../../../src/analysis/precomputed-statistics.ts';
import { datasetFingerprint, recordingReader } from '../../../src/data/dataset-fingerprint.ts';

const geodata = fileURLToPath(new URL('../../../geodata/', import.meta.url));

async function cliJson(): Promise<Record<string, unknown>> {
  let stdout = '';
  let stderr = '';
  const code = await runStats(['--json', '--geodata', geodata], {
    readText: (path) => readFile(path, 'utf8'),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout);
}

describe('the statistics the build ships', () => {
  it('are exactly the numbers `npm run stats -- --json` prints for geodata/', async () => {
    const [precomputed, cli] = await Promise.all([precomputeStatistics(geodata), cliJson()]);
    // Through JSON, as the page reads them: -0, undefined members and key order are what the file holds.
    const shipped = JSON.parse(JSON.stringify(precomputed.statistics));
    expect(shipped.features).toEqual(cli['features']);
    expect(shipped.layers).toEqual(cli['layers']);
    expect(shipped.units).toEqual(cli['units']);
    expect(shipped.summary).toEqual(cli['summary']);
    expect(shipped.problems).toEqual(cli['problems']);
  });

  it('are read back by the page for the same files, and refused for any other', async () => {
    const precomputed = await precomputeStatistics(geodata);
    const text = JSON.stringify(precomputed);
    expect(precomputedStatisticsFor(text, precomputed.fingerprint)).toEqual(precomputed.statistics);
    expect(precomputedStatisticsFor(text, '0'.repeat(64))).toBeNull();
    expect(precomputedStatisticsFor(text.slice(0, text.length / 2), precomputed.fingerprint)).toBeNull();
    expect(precomputedStatisticsFor('<!doctype html><title>dev server</title>', precomputed.fingerprint)).toBeNull();
    const otherFormat = JSON.stringify({ ...precomputed, format: PRECOMPUTED_STATISTICS_FORMAT + 1 });
    expect(precomputedStatisticsFor(otherFormat, precomputed.fingerprint)).toBeNull();
    const noFeatures = JSON.stringify({ ...precomputed, statistics: { ...precomputed.statistics, features: 'x' } });
    expect(precomputedStatisticsFor(noFeatures, precomputed.fingerprint)).toBeNull();
  });
});

describe('the dataset fingerprint', () => {
  const files = new Map([
    ['manifest.json', '{"layers":[]}'],
    ['green.geojson', '{"type":"FeatureCollection","features":[]}'],
  ]);

  it('is the same for the same files in any reading order', async () => {
    const reversed = new Map([...files].reverse());
    expect(await datasetFingerprint(reversed)).toBe(await datasetFingerprint(files));
    expect(await datasetFingerprint(files)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with one byte of one file, with a renamed file, and with text moved between files', async () => {
    const base = await datasetFingerprint(files);
    expect(
      await datasetFingerprint(new Map([...files, ['green.geojson', `${files.get('green.geojson')}\n`]])),
    ).not.toBe(base);
    const renamed = new Map([
      ['manifest.json', files.get('manifest.json')!],
      ['parks.geojson', files.get('green.geojson')!],
    ]);
    expect(await datasetFingerprint(renamed)).not.toBe(base);
    const shifted = new Map([
      ['a', 'xy'],
      ['b', 'z'],
    ]);
    const shiftedOther = new Map([
      ['a', 'x'],
      ['b', 'yz'],
    ]);
    expect(await datasetFingerprint(shifted)).not.toBe(await datasetFingerprint(shiftedOther));
  });

  it('covers every data file of geodata/: a change to any of them makes the page measure', async () => {
    const reader = recordingReader((path) => readFile(join(geodata, path), 'utf8'));
    const { loadDataset } = await import('../../../src/data/load-dataset.ts');
    expect((await loadDataset(reader.readText)).ok).toBe(true);
    const dataFiles = readdirSync(geodata).filter((name) => /\.(geo)?json$/.test(name));
    expect([...reader.files.keys()].sort()).toEqual(dataFiles.sort());
  });
});
