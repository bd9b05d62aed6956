/**
 * Reads an .xlsx back without the library that wrote it: unzip (fflate), then the workbook's sheet
 * names and each sheet's cells from the SpreadsheetML (xmldom). Enough for the statistics export:
 * shared strings, inline strings and numbers, in row order, gaps as null.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export type ReadCell = string | number | null;
export interface ReadSheet {
  name: string;
  rows: ReadCell[][];
}

function elements(parent: { getElementsByTagName(name: string): ArrayLike<Element> }, name: string): Element[] {
  return Array.from(parent.getElementsByTagName(name));
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)![0];
  return [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

export function readXlsx(bytes: Uint8Array): ReadSheet[] {
  const files = unzipSync(bytes);
  const xml = (path: string) => new DOMParser().parseFromString(strFromU8(files[path]!), 'text/xml');
  const shared = files['xl/sharedStrings.xml']
    ? elements(xml('xl/sharedStrings.xml'), 'si').map((item) =>
        elements(item, 't')
          .map((text) => text.textContent ?? '')
          .join(''),
      )
    : [];
  const relations = new Map(
    elements(xml('xl/_rels/workbook.xml.rels'), 'Relationship').map((relation) => [
      relation.getAttribute('Id'),
      relation.getAttribute('Target'),
    ]),
  );
  return elements(xml('xl/workbook.xml'), 'sheet').map((sheet) => {
    const target = relations.get(sheet.getAttribute('r:id'))!.replace(/^\/?(xl\/)?/, '');
    const rows = elements(xml(`xl/${target}`), 'row').map((row) => {
      const cells: ReadCell[] = [];
      for (const cell of elements(row, 'c')) {
        const index = columnIndex(cell.getAttribute('r')!);
        while (cells.length < index) cells.push(null);
        const type = cell.getAttribute('t');
        const value = elements(cell, 'v')[0]?.textContent ?? null;
        cells[index] =
          type === 's'
            ? shared[Number(value)]!
            : type === 'inlineStr'
              ? elements(cell, 't')
                  .map((text) => text.textContent ?? '')
                  .join('')
              : type === 'str'
                ? value
                : value === null
                  ? null
                  : Number(value);
      }
      return cells;
    });
    return { name: sheet.getAttribute('name')!, rows };
  });
}
