import { describe, expect, it } from 'vitest';
import type { Dataset, LayerDefinition, ZoneFeatureCollection } from '../../../src/data/dataset-types.ts';
import { createSearchIndex, entriesFromDataset, search } from '../../../src/search/index.ts';

function layer(id: string, features: unknown[]): Dataset['layers'][number] {
  const definition: LayerDefinition = {
    id,
    role: 'place',
    title: { zh: id, en: id },
    description: { zh: '', en: '' },
    file: `${id}.geojson`,
    color: '#336699',
    geometry: 'point',
    green: false,
    unit: false,
    visible: true,
  };
  return { definition, features: { type: 'FeatureCollection', features } as ZoneFeatureCollection };
}

const point = (properties: unknown): unknown => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [105.501, 28.858] },
  properties,
});

const dataset = {
  manifest: {
    version: 1,
    name: { zh: '泸州国家高新区', en: 'Luzhou National High-tech Zone' },
    layers: [],
    credits: [],
  },
  layers: [
    layer('green', [
      point({
        id: 'green-yuzixi',
        layer: 'green',
        name_zh: '渔子溪生态湿地公园',
        name_en: 'Yuzixi Ecological Wetland Park',
        kind: 'park',
        source: 's',
        confidence: 'low',
      }),
      point({ id: 'green-zhangba', name_zh: '张坝桂圆林', kind: 'scenic-area', source: 's', confidence: 'low' }),
    ]),
    layer('places', [
      point({ name_zh: '无编号', name_en: 'No id' }),
      point(null),
      point({ id: 42, name_zh: '数字编号' }),
      point({
        id: 'place-hospital',
        layer: 'places',
        name_zh: '泸州市人民医院',
        name_en: "Luzhou People's Hospital",
        kind: 'hospital',
      }),
    ]),
  ],
} as unknown as Dataset;

describe('entriesFromDataset', () => {
  it('takes every feature with an id, in manifest order, with the properties search needs', () => {
    expect(entriesFromDataset(dataset)).toEqual([
      {
        id: 'green-yuzixi',
        layer: 'green',
        name_zh: '渔子溪生态湿地公园',
        name_en: 'Yuzixi Ecological Wetland Park',
        kind: 'park',
      },
      // No `layer` property: the layer it was loaded from; no English name: empty, the Chinese still finds it.
      { id: 'green-zhangba', layer: 'green', name_zh: '张坝桂圆林', name_en: '', kind: 'scenic-area' },
      {
        id: 'place-hospital',
        layer: 'places',
        name_zh: '泸州市人民医院',
        name_en: "Luzhou People's Hospital",
        kind: 'hospital',
      },
    ]);
  });

  it('feeds an index that finds features by any of their names', () => {
    const index = createSearchIndex(entriesFromDataset(dataset));
    expect(search(index, 'zbgyl')[0]?.id).toBe('green-zhangba');
    expect(search(index, 'hospital')[0]?.id).toBe('place-hospital');
    expect(search(index, '湿地')[0]?.id).toBe('green-yuzixi');
  });

  it('gives no entries for a dataset with no layers', () => {
    expect(entriesFromDataset({ manifest: dataset.manifest, layers: [] })).toEqual([]);
  });
});
