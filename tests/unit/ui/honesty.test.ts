import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { listNames, unknownPositionGreenNames, zoneSizedToStated } from '../../../src/ui/honesty.ts';

const geodata = new URL('../../../geodata/', import.meta.url);
let shipped: Dataset;
beforeAll(async () => {
  const loaded = await loadDataset((relativePath) => readFile(new URL(relativePath, geodata), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  shipped = loaded.dataset;
});

/** The shipped dataset with every feature of one layer's properties changed. */
function withLayerProperties(layerId: string, change: (properties: Record<string, unknown>) => void): Dataset {
  const copy = structuredClone(shipped);
  for (const layer of copy.layers)
    if (layer.definition.id === layerId)
      for (const feature of layer.features.features) change(feature.properties as unknown as Record<string, unknown>);
  return copy;
}

describe('what the panels say about our own choices', () => {
  it('names the shipped green land of unknown position, in the page language', () => {
    expect(unknownPositionGreenNames(shipped, 'zh')).toEqual(['杨桥湖生态公园']);
    expect(unknownPositionGreenNames(shipped, 'en')).toEqual(['Yangqiao Lake Ecological Park']);
  });

  it('names nothing once the position is known', () => {
    expect(
      unknownPositionGreenNames(
        withLayerProperties('green', (properties) => delete properties.position_unknown),
        'zh',
      ),
    ).toEqual([]);
  });

  it('calls the shipped zone outline sized to its stated area, and an authoritative one (no flag) not', () => {
    expect(zoneSizedToStated(shipped)).toBe(true);
    expect(zoneSizedToStated(withLayerProperties('zone', (properties) => delete properties.sized_to_stated))).toBe(
      false,
    );
  });

  it('lists names with the punctuation of each language', () => {
    expect(listNames(['甲', '乙'], 'zh')).toBe('甲、乙');
    expect(listNames(['A', 'B'], 'en')).toBe('A, B');
  });
});
