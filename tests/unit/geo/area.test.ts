import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { area as sphericalArea } from '@turf/area';
import { ellipsoidalArea, LONG_EDGE_METRES, polygonArea, ringArea } from '../../../src/geo/area.ts';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';
import { geographicLibArea, geographicLibRingArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';

const ACCURACY = 1e-6;
/**
 * GeographicLib's own area carries an absolute noise of a few 1e-5 m² (measured against a local
 * planar reference for 1 m triangles), so for polygons under ~100 m² the comparison is absolute.
 */
const ORACLE_NOISE_M2 = 1e-4;

function expectMatchesGeographicLib(geometry: Geometry) {
  const expected = geographicLibArea(geometry);
  const actual = ellipsoidalArea(geometry);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(ACCURACY * Math.abs(expected), ORACLE_NOISE_M2));
}

const METRES_PER_DEGREE = 111_000;
/** A triangle at latitude 29°N whose sides are about `side` metres, turned by `bearing` degrees. */
function triangle(side: number, bearing: number): Position[] {
  const origin: Position = [105, 29];
  const corner = (distance: number, angle: number): Position => [
    origin[0]! + (distance * Math.sin((angle * Math.PI) / 180)) / (METRES_PER_DEGREE * Math.cos((29 * Math.PI) / 180)),
    origin[1]! + (distance * Math.cos((angle * Math.PI) / 180)) / METRES_PER_DEGREE,
  ];
  return [origin, corner(side, bearing), corner(side, bearing + 60), origin];
}

describe('ellipsoidalArea against GeographicLib', () => {
  const fixtures = readdirSync(join(FIXTURES_DIRECTORY, 'in')).filter((name) => !name.startsWith('hostile-'));
  it.each(fixtures)('matches on every polygon of %s', (name) => {
    const parsed = parseGeoJson(readFileSync(join(FIXTURES_DIRECTORY, 'in', name), 'utf8'), name);
    if (!parsed.ok) throw new Error(parsed.message);
    const collection = deepFreeze(parsed.collection);
    for (const feature of collection.features) if (feature.geometry) expectMatchesGeographicLib(feature.geometry);
  });

  // Edge length is what breaks a planar-edge method: sweep it across six orders of magnitude and
  // every direction, on both sides of the long-edge threshold.
  const sides = [
    1,
    10,
    40,
    100,
    300,
    LONG_EDGE_METRES * 0.99,
    LONG_EDGE_METRES * 1.01,
    3_000,
    30_000,
    300_000,
    3_000_000,
  ];
  it.each(sides)('holds for triangles with %d m sides in every direction', (side) => {
    for (let bearing = 0; bearing < 360; bearing += 15) {
      expectMatchesGeographicLib({ type: 'Polygon', coordinates: [triangle(side, bearing)] });
    }
  });

  it('holds for a district boundary with a hole cut out and either winding', () => {
    const outer = rectangle(105.3, 28.7, 105.6, 28.95) as { coordinates: Position[][] };
    const hole = [...(rectangle(105.4, 28.8, 105.45, 28.85) as { coordinates: Position[][] }).coordinates[0]!];
    const reversedOuter = [...outer.coordinates[0]!].reverse();
    for (const rings of [
      [outer.coordinates[0]!, hole],
      [reversedOuter, [...hole].reverse()],
    ]) {
      expectMatchesGeographicLib({ type: 'Polygon', coordinates: rings });
    }
  });

  it('is about 0.13 % below Turf’s spherical area at 29°N', () => {
    const square = rectangle(105.4, 28.85, 105.41, 28.86);
    const excess = sphericalArea(square) / ellipsoidalArea(square) - 1;
    expect(excess).toBeGreaterThan(0.0012);
    expect(excess).toBeLessThan(0.0015);
  });
});

describe('ringArea', () => {
  // Regression: the first version returned a negative area for counter-clockwise rings although
  // its documentation (and the geodata builder that winds rings with it) said positive.
  it('is positive for counter-clockwise rings and negative for clockwise ones', () => {
    const name = 'regression-counter-clockwise-ring-signed-negative.geojson';
    const parsed = parseGeoJson(readFileSync(join(FIXTURES_DIRECTORY, 'in', name), 'utf8'), name);
    if (!parsed.ok) throw new Error(parsed.message);
    const ring = (parsed.collection.features[0]!.geometry as { coordinates: Position[][] }).coordinates[0]!;
    expect(ringArea(ring)).toBeGreaterThan(0);
    expect(ringArea([...ring].reverse())).toBeLessThan(0);
    expect(Math.abs(ringArea(ring)) / geographicLibRingArea(ring) - 1).toBeLessThan(ACCURACY);
  });

  // Regression: straight-in-projection edges made a 1 km triangle 2.5e-5 small at 29°N.
  it('does not lose the geodesic bulge of kilometre edges', () => {
    const ring = triangle(1000, 90);
    expect(Math.abs(Math.abs(ringArea(ring)) / geographicLibRingArea(ring) - 1)).toBeLessThan(1e-7);
  });

  it('accepts open rings and treats fewer than three positions as no area', () => {
    const closed = triangle(500, 10);
    expect(ringArea(closed.slice(0, -1))).toBe(ringArea(closed));
    expect(
      ringArea([
        [105, 29],
        [105.1, 29],
      ]),
    ).toBe(0);
    expect(ringArea([])).toBe(0);
  });
});

describe('polygonArea and ellipsoidalArea', () => {
  it('subtracts holes whatever their winding', () => {
    const outer = triangle(2000, 0);
    const hole = triangle(200, 40).map(([longitude, latitude]) => [longitude! + 0.001, latitude! + 0.002]);
    const expected = Math.abs(ringArea(outer)) - Math.abs(ringArea(hole));
    expect(polygonArea([outer, hole])).toBeCloseTo(expected, 6);
    expect(polygonArea([outer, [...hole].reverse()])).toBeCloseTo(expected, 6);
  });

  it('sums multipolygon members and collections, and gives 0 for points, lines and null', () => {
    const first = rectangle(105.4, 28.8, 105.41, 28.81) as { coordinates: Position[][] };
    const second = rectangle(105.5, 28.8, 105.52, 28.81) as { coordinates: Position[][] };
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [first.coordinates, second.coordinates] };
    expect(ellipsoidalArea(multi)).toBeCloseTo(
      ellipsoidalArea(first as Geometry) + ellipsoidalArea(second as Geometry),
      6,
    );
    expect(
      ellipsoidalArea({ type: 'GeometryCollection', geometries: [multi, { type: 'Point', coordinates: [105, 29] }] }),
    ).toBe(ellipsoidalArea(multi));
    expect(
      ellipsoidalArea({
        type: 'LineString',
        coordinates: [
          [105, 29],
          [106, 29],
        ],
      }),
    ).toBe(0);
    expect(ellipsoidalArea(null)).toBe(0);
  });
});
