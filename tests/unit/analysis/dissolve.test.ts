import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { dissolve, intersection } from '../../../src/analysis/dissolve.ts';
import { ellipsoidalArea } from '../../../src/geo/area.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { rectangle } from '../../fixtures/geographiclib-oracle.ts';

describe('dissolve', () => {
  it('keeps far-apart polygons as members of one multipolygon, area unchanged', () => {
    const parts = deepFreeze([rectangle(105.4, 28.8, 105.41, 28.81), rectangle(105.5, 28.8, 105.51, 28.81)]);
    const merged = dissolve(parts)!;
    expect(merged.type).toBe('MultiPolygon');
    expect(ellipsoidalArea(merged)).toBeCloseTo(ellipsoidalArea(parts[0]!) + ellipsoidalArea(parts[1]!), 3);
  });

  it('merges polygons that share an edge into one polygon', () => {
    const merged = dissolve([rectangle(105.4, 28.8, 105.41, 28.81), rectangle(105.41, 28.8, 105.42, 28.81)])!;
    expect(merged.type).toBe('Polygon');
    expect(ellipsoidalArea(merged) / ellipsoidalArea(rectangle(105.4, 28.8, 105.42, 28.81)) - 1).toBeLessThan(1e-6);
  });

  it('counts overlaps once, also inside a single multipolygon, and ignores points and lines', () => {
    const first = rectangle(105.4, 28.8, 105.42, 28.82) as { coordinates: number[][][] };
    const second = rectangle(105.41, 28.81, 105.43, 28.83) as { coordinates: number[][][] };
    const overlapping: Geometry = { type: 'MultiPolygon', coordinates: [first.coordinates, second.coordinates] };
    const merged = dissolve([
      overlapping,
      { type: 'Point', coordinates: [105, 29] },
      {
        type: 'LineString',
        coordinates: [
          [105, 29],
          [106, 29],
        ],
      },
    ]);
    const overlap = intersection(dissolve([first as Geometry]), dissolve([second as Geometry]));
    // Inclusion–exclusion holds to rounding: the union and the intersection cut the same edges.
    const sum = ellipsoidalArea(first as Geometry) + ellipsoidalArea(second as Geometry);
    expect(Math.abs((ellipsoidalArea(merged) + ellipsoidalArea(overlap)) / sum - 1)).toBeLessThan(1e-9);
    expect(ellipsoidalArea(overlap) / ellipsoidalArea(rectangle(105.41, 28.81, 105.42, 28.82)) - 1).toBeLessThan(1e-5);
  });

  it('cuts where the geodesic edge runs, not the straight lon/lat line (T-junction on a long edge)', () => {
    // The second square's corner lies on the first one's 10 km northern edge. That geodesic bows
    // about 1 m north of 28.9° at mid-length, so the two only touch if the clipper follows it.
    const long = rectangle(105.4, 28.8, 105.5, 28.9);
    const above = rectangle(105.44, 28.9, 105.46, 28.92);
    const overlap = intersection(dissolve([long]), dissolve([above]));
    const sliver = ellipsoidalArea(overlap);
    expect(sliver).toBeGreaterThan(0);
    // The sliver between the geodesic and the parallel over 2 km near the middle: ≈ 2 km × 1 m.
    expect(sliver).toBeGreaterThan(1500);
    expect(sliver).toBeLessThan(2500);
  });

  it('returns null when there is nothing polygonal', () => {
    expect(dissolve([null, { type: 'Point', coordinates: [105, 29] }])).toBeNull();
    expect(intersection(null, dissolve([rectangle(105, 29, 105.1, 29.1)]))).toBeNull();
    expect(
      intersection(dissolve([rectangle(105, 29, 105.1, 29.1)]), dissolve([rectangle(106, 29, 106.1, 29.1)])),
    ).toBeNull();
  });
});
