/**
 * Issue 17: GeoPackages (QGIS's default format) through sql.js, as the import worker reads them:
 * every feature table offered, one read, its SRS honoured. Fixtures from ogr2ogr
 * (tests/fixtures/import/make-gdal-fixtures.sh); hostile blobs and databases built here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import type { FeatureCollection } from 'geojson';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { wkbToGeometry, WkbProblem } from '../../../src/data/import/wkb.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIRECTORY, 'import', name)));
const original = JSON.parse(
  readFileSync(join(FIXTURES_DIRECTORY, 'import', 'luzhou-districts.geojson'), 'utf8'),
) as FeatureCollection;
const areaOf = (feature: FeatureCollection['features'][number]) =>
  measureCollection({ type: 'FeatureCollection', features: [feature] }).totalAreaM2;
const run = (bytes: Uint8Array, fileName: string, table?: string) =>
  importBytes({ bytes, fileName, coordinateSystem: 'wgs84', boundaries: null, table: table ?? null });

async function imported(bytes: Uint8Array, fileName: string, table?: string) {
  const outcome = await run(bytes, fileName, table);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

function expectDistricts(
  collection: FeatureCollection,
  areas: Float64Array,
  expected: FeatureCollection['features'],
  tolerance: number,
) {
  expect(collection.features.map((feature) => feature.properties!['名称'])).toEqual(
    expected.map((feature) => feature.properties!['名称']),
  );
  expected.forEach((feature, index) =>
    expect(Math.abs(areas[index]! - areaOf(feature)) / areaOf(feature)).toBeLessThan(tolerance),
  );
}

describe('GeoPackage', () => {
  it('offers both feature tables, reads the first, and names the others', async () => {
    const outcome = await imported(bytesOf('districts-two-tables.gpkg'), 'districts.gpkg');
    expect(outcome.summary.format).toBe('geopackage');
    expect(outcome.summary.geoPackageTables).toEqual({ tables: ['市辖区', '县'], table: '市辖区' });
    expectDistricts(outcome.collection, outcome.featureAreasM2, original.features.slice(0, 3), 1e-6);
    expect(outcome.summary.notes.map((note) => note.en).join('\n')).toMatch(
      /2 feature tables \(市辖区、县\); 市辖区 was read/,
    );
  });

  it('reads the table the planner chose', async () => {
    const outcome = await imported(bytesOf('districts-two-tables.gpkg'), 'districts.gpkg', '县');
    expect(outcome.summary.geoPackageTables?.table).toBe('县');
    expectDistricts(outcome.collection, outcome.featureAreasM2, original.features.slice(3), 1e-6);
  });

  it('honours the SRS table: CGCS2000 Gauss-Krüger zone 35 back to WGS84, areas within 1e-10', async () => {
    const outcome = await imported(bytesOf('districts-epsg4523.gpkg'), 'districts-4523.gpkg');
    expectDistricts(outcome.collection, outcome.featureAreasM2, original.features, 1e-10);
    expect(outcome.summary.notes.map((note) => note.en).join('\n')).toMatch(
      /Reprojected from CGCS2000 \/ 3-degree Gauss-Kruger zone 35 \(the GeoPackage's SRS\) to WGS84/,
    );
  });

  it('refuses an SQLite database that is not a GeoPackage, and a .gpkg that is not SQLite', async () => {
    const SQL = await initSqlJs();
    const database = new SQL.Database();
    database.prepare('CREATE TABLE notes (text TEXT)').step();
    const bytes = (database as unknown as { export(): Uint8Array }).export();
    const outcome = await run(bytes, 'notes.gpkg');
    expect(!outcome.ok && outcome.message).toMatch(/^notes\.gpkg: an SQLite file without GeoPackage's feature tables/);
    const text = await run(new TextEncoder().encode('not a database'), 'fake.gpkg');
    expect(!text.ok && text.message).toMatch(/^fake\.gpkg: not an SQLite database/);
  });
});

describe('a damaged GeoPackage', () => {
  it('is refused with a message naming the file, whichever query reaches the damage (found by mutated-files fuzzing)', async () => {
    const bytes = bytesOf('districts-two-tables.gpkg');
    // Page 17 (4 KB pages) holds feature rows in this fixture: overwritten, SQLite reports it only when the table is read.
    bytes.fill(0xff, 16 * 4096, 17 * 4096);
    const outcome = await run(bytes, 'damaged.gpkg');
    expect(!outcome.ok && outcome.message).toMatch(
      /^damaged\.gpkg: the GeoPackage is damaged \(database disk image is malformed\)/,
    );
  });
});

describe('WKB', () => {
  const point = (x: number, y: number) => {
    const bytes = new Uint8Array(21);
    const view = new DataView(bytes.buffer);
    bytes[0] = 1;
    view.setUint32(1, 1, true);
    view.setFloat64(5, x, true);
    view.setFloat64(13, y, true);
    return bytes;
  };

  it('reads a point, big- or little-endian, and ISO Z', () => {
    expect(wkbToGeometry(point(105.4, 28.9))).toEqual({ type: 'Point', coordinates: [105.4, 28.9] });
    const big = new Uint8Array(21);
    const view = new DataView(big.buffer);
    view.setUint32(1, 1);
    view.setFloat64(5, 105.4);
    view.setFloat64(13, 28.9);
    expect(wkbToGeometry(big)).toEqual({ type: 'Point', coordinates: [105.4, 28.9] });
    const z = new Uint8Array(29);
    const zView = new DataView(z.buffer);
    z[0] = 1;
    zView.setUint32(1, 1001, true);
    zView.setFloat64(5, 1, true);
    zView.setFloat64(13, 2, true);
    zView.setFloat64(21, 3, true);
    expect(wkbToGeometry(z)).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
  });

  it('refuses a count larger than the bytes present, without allocating it', () => {
    const line = new Uint8Array(9);
    const view = new DataView(line.buffer);
    line[0] = 1;
    view.setUint32(1, 2, true);
    view.setUint32(5, 0xffffffff, true);
    expect(() => wkbToGeometry(line)).toThrow(WkbProblem);
    expect(() => wkbToGeometry(point(1, 2).subarray(0, 15))).toThrow(/cut short/);
  });
});
