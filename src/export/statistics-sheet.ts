/**
 * A statistics table as a plain sheet: one header row, one row per category, and a separate list of
 * notes (source, grouping, denominator, total, method, caveats). The CSV writes the table alone so
 * Excel, WPS, pandas and R read it as a table from its first line; the .xlsx writes the table on one
 * sheet and the notes on a 说明 sheet. Both writers take this one object, so they hold the same figures.
 *
 * Figures are rounded to what a land survey can mean (0.1 m², 1 m² in ha and km², a millionth of a
 * share): the full precision stays in the GeoJSON export and in the app's table objects.
 */
import type { LandUseClassStatistics } from '../analysis/land-use-classes.ts';
import type { LandUseRow, LandUseTable } from '../analysis/land-use-types.ts';
import { convertArea } from '../geo/units.ts';

export type SheetLanguage = 'zh' | 'en';

/** Text stays text (even "12"), numbers stay numbers, null is an empty cell. */
export type SheetCell = string | number | null;

export interface StatisticsSheet {
  /** The table sheet's name. */
  tableName: string;
  /** The notes sheet's name: 说明. */
  notesName: string;
  header: string[];
  rows: SheetCell[][];
  /** Label first, then its values. */
  notes: SheetCell[][];
}

/** Decimal places by unit: each keeps about 0.1–1 m², the limit of what the boundaries say. */
export const DECIMALS = { m2: 1, ha: 4, km2: 6, mu: 3, fraction: 6 } as const;

/** Rounds half away from zero at `decimals` places; non-finite becomes null (an empty cell). */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const rounded = Number(value.toFixed(decimals));
  // -0 would print as "0" in CSV but as "-0" nowhere useful: normalise.
  return rounded === 0 ? 0 : rounded;
}

function areaCells(areaM2: number): number[] {
  return [
    roundTo(areaM2, DECIMALS.m2)!,
    roundTo(convertArea(areaM2, 'm2', 'ha'), DECIMALS.ha)!,
    roundTo(convertArea(areaM2, 'm2', 'km2'), DECIMALS.km2)!,
    roundTo(convertArea(areaM2, 'm2', 'mu'), DECIMALS.mu)!,
  ];
}

const SHEET_NAMES: Readonly<Record<SheetLanguage, { table: string; notes: string }>> = {
  zh: { table: '统计表', notes: '说明' },
  en: { table: 'table', notes: '说明 (notes)' },
};

export interface LandUseSheetOptions {
  language: SheetLanguage;
  /** What was measured, as the planner knows it: the zone's name, a file name, a drawn shape's name. */
  sourceTitle: string;
  /** ISO time of the export, written in the notes when given. */
  exportedAt?: string;
  /** The category's name as the table shows it (a layer's title for its id); the value itself has its own column. */
  categoryName?: (key: string | null) => string;
}

const LABELS = {
  zh: {
    columns: [
      '类别',
      '面积（m²）',
      '面积（公顷）',
      '面积（km²）',
      '面积（亩）',
      '占比（0–1）',
      '要素数',
      '绿地面积（m²）',
      '绿地率（0–1）',
      '类别取值',
    ],
    source: '来源',
    groupedBy: '分组依据',
    groupedByNames: { layer: '图层', kind: '类型（kind）' } as Record<string, string>,
    denominator: '占比分母（m²）',
    total: '合计面积（m²）',
    features: '要素数',
    skipped: '未计面积（点、线、空几何）',
    method: '方法',
    note: '注',
    precision: '精度',
    precisionText:
      '面积（m²）保留 1 位小数，公顷 4 位，km² 6 位，亩 3 位，占比与绿地率 6 位；完整精度见 GeoJSON 导出。',
    exportedAt: '导出时间',
    noValue: '（无此属性）',
  },
  en: {
    columns: [
      'category',
      'area (m²)',
      'area (ha)',
      'area (km²)',
      'area (mu, 亩)',
      'share (0–1)',
      'features',
      'green area (m²)',
      'green-space ratio (0–1)',
      'category value',
    ],
    source: 'source',
    groupedBy: 'grouped by',
    groupedByNames: { layer: 'layer', kind: 'kind' } as Record<string, string>,
    denominator: 'share denominator (m²)',
    total: 'total area (m²)',
    features: 'features',
    skipped: 'without area (points, lines, null geometries)',
    method: 'method',
    note: 'note',
    precision: 'precision',
    precisionText:
      'Areas rounded to 0.1 m², 4 decimals in ha, 6 in km², 3 in mu; shares and ratios to 6 decimals. Full precision: the GeoJSON export.',
    exportedAt: 'exported at',
    noValue: '(no value)',
  },
} as const;

export function categoryLabel(key: string | null, language: SheetLanguage): string {
  return key ?? LABELS[language].noValue;
}

function landUseRow(
  row: LandUseRow,
  language: SheetLanguage,
  categoryName?: (key: string | null) => string,
): SheetCell[] {
  return [
    categoryName ? categoryName(row.key) : categoryLabel(row.key, language),
    ...areaCells(row.areaM2),
    roundTo(row.share, DECIMALS.fraction),
    row.count,
    roundTo(row.greenAreaM2, DECIMALS.m2),
    roundTo(row.greenSpaceRatio, DECIMALS.fraction),
    // The value as the data holds it, for joining the table back to the features; empty when a feature lacks it.
    row.key ?? '',
  ];
}

/** A land-use table (zone, imported file or drawn shape) as a sheet; rows in the table's order. */
export function landUseSheet(table: LandUseTable, options: LandUseSheetOptions): StatisticsSheet {
  const { language } = options;
  const labels = LABELS[language];
  return {
    tableName: SHEET_NAMES[language].table,
    notesName: SHEET_NAMES[language].notes,
    header: [...labels.columns],
    rows: table.rows.map((row) => landUseRow(row, language, options.categoryName)),
    notes: [
      [labels.source, options.sourceTitle],
      [labels.groupedBy, labels.groupedByNames[table.groupedBy] ?? table.groupedBy],
      [labels.denominator, roundTo(table.denominatorM2, DECIMALS.m2), table.denominator[language]],
      [labels.total, roundTo(table.totalAreaM2, DECIMALS.m2)],
      [labels.features, table.featureCount],
      [labels.skipped, table.skipped.points, table.skipped.lines, table.skipped.nullGeometries],
      [labels.method, table.method[language]],
      ...table.notes.map((note): SheetCell[] => [labels.note, note[language]]),
      [labels.precision, labels.precisionText],
      ...(options.exportedAt ? [[labels.exportedAt, options.exportedAt]] : []),
    ],
  };
}

export interface LandUseClassSheetOptions {
  language: SheetLanguage;
  sourceTitle: string;
  /** The standard's title and edition as the screen shows them. */
  standardTitle: string;
  edition: string;
  exportedAt?: string;
}

const CLASS_LABELS = {
  zh: {
    columns: [
      '代码',
      '名称',
      '层级',
      '面积（m²）',
      '面积（公顷）',
      '面积（km²）',
      '面积（亩）',
      '占比（0–1）',
      '要素数',
      '行类型',
    ],
    standard: '分类标准',
    edition: '版本',
    field: '编码列',
    level: '汇总层级',
    levels: { 1: '一级类', 2: '二级类' },
    denominator: '占比分母：可识别编码面积（m²）',
    total: '全部要素面积（m²）',
    indicator: '占比或比率',
    suffixed: '编码后带字母的取值（取值、计入类别、要素数、面积 m²）',
    kinds: { class: '类别', unknown: '未知编码' },
    unknownName: '（不是该分类的编码）',
    noValue: '（无值）',
  },
  en: {
    columns: [
      'code',
      'name',
      'level',
      'area (m²)',
      'area (ha)',
      'area (km²)',
      'area (mu, 亩)',
      'share (0–1)',
      'features',
      'row',
    ],
    standard: 'classification',
    edition: 'edition',
    field: 'code column',
    level: 'level',
    levels: { 1: '一级类 (level 1)', 2: '二级类 (level 2)' },
    denominator: 'share denominator: area with a recognised code (m²)',
    total: 'all features’ area (m²)',
    indicator: 'indicator',
    suffixed: 'suffixed code (value, counted as, features, area m²)',
    kinds: { class: 'class', unknown: 'unknown code' },
    unknownName: '(not a code of the classification)',
    noValue: '(no value)',
  },
} as const;

/**
 * A land-use class table (src/analysis/land-use-classes.ts): one row per class, then one per unknown
 * code, told apart by the last column so a script can keep either. Unknown codes have no share: they
 * are not in the denominator.
 */
export function landUseClassSheet(
  statistics: LandUseClassStatistics,
  options: LandUseClassSheetOptions,
): StatisticsSheet {
  const { language } = options;
  const labels = CLASS_LABELS[language];
  const common = LABELS[language];
  return {
    tableName: SHEET_NAMES[language].table,
    notesName: SHEET_NAMES[language].notes,
    header: [...labels.columns],
    rows: [
      ...statistics.classes.map((row): SheetCell[] => [
        row.code,
        row.name_zh,
        row.level,
        ...areaCells(row.areaM2),
        roundTo(statistics.classifiedAreaM2 > 0 ? row.areaM2 / statistics.classifiedAreaM2 : null, DECIMALS.fraction),
        row.count,
        labels.kinds.class,
      ]),
      ...statistics.unknownCodes.map((entry): SheetCell[] => [
        entry.value ?? '',
        entry.value === null ? labels.noValue : labels.unknownName,
        null,
        ...areaCells(entry.areaM2),
        null,
        entry.count,
        labels.kinds.unknown,
      ]),
    ],
    notes: [
      [common.source, options.sourceTitle],
      [labels.standard, options.standardTitle],
      [labels.edition, options.edition],
      [labels.field, statistics.field],
      [labels.level, labels.levels[statistics.level]],
      [labels.denominator, roundTo(statistics.classifiedAreaM2, DECIMALS.m2)],
      [labels.total, roundTo(statistics.totalAreaM2, DECIMALS.m2)],
      ...Object.values(statistics.indicators).map((indicator): SheetCell[] => [
        labels.indicator,
        indicator.name[language],
        roundTo(indicator.value, DECIMALS.fraction),
        indicator.definition[language],
        indicator.denominator[language],
      ]),
      ...statistics.suffixedCodes.map((entry): SheetCell[] => [
        labels.suffixed,
        entry.value,
        entry.countedAs,
        entry.count,
        roundTo(entry.areaM2, DECIMALS.m2),
      ]),
      [common.method, statistics.method],
      [common.precision, common.precisionText],
      ...(options.exportedAt ? [[common.exportedAt, options.exportedAt]] : []),
    ],
  };
}
