/**
 * Issue 17: point tables, as a visitor's list of places or a planner's facility table come: a CSV
 * saved by Excel in China (GBK) and an XLSX, coordinates in GCJ-02 copied from 高德. Fixtures:
 * make-point-table.ts via make-gdal-fixtures.sh, one point inside each district.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { pointOnFeature } from '@turf/point-on-feature';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { Geodesic } from '../../../src/geo/geographiclib.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIRECTORY, 'import', name)));
const districts = JSON.parse(
  readFileSync(join(FIXTURES_DIRECTORY, 'import', 'luzhou-districts.geojson'), 'utf8'),
) as FeatureCollection;
const truePoints = districts.features.map((feature) => pointOnFeature(feature).geometry.coordinates);
const names = districts.features.map((feature) => feature.properties!['名称']);
const metresBetween = (first: number[], second: number[]) =>
  Geodesic.WGS84.Inverse(first[1]!, first[0]!, second[1]!, second[0]!).s12!;

describe.each(['places-gcj02-gbk.csv', 'places-gcj02.xlsx'])('%s', (name) => {
  it('becomes a point layer with its names exact, each place within a metre of where it is once GCJ-02 is converted', async () => {
    const outcome = await importBytes({
      bytes: bytesOf(name),
      fileName: name,
      coordinateSystem: 'gcj02',
      boundaries: null,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.summary.format).toBe(name.endsWith('.csv') ? 'csv' : 'xlsx');
    expect(outcome.collection.features.map((feature) => feature.properties!['名称'])).toEqual(names);
    expect(outcome.summary.measurement).toMatchObject({ featureCount: 7, skipped: { points: 7 } });
    outcome.collection.features.forEach((feature, index) =>
      expect(metresBetween((feature.geometry as Point).coordinates, truePoints[index]!)).toBeLessThan(1),
    );
    const notes = outcome.summary.notes.map((note) => note.en).join('\n');
    expect(notes).toContain('Coordinates from the columns 经度 / 纬度');
    if (name.endsWith('.csv')) expect(notes).toMatch(/not valid UTF-8: read as GB18030/);
  });

  it('read as WGS84, lies hundreds of metres off: the GCJ-02 offset is real', async () => {
    const outcome = await importBytes({
      bytes: bytesOf(name),
      fileName: name,
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(
      metresBetween((outcome.collection.features[0]!.geometry as Point).coordinates, truePoints[0]!),
    ).toBeGreaterThan(200);
  });
});

describe('point tables that do not fit', () => {
  const csv = (text: string) =>
    importBytes({
      bytes: new TextEncoder().encode(text),
      fileName: 'list.csv',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });

  it('without coordinate columns: refused, naming the columns found', async () => {
    const outcome = await csv('名称,地址\n泸州站,龙马潭区\n');
    expect(!outcome.ok && outcome.message).toMatch(/^list\.csv: no coordinate columns found among "名称", "地址"/);
  });

  it('reads the columns the planner chose instead of the ones found by name, and says which', async () => {
    const text = 'name,lon,lat,东经_测量,北纬_测量\nA,105.44,28.88,105.50,28.90\n';
    const run = (pointColumns: { longitude: string; latitude: string } | null) =>
      importBytes({
        bytes: new TextEncoder().encode(text),
        fileName: 'list.csv',
        coordinateSystem: 'wgs84',
        boundaries: null,
        pointColumns,
      });
    const detected = await run(null);
    const chosen = await run({ longitude: '东经_测量', latitude: '北纬_测量' });
    if (!detected.ok || !chosen.ok) throw new Error('refused');
    expect(detected.summary.pointColumns).toEqual({
      headers: ['name', 'lon', 'lat', '东经_测量', '北纬_测量'],
      longitude: 'lon',
      latitude: 'lat',
    });
    expect((detected.collection.features[0]!.geometry as Point).coordinates).toEqual([105.44, 28.88]);
    expect(chosen.summary.pointColumns).toMatchObject({ longitude: '东经_测量', latitude: '北纬_测量' });
    expect((chosen.collection.features[0]!.geometry as Point).coordinates).toEqual([105.5, 28.9]);
    expect(chosen.collection.features[0]!.properties).toEqual({ name: 'A', lon: '105.44', lat: '28.88' });
    expect(chosen.summary.notes.map((note) => note.en).join('\n')).toContain(
      'Coordinates from the columns 东经_测量 / 北纬_测量, as chosen.',
    );
  });

  it('takes lon/lat headers with units, and keeps rows without coordinates unplaced, counted', async () => {
    const outcome = await csv('name,Longitude (°),Latitude (°)\nA,105.44,28.88\nB,,\nC,105.45,28.89\n');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.summary.measurement).toMatchObject({ featureCount: 3, skipped: { points: 2, nullGeometries: 1 } });
    expect(outcome.summary.notes.map((note) => note.en).join('\n')).toMatch(
      /1 row\(s\) have no readable coordinates \(line 3\)/,
    );
  });
});
