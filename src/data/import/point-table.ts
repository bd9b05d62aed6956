/**
 * A table of places (CSV, or the first sheet of an XLSX) into points: a visitor's list of places or
 * a planner's facility table. The coordinate columns are found by their names (经度/纬度, lon/lat,
 * longitude/latitude, x/y …) and said in the notes; the other columns become properties as
 * written. Rows without readable coordinates are kept without a position, so the count stays
 * honest. GCJ-02/BD-09 are converted by the import's coordinate-system choice, as for any file.
 *
 * CSV text from Excel in China is usually GBK: strict UTF-8 first, GB18030 when that fails.
 * XLSX is a zip of XML: its sheet and shared strings are inflated through the byte-capped unzip.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipMember } from './capped-unzip.ts';
import { MAXIMUM_UNZIPPED_BYTES } from './import-limits.ts';
import type { LocalisedNote } from './import-types.ts';
import type { ZipMember } from './zip-directory.ts';

/** The table's headers and the two read as coordinates, so the planner can confirm or change them. */
export interface PointColumns {
  headers: string[];
  longitude: string;
  latitude: string;
}

export type PointTableConversion =
  | { ok: true; collection: FeatureCollection; notes: LocalisedNote[]; columns: PointColumns }
  | { ok: false; message: string };

/** The planner's choice of coordinate columns; null: detected by name. */
export type ChosenColumns = { longitude: string; latitude: string } | null;

const LONGITUDE = /^(经度|东经|经度坐标|lon|lng|long|longitude|x|x坐标|point_?x|wgs84_?lon|gcj02_?lon|bd09_?lon)$/;
const LATITUDE = /^(纬度|北纬|纬度坐标|lat|latitude|y|y坐标|point_?y|wgs84_?lat|gcj02_?lat|bd09_?lat)$/;

/** A header as a name to match: no BOM, no spaces, no unit in brackets ("经度（°）" → "经度"). */
function normalisedHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** A coordinate as written: plain decimal, optionally with a trailing ° or a comma as decimal mark. */
function coordinateOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  const cleaned = text
    .trim()
    .replace(/°$/, '')
    .replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** @example pointTableToCollection([['名称', '经度', '纬度'], ['泸州站', '105.39', '28.93']], 'places.csv') */
export function pointTableToCollection(
  rows: string[][],
  fileName: string,
  chosen: ChosenColumns = null,
): PointTableConversion {
  const [headerRow, ...dataRows] = rows;
  if (!headerRow || dataRows.length === 0)
    return { ok: false, message: `${fileName}: the table has no rows below its header (表格为空)` };
  const headers = headerRow.map((header, index) => header.replace(/^\uFEFF/, '').trim() || `column_${index + 1}`);
  const normalised = headers.map(normalisedHeader);
  const chosenIndex = (name: string | undefined) => (name === undefined ? -1 : headers.indexOf(name));
  const detected = chosen === null || chosenIndex(chosen.longitude) < 0 || chosenIndex(chosen.latitude) < 0;
  const longitudeIndex = detected
    ? normalised.findIndex((name) => LONGITUDE.test(name))
    : chosenIndex(chosen!.longitude);
  const latitudeIndex = detected ? normalised.findIndex((name) => LATITUDE.test(name)) : chosenIndex(chosen!.latitude);
  if (longitudeIndex < 0 || latitudeIndex < 0) {
    return {
      ok: false,
      message: `${fileName}: no coordinate columns found among ${headers
        .slice(0, 12)
        .map((header) => `"${header}"`)
        .join(', ')}; name them 经度 and 纬度 (or lon and lat) (未找到经纬度列)`,
    };
  }
  const features: Feature[] = [];
  const unplaced: number[] = [];
  dataRows.forEach((row, rowIndex) => {
    const properties: Record<string, unknown> = {};
    headers.forEach((header, index) => {
      if (index === longitudeIndex || index === latitudeIndex) return;
      const value = row[index] ?? '';
      if (header === '__proto__')
        Object.defineProperty(properties, header, { value, enumerable: true, writable: true, configurable: true });
      else properties[header] = value;
    });
    const longitude = coordinateOf(row[longitudeIndex]);
    const latitude = coordinateOf(row[latitudeIndex]);
    if (longitude === null || latitude === null) unplaced.push(rowIndex + 2);
    features.push({
      type: 'Feature',
      properties,
      geometry:
        longitude === null || latitude === null
          ? (null as never)
          : { type: 'Point', coordinates: [longitude, latitude] },
    });
  });
  const columns = `${headers[longitudeIndex]} / ${headers[latitudeIndex]}`;
  const notes: LocalisedNote[] = [
    detected
      ? {
          zh: `坐标取自列 ${columns}（按列名识别，可在下方更改；按所选坐标系读取）。`,
          en: `Coordinates from the columns ${columns} (found by their names, changeable below; read in the chosen coordinate system).`,
        }
      : { zh: `坐标取自所选的列 ${columns}。`, en: `Coordinates from the columns ${columns}, as chosen.` },
  ];
  if (unplaced.length > 0) {
    const lines = unplaced.slice(0, 8).join(', ') + (unplaced.length > 8 ? ' …' : '');
    notes.push({
      zh: `${unplaced.length} 行没有可读的经纬度（第 ${lines} 行），保留但不显示。`,
      en: `${unplaced.length} row(s) have no readable coordinates (line ${lines}): kept, not placed.`,
    });
  }
  return {
    ok: true,
    collection: { type: 'FeatureCollection', features },
    notes,
    columns: { headers, longitude: headers[longitudeIndex]!, latitude: headers[latitudeIndex]! },
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** csv-parse is loaded when a CSV is first imported: the import worker starts with every page. */
export async function convertCsv(
  bytes: Uint8Array,
  fileName: string,
  chosen: ChosenColumns = null,
): Promise<PointTableConversion> {
  const { parse } = await import('csv-parse/browser/esm/sync');
  let text: string;
  let encodingNote: LocalisedNote;
  try {
    text = strictUtf8.decode(bytes);
    encodingNote = { zh: '表格按 UTF-8 读取。', en: 'The table was read as UTF-8.' };
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
    encodingNote = {
      zh: '表格不是有效的 UTF-8，按 GB18030（含 GBK）读取。',
      en: 'The table is not valid UTF-8: read as GB18030 (which covers GBK, as Excel in China saves CSV).',
    };
  }
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: [',', '\t', ';'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    return {
      ok: false,
      message: `${fileName}: not a readable CSV (${error instanceof Error ? error.message : String(error)}) (CSV 格式错误)`,
    };
  }
  const converted = pointTableToCollection(rows, fileName, chosen);
  return converted.ok ? { ...converted, notes: [encodingNote, ...converted.notes] } : converted;
}

/** The first worksheet of an XLSX (OOXML SpreadsheetML), as rows of cell text. */
export function convertXlsx(
  bytes: Uint8Array,
  fileName: string,
  members: readonly ZipMember[],
  chosen: ChosenColumns = null,
): PointTableConversion {
  const text = (name: string): string | null | { problem: string } => {
    const member = members.find((candidate) => candidate.name === name);
    if (!member) return null;
    const unzipped = unzipMember(bytes, member, MAXIMUM_UNZIPPED_BYTES);
    return unzipped.ok ? new TextDecoder('utf-8').decode(unzipped.bytes) : { problem: unzipped.problem };
  };
  const sheetName = members
    .map((member) => member.name)
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((first, second) => Number(/\d+/.exec(first)![0]) - Number(/\d+/.exec(second)![0]))[0];
  if (!sheetName)
    return {
      ok: false,
      message: `${fileName}: a spreadsheet without a worksheet (xl/worksheets/sheet1.xml is missing) (没有工作表)`,
    };
  const sheet = text(sheetName);
  const shared = text('xl/sharedStrings.xml');
  for (const part of [sheet, shared])
    if (part && typeof part === 'object') return { ok: false, message: `${fileName}: ${part.problem}` };
  const parse = (xml: string, part: string) => {
    if (/<!DOCTYPE|<!ENTITY/i.test(xml))
      throw new Error(`${part} contains a document type or entity declaration; refused`);
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(`${part}: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
  };
  try {
    const strings: string[] = [];
    if (typeof shared === 'string') {
      const document = parse(shared, 'xl/sharedStrings.xml');
      for (const item of Array.from(document.getElementsByTagName('si')))
        strings.push(
          Array.from(item.getElementsByTagName('t'))
            .map((node) => node.textContent ?? '')
            .join(''),
        );
    }
    const document = parse(sheet as string, sheetName);
    const rows: string[][] = [];
    for (const row of Array.from(document.getElementsByTagName('row'))) {
      const cells: string[] = [];
      for (const cell of Array.from(row.getElementsByTagName('c'))) {
        const reference = cell.getAttribute('r') ?? '';
        const letters = /^[A-Z]+/.exec(reference)?.[0];
        const column = letters
          ? [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1
          : cells.length;
        if (column > 16383) continue;
        const type = cell.getAttribute('t');
        const value = cell.getElementsByTagName('v')[0]?.textContent ?? '';
        cells[column] =
          type === 's'
            ? (strings[Number(value)] ?? '')
            : type === 'inlineStr'
              ? Array.from(cell.getElementsByTagName('t'))
                  .map((node) => node.textContent ?? '')
                  .join('')
              : value;
      }
      if (cells.some((cell) => cell !== undefined && cell !== '')) rows.push(Array.from(cells, (cell) => cell ?? ''));
    }
    const converted = pointTableToCollection(rows, fileName, chosen);
    return converted.ok
      ? {
          ...converted,
          notes: [{ zh: `读取了工作表 ${sheetName}。`, en: `Read the worksheet ${sheetName}.` }, ...converted.notes],
        }
      : converted;
  } catch (error) {
    return {
      ok: false,
      message: `${fileName}: the spreadsheet could not be read (${error instanceof Error ? error.message : String(error)}) (XLSX 无法读取)`,
    };
  }
}
