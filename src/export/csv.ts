/**
 * A statistics table as a CSV file a planner opens in Excel or WPS or reads with pandas or R.
 *
 * Format choices, and why:
 * - The file is the table and nothing else: the header is the first record and every record has the
 *   header's cells, so `pandas.read_csv`, R's `read.csv` and Excel read it as a table with no options.
 *   The caption (source, denominator, total, method, notes) is in the .xlsx export's 说明 sheet
 *   (src/export/xlsx.ts), built from the same StatisticsSheet.
 * - UTF-8 with a byte-order mark: without it Excel reads the file as the system code page and
 *   Chinese turns into mojibake. CRLF line ends and RFC 4180 quoting, which Excel writes itself.
 * - Text cells are always quoted, so a category named "12" stays text for a reader that honours quotes.
 *   Text that a spreadsheet would run as a formula (starting with = + - @ tab, CR or LF) gets a
 *   leading apostrophe (OWASP's CSV-injection advice): a category or file name is text, never a formula.
 * - Numbers are unquoted, rounded as the sheet rounds them (statistics-sheet.ts); the full precision
 *   is in the GeoJSON export. Shares and 绿地率 are fractions (0–1); the header says so.
 * - No total row among the data rows (it would be summed again by anyone adding up a column).
 */
import type { LandUseClassStatistics } from '../analysis/land-use-classes.ts';
import type { LandUseTable } from '../analysis/land-use-types.ts';
import {
  type LandUseClassSheetOptions,
  type LandUseSheetOptions,
  type SheetCell,
  type StatisticsSheet,
  landUseClassSheet,
  landUseSheet,
} from './statistics-sheet.ts';

export type LandUseCsvOptions = LandUseSheetOptions;
export type LandUseClassCsvOptions = LandUseClassSheetOptions;

export const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

/** A text cell: neutralised if a spreadsheet would evaluate it, then quoted with quotes doubled. */
export function textCell(text: string): string {
  const safe = text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A number cell, unquoted; empty when there is no figure. */
export function numberCell(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return String(value);
}

function cell(value: SheetCell): string {
  return typeof value === 'string' ? textCell(value) : numberCell(value);
}

/** The sheet's table as CSV text: byte-order mark, header, rows. */
export function sheetToCsv(sheet: StatisticsSheet): string {
  const records = [sheet.header, ...sheet.rows].map((record) => record.map(cell).join(','));
  return BYTE_ORDER_MARK + records.join(LINE_END) + LINE_END;
}

/** The whole file as text, starting with the byte-order mark. */
export function landUseTableToCsv(table: LandUseTable, options: LandUseCsvOptions): string {
  return sheetToCsv(landUseSheet(table, options));
}

export function landUseCsvBlob(table: LandUseTable, options: LandUseCsvOptions): Blob {
  return new Blob([landUseTableToCsv(table, options)], { type: 'text/csv;charset=utf-8' });
}

/** A land-use class table in the same layout: classes, then unknown codes, told apart by the last column. */
export function landUseClassesToCsv(statistics: LandUseClassStatistics, options: LandUseClassCsvOptions): string {
  return sheetToCsv(landUseClassSheet(statistics, options));
}

export function landUseClassesCsvBlob(statistics: LandUseClassStatistics, options: LandUseClassCsvOptions): Blob {
  return new Blob([landUseClassesToCsv(statistics, options)], { type: 'text/csv;charset=utf-8' });
}
