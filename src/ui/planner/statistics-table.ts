/**
 * What the statistics table and chart show of a land-use table: the order of its rows, the
 * source and grouping choices, and the chart's summary. Display logic only: every figure was
 * measured in src/analysis.
 */
import type { LandUseRow, LandUseSource } from '../../analysis/land-use-types.ts';

export type SortColumn = 'category' | 'area' | 'share' | 'count' | 'greenArea' | 'greenSpaceRatio';
export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  column: SortColumn;
  direction: SortDirection;
}

/** The producers' own order: largest area first. */
export const DEFAULT_SORT: SortOrder = { column: 'area', direction: 'descending' };

function valueOf(row: LandUseRow, column: Exclude<SortColumn, 'category'>): number | null {
  switch (column) {
    case 'area':
      return row.areaM2;
    case 'share':
      return row.share;
    case 'count':
      return row.count;
    case 'greenArea':
      return row.greenAreaM2;
    case 'greenSpaceRatio':
      return row.greenSpaceRatio;
  }
}

/**
 * Rows in the asked order. Missing figures and the "no value" category go last in either
 * direction (they are not small, they are unknown); ties keep the producers' order.
 */
export function sortRows(
  rows: readonly LandUseRow[],
  order: SortOrder,
  collator: Intl.Collator,
  /** Categories sort by the name the planner reads, not the value underneath. */
  nameOf: (key: string) => string = (key) => key,
): LandUseRow[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((first, second) => {
    let firstValue: string | number | null;
    let secondValue: string | number | null;
    if (order.column === 'category') {
      firstValue = first.row.key === null ? null : nameOf(first.row.key);
      secondValue = second.row.key === null ? null : nameOf(second.row.key);
    } else {
      firstValue = valueOf(first.row, order.column);
      secondValue = valueOf(second.row, order.column);
    }
    if (firstValue === null || secondValue === null) {
      if (firstValue === secondValue) return first.index - second.index;
      return firstValue === null ? 1 : -1;
    }
    const difference =
      typeof firstValue === 'string' && typeof secondValue === 'string'
        ? collator.compare(firstValue, secondValue)
        : (firstValue as number) - (secondValue as number);
    return difference === 0 ? first.index - second.index : sign * difference;
  });
  return indexed.map(({ row }) => row);
}

/** Clicking a column's header: a new column starts in its natural direction, the same one flips. */
export function nextSortOrder(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === 'category' ? 'ascending' : 'descending' };
}

export function ariaSort(current: SortOrder, column: SortColumn): 'ascending' | 'descending' | 'none' {
  return current.column === column ? current.direction : 'none';
}

/** A source as one `<select>` value and back. Ids may contain anything, so only the first ':' splits. */
export function sourceKey(source: LandUseSource): string {
  switch (source.kind) {
    case 'zone':
      return 'zone';
    case 'imported':
      return `imported:${source.layerId}`;
    case 'drawn':
      return `drawn:${source.shapeId}`;
  }
}

export function sourceFromKey(key: string): LandUseSource | null {
  if (key === 'zone') return { kind: 'zone' };
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (id.length === 0) return null;
  if (kind === 'imported') return { kind: 'imported', layerId: id };
  if (kind === 'drawn') return { kind: 'drawn', shapeId: id };
  return null;
}

export const BUILT_IN_GROUPINGS = ['layer', 'kind'] as const;

/** Groupings offered for a source: layer and kind always, then an imported layer's own properties. */
export function groupingChoices(propertyNames: readonly string[]): string[] {
  const choices: string[] = [...BUILT_IN_GROUPINGS];
  for (const name of propertyNames) if (!choices.includes(name)) choices.push(name);
  return choices;
}

export interface ChartBar {
  label: string;
  /** Share of the table's denominator in percent (0–100), or 0 when there is none. */
  percent: number;
  /** The category's own colour (a land class's official colour); the chart's one colour when absent. */
  colour?: string;
}

/** One bar per category, in the table's current order. */
export function chartBars(rows: readonly LandUseRow[], nameOf: (key: string | null) => string): ChartBar[] {
  return rows.map((row) => ({ label: nameOf(row.key), percent: (row.share ?? 0) * 100 }));
}

/** What the planner reads for a category: the dataset's names for its own layers and kinds. */
export interface CategoryNaming {
  /** Manifest layer id → title in the page language. */
  layerTitles: ReadonlyMap<string, string>;
  /** Feature `kind` → name in the page language (src/i18n `kinds`). */
  kindNames: Readonly<Record<string, string>>;
  noValue: string;
}

/**
 * A category's name. Layer ids and kinds are translated only where they are the dataset's own
 * (the zone and drawn areas); an imported file's values are the planner's words and stay as written.
 */
export function categoryName(
  key: string | null,
  groupedBy: string,
  fromDataset: boolean,
  naming: CategoryNaming,
): string {
  if (key === null) return naming.noValue;
  if (!fromDataset) return key;
  if (groupedBy === 'layer') return naming.layerTitles.get(key) ?? key;
  if (groupedBy === 'kind') return Object.hasOwn(naming.kindNames, key) ? naming.kindNames[key]! : key;
  return key;
}
