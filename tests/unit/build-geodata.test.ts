/**
 * The build's helper modules (scripts/geodata/): reading the DataV package, finding the river
 * between two districts, sizing schematic shapes to a stated area, and writing RFC 7946 output.
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readLuzhouPackageText } from '../../scripts/build-geodata.ts';
import { ADCODE, districtByAdcode, parseLuzhouPackage } from '../../scripts/geodata/districts.ts';
import { nearestVertexIndex, sharedBoundary } from '../../scripts/geodata/river.ts';
import {
  clip,
  ellipseRing,
  isCounterClockwise,
  normalizeGeometry,
  sizeToArea,
  smoothRing,
} from '../../scripts/geodata/shapes.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';

const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

describe('parseLuzhouPackage', () => {
  it('names the problem when the package text is not the expected script', () => {
    expect(() => parseLuzhouPackage('module.exports = 42')).toThrow(/LuzhouGeoJSON/);
    expect(() => parseLuzhouPackage('var LuzhouGeoJSON = {"type":"Feature"};')).toThrow(
      /not a GeoJSON FeatureCollection/,
    );
  });

  it("moves DataV's GCJ-02 vertices to WGS84: about 0.0032° west and 0.0032° north near Luzhou (≈ 480 m)", () => {
    const text = readLuzhouPackageText();
    const raw = JSON.parse(text.slice(text.indexOf('{'), text.indexOf('};') + 1));
    const rawFirst = raw.features[0].geometry.coordinates[0][0][0] as Position;
    const converted = districtByAdcode(parseLuzhouPackage(text), ADCODE.jiangyang).geometry;
    const convertedFirst = (
      converted.type === 'Polygon' ? converted.coordinates[0]![0] : converted.coordinates[0]![0]![0]
    )!;
    expect(rawFirst[0]! - convertedFirst[0]!).toBeGreaterThan(0.002);
    expect(rawFirst[0]! - convertedFirst[0]!).toBeLessThan(0.0045);
    expect(convertedFirst[1]! - rawFirst[1]!).toBeGreaterThan(0.002);
    expect(convertedFirst[1]! - rawFirst[1]!).toBeLessThan(0.0045);
  });

  it('keeps only adcode and name, so no GCJ-02 centre point rides along', () => {
    for (const district of parseLuzhouPackage(readLuzhouPackageText()).features) {
      expect(Object.keys(district.properties).sort()).toEqual(['adcode', 'name']);
    }
  });
});

describe('sharedBoundary', () => {
  it("returns the vertices two polygons share, in the first ring's order", () => {
    const left: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 0.5],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const right: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 0.5],
          [1, 0],
        ],
      ],
    };
    expect(sharedBoundary(left, right)).toEqual([
      [1, 0],
      [1, 0.5],
      [1, 1],
    ]);
  });

  it('finds a shared run that wraps past the start of the ring', () => {
    const left: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 0.5],
          [1, 1],
          [0, 1],
          [0, 0],
          [1, 0],
          [1, 0.5],
        ],
      ],
    };
    const right = square(1, 0, 1);
    right.coordinates[0]!.splice(4, 0, [1, 0.5]);
    expect(sharedBoundary(left, right)).toEqual([
      [1, 0],
      [1, 0.5],
      [1, 1],
    ]);
  });

  it('picks the vertex nearest a target for splitting a line', () => {
    expect(
      nearestVertexIndex(
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
        [1.2, 0.1],
      ),
    ).toBe(1);
  });
});

describe('schematic shapes', () => {
  it('draws ellipses counter-clockwise and closed, with the area of π·a·b', () => {
    const ring = ellipseRing([105.5, 28.86], 2, 1, 30, 256);
    expect(ring[ring.length - 1]).toEqual(ring[0]);
    expect(isCounterClockwise(ring)).toBe(true);
    expect(ellipsoidalArea({ type: 'Polygon', coordinates: [ring] }) / (Math.PI * 2e6) - 1).toBeCloseTo(0, 2);
  });

  it('smooths a hand-placed outline into a closed counter-clockwise ring, whatever the input winding', () => {
    const clockwise: Position[] = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ];
    const smooth = smoothRing(clockwise, 2);
    expect(smooth).toHaveLength(4 * 4 + 1);
    expect(smooth[smooth.length - 1]).toEqual(smooth[0]);
    expect(isCounterClockwise(smooth)).toBe(true);
  });

  it('sizes a clipped shape to its target area', () => {
    const box = square(105.49, 28.85, 0.02);
    const target = 2.5e6;
    const { geometry } = sizeToArea(
      (scale) =>
        clip({ type: 'Polygon', coordinates: [ellipseRing([105.5, 28.86], 1.5 * scale, 1 * scale)] }, [box], []),
      target,
      'test-shape',
    );
    expect(ellipsoidalArea(geometry) / target - 1).toBeCloseTo(0, 6);
  });

  it('says which shape cannot reach its area inside where it must lie', () => {
    const tiny = square(105.5, 28.86, 0.001);
    expect(() =>
      sizeToArea(
        (scale) => clip({ type: 'Polygon', coordinates: [ellipseRing([105.5005, 28.8605], scale, scale)] }, [tiny], []),
        5e6,
        'park-too-big',
      ),
    ).toThrow(/park-too-big: cannot reach/);
  });

  it('drops slivers left by clipping, keeping the main part', () => {
    // Two boxes: a 1 km² main part and a ~0.01 km² sliver, as a district line leaves them.
    const within = {
      type: 'MultiPolygon' as const,
      coordinates: [square(105.4, 28.8, 0.01).coordinates, square(105.42, 28.8, 0.001).coordinates],
    };
    const result = clip(square(105.39, 28.79, 0.05), [within], []);
    expect(result?.type).toBe('Polygon');
  });
});

describe('normalizeGeometry', () => {
  it('rounds to 6 decimals, drops repeated vertices, and winds exteriors counter-clockwise and holes clockwise', () => {
    const clockwiseExterior: Position[] = [
      [0, 0],
      [0, 1],
      [1.0000001, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ];
    const counterClockwiseHole: Position[] = [
      [0.2, 0.2],
      [0.4, 0.2],
      [0.4, 0.4],
      [0.2, 0.4],
      [0.2, 0.2],
    ];
    const result = normalizeGeometry<Polygon>({
      type: 'Polygon',
      coordinates: [clockwiseExterior, counterClockwiseHole],
    });
    const [exterior, hole] = result.coordinates;
    expect(exterior).toHaveLength(5);
    expect(isCounterClockwise(exterior!)).toBe(true);
    expect(isCounterClockwise(hole!)).toBe(false);
  });

  it('never writes -0', () => {
    const result = normalizeGeometry({ type: 'Point', coordinates: [-0.0000001, 28.9] });
    expect(JSON.stringify(result)).toBe('{"type":"Point","coordinates":[0,28.9]}');
  });
});
