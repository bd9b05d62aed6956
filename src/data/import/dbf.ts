/**
 * A Shapefile's attribute table (dBASE III/IV `.dbf`) into one plain object per record, with its
 * text decoded in the right encoding. Written here rather than taken from `parsedbf` (shpjs's
 * reader) because the choice of encoding is the point: parsedbf falls back to UTF-8 for any code
 * page TextDecoder does not know by name (`CP936`) and decodes leniently, so distinct GBK names
 * collapsed into one garbled key (issue 17).
 *
 * The encoding, in order: the planner's choice, the `.cpg`, the header's language driver byte,
 * then strict UTF-8, then GB18030 (a superset of GBK). A candidate is kept only if every text value
 * and field name decodes without error and no two different byte strings in a column decode to
 * the same text; otherwise the next one is tried, and the notes say so. Windows-1252 ends the list:
 * it decodes every byte, one character each, so it can never merge two values.
 */
import type { LocalisedNote } from './import-types.ts';
import {
  encodingOfCodePage,
  encodingOfLanguageDriver,
  TEXT_ENCODING_NAMES,
  type TextEncoding,
  type TextEncodingSource,
  type TextEncodingUsed,
} from './text-encodings.ts';

export interface DbfTable {
  records: Record<string, unknown>[];
  encoding: TextEncodingUsed;
  notes: LocalisedNote[];
}

export type DbfReading = ({ ok: true } & DbfTable) | { ok: false; problem: string };

interface Field {
  rawName: Uint8Array;
  type: string;
  offset: number;
  length: number;
}

interface Candidate {
  encoding: TextEncoding;
  source: TextEncodingSource;
}

const HEADER_BYTES = 32;
const FIELD_DESCRIPTOR_BYTES = 32;
const FIELD_TERMINATOR = 0x0d;
/** Decoders that map more than one byte string to some character (GB18030's € is 0x80 and 0xA2E3). */
const MAY_MERGE = new Set<TextEncoding>(['gbk', 'gb18030', 'big5', 'shift_jis', 'euc-kr']);

/** A value's bytes without the padding dBASE adds (spaces, NULs) and without a UTF-8 byte-order mark. */
function trimmed(bytes: Uint8Array): Uint8Array {
  let start = 0;
  let end = bytes.length;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < end && bytes[start] === 0x20) start += 1;
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x00)) end -= 1;
  return bytes.subarray(start, end);
}

function isAscii(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index++) if (bytes[index]! >= 0x80) return false;
  return true;
}

function asciiOf(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index++) text += String.fromCharCode(bytes[index]!);
  return text;
}

/** The text values of each text column and the field names, decoded, or null when this encoding does not fit. */
function decodeAll(
  encoding: TextEncoding,
  names: Uint8Array[],
  columns: Uint8Array[][],
): { names: string[]; columns: string[][] } | null {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const checkMerges = MAY_MERGE.has(encoding);
  const decode = (bytes: Uint8Array) => (isAscii(bytes) ? asciiOf(bytes) : decoder.decode(bytes));
  try {
    const decodedNames = names.map(decode);
    const decodedColumns = columns.map((column) => {
      const seen = checkMerges ? new Map<string, string>() : null;
      return column.map((bytes) => {
        const text = decode(bytes);
        if (seen && !isAscii(bytes)) {
          const raw = asciiOf(bytes);
          const earlier = seen.get(text);
          if (earlier === undefined) seen.set(text, raw);
          else if (earlier !== raw) throw new Error('two byte strings decode to one text');
        }
        return text;
      });
    });
    return { names: decodedNames, columns: decodedColumns };
  } catch {
    return null;
  }
}

function sourceNote(used: TextEncodingUsed, cpg: string | null, languageDriver: number): LocalisedNote {
  const name = TEXT_ENCODING_NAMES[used.encoding];
  switch (used.source) {
    case 'chosen':
      return { zh: `属性表按所选编码 ${name} 读取。`, en: `The attribute table was read as ${name}, as chosen.` };
    case 'cpg':
      return {
        zh: `属性表按 .cpg 所写的 ${cpg!.trim()} 读取（${name}）。`,
        en: `The attribute table was read as ${name}, as its .cpg says (${cpg!.trim()}).`,
      };
    case 'language-driver': {
      const byte = `0x${languageDriver.toString(16).toUpperCase().padStart(2, '0')}`;
      return {
        zh: `属性表按 .dbf 头部的语言驱动字节 ${byte} 读取（${name}）。`,
        en: `The attribute table was read as ${name}, as the .dbf header's language driver byte says (${byte}).`,
      };
    }
    case 'detected':
      return used.encoding === 'utf-8'
        ? {
            zh: '属性表没有 .cpg 或语言驱动标记，文字是有效的 UTF-8，按 UTF-8 读取。',
            en: 'The attribute table names no encoding (no .cpg, no language driver); its text is valid UTF-8 and was read as UTF-8.',
          }
        : {
            zh: `属性表没有 .cpg 或语言驱动标记，文字不是有效的 UTF-8，按 ${name} 读取（多见于 GBK 数据）。`,
            en: `The attribute table names no encoding (no .cpg, no language driver) and its text is not valid UTF-8: it was read as ${name}, which covers GBK.`,
          };
  }
}

/**
 * @example
 * const table = readDbf(dbfBytes, { cpg: 'CP936', chosen: null });
 * if (table.ok) table.records[0]['名称']; // '江阳区'; table.encoding: { encoding: 'gbk', source: 'cpg' }
 */
export function readDbf(bytes: Uint8Array, options: { cpg: string | null; chosen: TextEncoding | null }): DbfReading {
  if (bytes.length < HEADER_BYTES)
    return { ok: false, problem: `is ${bytes.length} bytes, shorter than a dBASE header` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredRecords = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const languageDriver = bytes[29]!;
  if (headerLength > bytes.length || headerLength < HEADER_BYTES + 1 || recordLength === 0) {
    return {
      ok: false,
      problem: `has a damaged header (header ${headerLength} bytes, records ${recordLength} bytes, file ${bytes.length} bytes)`,
    };
  }

  const fields: Field[] = [];
  let fieldOffset = 1; // each record starts with its deletion flag
  for (
    let descriptor = HEADER_BYTES;
    descriptor + FIELD_DESCRIPTOR_BYTES <= headerLength && bytes[descriptor] !== FIELD_TERMINATOR;
    descriptor += FIELD_DESCRIPTOR_BYTES
  ) {
    const nameBytes = bytes.subarray(descriptor, descriptor + 11);
    const nul = nameBytes.indexOf(0);
    const length = bytes[descriptor + 16]!;
    fields.push({
      rawName: trimmed(nul < 0 ? nameBytes : nameBytes.subarray(0, nul)),
      type: String.fromCharCode(bytes[descriptor + 11]!).toUpperCase(),
      offset: fieldOffset,
      length,
    });
    fieldOffset += length;
  }
  if (fieldOffset > recordLength)
    return { ok: false, problem: `has fields longer (${fieldOffset} bytes) than its records (${recordLength} bytes)` };

  const notes: LocalisedNote[] = [];
  const availableRecords = Math.floor((bytes.length - headerLength) / recordLength);
  const recordCount = Math.min(declaredRecords, availableRecords);
  if (recordCount < declaredRecords) {
    notes.push({
      zh: `.dbf 被截断：表头声明 ${declaredRecords} 条记录，只读到 ${recordCount} 条，其余要素没有属性。`,
      en: `The .dbf is cut short: its header declares ${declaredRecords} records, ${recordCount} were read; the other features have no properties.`,
    });
  }
  const slice = (record: number, field: Field) => {
    const start = headerLength + record * recordLength + field.offset;
    return trimmed(bytes.subarray(start, start + field.length));
  };

  const textFields = fields.filter((field) => !'NFDL'.includes(field.type));
  const columns = textFields.map((field) => Array.from({ length: recordCount }, (_, record) => slice(record, field)));

  const candidates: Candidate[] = [];
  const add = (encoding: TextEncoding | null, source: TextEncodingSource) => {
    if (encoding && !candidates.some((candidate) => candidate.encoding === encoding))
      candidates.push({ encoding, source });
  };
  add(options.chosen, 'chosen');
  const fromCpg = options.cpg ? encodingOfCodePage(options.cpg) : null;
  if (options.cpg && !fromCpg) {
    notes.push({
      zh: `.cpg 写的编码“${options.cpg.trim()}”无法识别，已自动判断。`,
      en: `The .cpg names an encoding the app does not know ("${options.cpg.trim()}"); the encoding was detected instead.`,
    });
  }
  add(fromCpg, 'cpg');
  add(options.cpg ? null : encodingOfLanguageDriver(languageDriver), 'language-driver');
  add('utf-8', 'detected');
  add('gb18030', 'detected');
  add('windows-1252', 'detected');

  let decoded: ReturnType<typeof decodeAll> = null;
  let used: Candidate = candidates[candidates.length - 1]!;
  for (const candidate of candidates) {
    decoded = decodeAll(
      candidate.encoding,
      fields.map((field) => field.rawName),
      columns,
    );
    if (decoded) {
      used = candidate;
      break;
    }
    if (candidate.source !== 'detected') {
      const name = TEXT_ENCODING_NAMES[candidate.encoding];
      const by =
        candidate.source === 'chosen'
          ? { zh: '所选编码', en: 'the chosen encoding' }
          : candidate.source === 'cpg'
            ? { zh: '.cpg', en: 'the .cpg' }
            : { zh: '语言驱动字节', en: 'the language driver byte' };
      notes.push({
        zh: `属性表的文字不是有效的 ${name}（${by.zh}），已改用其他编码。`,
        en: `The attribute table's text is not valid ${name} (${by.en}); another encoding was used.`,
      });
    }
  }
  const encoding: TextEncodingUsed = { encoding: used.encoding, source: used.source };
  notes.push(sourceNote(encoding, options.cpg, languageDriver));

  const names: string[] = [];
  decoded!.names.forEach((name, index) => {
    let unique = name || `field_${index + 1}`;
    for (let suffix = 1; names.includes(unique); suffix++) unique = `${name}_${suffix}`;
    names.push(unique);
  });

  const records: Record<string, unknown>[] = [];
  for (let record = 0; record < recordCount; record++) {
    const properties: Record<string, unknown> = {};
    let textColumn = 0;
    fields.forEach((field, index) => {
      let value: unknown;
      if (field.type === 'N' || field.type === 'F') {
        const text = asciiOf(slice(record, field));
        const number = Number(text);
        value = text === '' || !Number.isFinite(number) ? null : number;
      } else if (field.type === 'D') {
        const text = asciiOf(slice(record, field));
        value = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : null;
      } else if (field.type === 'L') {
        const text = asciiOf(slice(record, field)).toUpperCase();
        value = 'YT'.includes(text) && text ? true : 'NF'.includes(text) && text ? false : null;
      } else {
        value = decoded!.columns[textColumn]![record];
        textColumn += 1;
      }
      // A field called __proto__ becomes an ordinary property, never the record's prototype.
      if (names[index] === '__proto__')
        Object.defineProperty(properties, '__proto__', { value, enumerable: true, writable: true, configurable: true });
      else properties[names[index]!] = value;
    });
    records.push(properties);
  }
  return { ok: true, records, encoding, notes };
}
