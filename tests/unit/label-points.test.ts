/** One label point per polygon (scripts/geodata/label-points.ts): where it goes and what it carries. */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint, labelPoints } from '../../scripts/geodata/label-points.ts';
import type { ZoneFeatureProperties } from '../../src/data/dataset-types.ts';

const box = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

describe('labelPoint', () => {
  it("puts a rectangle's label at its middle", () => {
    const [longitude, latitude] = labelPoint(box(105.4, 28.8, 105.6, 28.9));
    expect(longitude).toBeCloseTo(105.5, 3);
    expect(latitude).toBeCloseTo(28.85, 3);
  });

  it('keeps the label inside an L-shaped polygon, where a centroid would fall outside', () => {
    const lShape: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [105, 28],
          [105.3, 28],
          [105.3, 28.05],
          [105.05, 28.05],
          [105.05, 28.3],
          [105, 28.3],
          [105, 28],
        ],
      ],
    };
    const [longitude, latitude] = labelPoint(lShape);
    const inVerticalArm = longitude! < 105.05 && latitude! <= 28.3;
    const inHorizontalArm = latitude! < 28.05 && longitude! <= 105.3;
    expect(inVerticalArm || inHorizontalArm).toBe(true);
  });

  it('labels a multipolygon once, in its largest part', () => {
    const parts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [box(105.0, 28.0, 105.01, 28.01).coordinates, box(105.5, 29.0, 105.7, 29.2).coordinates],
    };
    const [longitude, latitude] = labelPoint(parts);
    expect(longitude).toBeCloseTo(105.6, 2);
    expect(latitude).toBeCloseTo(29.1, 2);
  });

  it('measures "farthest from the edge" in metres, not degrees (longitudes shrink by cos latitude)', () => {
    // At 60°N an arm 0.1° of longitude wide is ≈ 5.6 km across, narrower than an arm 0.07° of
    // latitude tall (≈ 7.8 km): the label belongs in the second, although in degrees the first is wider.
    // Two blocks joined by a thin corridor: the tall one on the west, the flat one on the east.
    const blocks: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [10, 60],
          [11.1, 60],
          [11.1, 60.07],
          [10.5, 60.07],
          [10.5, 60.01],
          [10.1, 60.01],
          [10.1, 60.6],
          [10, 60.6],
          [10, 60],
        ],
      ],
    };
    const [longitude, latitude] = labelPoint(blocks);
    expect(longitude).toBeGreaterThan(10.5);
    expect(latitude).toBeLessThan(60.07);
  });
});

describe('labelPoints', () => {
  const feature = (
    geometry: Geometry,
    properties: Partial<ZoneFeatureProperties>,
  ): Feature<Geometry, ZoneFeatureProperties> => ({
    type: 'Feature',
    geometry,
    properties: {
      id: 'x',
      layer: 'parks',
      name_zh: '名',
      name_en: 'Name',
      kind: 'industrial-park',
      source: 's',
      confidence: 'schematic',
      ...properties,
    },
  });

  it('labels polygons only, naming the feature, its layer, names, confidence and rank', () => {
    const points = labelPoints([
      feature(box(105.4, 28.8, 105.6, 28.9), { id: 'park-a', position_unknown: true }),
      feature({ type: 'Point', coordinates: [105.5, 28.85] }, { id: 'place-b', layer: 'places' }),
      feature(box(105.4, 28.8, 105.6, 28.9), { id: 'zone-c', layer: 'zone', confidence: 'high' }),
    ]);
    expect(points.map((point) => point.properties['id'])).toEqual(['park-a', 'zone-c']);
    expect(points[0]!.properties).toMatchObject({
      id: 'park-a',
      layer: 'parks',
      name_zh: '名',
      name_en: 'Name',
      confidence: 'schematic',
      position_unknown: true,
      label_rank: 3,
    });
    expect(points[1]!.properties).toMatchObject({ confidence: 'high', label_rank: 2 });
    expect(points[1]!.properties['position_unknown']).toBeUndefined();
  });
});
