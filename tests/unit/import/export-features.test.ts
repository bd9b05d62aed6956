/** The exported GeoJSON parses back to the numbers the import measured, feature by feature. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withMeasurements } from '../../../src/data/import/export-features.ts';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { ellipsoidalLength } from '../../../src/geo/length.ts';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

describe('withMeasurements', () => {
  it('puts each feature’s measured area and line length on it, and the file parses back as GeoJSON with them', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIRECTORY, 'import', 'mixed-types.geojson')));
    const outcome = await importBytes({
      bytes,
      fileName: 'mixed-types.geojson',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    const text = JSON.stringify(withMeasurements(outcome.collection, outcome.featureAreasM2));
    const parsed = parseGeoJson(text, 'export.geojson');
    if (!parsed.ok) throw new Error(parsed.message);
    const properties = parsed.collection.features.map((feature) => feature.properties!);
    expect(properties.map((property) => property.measured_area_m2)).toEqual([...outcome.featureAreasM2]);
    const road = parsed.collection.features.findIndex((feature) => feature.geometry?.type === 'LineString');
    expect(properties[road]!.measured_length_m).toBe(ellipsoidalLength(outcome.collection.features[road]!.geometry));
    expect(properties[0]).toMatchObject({ name: '工业地块 A', land_use: 'industrial', measured_length_m: 0 });
    expect(parsed.nullGeometryCount).toBe(1);
  });
});
