/**
 * The .xlsx export: a table sheet and a 说明 sheet, read back by unzipping the workbook's XML (not
 * with the library that wrote it), holding the same figures as the CSV of the same table.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classifyLandUse } from '../../../src/analysis/land-use-classes.ts';
import type { LandUseTable } from '../../../src/analysis/land-use-types.ts';
import { LAND_SEA_USE_2023 } from '../../../src/data/classification/land-sea-use-2023.ts';
import { sheetToCsv } from '../../../src/export/csv.ts';
import { landUseClassSheet, landUseSheet } from '../../../src/export/statistics-sheet.ts';
import { XLSX_TYPE, sheetToXlsx } from '../../../src/export/xlsx.ts';
import { PARCELS_PATH } from '../../fixtures/landuse/generate-parcels.ts';
import { readXlsx } from './read-xlsx.ts';

const TABLE: LandUseTable = {
  source: { kind: 'imported', layerId: 'layer-1' },
  groupedBy: 'landuse',
  rows: [
    {
      key: '工业用地',
      areaM2: 1234567.8912345679,
      share: 0.6123456789,
      count: 12,
      greenAreaM2: 23456.789012345,
      greenSpaceRatio: 0.0190001234567,
    },
    {
      key: '=HYPERLINK("x")',
      areaM2: 700000.25,
      share: 0.3876543211,
      count: 2,
      greenAreaM2: null,
      greenSpaceRatio: null,
    },
    { key: '12', areaM2: 5, share: 0.0000025, count: 1, greenAreaM2: 0, greenSpaceRatio: 0 },
    { key: null, areaM2: 1, share: 0.0000005, count: 1, greenAreaM2: null, greenSpaceRatio: null },
  ],
  totalAreaM2: 1934573.14,
  denominatorM2: 1934573.14,
  denominator: { zh: '所有类别面积之和', en: 'sum of all categories' },
  method: { zh: 'WGS84 椭球面积。', en: 'WGS84 ellipsoidal area.' },
  notes: [{ zh: '重叠要素分别计入。', en: 'Overlaps count in each.' }],
  featureCount: 16,
  skipped: { points: 0, lines: 0, nullGeometries: 0 },
};

/** A CSV cell as the sheet holds it: numbers from unquoted cells, text without the formula guard. */
function csvAsCells(text: string): (string | number | null)[][] {
  const records = parse(text, {
    bom: true,
    cast: (value, context) =>
      context.quoting
        ? value === ''
          ? null
          : value.replace(/^'(?=[=+\-@\t\r\n])/, '')
        : value === ''
          ? null
          : Number(value),
  }) as (string | number | null)[][];
  return records;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('statistics as .xlsx', () => {
  it('has a table sheet and a 说明 sheet, and the table holds the CSV’s figures', async () => {
    const sheet = landUseSheet(TABLE, {
      language: 'zh',
      sourceTitle: 'parcels.geojson',
      exportedAt: '2026-12-01T00:00:00Z',
    });
    const blob = await sheetToXlsx(sheet);
    expect(blob.type).toBe(XLSX_TYPE);
    const [table, notes, ...others] = readXlsx(await bytesOf(blob));
    expect(others).toEqual([]);
    expect(table!.name).toBe('统计表');
    expect(notes!.name).toBe('说明');
    const csv = csvAsCells(sheetToCsv(sheet));
    // Same header, same rows, same numbers; an empty CSV cell is an absent xlsx cell.
    expect(table!.rows.map((row) => [...row, ...Array(csv[0]!.length - row.length).fill(null)])).toEqual(csv);
    // A number-looking category stays text, a formula-looking one stays text as typed (an xlsx string is never run).
    expect(table!.rows[3]![9]).toBe('12');
    expect(table!.rows[2]![0]).toBe('=HYPERLINK("x")');
    expect(typeof table!.rows[1]![1]).toBe('number');
    // The notes sheet carries what the CSV leaves out.
    expect(notes!.rows.find((row) => row[0] === '方法')).toEqual(['方法', 'WGS84 椭球面积。']);
    expect(notes!.rows.find((row) => row[0] === '合计面积（m²）')).toEqual(['合计面积（m²）', 1934573.1]);
    expect(notes!.rows.find((row) => row[0] === '来源')).toEqual(['来源', 'parcels.geojson']);
  });

  it('writes the class table the same way, indicators in 说明', async () => {
    const parcels = JSON.parse(readFileSync(PARCELS_PATH, 'utf8')) as FeatureCollection;
    const statistics = classifyLandUse(parcels, { field: 'YDYHFL', level: 2, standard: 'land-sea-use-2023' });
    const sheet = landUseClassSheet(statistics, {
      language: 'en',
      sourceTitle: 'parcels.geojson',
      standardTitle: LAND_SEA_USE_2023.title.en,
      edition: LAND_SEA_USE_2023.edition,
    });
    const [table, notes] = readXlsx(await bytesOf(await sheetToXlsx(sheet)));
    expect(notes!.name).toBe('说明 (notes)');
    const csv = csvAsCells(sheetToCsv(sheet));
    expect(table!.rows.map((row) => [...row, ...Array(csv[0]!.length - row.length).fill(null)])).toEqual(csv);
    const indicatorNames = notes!.rows.filter((row) => row[0] === 'indicator').map((row) => row[1]);
    expect(indicatorNames).toEqual(Object.values(statistics.indicators).map((indicator) => indicator.name.en));
  });
});
