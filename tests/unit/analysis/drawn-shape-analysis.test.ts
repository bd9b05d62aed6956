import { beforeAll, describe, expect, it } from 'vitest';
import type { LineString, Polygon } from 'geojson';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import {
  analyseDrawnPolygon,
  measureDrawnGeometry,
  prepareZone,
  ringCrossesItself,
  type DrawnPolygonAnalysis,
  type PreparedZone,
} from '../../../src/analysis/drawn-shape-analysis.ts';
import { Geodesic } from '../../../src/geo/geographiclib.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { directoryReader } from '../../fixtures/read-fixture.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';

const RELATIVE_TOLERANCE = 1e-6;

function expectClose(actual: number | null | undefined, expected: number, tolerance = RELATIVE_TOLERANCE) {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(tolerance);
}

function geographicLibLength(positions: number[][]): number {
  let total = 0;
  for (let index = 1; index < positions.length; index++) {
    total += Geodesic.WGS84.Inverse(
      positions[index - 1]![1]!,
      positions[index - 1]![0]!,
      positions[index]![1]!,
      positions[index]![0]!,
    ).s12!;
  }
  return total;
}

const box = (west: number, south: number, east: number, north: number) =>
  rectangle(west, south, east, north) as Polygon;

let dataset: Dataset;
let zone: PreparedZone;
beforeAll(async () => {
  const result = await loadDataset(directoryReader('dataset'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  dataset = deepFreeze(result.dataset);
  zone = prepareZone(dataset);
});

function analysed(shape: Polygon): DrawnPolygonAnalysis {
  const result = analyseDrawnPolygon('shape-1', shape, zone);
  if (!result.ok) throw new Error(`not analysed: ${result.problem}`);
  return result.analysis;
}

describe('measureDrawnGeometry (the live readout)', () => {
  // Shapes a planner draws: a few hundred metres to the whole zone, clockwise or not, at 29°N.
  const polygons: [string, Polygon][] = [
    ['a 0.1° square (≈ 108 km²)', box(105.4, 28.8, 105.5, 28.9)],
    ['a 30 m plot', box(105.45, 28.85, 105.4503, 28.8503)],
    [
      'an irregular clockwise outline',
      {
        type: 'Polygon',
        coordinates: [
          [
            [105.41, 28.81],
            [105.43, 28.9],
            [105.52, 28.88],
            [105.47, 28.86],
            [105.5, 28.8],
            [105.41, 28.81],
          ],
        ].map((ring) => ring.reverse()),
      },
    ],
    [
      'a ring left open (as an in-progress outline is)',
      {
        type: 'Polygon',
        coordinates: [
          [
            [105.4, 28.8],
            [105.42, 28.8],
            [105.41, 28.83],
          ],
        ],
      },
    ],
  ];
  for (const [name, polygon] of polygons) {
    it(`gives ${name} its GeographicLib area within 1e-6, and its perimeter`, () => {
      const measured = measureDrawnGeometry(polygon);
      expect(measured.type).toBe('area');
      if (measured.type !== 'area') return;
      expectClose(measured.areaM2, geographicLibArea(polygon));
      const ring = polygon.coordinates[0]!;
      const closed =
        ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]
          ? ring
          : [...ring, ring[0]!];
      expectClose(measured.perimeterM, geographicLibLength(closed), 1e-9);
    });
  }

  it('gives a line its geodesic length', () => {
    const line: LineString = {
      type: 'LineString',
      coordinates: [
        [105.44, 28.89],
        [105.5, 28.86],
        [105.52, 28.9],
      ],
    };
    const measured = measureDrawnGeometry(line);
    expect(measured.type).toBe('length');
    if (measured.type === 'length') expectClose(measured.lengthM, geographicLibLength(line.coordinates), 1e-9);
  });

  it('says a bow-tie outline crosses itself instead of giving it an area', () => {
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [105.4, 28.8],
          [105.5, 28.9],
          [105.5, 28.8],
          [105.4, 28.9],
          [105.4, 28.8],
        ],
      ],
    };
    const measured = measureDrawnGeometry(bowTie);
    expect(measured).toMatchObject({ type: 'no-area', problem: 'crosses-itself' });
    expect(analyseDrawnPolygon('bow', bowTie, zone)).toMatchObject({ ok: false, problem: 'crosses-itself' });
  });

  it('says two clicks make no polygon', () => {
    expect(
      measureDrawnGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [105.4, 28.8],
            [105.5, 28.9],
            [105.4, 28.8],
          ],
        ],
      }),
    ).toMatchObject({
      type: 'no-area',
      problem: 'too-few-points',
    });
  });

  it('tells an outline that folds back on itself or touches itself from a simple one', () => {
    expect(
      ringCrossesItself([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBe(true);
    // A figure eight pinched at one vertex.
    expect(
      ringCrossesItself([
        [0, 0],
        [1, 1],
        [2, 0],
        [2, 2],
        [1, 1],
        [0, 2],
        [0, 0],
      ]),
    ).toBe(true);
    expect(
      ringCrossesItself([
        [0, 0],
        [2, 0],
        [2, 2],
        [1, 3],
        [0, 2],
        [0, 0],
      ]),
    ).toBe(false);
    // A repeated vertex (a double click) is not a crossing.
    expect(
      ringCrossesItself([
        [0, 0],
        [2, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ]),
    ).toBe(false);
  });
});

describe('analyseDrawnPolygon (a finished polygon)', () => {
  // The fixture: a 0.1° zone split at 105.45 into two wings; green parks A and B overlap by a
  // 0.01° square inside the west wing; belt C straddles the zone's east edge.
  const parkUnionArea = () =>
    geographicLibArea(rectangle(105.42, 28.82, 105.44, 28.84)) +
    geographicLibArea(rectangle(105.43, 28.83, 105.45, 28.85)) -
    geographicLibArea(rectangle(105.43, 28.83, 105.44, 28.84));

  it('counts overlapping green land once in the 绿地率 of the west half', () => {
    const westHalf = box(105.4, 28.8, 105.45, 28.9);
    const analysis = analysed(westHalf);
    expectClose(analysis.areaM2, geographicLibArea(westHalf));
    expectClose(analysis.greenAreaM2, parkUnionArea());
    expectClose(analysis.greenSpaceRatio, parkUnionArea() / geographicLibArea(westHalf));
  });

  it('splits a shape across the wings by area and share', () => {
    const straddling = box(105.44, 28.81, 105.47, 28.87);
    const analysis = analysed(straddling);
    const overlap = (id: string) => analysis.overlaps.find((unit) => unit.id === id)!;
    const westPart = geographicLibArea(rectangle(105.44, 28.81, 105.45, 28.87));
    const eastPart = geographicLibArea(rectangle(105.45, 28.81, 105.47, 28.87));
    expectClose(overlap('west-wing').overlapAreaM2, westPart, 1e-5);
    expectClose(overlap('east-wing').overlapAreaM2, eastPart, 1e-5);
    expectClose(overlap('zone').shareOfShape, 1, 1e-6);
    expectClose(overlap('west-wing').shareOfShape + overlap('east-wing').shareOfShape, 1, 1e-6);
    expect(analysis.overlaps.map((unit) => unit.role)).toEqual(['zone', 'wing', 'wing']);
  });

  it('reports no overlap with a unit the shape misses', () => {
    const analysis = analysed(box(105.41, 28.81, 105.42, 28.82));
    expect(analysis.overlaps.find((unit) => unit.id === 'east-wing')!.overlapAreaM2).toBe(0);
    expect(analysis.greenAreaM2).toBe(0);
    expect(analysis.greenSpaceRatio).toBe(0);
  });

  it('tables the zone features inside the shape by layer: clipped areas, shares of the drawn area, overlaps counted in each', () => {
    // Inset from the zone's long east–west edges: a 0.1° geodesic edge bows ~5e-5 (relative area)
    // further poleward than a 0.05° one between the same corners, so a shape sharing them is not
    // wholly inside the zone, and the table would rightly say so.
    const westHalf = box(105.4, 28.81, 105.45, 28.89);
    const table = analysed(westHalf).landUseByLayer;
    expect(table.source).toEqual({ kind: 'drawn', shapeId: 'shape-1' });
    expect(table.groupedBy).toBe('layer');
    const row = (key: string) => table.rows.find((candidate) => candidate.key === key)!;
    expectClose(table.denominatorM2, geographicLibArea(westHalf));
    expectClose(row('zone').areaM2, geographicLibArea(westHalf));
    expectClose(row('zone').share, 1, 1e-6);
    // Parks A and B each counted whole: the 0.01° square they share is counted twice here.
    const greenSum =
      geographicLibArea(rectangle(105.42, 28.82, 105.44, 28.84)) +
      geographicLibArea(rectangle(105.43, 28.83, 105.45, 28.85));
    expectClose(row('green').areaM2, greenSum);
    expect(row('green').count).toBe(2);
    expectClose(row('green').greenSpaceRatio, 1, 1e-6);
    expectClose(row('zone').greenAreaM2, parkUnionArea());
    expect(table.rows.map((candidate) => candidate.areaM2)).toEqual(
      [...table.rows.map((candidate) => candidate.areaM2)].sort((a, b) => b - a),
    );
    expectClose(
      table.totalAreaM2,
      table.rows.reduce((sum, candidate) => sum + candidate.areaM2, 0),
      1e-12,
    );
    // The gate (a point at 105.45, 28.85) lies on the shape's edge: inside, not measured.
    expect(table.skipped.points).toBe(1);
  });

  it('tables the same features by kind', () => {
    const table = analysed(box(105.4, 28.8, 105.5, 28.9)).landUseByKind;
    expect(table.groupedBy).toBe('kind');
    expect(table.rows.map((row) => row.key).sort()).toEqual(['green-belt', 'park', 'wing', 'zone']);
    const belt = table.rows.find((row) => row.key === 'green-belt')!;
    expectClose(belt.areaM2, geographicLibArea(rectangle(105.49, 28.85, 105.5, 28.86)), 1e-5);
  });

  it('leaves green land of unknown position out of the ratio and names it', () => {
    const greenLayer = dataset.layers.find((layer) => layer.definition.green)!;
    const withUnknown: Dataset = {
      ...dataset,
      layers: dataset.layers.map((layer) =>
        layer !== greenLayer
          ? layer
          : {
              ...layer,
              features: {
                ...layer.features,
                features: layer.features.features.map((feature) =>
                  feature.properties.id === 'park-a'
                    ? { ...feature, properties: { ...feature.properties, position_unknown: true } }
                    : feature,
                ),
              },
            },
      ),
    };
    const result = analyseDrawnPolygon('s', box(105.4, 28.8, 105.45, 28.9), prepareZone(withUnknown));
    if (!result.ok) throw new Error('not analysed');
    expectClose(result.analysis.greenAreaM2, geographicLibArea(rectangle(105.43, 28.83, 105.45, 28.85)));
    expect(result.analysis.greenNotCounted.map((item) => item.id)).toEqual(['park-a']);
    expect(result.analysis.landUseByLayer.notes.some((note) => note.en.includes('unknown position'))).toBe(true);
  });

  it('refuses a line', () => {
    expect(
      analyseDrawnPolygon(
        'l',
        {
          type: 'LineString',
          coordinates: [
            [105.4, 28.8],
            [105.5, 28.9],
          ],
        },
        zone,
      ),
    ).toMatchObject({
      ok: false,
      problem: 'not-a-polygon',
    });
  });
});
