/**
 * Colours for an imported layer drawn by one of its properties, as a GIS draws a categorised layer:
 * the categories in the order given (the statistics table's, largest area first) take the colours
 * of a qualitative palette; those past the palette and features without the property share one
 * grey, named "other" in the legend. Plain data: src/map/user-layers.ts turns it into a MapLibre
 * `match` on the property's value as text, the same text the statistics table groups by.
 */

/**
 * Tableau 10 (Maureen Stone's redesign, also d3.schemeTableau10): ten hues that stay apart on white
 * and on the map's light base, and none of them the grey used for "other".
 */
export const CATEGORY_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#17becf',
] as const;

export const OTHER_CATEGORY_COLOUR = '#9a9a9a';

export interface CategoryColouring {
  field: string;
  /** Each category value that has a colour of its own. */
  valueColours: [value: string, colour: string][];
  /** Every other value, and features without the property. */
  fallback: string;
}

export function categoryColouring(field: string, keys: readonly (string | null)[]): CategoryColouring {
  const valueColours: [string, string][] = [];
  for (const key of keys) {
    if (key === null || valueColours.length === CATEGORY_PALETTE.length) continue;
    if (valueColours.some(([value]) => value === key)) continue;
    valueColours.push([key, CATEGORY_PALETTE[valueColours.length]!]);
  }
  return { field, valueColours, fallback: OTHER_CATEGORY_COLOUR };
}

/** The colour a category is drawn in under this colouring: its own, or the shared grey. */
export function categoryColour(colouring: CategoryColouring, key: string | null): string {
  if (key === null) return colouring.fallback;
  return colouring.valueColours.find(([value]) => value === key)?.[1] ?? colouring.fallback;
}

/**
 * A property value as the statistics table keys it (src/analysis/land-use-table.ts groups the same
 * way): absent → null, objects as JSON, everything else as text. Lets a clicked feature find its row.
 */
export function categoryKeyOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
