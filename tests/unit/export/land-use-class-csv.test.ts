/**
 * The class table as CSV: parses back (csv-parse, comments skipped) to the figures classifyLandUse
 * computed, classes and unknown codes told apart, the hostile value neutralised, and the caption
 * carrying the standard, edition and every indicator with its definition.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classifyLandUse } from '../../../src/analysis/land-use-classes.ts';
import { LAND_SEA_USE_2023 } from '../../../src/data/classification/land-sea-use-2023.ts';
import { BYTE_ORDER_MARK, landUseClassesToCsv } from '../../../src/export/csv.ts';
import { HOSTILE_CODE, PARCELS_PATH } from '../../fixtures/landuse/generate-parcels.ts';

const parcels = JSON.parse(readFileSync(PARCELS_PATH, 'utf8')) as FeatureCollection;
const statistics = classifyLandUse(parcels, { field: 'YDYHFL', level: 2, standard: 'land-sea-use-2023' });
const options = { language: 'zh' as const, sourceTitle: 'parcels.geojson', standardTitle: LAND_SEA_USE_2023.title.zh, edition: LAND_SEA_USE_2023.edition };

describe('landUseClassesToCsv', () => {
  const text = landUseClassesToCsv(statistics, options);
  const records = parse(text, { bom: true, comment: '#', columns: true }) as Record<string, string>[];

  it('reads back to the classes’ figures, then the unknown codes without a share', () => {
    expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true);
    const classes = records.filter((record) => record['行类型'] === '类别');
    expect(classes.map((record) => [record['代码'], record['名称'], Number(record['层级']), Number(record['面积（m²）']), Number(record['要素数'])])).toEqual(
      statistics.classes.map((row) => [row.code, row.name_zh, row.level, row.areaM2, row.count]),
    );
    const shares = classes.map((record) => Number(record['占比（0–1）']));
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
    const unknown = records.filter((record) => record['行类型'] === '未知编码');
    expect(unknown.map((record) => [record['代码'], Number(record['要素数']), record['占比（0–1）']])).toEqual(
      statistics.unknownCodes.map((entry) => [entry.value === HOSTILE_CODE ? entry.value : (entry.value ?? ''), entry.count, '']),
    );
  });

  it('keeps a formula-looking value from running, and carries standard, edition and indicators in the caption', () => {
    const formula = landUseClassesToCsv({ ...statistics, unknownCodes: [{ value: '=1+1', count: 1, areaM2: 5 }] }, options);
    expect(formula).toContain(`"'=1+1"`);
    expect(text).toContain(LAND_SEA_USE_2023.edition);
    for (const indicator of Object.values(statistics.indicators)) expect(text).toContain(`"${indicator.name.zh}",${indicator.value}`);
    expect(text).toContain('# 占比分母：可识别编码面积（m²）,' + String(statistics.classifiedAreaM2));
  });
});
