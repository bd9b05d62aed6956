/**
 * 绿地率 of an imported layer by the planner's word: which values of a property are green land
 * (公园绿地, G1, 1401 …). Green land = the features with those values; the boundary = all the
 * layer's features with area. Both come from the statistics table grouped by that property, so the
 * figure is the table's own areas added up, and says so: in a file whose polygons overlap, a sum of
 * feature areas counts overlaps twice (the usual parcel file has none).
 *
 * @example greenRatioByValues(table, ['公园绿地']) // { greenAreaM2: 1.2e5, landAreaM2: 2.4e6, ratio: 0.05, … }
 */
import type { LandUseTable } from './land-use-types.ts';

export interface GreenRatioByValues {
  greenAreaM2: number;
  /** The denominator: every category's area, features without the property included. */
  landAreaM2: number;
  /** null when there is no land to divide by. */
  ratio: number | null;
  greenFeatureCount: number;
  /** The values asked for that no feature has (a typo, or another file's code). */
  missingValues: string[];
}

export function greenRatioByValues(table: LandUseTable, greenValues: readonly string[]): GreenRatioByValues {
  const wanted = new Set(greenValues);
  let greenAreaM2 = 0;
  let greenFeatureCount = 0;
  let landAreaM2 = 0;
  const present = new Set<string>();
  for (const row of table.rows) {
    landAreaM2 += row.areaM2;
    if (row.key !== null && wanted.has(row.key)) {
      greenAreaM2 += row.areaM2;
      greenFeatureCount += row.count;
      present.add(row.key);
    }
  }
  return {
    greenAreaM2,
    landAreaM2,
    ratio: landAreaM2 > 0 ? greenAreaM2 / landAreaM2 : null,
    greenFeatureCount,
    missingValues: greenValues.filter((value) => !present.has(value)),
  };
}
