import { describe, expect, test } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { importedPointName, importedPointStop, importedPointStops } from '../../../src/trip/imported-points.ts';

const collection: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { 名称: '江阳区', 类型: '区' },
      geometry: { type: 'Point', coordinates: [105.410351, 28.851479] },
    },
    {
      type: 'Feature',
      properties: { NAME: '  Naxi\u0000 ' },
      geometry: { type: 'Point', coordinates: [105.397322, 28.644102] },
    },
    { type: 'Feature', properties: { 编号: 7 }, geometry: { type: 'Point', coordinates: [105.4, 28.9] } },
    {
      type: 'Feature',
      properties: { name: 'area' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [105, 28],
            [105.1, 28],
            [105.1, 28.1],
            [105, 28],
          ],
        ],
      },
    },
    { type: 'Feature', properties: { name: 'broken' }, geometry: { type: 'Point', coordinates: [Number.NaN, 28.9] } },
    { type: 'Feature', properties: null, geometry: { type: 'MultiPoint', coordinates: [[105.5, 28.9]] } },
  ],
};

describe('imported points as trip stops', () => {
  test('names come from a name-like column, cleaned, and fall back to "point N" with the file position', () => {
    const { stops, skipped } = importedPointStops(collection);
    expect(stops.map((stop) => stop.custom!.name)).toEqual(['江阳区', 'Naxi', 'point 3', 'point 6']);
    expect(stops[0]!.custom!.point).toEqual([105.41035, 28.85148]);
    expect(skipped).toBe(1);
  });

  test('the preferred name column wins, whatever its case', () => {
    expect(importedPointName({ Title: 'b', 名称: 'a' })).toBe('a');
    expect(importedPointName({ Name: '', title: 'b' })).toBe('b');
    expect(importedPointName({ name: { nested: true } })).toBeNull();
  });

  test('a feature that is not a point is not a stop', () => {
    expect(importedPointStop(collection.features[3], 3)).toBeNull();
    expect(importedPointStop(undefined, 0)).toBeNull();
  });
});
