import { describe, expect, it } from 'vitest';
import { greenRatioByValues } from '../../../src/analysis/green-by-values.ts';
import type { LandUseTable } from '../../../src/analysis/land-use-types.ts';

const row = (key: string | null, areaM2: number, count: number) => ({
  key,
  areaM2,
  share: null,
  count,
  greenAreaM2: null,
  greenSpaceRatio: null,
});
const TABLE: LandUseTable = {
  source: { kind: 'imported', layerId: 'l' },
  groupedBy: 'use',
  rows: [row('工业', 600, 3), row('公园绿地', 250, 2), row('防护绿地', 50, 1), row(null, 100, 1)],
  totalAreaM2: 1000,
  denominatorM2: 1000,
  denominator: { zh: '', en: '' },
  method: { zh: '', en: '' },
  notes: [],
  featureCount: 7,
  skipped: { points: 0, lines: 0, nullGeometries: 0 },
};

describe('绿地率 by the values the planner calls green', () => {
  it('divides the chosen categories’ area by the whole layer’s, features without the property in the land', () => {
    const result = greenRatioByValues(TABLE, ['公园绿地', '防护绿地']);
    expect(result.greenAreaM2).toBe(300);
    expect(result.landAreaM2).toBe(1000);
    expect(result.ratio).toBeCloseTo(0.3, 12);
    expect(result.greenFeatureCount).toBe(3);
    expect(result.missingValues).toEqual([]);
  });

  it('names values no feature has, and gives no ratio without land', () => {
    expect(greenRatioByValues(TABLE, ['G1']).missingValues).toEqual(['G1']);
    expect(greenRatioByValues(TABLE, ['G1']).ratio).toBe(0);
    expect(greenRatioByValues({ ...TABLE, rows: [] }, ['公园绿地']).ratio).toBeNull();
  });
});
