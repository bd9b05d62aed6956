import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { computeZoneStatistics } from '../../../src/analysis/zone-statistics.ts';
import { measureDataset } from '../../../src/workers/measure-dataset.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { directoryReader } from '../../fixtures/read-fixture.ts';

let dataset: Dataset;
beforeAll(async () => {
  const result = await loadDataset(directoryReader('dataset'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  dataset = deepFreeze(result.dataset);
});

describe('measureDataset (what the statistics worker runs)', () => {
  it('gives the statistics the main thread would compute, from a structured clone of the dataset, in a reply that clones intact', () => {
    // postMessage clones both ways: the worker measures a copy and the page reads a copy.
    const reply = structuredClone(measureDataset(structuredClone(dataset)));
    expect(reply).toEqual({ ok: true, statistics: computeZoneStatistics(dataset) });
  });

  it('answers a dataset it cannot measure with the reason instead of throwing', () => {
    const broken = {
      ...dataset,
      layers: dataset.layers.map((layer) => ({ ...layer, features: null })),
    } as unknown as Dataset;
    const reply = measureDataset(broken);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.reason).toMatch(/\S/);
  });
});
