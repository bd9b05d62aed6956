/**
 * The class table as CSV: a plain table (header first) that parses back to the figures classifyLandUse
 * computed, rounded to 0.1 m²; classes and unknown codes told apart; the hostile value neutralised;
 * the standard, edition and every indicator with its definition in the sheet's notes (说明).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classifyLandUse } from '../../../src/analysis/land-use-classes.ts';
import { LAND_SEA_USE_2023 } from '../../../src/data/classification/land-sea-use-2023.ts';
import { BYTE_ORDER_MARK, landUseClassesToCsv } from '../../../src/export/csv.ts';
import { landUseClassSheet, roundTo } from '../../../src/export/statistics-sheet.ts';
import { HOSTILE_CODE, PARCELS_PATH } from '../../fixtures/landuse/generate-parcels.ts';

const parcels = JSON.parse(readFileSync(PARCELS_PATH, 'utf8')) as FeatureCollection;
const statistics = classifyLandUse(parcels, { field: 'YDYHFL', level: 2, standard: 'land-sea-use-2023' });
const options = {
  language: 'zh' as const,
  sourceTitle: 'parcels.geojson',
  standardTitle: LAND_SEA_USE_2023.title.zh,
  edition: LAND_SEA_USE_2023.edition,
};

describe('landUseClassesToCsv', () => {
  const text = landUseClassesToCsv(statistics, options);
  const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];

  it('reads back to the classes’ figures, then the unknown codes without a share', () => {
    expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true);
    const classes = records.filter((record) => record['行类型'] === '类别');
    expect(
      classes.map((record) => [
        record['代码'],
        record['名称'],
        Number(record['层级']),
        Number(record['面积（m²）']),
        Number(record['要素数']),
      ]),
    ).toEqual(statistics.classes.map((row) => [row.code, row.name_zh, row.level, roundTo(row.areaM2, 1), row.count]));
    const shares = classes.map((record) => Number(record['占比（0–1）']));
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 5);
    const unknown = records.filter((record) => record['行类型'] === '未知编码');
    expect(unknown.map((record) => [record['代码'], Number(record['要素数']), record['占比（0–1）']])).toEqual(
      statistics.unknownCodes.map((entry) => [
        entry.value === HOSTILE_CODE ? entry.value : (entry.value ?? ''),
        entry.count,
        '',
      ]),
    );
  });

  it('keeps a formula-looking value from running, and carries standard, edition and indicators in the notes', () => {
    const formula = landUseClassesToCsv(
      { ...statistics, unknownCodes: [{ value: '=1+1', count: 1, areaM2: 5 }] },
      options,
    );
    expect(formula).toContain(`"'=1+1"`);
    expect((parse(text, { bom: true }) as string[][])[0]![0]).toBe('代码');
    const notes = landUseClassSheet(statistics, options).notes;
    expect(notes).toContainEqual(['版本', LAND_SEA_USE_2023.edition]);
    for (const indicator of Object.values(statistics.indicators)) {
      expect(notes).toContainEqual([
        '占比或比率',
        indicator.name.zh,
        roundTo(indicator.value, 6),
        indicator.definition.zh,
        indicator.denominator.zh,
      ]);
    }
    expect(notes).toContainEqual(['占比分母：可识别编码面积（m²）', roundTo(statistics.classifiedAreaM2, 1)]);
  });
});
