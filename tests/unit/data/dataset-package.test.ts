/**
 * The dataset package (issue 11 §2): exported in the build's own format, so the shipped dataset
 * comes out byte for byte as `geodata/` holds it, and read back through the same validation as
 * `geodata/` — with the zip treated as hostile input.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';

// Each test loads and validates the whole dataset (and one runs the CLI twice): seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });
import { runStats } from '../../../scripts/stats/run-stats.ts';
import {
  CHANGES_FILE,
  datasetPackageFiles,
  readDatasetPackage,
  writeDatasetPackage,
  type DatasetChange,
} from '../../../src/data/dataset-package.ts';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { buildZip } from '../../fixtures/import/build-zip.ts';

const geodata = fileURLToPath(new URL('../../../geodata/', import.meta.url));

async function shippedDataset(): Promise<Dataset> {
  const result = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.dataset;
}

async function statsJson(directory: string): Promise<unknown> {
  let stdout = '';
  let stderr = '';
  const code = await runStats(['--json', '--geodata', directory], {
    readText: (path) => readFile(path, 'utf8'),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout);
}

const CHANGE: DatasetChange = {
  what: 'replaced the layer from a surveyed file',
  layerId: 'green',
  fromFile: '园林局-绿地.shp',
  at: '2026-12-01T10:00:00.000Z',
};

describe('exporting a dataset', () => {
  it('writes the shipped dataset byte for byte as geodata/ holds it, plus CHANGES.json', async () => {
    const files = datasetPackageFiles(await shippedDataset(), []);
    const dataFiles = readdirSync(geodata).filter((name) => /\.(geo)?json$/.test(name));
    expect([...files.keys()].filter((path) => path !== CHANGES_FILE).sort()).toEqual(dataFiles.sort());
    for (const name of dataFiles) expect(files.get(name), name).toBe(readFileSync(join(geodata, name), 'utf8'));
    expect(JSON.parse(files.get(CHANGES_FILE)!)).toEqual({ format: 1, basedOn: 'shipped', changes: [] });
  });

  it('gives the same zip for the same dataset (no timestamps of the moment)', async () => {
    const dataset = await shippedDataset();
    const first = writeDatasetPackage(datasetPackageFiles(dataset, [CHANGE]));
    const second = writeDatasetPackage(datasetPackageFiles(dataset, [CHANGE]));
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('unzipped over a copy of geodata/, gives the stats CLI the numbers of the dataset it came from', async () => {
    const dataset = await shippedDataset();
    // A modified dataset: one green feature dropped, as a planner's correction would.
    const green = dataset.layers.find((layer) => layer.definition.id === 'green')!;
    const dropped = green.features.features[0]!.properties.id;
    green.features = { ...green.features, features: green.features.features.slice(1) };
    const zip = writeDatasetPackage(datasetPackageFiles(dataset, [{ ...CHANGE, featureId: dropped }]));
    const directory = mkdtempSync(join(tmpdir(), 'dataset-package-'));
    try {
      cpSync(geodata, directory, { recursive: true });
      // What `unzip -o dataset.zip -d geodata/` does, without needing unzip on the machine.
      for (const [path, bytes] of Object.entries(unzipSync(zip))) writeFileSync(join(directory, path), bytes);
      const fromZip = (await statsJson(directory)) as { features: { id: string }[] };
      const shipped = (await statsJson(geodata)) as { features: { id: string }[] };
      expect(fromZip.features.map((feature) => feature.id)).not.toContain(dropped);
      expect(shipped.features.map((feature) => feature.id)).toContain(dropped);
      // The package read back by the app is the same dataset the CLI measured.
      const readBack = await readDatasetPackage(zip, 'dataset.zip');
      expect(readBack.ok).toBe(true);
      if (readBack.ok) {
        expect(readBack.dataset).toEqual(dataset);
        expect(readBack.changes).toEqual([{ ...CHANGE, featureId: dropped }]);
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('reading a dataset package', () => {
  it('reads a zip of the geodata/ folder itself (files one folder down)', async () => {
    const files = datasetPackageFiles(await shippedDataset(), []);
    const encoder = new TextEncoder();
    const zip = zipSync(
      Object.fromEntries([...files].map(([path, text]) => [`geodata/${path}`, encoder.encode(text)])),
    );
    const result = await readDatasetPackage(zip, 'geodata.zip');
    expect(result.ok).toBe(true);
  });

  it('refuses a zip without a manifest, naming what is missing', async () => {
    const zip = zipSync({ 'parcels.geojson': new TextEncoder().encode('{"type":"FeatureCollection","features":[]}') });
    const result = await readDatasetPackage(zip, 'parcels.zip');
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^parcels\.zip: .*manifest\.json/)] });
  });

  it('refuses a dataset that breaks the contract, with the dataset validation’s own messages', async () => {
    const files = datasetPackageFiles(await shippedDataset(), []);
    const broken = JSON.parse(files.get('green.geojson')!);
    delete broken.features[0].properties.source;
    files.set('green.geojson', JSON.stringify(broken));
    const result = await readDatasetPackage(writeDatasetPackage(files), 'edited.zip');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/edited\.zip: .*green\.geojson.*source/s);
  });

  it('refuses a member that inflates past what its directory declares (a zip bomb), quickly', async () => {
    const files = datasetPackageFiles(await shippedDataset(), []);
    const entries = [...files].map(([name, text]) => ({ name, content: new TextEncoder().encode(text) }));
    const bomb = new TextEncoder().encode(' '.repeat(8 * 1024 * 1024));
    const zip = buildZip([...entries, { name: 'green.geojson', content: bomb, declaredBytes: 100 }]);
    const result = await readDatasetPackage(zip, 'bomb.zip');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^bomb\.zip: green\.geojson .*100 bytes/);
  });

  it('refuses names that climb out of the folder', async () => {
    const files = datasetPackageFiles(await shippedDataset(), []);
    const encoder = new TextEncoder();
    const entries = Object.fromEntries([...files].map(([path, text]) => [path, encoder.encode(text)]));
    entries['../outside.geojson'] = encoder.encode('{}');
    const result = await readDatasetPackage(zipSync(entries), 'climb.zip');
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('refused the entry')] });
  });

  it('refuses bytes that are not a zip at all', async () => {
    const result = await readDatasetPackage(new TextEncoder().encode('not a zip'), 'notes.zip');
    expect(result.ok).toBe(false);
  });
});
