import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import gcoord from 'gcoord';
import { toWgs84 } from '../../../src/data/coordinate-systems.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';

// 江阳区人民政府 in WGS84 (zone-facts, high confidence).
const governmentWgs84: [number, number] = [105.4415, 28.8859];

function collectionAt(position: number[]): FeatureCollection {
  return deepFreeze({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: '江阳区人民政府' }, geometry: { type: 'Point', coordinates: position } },
    ],
  });
}

describe('toWgs84', () => {
  it('undoes the GCJ-02 offset (≈ 490 m near Luzhou) without touching the input', () => {
    const gcj = gcoord.transform([...governmentWgs84] as [number, number], gcoord.WGS84, gcoord.GCJ02);
    // The offset the facts file reports near Luzhou: WGS84 ≈ GCJ-02 − 0.0036° lon, + 0.0030° lat.
    expect(gcj[0] - governmentWgs84[0]).toBeCloseTo(0.0036, 3);
    expect(governmentWgs84[1] - gcj[1]).toBeCloseTo(0.003, 3);
    const input = collectionAt(gcj);
    const converted = toWgs84(input, 'gcj02');
    const position = (converted.features[0]!.geometry as Point).coordinates;
    expect(position[0]).toBeCloseTo(governmentWgs84[0], 5);
    expect(position[1]).toBeCloseTo(governmentWgs84[1], 5);
    expect((input.features[0]!.geometry as Point).coordinates).toEqual(gcj);
    expect(converted.features[0]!.properties).toEqual({ name: '江阳区人民政府' });
  });

  it('undoes BD-09 as well, and leaves WGS84 as it is', () => {
    const bd = gcoord.transform([...governmentWgs84] as [number, number], gcoord.WGS84, gcoord.BD09);
    const position = (toWgs84(collectionAt(bd), 'bd09').features[0]!.geometry as Point).coordinates;
    expect(position[0]).toBeCloseTo(governmentWgs84[0], 5);
    expect(position[1]).toBeCloseTo(governmentWgs84[1], 5);
    const wgs = collectionAt(governmentWgs84);
    expect(toWgs84(wgs, 'wgs84')).toBe(wgs);
  });
});
