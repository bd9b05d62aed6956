/**
 * Which text encoding a Shapefile's table (DBF) is in, from what Esri and GDAL write: the `.cpg`
 * beside it (`CP936`, `936`, `GBK`, `ANSI 936`, `UTF-8`, `65001` …) and the DBF header's language
 * driver byte. Names are WHATWG encoding labels, which TextDecoder takes in browsers and node alike.
 * `cp936` is not one of those labels, which is how GBK tables became mojibake (issue 17).
 */

/** Encodings a planner can choose to re-read a table in; 'gbk' decodes with the GB18030 decoder. */
export const TEXT_ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export function isTextEncoding(value: unknown): value is TextEncoding {
  return typeof value === 'string' && (TEXT_ENCODINGS as readonly string[]).includes(value);
}

/** How the encoding of a table was decided, for the layer's notes. */
export type TextEncodingSource = 'chosen' | 'cpg' | 'language-driver' | 'detected';

export interface TextEncodingUsed {
  encoding: TextEncoding;
  source: TextEncodingSource;
}

/** Windows code pages as Esri and GDAL number them. */
const CODE_PAGES: Record<string, TextEncoding> = {
  '936': 'gbk',
  '54936': 'gb18030',
  '65001': 'utf-8',
  '950': 'big5',
  '932': 'shift_jis',
  '949': 'euc-kr',
  '1252': 'windows-1252',
  '28591': 'windows-1252',
};

const NAMES: Record<string, TextEncoding> = {
  GBK: 'gbk',
  GB2312: 'gbk',
  EUCCN: 'gbk',
  GB18030: 'gb18030',
  UTF8: 'utf-8',
  BIG5: 'big5',
  SJIS: 'shift_jis',
  SHIFTJIS: 'shift_jis',
  EUCKR: 'euc-kr',
  LATIN1: 'windows-1252',
  ISO88591: 'windows-1252',
  '88591': 'windows-1252',
};

/**
 * @example
 * encodingOfCodePage('CP936')    // 'gbk'
 * encodingOfCodePage('ANSI 936') // 'gbk'
 * encodingOfCodePage('\uFEFFUTF-8\r\n') // 'utf-8'
 * encodingOfCodePage('KOI8')     // null (not one the app reads)
 */
export function encodingOfCodePage(cpg: string): TextEncoding | null {
  const compact = cpg
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  const number = /^(?:ANSI|CP|MS|WINDOWS|OEM)?(\d+)$/.exec(compact)?.[1];
  if (number) return CODE_PAGES[number] ?? null;
  return NAMES[compact] ?? null;
}

/**
 * The dBASE language driver ids that name an encoding the app reads (ArcGIS writes 0x4D for code
 * page 936; 0 means none was written, which is what GDAL does when it writes a `.cpg`).
 */
const LANGUAGE_DRIVERS: Record<number, TextEncoding> = {
  0x4d: 'gbk',
  0x7a: 'gbk',
  0x4e: 'euc-kr',
  0x4f: 'big5',
  0x78: 'big5',
  0x13: 'shift_jis',
  0x7b: 'shift_jis',
  0x03: 'windows-1252',
  0x57: 'windows-1252',
};

export function encodingOfLanguageDriver(languageDriver: number): TextEncoding | null {
  return LANGUAGE_DRIVERS[languageDriver] ?? null;
}

/** What the notes and the re-read control call each encoding. */
export const TEXT_ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  gbk: 'GBK (CP936)',
  gb18030: 'GB18030',
  big5: 'Big5',
  shift_jis: 'Shift_JIS',
  'euc-kr': 'EUC-KR',
  'windows-1252': 'Latin-1 (Windows-1252)',
};
