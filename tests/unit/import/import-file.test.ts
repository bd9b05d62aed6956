/**
 * A planner's files through the import core, as the worker runs it: every supported format,
 * odd-but-valid files taken, hostile ones refused with a message naming the file, the problem and
 * where. Each fixture is described in tests/fixtures/import/make-fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import { importBytes, type ImportOutcome } from '../../../src/analysis/import-and-measure.ts';
import { indexBoundaries } from '../../../src/data/import/coordinate-suggestion.ts';
import { MAXIMUM_FILE_BYTES } from '../../../src/data/import/import-limits.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

const districts = JSON.parse(
  readFileSync(join(FIXTURES_DIRECTORY, '../../geodata/districts.geojson'), 'utf8'),
) as FeatureCollection;
const boundaries = indexBoundaries(districts);
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIRECTORY, 'import', name)));

async function importFixture(
  name: string,
  options: { fileName?: string; coordinateSystem?: 'wgs84' | 'gcj02' | 'bd09' } = {},
): Promise<ImportOutcome> {
  return importBytes({
    bytes: bytesOf(name),
    fileName: options.fileName ?? name,
    coordinateSystem: options.coordinateSystem ?? 'wgs84',
    boundaries,
  });
}

async function imported(name: string, options?: Parameters<typeof importFixture>[1]) {
  const outcome = await importFixture(name, options);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

async function failure(name: string, options?: Parameters<typeof importFixture>[1]): Promise<string> {
  const outcome = await importFixture(name, options);
  if (outcome.ok) throw new Error(`${name} was accepted`);
  return outcome.message;
}

describe('GeoJSON', () => {
  it('takes mixed geometry types, holes, clockwise rings and null geometries, measuring as the stats CLI does', async () => {
    const outcome = await imported('mixed-types.geojson');
    const parsed = parseGeoJson(readFileSync(join(FIXTURES_DIRECTORY, 'import', 'mixed-types.geojson'), 'utf8'), 'x');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(outcome.summary.measurement).toEqual(measureCollection(parsed.collection));
    expect(outcome.summary.measurement.skipped).toEqual({ points: 1, lines: 1, nullGeometries: 1 });
    expect(outcome.summary.format).toBe('geojson');
    expect(outcome.summary.propertyNames).toEqual(['name', 'land_use']);
    // One area per feature in file order, the order the map numbers them; the clockwise ring counts positive.
    expect(outcome.featureAreasM2).toHaveLength(8);
    expect(outcome.featureAreasM2[1]).toBeGreaterThan(0);
    expect(outcome.featureAreasM2[2]!).toBeLessThan(outcome.featureAreasM2[0]! * 2.25);
    expect([...outcome.featureAreasM2].slice(4, 7)).toEqual([0, 0, 0]);
    // Each feature's area is the one the stats code measures for that feature alone, and they add up to the total.
    outcome.featureAreasM2.forEach((areaM2, index) => {
      expect(areaM2).toBe(
        measureCollection({ type: 'FeatureCollection', features: [parsed.collection.features[index]!] }).totalAreaM2,
      );
    });
    expect([...outcome.featureAreasM2].reduce((sum, areaM2) => sum + areaM2, 0)).toBeCloseTo(
      outcome.summary.measurement.totalAreaM2,
      6,
    );
    expect(outcome.summary.totalLengthM).toBeGreaterThan(3800);
    expect(outcome.summary.notes.map((note) => note.en).join(' ')).toMatch(/1 feature\(s\) have no geometry/);
    // WGS84 GeoJSON without a BOM goes to the map as the planner's own bytes.
    expect(outcome.geoJsonText).toBeNull();
  });

  it('takes a file with a byte-order mark, re-serialised for the map', async () => {
    const outcome = await imported('bom.geojson');
    expect(outcome.summary.measurement.featureCount).toBe(2);
    expect(JSON.parse(outcome.geoJsonText!).features).toHaveLength(2);
  });

  it('takes a bare geometry and a single Feature as one feature each', async () => {
    expect((await imported('bare-geometry.geojson')).featureAreasM2).toHaveLength(1);
    const single = await imported('single-feature.geojson');
    expect(single.featureAreasM2).toHaveLength(1);
    expect(single.summary.propertyNames).toEqual(['name']);
  });

  it('takes a file of only points and lines, counted, with no area', async () => {
    const outcome = await imported('lines-and-points.geojson');
    expect(outcome.summary.measurement).toMatchObject({
      totalAreaM2: 0,
      featureCount: 2,
      skipped: { points: 1, lines: 1, nullGeometries: 0 },
    });
  });

  it('keeps hostile names as plain property text and the hostile file name in messages as text', async () => {
    const outcome = await imported('hostile-names.geojson', { fileName: '<img src=x onerror=alert(1)>.geojson' });
    expect(outcome.collection.features[0]!.properties!.name).toBe('<img src=x onerror=alert(1)>');
    expect(outcome.summary.propertyNames).toContain('<b onmouseover=alert(4)>');
    expect(await failure('truncated.geojson', { fileName: '<script>alert(1)</script>.geojson' })).toMatch(
      /^<script>alert\(1\)<\/script>\.geojson: not valid JSON/,
    );
  });

  it('refuses a truncated file with the line and column where it ends', async () => {
    expect(await failure('truncated.geojson')).toMatch(/^truncated\.geojson: not valid JSON: .* at line 1, column \d+/);
  });

  it('refuses an empty file', async () => {
    expect(await failure('empty.geojson')).toBe('empty.geojson: the file is empty (文件为空)');
  });

  it('refuses a file over the size limit before reading it, saying the size and the limit', async () => {
    const outcome = await importBytes({
      bytes: new Uint8Array(MAXIMUM_FILE_BYTES + 1),
      fileName: 'huge.geojson',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/^huge\.geojson: the file is 200 MB, more than the 200 MB/);
  });

  it('refuses a file with no features', async () => {
    const outcome = await importBytes({
      bytes: new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
      fileName: 'none.geojson',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    expect(!outcome.ok && outcome.message).toMatch(/^none\.geojson: the file has no features/);
  });
});

describe('KML and GPX', () => {
  it('converts KML polygons with holes, points and lines; names stay text', async () => {
    const outcome = await imported('places.kml');
    expect(outcome.summary.format).toBe('kml');
    expect(outcome.summary.measurement.skipped).toMatchObject({ points: 1, lines: 1 });
    const polygon = outcome.collection.features.find((feature) => feature.geometry?.type === 'Polygon')!;
    expect(polygon.properties!.name).toBe('<img src=x onerror=alert(1)> 地块');
    expect((polygon.geometry as { coordinates: Position[][] }).coordinates).toHaveLength(2);
    expect(outcome.featureAreasM2[0]).toBeGreaterThan(0);
  });

  it('converts a GPX track and waypoint', async () => {
    const outcome = await imported('track.gpx');
    expect(outcome.summary.format).toBe('gpx');
    expect(outcome.summary.measurement.skipped).toMatchObject({ points: 1, lines: 1 });
    expect(outcome.summary.totalLengthM).toBeGreaterThan(1000);
  });

  it('refuses a KML with a DTD or entities before parsing', async () => {
    expect(await failure('entity.kml')).toMatch(
      /^entity\.kml: contains a document type or entity declaration \(<!DOCTYPE\) at line 2/,
    );
  });

  it('refuses malformed XML with the line and column the parser stopped at', async () => {
    expect(await failure('broken.kml')).toMatch(
      /^broken\.kml: not well-formed XML: .*"name" != "nam".* at line 4, column \d+/,
    );
  });
});

describe('zipped Shapefile', () => {
  it('reprojects by the .prj and says from what', async () => {
    const outcome = await imported('parcels-utm48n.zip');
    expect(outcome.summary.format).toBe('shapefile');
    expect(outcome.summary.notes.map((note) => note.en)).toContain(
      'Reprojected from WGS_1984_UTM_Zone_48N (its .prj) to WGS84.',
    );
    expect(outcome.collection.features.map((feature) => feature.properties!.NAME)).toEqual([
      '工业地块',
      '公园',
      '居住',
    ]);
    const [west, south] = outcome.summary.bbox!;
    expect(west).toBeCloseTo(105.43, 6);
    expect(south).toBeCloseTo(28.88, 6);
    // The park's pond is a hole: its area is the outer square's minus the pond's.
    expect(outcome.featureAreasM2[1]! / outcome.featureAreasM2[0]!).toBeCloseTo((36 - 4) / 16, 2);
  });

  it('names the missing .shp and lists what the zip holds', async () => {
    expect(await failure('missing-shp.zip')).toMatch(
      /^missing-shp\.zip: the zip has no \.shp file \(found: parcels\.dbf, parcels\.prj\)/,
    );
  });

  it('says a projected Shapefile without .prj cannot be placed, and which zone its metres suggest', async () => {
    // UTM 48N metres without a zone number: read as Gauss-Krüger on 105°E, the meridian both share here.
    expect(await failure('no-prj-projected.zip')).toMatch(
      /^no-prj-projected\.zip: the zip has no parcels\.prj and its coordinates are metres, not degrees.*central meridian 105°E/,
    );
  });

  it('refuses a .zip that is not a zip', async () => {
    expect(await failure('not-a-zip.zip')).toMatch(/^not-a-zip\.zip: not a zip archive/);
  });

  it('refuses a zip whose members claim to inflate absurdly, before inflating', async () => {
    const bytes = bytesOf('parcels-utm48n.zip');
    // Rewrite the .shp's uncompressed size in the central directory to 3 GB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset < bytes.length - 4; offset++) {
      if (view.getUint32(offset, true) === 0x02014b50) {
        view.setUint32(offset + 24, 3_000_000_000, true);
        break;
      }
    }
    const outcome = await importBytes({ bytes, fileName: 'bomb.zip', coordinateSystem: 'wgs84', boundaries: null });
    expect(!outcome.ok && outcome.message).toMatch(
      /^bomb\.zip: its Shapefile would unzip to \d+ MB, more than the 400 MB/,
    );
  });
});

describe('GCJ-02 and BD-09', () => {
  it('suggests GCJ-02 for a real GCJ-02 cut of the district boundary', async () => {
    const suggestion = (await imported('jiangyang-gcj02.geojson')).summary.coordinateSystemSuggestion;
    expect(suggestion?.coordinateSystem).toBe('gcj02');
    expect(suggestion!.medianOffsetBeforeM).toBeGreaterThan(200);
    expect(suggestion!.medianOffsetAfterM).toBeLessThan(10);
  });

  it('suggests nothing for the same cut in WGS84, or for a file far from Luzhou', async () => {
    expect((await imported('jiangyang-wgs84.geojson')).summary.coordinateSystemSuggestion).toBeNull();
    expect((await imported('far-away.geojson')).summary.coordinateSystemSuggestion).toBeNull();
    expect((await imported('mixed-types.geojson')).summary.coordinateSystemSuggestion).toBeNull();
  });

  it('suggests BD-09 for a BD-09 file', async () => {
    expect((await imported('jiangyang-bd09.geojson')).summary.coordinateSystemSuggestion?.coordinateSystem).toBe(
      'bd09',
    );
  });

  it('converts when told, lands on the WGS84 cut, and says what it was converted from', async () => {
    const converted = await imported('jiangyang-gcj02.geojson', { coordinateSystem: 'gcj02' });
    const wgs84 = await imported('jiangyang-wgs84.geojson');
    const first = (outcome: typeof converted) =>
      (outcome.collection.features[0]!.geometry as { coordinates: Position[] }).coordinates[0]!;
    expect(first(converted)[0]).toBeCloseTo(first(wgs84)[0]!, 5);
    expect(first(converted)[1]).toBeCloseTo(first(wgs84)[1]!, 5);
    expect(converted.summary.coordinateSystem).toBe('gcj02');
    expect(converted.summary.coordinateSystemSuggestion).toBeNull();
    expect(converted.geoJsonText).not.toBeNull();
  });
});
