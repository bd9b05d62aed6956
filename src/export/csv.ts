/**
 * A land-use table as a CSV file a planner opens in Excel or WPS or reads with a script.
 *
 * Format choices, and why:
 * - UTF-8 with a byte-order mark: without it Excel reads the file as the system code page and
 *   Chinese turns into mojibake. CRLF line ends and RFC 4180 quoting, which Excel writes itself.
 * - The caption (source, grouping, denominator, method, notes) comes first, as records whose first
 *   cell starts with `#`: Excel shows them as two readable columns above the table, and
 *   `csv-parse` (`comment: '#'`), pandas (`comment='#'`) and R (`comment.char = '#'`) skip them, so
 *   the first record they see is the header. Every text cell is quoted, so a `#` inside a category
 *   name can never be taken for a comment; line breaks inside caption text become spaces because
 *   comment-skipping parsers stop at the first line end, quoted or not.
 * - Text cells that a spreadsheet would run as a formula (starting with = + - @ tab, CR or LF) get
 *   a leading apostrophe (OWASP's CSV-injection advice): a category or file name is text, never a
 *   formula. Number cells are written unquoted with every digit JavaScript keeps (`String(n)`
 *   round-trips to the same double), so the file reads back to exactly the table's figures.
 * - Shares and 绿地率 are fractions (0–1), as in the table object; the header says so.
 * - No total row among the data rows (it would be summed again by anyone adding up a column): the
 *   total is in the caption.
 */
import type { LandUseClassStatistics } from '../analysis/land-use-classes.ts';
import type { LandUseRow, LandUseTable } from '../analysis/land-use-types.ts';
import { convertArea } from '../geo/units.ts';

export type CsvLanguage = 'zh' | 'en';

export const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';

export interface LandUseCsvOptions {
  language: CsvLanguage;
  /** What was measured, as the planner knows it: the zone's name, a file name, a drawn shape's name. */
  sourceTitle: string;
  /** ISO time of the export, written in the caption when given. */
  exportedAt?: string;
  /** The category's name as the table shows it (a layer's title for its id); the value itself has its own column. */
  categoryName?: (key: string | null) => string;
}

interface CsvLabels {
  columns: [string, string, string, string, string, string, string, string, string, string];
  source: string;
  groupedBy: string;
  groupedByNames: Record<string, string>;
  denominator: string;
  total: string;
  features: string;
  skipped: string;
  method: string;
  note: string;
  exportedAt: string;
  noValue: string;
}

const LABELS: Readonly<Record<CsvLanguage, CsvLabels>> = {
  zh: {
    columns: ['类别', '面积（m²）', '面积（公顷）', '面积（km²）', '面积（亩）', '占比（0–1）', '要素数', '绿地面积（m²）', '绿地率（0–1）', '类别取值'],
    source: '# 来源',
    groupedBy: '# 分组依据',
    groupedByNames: { layer: '图层', kind: '类型（kind）' },
    denominator: '# 占比分母（m²）',
    total: '# 合计面积（m²）',
    features: '# 要素数',
    skipped: '# 未计面积（点、线、空几何）',
    method: '# 方法',
    note: '# 注',
    exportedAt: '# 导出时间',
    noValue: '（无此属性）',
  },
  en: {
    columns: ['category', 'area (m²)', 'area (ha)', 'area (km²)', 'area (mu, 亩)', 'share (0–1)', 'features', 'green area (m²)', 'green-space ratio (0–1)', 'category value'],
    source: '# source',
    groupedBy: '# grouped by',
    groupedByNames: { layer: 'layer', kind: 'kind' },
    denominator: '# share denominator (m²)',
    total: '# total area (m²)',
    features: '# features',
    skipped: '# without area (points, lines, null geometries)',
    method: '# method',
    note: '# note',
    exportedAt: '# exported at',
    noValue: '(no value)',
  },
};

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

/** A text cell: neutralised if a spreadsheet would evaluate it, then quoted with quotes doubled. */
export function textCell(text: string): string {
  const safe = text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A number cell: every significant digit, unquoted; empty when there is no figure. */
export function numberCell(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return String(value);
}

/** Caption text lives in comment records, which parsers end at the first line break. */
function captionCell(text: string): string {
  return textCell(text.replace(/[\r\n\u2028\u2029]+/g, ' '));
}

export function categoryLabel(key: string | null, language: CsvLanguage): string {
  return key ?? LABELS[language].noValue;
}

function rowRecord(row: LandUseRow, language: CsvLanguage, categoryName?: (key: string | null) => string): string {
  return [
    textCell(categoryName ? categoryName(row.key) : categoryLabel(row.key, language)),
    numberCell(row.areaM2),
    numberCell(convertArea(row.areaM2, 'm2', 'ha')),
    numberCell(convertArea(row.areaM2, 'm2', 'km2')),
    numberCell(convertArea(row.areaM2, 'm2', 'mu')),
    numberCell(row.share),
    numberCell(row.count),
    numberCell(row.greenAreaM2),
    numberCell(row.greenSpaceRatio),
    // The value as the data holds it, for joining the table back to the features; empty when a feature lacks it.
    textCell(row.key ?? ''),
  ].join(',');
}

/** The whole file as text, starting with the byte-order mark. */
export function landUseTableToCsv(table: LandUseTable, options: LandUseCsvOptions): string {
  const { language } = options;
  const labels = LABELS[language];
  // The label stays unquoted: a comment record must start with the `#` itself. Labels are ours (no comma, no quote).
  const caption = (label: string, ...cells: string[]): string => [label, ...cells].join(',');
  const records: string[] = [
    caption(labels.source, captionCell(options.sourceTitle)),
    caption(labels.groupedBy, captionCell(labels.groupedByNames[table.groupedBy] ?? table.groupedBy)),
    caption(labels.denominator, numberCell(table.denominatorM2), captionCell(table.denominator[language])),
    caption(labels.total, numberCell(table.totalAreaM2)),
    caption(labels.features, numberCell(table.featureCount)),
    caption(labels.skipped, numberCell(table.skipped.points), numberCell(table.skipped.lines), numberCell(table.skipped.nullGeometries)),
    caption(labels.method, captionCell(table.method[language])),
    ...table.notes.map((note) => caption(labels.note, captionCell(note[language]))),
    ...(options.exportedAt ? [caption(labels.exportedAt, captionCell(options.exportedAt))] : []),
    labels.columns.map(textCell).join(','),
    ...table.rows.map((row) => rowRecord(row, language, options.categoryName)),
  ];
  return BYTE_ORDER_MARK + records.join(LINE_END) + LINE_END;
}

export function landUseCsvBlob(table: LandUseTable, options: LandUseCsvOptions): Blob {
  return new Blob([landUseTableToCsv(table, options)], { type: 'text/csv;charset=utf-8' });
}

/**
 * A land-use class table (src/analysis/land-use-classes.ts) as CSV, in the same format: caption
 * records (standard and edition, column, level, denominator, indicators with their definitions),
 * then one record per class and one per unknown code, told apart by the last column so a script
 * can keep either. Unknown codes have no share: they are not in the denominator.
 */
export interface LandUseClassCsvOptions {
  language: CsvLanguage;
  sourceTitle: string;
  /** The standard's title and edition as the screen shows them. */
  standardTitle: string;
  edition: string;
  exportedAt?: string;
}

const CLASS_LABELS = {
  zh: {
    columns: ['代码', '名称', '层级', '面积（m²）', '面积（公顷）', '面积（km²）', '面积（亩）', '占比（0–1）', '要素数', '行类型'],
    standard: '# 分类标准',
    edition: '# 版本',
    field: '# 编码列',
    level: '# 汇总层级',
    levels: { 1: '一级类', 2: '二级类' },
    denominator: '# 占比分母：可识别编码面积（m²）',
    total: '# 全部要素面积（m²）',
    indicator: '# 占比或比率',
    suffixed: '# 编码后带字母的取值（取值、计入类别、要素数、面积 m²）',
    kinds: { class: '类别', unknown: '未知编码' },
    unknownName: '（不是该分类的编码）',
    noValue: '（无值）',
  },
  en: {
    columns: ['code', 'name', 'level', 'area (m²)', 'area (ha)', 'area (km²)', 'area (mu, 亩)', 'share (0–1)', 'features', 'row'],
    standard: '# classification',
    edition: '# edition',
    field: '# code column',
    level: '# level',
    levels: { 1: '一级类 (level 1)', 2: '二级类 (level 2)' },
    denominator: '# share denominator: area with a recognised code (m²)',
    total: '# all features’ area (m²)',
    indicator: '# indicator',
    suffixed: '# suffixed code (value, counted as, features, area m²)',
    kinds: { class: 'class', unknown: 'unknown code' },
    unknownName: '(not a code of the classification)',
    noValue: '(no value)',
  },
} as const;

export function landUseClassesToCsv(statistics: LandUseClassStatistics, options: LandUseClassCsvOptions): string {
  const { language } = options;
  const labels = CLASS_LABELS[language];
  const common = LABELS[language];
  const caption = (label: string, ...cells: string[]): string => [label, ...cells].join(',');
  const areas = (areaM2: number): string[] => [
    numberCell(areaM2),
    numberCell(convertArea(areaM2, 'm2', 'ha')),
    numberCell(convertArea(areaM2, 'm2', 'km2')),
    numberCell(convertArea(areaM2, 'm2', 'mu')),
  ];
  const records: string[] = [
    caption(common.source, captionCell(options.sourceTitle)),
    caption(labels.standard, captionCell(options.standardTitle)),
    caption(labels.edition, captionCell(options.edition)),
    caption(labels.field, captionCell(statistics.field)),
    caption(labels.level, captionCell(labels.levels[statistics.level])),
    caption(labels.denominator, numberCell(statistics.classifiedAreaM2)),
    caption(labels.total, numberCell(statistics.totalAreaM2)),
    ...Object.values(statistics.indicators).map((indicator) =>
      caption(labels.indicator, captionCell(indicator.name[language]), numberCell(indicator.value), captionCell(indicator.definition[language]), captionCell(indicator.denominator[language])),
    ),
    ...statistics.suffixedCodes.map((entry) => caption(labels.suffixed, captionCell(entry.value), captionCell(entry.countedAs), numberCell(entry.count), numberCell(entry.areaM2))),
    caption(common.method, captionCell(statistics.method)),
    ...(options.exportedAt ? [caption(common.exportedAt, captionCell(options.exportedAt))] : []),
    labels.columns.map(textCell).join(','),
    ...statistics.classes.map((row) =>
      [
        textCell(row.code),
        textCell(row.name_zh),
        numberCell(row.level),
        ...areas(row.areaM2),
        numberCell(statistics.classifiedAreaM2 > 0 ? row.areaM2 / statistics.classifiedAreaM2 : null),
        numberCell(row.count),
        textCell(labels.kinds.class),
      ].join(','),
    ),
    ...statistics.unknownCodes.map((entry) =>
      [textCell(entry.value ?? ''), textCell(entry.value === null ? labels.noValue : labels.unknownName), '', ...areas(entry.areaM2), '', numberCell(entry.count), textCell(labels.kinds.unknown)].join(','),
    ),
  ];
  return BYTE_ORDER_MARK + records.join(LINE_END) + LINE_END;
}

export function landUseClassesCsvBlob(statistics: LandUseClassStatistics, options: LandUseClassCsvOptions): Blob {
  return new Blob([landUseClassesToCsv(statistics, options)], { type: 'text/csv;charset=utf-8' });
}
