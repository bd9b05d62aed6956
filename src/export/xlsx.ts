/**
 * A statistics sheet as an .xlsx workbook: the table on its first sheet (header frozen, numbers as
 * numbers, text as text) and the notes on a 说明 sheet. Written by write-excel-file (maintained,
 * fflate inside); imported only when the planner asks for the file, so it is not in the first load.
 * A string cell in .xlsx is never evaluated, so names that look like formulas stay as typed.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { SheetCell, StatisticsSheet } from './statistics-sheet.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cellOf(value: SheetCell): Cell {
  if (value === null || value === '') return null;
  return typeof value === 'number' ? { value, type: Number } : { value, type: String };
}

export async function sheetToXlsx(sheet: StatisticsSheet): Promise<Blob> {
  const table: SheetData = [
    sheet.header.map((title): Cell => ({ value: title, type: String, fontWeight: 'bold' })),
    ...sheet.rows.map((row) => row.map(cellOf)),
  ];
  const notes: SheetData = sheet.notes.map((row) =>
    row.map((value, index) =>
      index === 0 && typeof value === 'string' ? { value, type: String, fontWeight: 'bold' as const } : cellOf(value),
    ),
  );
  const blob = await writeXlsxFile([
    {
      data: table,
      sheet: sheet.tableName,
      stickyRowsCount: 1,
      columns: sheet.header.map((title) => ({ width: Math.max(10, Math.min(40, title.length * 2)) })),
    },
    { data: notes, sheet: sheet.notesName, columns: [{ width: 24 }, { width: 60 }] },
  ]).toBlob();
  return blob.type === XLSX_TYPE ? blob : new Blob([blob], { type: XLSX_TYPE });
}
