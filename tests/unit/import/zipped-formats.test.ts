/**
 * Issue 17: zips that are not Shapefiles. A KMZ (zipped KML with folders, as field apps export)
 * reads through the same byte-capped unzip; a zipped File Geodatabase is refused with the exact
 * ogr2ogr command that converts it. Fixtures: tests/fixtures/import/make-gdal-fixtures.sh.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';
import { buildZip } from '../../fixtures/import/build-zip.ts';

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIRECTORY, 'import', name)));
const original = JSON.parse(
  readFileSync(join(FIXTURES_DIRECTORY, 'import', 'luzhou-districts.geojson'), 'utf8'),
) as FeatureCollection;
const run = (bytes: Uint8Array, fileName: string) =>
  importBytes({ bytes, fileName, coordinateSystem: 'wgs84', boundaries: null });

describe('KMZ', () => {
  it('reads the KML inside, its folders kept as a property, names exact and areas those of the GeoJSON', async () => {
    const outcome = await run(bytesOf('districts-folders.kmz'), 'districts-folders.kmz');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.summary.format).toBe('kmz');
    const properties = outcome.collection.features.map((feature) => feature.properties!);
    expect(properties.map((entry) => entry['名称'])).toEqual(
      original.features.map((feature) => feature.properties!['名称']),
    );
    expect(properties.map((entry) => entry['folder'])).toEqual(['市辖区', '市辖区', '市辖区', '县', '县', '县', '县']);
    original.features.forEach((feature, index) => {
      const expected = measureCollection({ type: 'FeatureCollection', features: [feature] }).totalAreaM2;
      expect(Math.abs(outcome.featureAreasM2[index]! - expected) / expected).toBeLessThan(1e-6);
    });
    expect(
      measureCollection(outcome.collection, { by: 'folder' })
        .groups!.map((group) => group.count)
        .sort(),
    ).toEqual([3, 4]);
    expect(outcome.summary.notes.map((note) => note.en).join('\n')).toMatch(
      /KMZ: read doc\.kml inside it[\s\S]*"folder"/,
    );
  });

  it('is inflated with the same cap: a doc.kml that lies about its size is refused, named', async () => {
    const kml =
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>' + ' '.repeat(8 * 1024 * 1024) + '</Document></kml>';
    const zip = buildZip([{ name: 'doc.kml', content: new TextEncoder().encode(kml), declaredBytes: 200 }]);
    const outcome = await run(zip, 'places.kmz');
    expect(!outcome.ok && outcome.message).toMatch(
      /^places\.kmz: doc\.kml inflates to more than the 200 bytes its zip directory declares/,
    );
  });

  it('refuses a .kmz that is not a zip', async () => {
    const outcome = await run(new TextEncoder().encode('hello'), 'field.kmz');
    expect(!outcome.ok && outcome.message).toMatch(/^field\.kmz: not a zip archive .* so not a KMZ/);
  });
});

describe('File Geodatabase', () => {
  it('is refused with the exact ogr2ogr commands that convert the zipped folder', async () => {
    const outcome = await run(bytesOf('districts-gdb.zip'), 'districts-gdb.zip');
    expect(outcome.ok).toBe(false);
    const message = !outcome.ok ? outcome.message : '';
    expect(message).toMatch(/^districts-gdb\.zip: holds a File Geodatabase \(districts\.gdb\)/);
    expect(message).toContain('ogr2ogr -f GPKG "districts.gpkg" "/vsizip/districts-gdb.zip/districts.gdb"');
    expect(message).toContain(
      'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 "districts_shp" "/vsizip/districts-gdb.zip/districts.gdb"',
    );
  });
});
