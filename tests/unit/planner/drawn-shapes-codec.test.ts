import { describe, expect, it } from 'vitest';
import {
  decodeShapes,
  encodeShapes,
  shapesAsGeoJson,
  type StoredDrawnShape,
} from '../../../src/state/drawn-shapes-codec.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';

const square: StoredDrawnShape = deepFreeze({
  id: '6f1c2a9e-0d4b-4c1e-9a57-3b2d1e0f9a11',
  tool: 'rectangle',
  geometry: rectangle(105.44, 28.86, 105.45, 28.87) as StoredDrawnShape['geometry'],
  name: '<img src=x onerror=alert(1)> 地块',
});
const road: StoredDrawnShape = deepFreeze({
  id: 'road-1',
  tool: 'line',
  geometry: {
    type: 'LineString',
    coordinates: [
      [105.44, 28.86],
      [105.46, 28.88],
    ],
  },
  name: '',
});

describe('stored drawn shapes', () => {
  it('read back exactly what was written', () => {
    const stored = structuredClone(encodeShapes([square, road]));
    expect(decodeShapes(stored)).toEqual({ shapes: [square, road], dropped: 0, unreadable: false });
  });

  it('nothing stored is an empty list, not a problem', () => {
    expect(decodeShapes(undefined)).toEqual({ shapes: [], dropped: 0, unreadable: false });
  });

  it('keep the good shapes and count the bad ones when storage is partly corrupt', () => {
    const stored = {
      version: 1,
      shapes: [
        square,
        null,
        'garbage',
        { ...road, geometry: { type: 'LineString', coordinates: [[105.44, 28.86]] } },
        {
          ...square,
          id: 'open-ring',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [105.4, 28.8],
                [105.5, 28.8],
                [105.5, 28.9],
                [105.4, 28.9],
              ],
            ],
          },
        },
        {
          ...square,
          id: 'nan',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [105.4, 28.8],
                [Number.NaN, 28.8],
                [105.5, 28.9],
                [105.4, 28.8],
              ],
            ],
          },
        },
        {
          ...square,
          id: 'far',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [405.4, 28.8],
                [105.5, 28.8],
                [105.5, 28.9],
                [405.4, 28.8],
              ],
            ],
          },
        },
        { ...square, tool: 'circle' },
        { ...square, id: '<script>' },
        { ...square, name: 'a repeated id' },
        { ...road, name: 42 },
      ],
    };
    const decoded = decodeShapes(stored);
    expect(decoded.shapes.map((shape) => shape.id)).toEqual([square.id, road.id]);
    expect(decoded.shapes[1]!.name).toBe('');
    expect(decoded.dropped).toBe(9);
    expect(decoded.unreadable).toBe(false);
  });

  it('say so when the stored value is not ours at all', () => {
    expect(decodeShapes('[]')).toMatchObject({ shapes: [], unreadable: true });
    expect(decodeShapes({ version: 2, shapes: [square] })).toMatchObject({ shapes: [], unreadable: true });
    expect(decodeShapes({ shapes: 'x', version: 1 })).toMatchObject({ unreadable: true });
  });
});

describe('exported drawn shapes', () => {
  it('carry their ellipsoidal area, perimeter or length as properties, and their names as plain text', () => {
    const collection = shapesAsGeoJson([square, road]);
    const parsed = JSON.parse(JSON.stringify(collection));
    const [polygon, line] = parsed.features;
    expect(polygon.properties.name).toBe(square.name);
    expect(Math.abs(polygon.properties.area_m2 / geographicLibArea(square.geometry) - 1)).toBeLessThan(1e-6);
    expect(polygon.properties.area_mu).toBeCloseTo(polygon.properties.area_m2 / (10000 / 15), 3);
    expect(polygon.properties.perimeter_m).toBeGreaterThan(4000);
    expect(line.properties.length_m).toBeGreaterThan(2000);
    expect(line.properties.area_m2).toBeUndefined();
    expect(parsed.features.map((feature: { geometry: unknown }) => feature.geometry)).toEqual([
      square.geometry,
      road.geometry,
    ]);
  });

  it('mark a self-crossing outline instead of giving it an area', () => {
    const bowTie: StoredDrawnShape = {
      id: 'bow',
      tool: 'polygon',
      name: '',
      geometry: {
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
      },
    };
    const [feature] = shapesAsGeoJson([bowTie]).features;
    expect(feature!.properties).toMatchObject({ area_problem: 'crosses-itself' });
    expect(feature!.properties!.area_m2).toBeUndefined();
  });
});
