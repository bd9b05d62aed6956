/**
 * Drawn shapes as a dataset layer (issue 11 §1, "use as …" from drawn shapes): each polygon keeps
 * the name given in the list, unnamed ones take one typed name (numbered when several need it),
 * lines are left out; then the same mapping and checks as a file replace the layer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LineString, Polygon } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import {
  DRAWN_SHAPE_COLUMNS,
  DRAWN_SHAPES_FILE_NAME,
  DRAWN_SHAPES_ORIGIN,
  type DrawnShapeForLayer,
  drawnShapesCollection,
} from '../../../src/data/drawn-shapes-layer.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { replaceLayer } from '../../../src/data/replace-layer.ts';

vi.setConfig({ testTimeout: 60_000 });

const box = (west: number, south: number, size: number): Polygon => ({
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
const line: LineString = {
  type: 'LineString',
  coordinates: [
    [105.4, 28.8],
    [105.5, 28.9],
  ],
};

const shape = (geometry: Polygon | LineString, name = '', tool?: DrawnShapeForLayer['tool']): DrawnShapeForLayer =>
  Object.freeze({ tool: tool ?? (geometry.type === 'Polygon' ? 'polygon' : 'line'), geometry, name });

const names = (shapes: readonly DrawnShapeForLayer[], nameZh: string, nameEn = '') =>
  drawnShapesCollection(shapes, { nameZh, nameEn }).collection.features.map((feature) => feature.properties);

describe('drawn shapes as a collection to map onto the contract', () => {
  it('keeps the names given in the list and numbers the unnamed polygons with the typed name', () => {
    const shapes = [
      shape(box(105.4, 28.85, 0.01)),
      shape(box(105.42, 28.85, 0.01), '  渔子溪公园  '),
      shape(line, '一条线'),
      shape(box(105.44, 28.85, 0.01), '', 'rectangle'),
    ];
    expect(names(shapes, '园区', 'Park')).toEqual([
      { name_zh: '园区 1', name_en: 'Park 1' },
      // A name from the list stands for both languages, as a file's name does without an English column.
      { name_zh: '渔子溪公园', name_en: '' },
      { name_zh: '园区 2', name_en: 'Park 2' },
    ]);
    const result = drawnShapesCollection(shapes, { nameZh: '园区', nameEn: '' });
    expect(result.linesLeftOut).toBe(1);
    expect(result.unnamed).toBe(2);
    // The geometry is the drawn one, in the list's order.
    expect(result.collection.features.map((feature) => feature.geometry)).toEqual([
      shapes[0]!.geometry,
      shapes[1]!.geometry,
      shapes[3]!.geometry,
    ]);
  });

  it('names a single unnamed polygon without a number, and leaves an untyped name empty for the checks to refuse', () => {
    expect(names([shape(box(105.4, 28.85, 0.01))], ' 核心区 ', 'Core')).toEqual([
      { name_zh: '核心区', name_en: 'Core' },
    ]);
    expect(names([shape(box(105.4, 28.85, 0.01)), shape(box(105.42, 28.85, 0.01))], '  ')).toEqual([
      { name_zh: '', name_en: '' },
      { name_zh: '', name_en: '' },
    ]);
    expect(drawnShapesCollection([shape(line)], { nameZh: 'x', nameEn: '' })).toEqual({
      collection: { type: 'FeatureCollection', features: [] },
      linesLeftOut: 1,
      unnamed: 0,
    });
  });
});

describe('drawn shapes replacing a dataset layer', () => {
  const geodata = fileURLToPath(new URL('../../../geodata/', import.meta.url));
  const shipped = async () => {
    const result = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));
    if (!result.ok) throw new Error(result.problems.join('; '));
    return result.dataset;
  };
  const provenance = {
    source: '泸州高新区管委会 2026 年规划范围图（描绘）',
    confidence: 'high' as const,
    fileName: DRAWN_SHAPES_FILE_NAME,
    origin: DRAWN_SHAPES_ORIGIN,
  };
  const NOW = new Date('2026-12-02T01:00:00Z');

  it('becomes the 一核, labelled, with its change recorded as drawn in the app', async () => {
    const dataset = await shipped();
    const drawn = drawnShapesCollection([shape(box(105.4, 28.9, 0.02), '<b>核心区</b>')], {
      nameZh: '',
      nameEn: '',
    });
    const result = await replaceLayer(
      dataset,
      'core',
      drawn.collection,
      { ...DRAWN_SHAPE_COLUMNS, kindValue: 'core' },
      provenance,
      [],
      NOW,
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const shippedCore = dataset.layers.find((layer) => layer.definition.id === 'core')!.features.features[0]!
      .properties;
    expect(shippedCore.stated_area).toBeTypeOf('number');
    const core = result.dataset.layers.find((layer) => layer.definition.id === 'core')!;
    expect(core.features.features.map((feature) => feature.properties)).toEqual([
      {
        id: 'core-1',
        layer: 'core',
        name_zh: '<b>核心区</b>',
        name_en: '<b>核心区</b>',
        kind: 'core',
        source: provenance.source,
        confidence: 'high',
        // The core's published 4.62 km² stays, with its own citation: the drawn shape is checked against it.
        stated_area: shippedCore.stated_area,
        stated_area_unit: shippedCore.stated_area_unit,
        stated_area_source: shippedCore.stated_area_source,
      },
    ]);
    expect(result.change).toMatchObject({ layerId: 'core', fromFile: 'drawn in the app' });
    expect(result.dataset.labels!.features.filter((label) => label.properties.layer === 'core')).toEqual([
      expect.objectContaining({ properties: expect.objectContaining({ id: 'core-1', name_zh: '<b>核心区</b>' }) }),
    ]);
    expect(core.definition.description.zh).toContain('本应用中绘制的形状');
  });

  it('replaces nothing while a drawn polygon has no name, and says which', async () => {
    const dataset = await shipped();
    const drawn = drawnShapesCollection([shape(box(105.4, 28.9, 0.02), '有名'), shape(box(105.45, 28.9, 0.02))], {
      nameZh: '',
      nameEn: '',
    });
    const result = await replaceLayer(
      dataset,
      'parks',
      drawn.collection,
      { ...DRAWN_SHAPE_COLUMNS, kindValue: 'industrial-park' },
      provenance,
      [],
      NOW,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/parks-2.*name_zh/);
  });
});
