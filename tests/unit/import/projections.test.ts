/**
 * Issue 17: Shapefiles in the projections Chinese planning data uses, projected by GDAL's ogr2ogr
 * (tests/fixtures/import/make-gdal-fixtures.sh) from luzhou-districts.geojson and read back to WGS84
 * through their .prj: each district's area within 1e-10 of the GeoJSON original's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { parseShp } from 'shpjs';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import {
  cgcs2000Definition,
  gaussKrugerZone,
  likelyGaussKrugerZone,
} from '../../../src/data/import/chinese-projections.ts';
import { readZipDirectory } from '../../../src/data/import/zip-directory.ts';
import { unzipMember } from '../../../src/data/import/capped-unzip.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIRECTORY, 'import', name)));
const original = JSON.parse(
  readFileSync(join(FIXTURES_DIRECTORY, 'import', 'luzhou-districts.geojson'), 'utf8'),
) as FeatureCollection<Polygon>;
const originalAreas = original.features.map(
  (feature) => measureCollection({ type: 'FeatureCollection', features: [feature] }).totalAreaM2,
);
const run = (name: string) =>
  importBytes({ bytes: bytesOf(name), fileName: name, coordinateSystem: 'wgs84', boundaries: null });

describe('projected Shapefiles, reprojected by their .prj', () => {
  it.each([
    ['districts-epsg4523.zip', 'CGCS2000_3_Degree_GK_Zone_35', false],
    ['districts-epsg4523-ogc.zip', 'CGCS2000 / 3-degree Gauss-Kruger zone 35', false],
    ['districts-epsg4543.zip', 'CGCS2000_3_Degree_GK_CM_102E', false],
    ['districts-epsg4490.zip', 'GCS_China_Geodetic_Coordinate_System_2000', false],
    ['districts-xian1980.zip', 'Xian_1980_3_Degree_GK_CM_105E', true],
    ['districts-beijing1954.zip', 'Beijing_1954_3_Degree_GK_CM_105E', true],
  ])(
    '%s: areas within 1e-10 of the GeoJSON, names exact, the projection named',
    async (name, projection, datumNote) => {
      const outcome = await run(name);
      if (!outcome.ok) throw new Error(outcome.message);
      outcome.featureAreasM2.forEach((areaM2, index) =>
        expect(Math.abs(areaM2 - originalAreas[index]!) / originalAreas[index]!).toBeLessThan(1e-10),
      );
      expect(outcome.collection.features.map((feature) => feature.properties!['名称'])).toEqual(
        original.features.map((feature) => feature.properties!['名称']),
      );
      const notes = outcome.summary.notes.map((note) => note.en).join('\n');
      expect(notes).toContain(`Reprojected from ${projection} (its .prj) to WGS84.`);
      // Xian 1980 and Beijing 1954 without TOWGS84: said plainly that positions are uncertain.
      expect(/gives no parameters to shift them to WGS84/.test(notes)).toBe(datumNote);
    },
  );
});

describe('the CGCS2000 definitions checked in', () => {
  it('name the zones as GDAL does', () => {
    expect(gaussKrugerZone(4523)).toMatchObject({ centralMeridian: 105, width: 3, zoneInEasting: true });
    expect(gaussKrugerZone(4543)).toMatchObject({ centralMeridian: 102, width: 3, zoneInEasting: false });
    expect(gaussKrugerZone(4544)?.centralMeridian).toBe(105);
    expect(gaussKrugerZone(4497)).toMatchObject({ centralMeridian: 111, width: 6, zoneInEasting: true });
    expect(gaussKrugerZone(4508)).toMatchObject({ centralMeridian: 111, width: 6, zoneInEasting: false });
    expect(gaussKrugerZone(4326)).toBeNull();
  });

  it.each([4523, 4543])("EPSG:%i takes GDAL's projected metres back to the GeoJSON's degrees within 1e-9°", (epsg) => {
    const zip = bytesOf(`districts-epsg${epsg}.zip`);
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error(directory.problem);
    const shp = unzipMember(zip, directory.members.find((member) => member.name.endsWith('.shp'))!, 1 << 22);
    if (!shp.ok) throw new Error(shp.problem);
    const metres = parseShp(new DataView(shp.bytes.buffer, shp.bytes.byteOffset, shp.bytes.byteLength)) as Polygon[];
    const converter = proj4(cgcs2000Definition(epsg)!, 'EPSG:4326');
    original.features.forEach((feature, index) => {
      const expected = feature.geometry.coordinates[0]!;
      // Shapefile rings run clockwise and GeoJSON's anticlockwise: compared as sets of vertices.
      const ring = metres[index]!.coordinates[0]!.map((position: Position) =>
        converter.forward([position[0]!, position[1]!]),
      );
      const matched = expected.every((position) =>
        ring.some(
          (candidate) => Math.abs(candidate[0]! - position[0]!) < 1e-9 && Math.abs(candidate[1]! - position[1]!) < 1e-9,
        ),
      );
      expect(matched).toBe(true);
    });
  });
});

describe('a Shapefile in metres without a .prj', () => {
  it('is refused with the likely Gauss-Krüger zone and the command that gives it its .prj', async () => {
    const outcome = await run('districts-gk-no-prj.zip');
    const message = !outcome.ok ? outcome.message : '';
    expect(message).toMatch(/^districts-gk-no-prj\.zip: the zip has no districts\.prj and its coordinates are metres/);
    expect(message).toContain('zone 35 in the false easting');
    expect(message).toContain('CGCS2000 / 3-degree Gauss-Kruger zone 35 (EPSG:4523, central meridian 105°E)');
    expect(message).toContain('ogr2ogr -a_srs EPSG:4523 -lco ENCODING=UTF-8 "with-prj.shp" "districts.shp"');
  });

  it('offers the zone, and read in it the districts come back with their areas, the assumed datum noted', async () => {
    const refused = await run('districts-gk-no-prj.zip');
    expect(!refused.ok && refused.suggestedProjection).toBe(4523);
    const outcome = await importBytes({
      bytes: bytesOf('districts-gk-no-prj.zip'),
      fileName: 'districts-gk-no-prj.zip',
      coordinateSystem: 'wgs84',
      boundaries: null,
      projection: 4523,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    outcome.featureAreasM2.forEach((areaM2, index) =>
      expect(Math.abs(areaM2 - originalAreas[index]!) / originalAreas[index]!).toBeLessThan(1e-10),
    );
    expect(outcome.summary.notes.map((note) => note.en).join('\n')).toContain(
      'read as CGCS2000 / 3-degree Gauss-Kruger zone 35 (EPSG:4523), as chosen, assuming the CGCS2000 datum',
    );
  });

  it('guesses the central meridian near Luzhou when the easting has no zone number, and says it is a guess', () => {
    expect(likelyGaussKrugerZone([520_000, 3_180_000, 560_000, 3_200_000])).toMatchObject({
      epsg: 4544,
      centralMeridian: 105,
      zoneInEasting: false,
    });
    expect(likelyGaussKrugerZone([18_520_000, 3_180_000, 18_560_000, 3_200_000])).toMatchObject({
      epsg: 4496,
      centralMeridian: 105,
      width: 6,
    });
    expect(likelyGaussKrugerZone([105.3, 28.8, 105.6, 29.0])).toBeNull();
    expect(likelyGaussKrugerZone([300_000, 5_000, 400_000, 9_000])).toBeNull();
  });
});
