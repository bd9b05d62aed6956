import { describe, expect, it } from 'vitest';
import type { LandUseRow } from '../../../src/analysis/land-use-types.ts';
import {
  DEFAULT_SORT,
  ariaSort,
  chartBars,
  groupingChoices,
  nextSortOrder,
  sortRows,
  sourceFromKey,
  sourceKey,
  categoryName,
  type CategoryNaming,
} from '../../../src/ui/planner/statistics-table.ts';

const row = (key: string | null, areaM2: number, extra: Partial<LandUseRow> = {}): LandUseRow =>
  Object.freeze({ key, areaM2, share: areaM2 / 1000, count: 1, greenAreaM2: null, greenSpaceRatio: null, ...extra });

const ROWS = Object.freeze([
  row('工业', 500, { count: 3, greenSpaceRatio: 0.2 }),
  row(null, 300, { count: 5 }),
  row('居住', 150, { count: 3, greenSpaceRatio: 0.35 }),
  row('Alpha', 50, { count: 1, greenSpaceRatio: 0 }),
]);
const collator = new Intl.Collator('zh-CN');

describe('statistics table order', () => {
  it('starts largest area first, as the producers give it', () => {
    expect(sortRows(ROWS, DEFAULT_SORT, collator).map((entry) => entry.areaM2)).toEqual([500, 300, 150, 50]);
  });

  it('sorts by area ascending after a second click on the area header', () => {
    const order = nextSortOrder(DEFAULT_SORT, 'area');
    expect(order).toEqual({ column: 'area', direction: 'ascending' });
    expect(sortRows(ROWS, order, collator).map((entry) => entry.areaM2)).toEqual([50, 150, 300, 500]);
  });

  it('keeps unknown figures last in both directions', () => {
    const descending = sortRows(ROWS, { column: 'greenSpaceRatio', direction: 'descending' }, collator);
    expect(descending.map((entry) => entry.greenSpaceRatio)).toEqual([0.35, 0.2, 0, null]);
    const ascending = sortRows(ROWS, { column: 'greenSpaceRatio', direction: 'ascending' }, collator);
    expect(ascending.map((entry) => entry.greenSpaceRatio)).toEqual([0, 0.2, 0.35, null]);
    const byName = sortRows(ROWS, { column: 'category', direction: 'descending' }, collator);
    expect(byName.at(-1)!.key).toBeNull();
  });

  it('keeps the producers’ order between equal counts (stable)', () => {
    const sorted = sortRows(ROWS, { column: 'count', direction: 'descending' }, collator);
    expect(sorted.map((entry) => entry.key)).toEqual([null, '工业', '居住', 'Alpha']);
  });

  it('starts a new text column A→Z and a new number column largest first; says so in aria-sort', () => {
    expect(nextSortOrder(DEFAULT_SORT, 'category')).toEqual({ column: 'category', direction: 'ascending' });
    expect(nextSortOrder({ column: 'category', direction: 'ascending' }, 'count')).toEqual({
      column: 'count',
      direction: 'descending',
    });
    expect(ariaSort(DEFAULT_SORT, 'area')).toBe('descending');
    expect(ariaSort(DEFAULT_SORT, 'share')).toBe('none');
  });
});

describe('statistics sources and groupings', () => {
  it('round-trips sources through a select value, ids with colons included', () => {
    for (const source of [
      { kind: 'zone' },
      { kind: 'imported', layerId: 'a:b:c' },
      { kind: 'drawn', shapeId: 'x' },
    ] as const) {
      expect(sourceFromKey(sourceKey(source))).toEqual(source);
    }
    expect(sourceFromKey('imported:')).toBeNull();
    expect(sourceFromKey('other:x')).toBeNull();
  });

  it('offers layer and kind, then the layer’s properties without repeating one', () => {
    expect(groupingChoices(['landuse', 'kind', 'name'])).toEqual(['layer', 'kind', 'landuse', 'name']);
  });

  it('gives one bar per row with its share in percent, unknown share as 0', () => {
    expect(chartBars([row('a', 250), row(null, 10, { share: null })], (key) => key ?? '（无）')).toEqual([
      { label: 'a', percent: 25 },
      { label: '（无）', percent: 0 },
    ]);
  });

  it("names the dataset's layers and kinds in the page language, and leaves an imported file's values as written", () => {
    const naming: CategoryNaming = {
      layerTitles: new Map([['core', '一核']]),
      kindNames: { park: '产业园区' },
      noValue: '（无此属性）',
    };
    expect(categoryName('core', 'layer', true, naming)).toBe('一核');
    expect(categoryName('park', 'kind', true, naming)).toBe('产业园区');
    expect(categoryName('unknown-kind', 'kind', true, naming)).toBe('unknown-kind');
    expect(categoryName('toString', 'kind', true, naming)).toBe('toString');
    expect(categoryName('park', 'kind', false, naming)).toBe('park');
    expect(categoryName('core', 'land_use', true, naming)).toBe('core');
    expect(categoryName(null, 'kind', false, naming)).toBe('（无此属性）');
  });

  it('sorts categories by the name shown, not the value underneath', () => {
    const names: Record<string, string> = { a: '乙', b: '甲' };
    const sorted = sortRows(
      [row('a', 1), row('b', 2)],
      { column: 'category', direction: 'ascending' },
      new Intl.Collator('en'),
      (key) => names[key]!,
    );
    expect(sorted.map((entry) => entry.key)).toEqual(
      ['a', 'b'].sort((first, second) => names[first]!.localeCompare(names[second]!, 'en')),
    );
  });
});
