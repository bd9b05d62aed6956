import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { createDrawnShapeAnalyser } from '../../../src/workers/drawn-shape-analyser.ts';
import { directoryReader } from '../../fixtures/read-fixture.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';
import type { Polygon } from 'geojson';

describe('the drawn-shape worker', () => {
  it('answers with a reason until it has the dataset, then with the analysis; structured clones both ways change nothing', async () => {
    const loaded = await loadDataset(directoryReader('dataset'));
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const analyse = createDrawnShapeAnalyser();
    const shape = rectangle(105.41, 28.81, 105.44, 28.84) as Polygon;
    expect(analyse({ type: 'analyse', requestId: 1, shapeId: 'a', geometry: shape })).toMatchObject({
      requestId: 1,
      ok: false,
    });
    expect(analyse(structuredClone({ type: 'dataset', dataset: loaded.dataset }))).toBeNull();
    const reply = structuredClone(analyse({ type: 'analyse', requestId: 2, shapeId: 'a', geometry: shape }));
    expect(reply).toMatchObject({ requestId: 2, ok: true, result: { ok: true, analysis: { shapeId: 'a' } } });
    if (!reply?.ok || !reply.result.ok) return;
    expect(Math.abs(reply.result.analysis.areaM2 / geographicLibArea(shape) - 1)).toBeLessThan(1e-6);
    expect(reply.result.analysis.greenAreaM2).toBeGreaterThan(0);
  });
});
