/**
 * Areas in the unit the planner picked for the statistics tables: the land-use table, the class
 * table and the 绿地率 by chosen values all print the same figure for the same area.
 */
import type { AreaUnit } from '../../data/dataset-types.ts';
import { convertArea } from '../../geo/units.ts';
import { formatNumber } from '../format.ts';

export const AREA_UNITS: readonly AreaUnit[] = ['m2', 'ha', 'km2', 'mu'];

/** Decimals per unit: the same for every row so a column of figures lines up and compares. */
const UNIT_DECIMALS: Record<AreaUnit, number> = { m2: 0, ha: 2, km2: 4, mu: 1 };

/** A figure without its unit name, for a table column whose header names the unit. */
export function formatAreaIn(squareMetres: number, unit: AreaUnit, languageTag: string): string {
  return formatNumber(convertArea(squareMetres, 'm2', unit), languageTag, UNIT_DECIMALS[unit]);
}
