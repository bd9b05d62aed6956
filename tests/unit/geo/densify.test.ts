import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { CLIPPING_EDGE_METRES, densifyPolygonal, densifyRing } from '../../../src/geo/densify.ts';
import { geodesicDistance } from '../../../src/geo/length.ts';
import { ellipsoidalArea } from '../../../src/geo/area.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';

const ring: Position[] = deepFreeze([
  [105.4, 28.8],
  [105.5, 28.8],
  [105.45, 28.9],
  [105.4, 28.8],
]);

describe('densifyRing', () => {
  it('leaves no edge longer than the limit and keeps the original vertices in order', () => {
    const densified = densifyRing(ring);
    for (let index = 1; index < densified.length; index++) {
      expect(geodesicDistance(densified[index - 1]!, densified[index]!)).toBeLessThanOrEqual(
        CLIPPING_EDGE_METRES + 1e-6,
      );
    }
    expect(densified.filter((position) => ring.some((original) => original === position))).toEqual(ring);
  });

  it('puts the new points on the geodesic, so the area does not change', () => {
    const before = ellipsoidalArea({ type: 'Polygon', coordinates: [ring] });
    const after = ellipsoidalArea(densifyPolygonal({ type: 'Polygon', coordinates: [ring] }));
    expect(Math.abs(after / before - 1)).toBeLessThan(1e-9);
  });

  it('leaves short edges alone', () => {
    const small: Position[] = [
      [105.4, 28.8],
      [105.401, 28.8],
      [105.401, 28.801],
      [105.4, 28.8],
    ];
    expect(densifyRing(small)).toEqual(small);
  });
});
