import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { ellipsoidalLength, geodesicDistance } from '../../../src/geo/length.ts';

describe('ellipsoidalLength', () => {
  // Vincenty's classic test line (Flinders Peak to Buninyong), 54 972.271 m on the GRS80/WGS84 ellipsoid.
  it('reproduces a published geodesic distance to the millimetre', () => {
    const flindersPeak: Position = [144 + 25 / 60 + 29.5244 / 3600, -(37 + 57 / 60 + 3.7203 / 3600)];
    const buninyong: Position = [143 + 55 / 60 + 35.3839 / 3600, -(37 + 39 / 60 + 10.1561 / 3600)];
    expect(geodesicDistance(flindersPeak, buninyong)).toBeCloseTo(54972.271, 3);
  });

  it('measures one degree of meridian at 29°N as the ellipsoid has it, not the sphere', () => {
    const metres = ellipsoidalLength({
      type: 'LineString',
      coordinates: [
        [105.4, 28.5],
        [105.4, 29.5],
      ],
    });
    // Meridional radius of curvature M(29°) = a(1 − e²)/(1 − e² sin²φ)^1.5; one degree of it is
    // ≈ 110 836 m (M barely changes over the degree). A sphere of mean radius would give 111 195 m.
    const a = 6378137;
    const e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
    const sinSquared = Math.sin((29 * Math.PI) / 180) ** 2;
    const meridionalRadius = (a * (1 - e2)) / (1 - e2 * sinSquared) ** 1.5;
    expect(Math.abs(metres - (meridionalRadius * Math.PI) / 180)).toBeLessThan(1);
  });

  it('sums lines, rings of polygons and collection members; points are 0', () => {
    const leg = geodesicDistance([105.4, 28.9], [105.5, 28.9]);
    expect(
      ellipsoidalLength({
        type: 'MultiLineString',
        coordinates: [
          [
            [105.4, 28.9],
            [105.5, 28.9],
          ],
          [
            [105.4, 28.9],
            [105.5, 28.9],
          ],
        ],
      }),
    ).toBeCloseTo(2 * leg, 6);
    const ring: Position[] = [
      [105.4, 28.9],
      [105.5, 28.9],
      [105.5, 29],
      [105.4, 29],
      [105.4, 28.9],
    ];
    const perimeter = ellipsoidalLength({ type: 'Polygon', coordinates: [ring] });
    expect(
      ellipsoidalLength({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', coordinates: [ring] },
          { type: 'Point', coordinates: [105, 29] },
        ],
      }),
    ).toBe(perimeter);
    expect(perimeter).toBeGreaterThan(4 * 9_700);
    expect(ellipsoidalLength({ type: 'Point', coordinates: [105, 29] })).toBe(0);
    expect(ellipsoidalLength(null)).toBe(0);
  });
});
