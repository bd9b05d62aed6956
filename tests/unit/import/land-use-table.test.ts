/**
 * Land-use tables must agree with the stats CLI for the same input (areas and counts exactly), and
 * their green-space ratios must be the green land inside each category's merged area.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { collectionLandUseTable, dissolvedGreenLand, zoneLandUseTable } from '../../../src/analysis/land-use-table.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { runStats } from '../../../scripts/stats/run-stats.ts';
import { directoryReader, FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';
import { computeZoneStatistics } from '../../../src/analysis/zone-statistics.ts';

const importFixture = (name: string) => join(FIXTURES_DIRECTORY, 'import', name);

async function statsJson(
  argv: string[],
): Promise<{ totalAreaM2: number; groups: { key: string | null; areaM2: number; count: number }[] }> {
  let stdout = '';
  const code = await runStats([...argv, '--json'], {
    readText: (path) => readFile(path, 'utf8'),
    stdout: (text) => (stdout += text),
    stderr: () => {},
  });
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

async function collectionOf(name: string): Promise<FeatureCollection> {
  const parsed = parseGeoJson(await readFile(importFixture(name), 'utf8'), name);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.collection;
}

async function fixtureDataset() {
  const result = await loadDataset(directoryReader('dataset'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.dataset;
}

describe('land-use table of a planner’s file', () => {
  it('has exactly the stats CLI’s areas and counts for the same file and property', async () => {
    const collection = await collectionOf('mixed-types.geojson');
    const table = collectionLandUseTable(collection, 'land_use', { kind: 'imported', layerId: 'a' });
    const cli = await statsJson([importFixture('mixed-types.geojson'), '--by', 'land_use']);
    expect(table.rows.map(({ key, areaM2, count }) => ({ key, areaM2, count }))).toEqual(cli.groups);
    expect(table.totalAreaM2).toBe(cli.totalAreaM2);
    expect(table.rows.map((row) => row.key)).toEqual(
      measureCollection(collection, { by: 'land_use' }).groups!.map((group) => group.key),
    );
  });

  it('gives shares of the total that add up to one, and counts points, lines and null geometries as skipped', async () => {
    const table = collectionLandUseTable(await collectionOf('mixed-types.geojson'), 'land_use', {
      kind: 'imported',
      layerId: 'a',
    });
    expect(table.rows.reduce((sum, row) => sum + row.share!, 0)).toBeCloseTo(1, 12);
    expect(table.skipped).toEqual({ points: 1, lines: 1, nullGeometries: 1 });
    expect(table.featureCount).toBe(8);
    // The feature without land_use is its own row, keyed null.
    expect(table.rows.some((row) => row.key === null && row.count === 1)).toBe(true);
  });

  it('groups by geometry type for "kind" and by the whole file for "layer" when the file has neither property', async () => {
    const collection = await collectionOf('mixed-types.geojson');
    const byKind = collectionLandUseTable(collection, 'kind', { kind: 'imported', layerId: 'a' });
    expect(byKind.rows.map((row) => row.key).sort()).toEqual(['MultiPolygon', 'Polygon']);
    const byLayer = collectionLandUseTable(
      collection,
      'layer',
      { kind: 'imported', layerId: 'a' },
      { layerName: 'mixed-types.geojson' },
    );
    expect(byLayer.rows).toHaveLength(1);
    expect(byLayer.rows[0]).toMatchObject({
      key: 'mixed-types.geojson',
      areaM2: measureCollection(collection).totalAreaM2,
      count: 5,
    });
  });

  it('measures the green land of the zone inside each category, merged', async () => {
    const dataset = await fixtureDataset();
    const greenLand = dissolvedGreenLand(dataset);
    // The fixture dataset's green layer itself, as a planner's file: every category is all green.
    const green = dataset.layers.find((layer) => layer.definition.green)!.features;
    const table = collectionLandUseTable(green, 'kind', { kind: 'imported', layerId: 'g' }, { greenLand });
    for (const row of table.rows) expect(row.greenSpaceRatio).toBeCloseTo(1, 6);
  });

  it('skips the green-space ratio of a category above the vertex limit and says why', async () => {
    const dataset = await fixtureDataset();
    const table = collectionLandUseTable(
      await collectionOf('mixed-types.geojson'),
      'land_use',
      { kind: 'imported', layerId: 'a' },
      { greenLand: dissolvedGreenLand(dataset), vertexLimit: 6 },
    );
    const industrial = table.rows.find((row) => row.key === 'industrial')!;
    expect(industrial.greenSpaceRatio).toBeNull();
    expect(
      table.notes.some((note) => note.en.includes('industrial') && note.en.includes('more than 6 polygon vertices')),
    ).toBe(true);
  });
});

describe('land-use table of the zone', () => {
  it('matches measureCollection over the non-context layers and divides by the zone boundary’s area', async () => {
    const dataset = await fixtureDataset();
    const table = zoneLandUseTable(dataset, 'layer');
    const counted: FeatureCollection = {
      type: 'FeatureCollection',
      features: dataset.layers
        .filter((layer) => layer.definition.role !== 'context')
        .flatMap((layer) => layer.features.features),
    };
    const expected = measureCollection(counted, { by: 'layer' }).groups!;
    expect(table.rows.map(({ key, areaM2, count }) => ({ key, areaM2, count }))).toEqual(expected);
    const statistics = computeZoneStatistics(dataset);
    expect(table.denominatorM2).toBeCloseTo(statistics.summary.zoneAreaM2, 3);
    expect(table.rows.find((row) => row.key === 'zone')!.share).toBeCloseTo(1, 9);
  });

  it('gives the zone row the zone’s own green-space ratio', async () => {
    const dataset = await fixtureDataset();
    const table = zoneLandUseTable(dataset, 'layer');
    const statistics = computeZoneStatistics(dataset);
    expect(table.rows.find((row) => row.key === 'zone')!.greenSpaceRatio).toBeCloseTo(
      statistics.summary.greenSpaceRatio!,
      9,
    );
  });
});
