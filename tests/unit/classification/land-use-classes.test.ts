/**
 * Class statistics of a coded parcel file. Golden files (Turf style): every case's output is
 * checked in under tests/fixtures/landuse/out/, and `REGEN=1 npx vitest run tests/unit/classification`
 * rewrites them after a deliberate change. Small hand-built collections pin the rules the golden
 * files only show: unknown codes kept apart, roll-up by level, overlaps, indicators' denominators.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classifyLandUse } from '../../../src/analysis/land-use-classes.ts';
import { detectCodeColumn, detectCodeColumns } from '../../../src/analysis/land-use-standard-detection.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import type { ClassificationStandardId } from '../../../src/data/classification/classification-types.ts';
import { ellipsoidalArea } from '../../../src/geo/area.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { generateParcels, HOSTILE_CODE, PARCELS_PATH } from '../../fixtures/landuse/generate-parcels.ts';
import { square } from '../../fixtures/square.ts';

const OUT_DIRECTORY = fileURLToPath(new URL('../../fixtures/landuse/out/', import.meta.url));
const parcels = deepFreeze(JSON.parse(readFileSync(PARCELS_PATH, 'utf8')) as FeatureCollection);

const CASES: { field: string; level: 1 | 2 }[] = [
  { field: 'YDYHFL', level: 1 },
  { field: 'YDYHFL', level: 2 },
  { field: 'DLBM', level: 1 },
  { field: 'DLBM', level: 2 },
];

/** Areas to 1e-9 relative (Math.sin may differ in the last bit between Node versions), everything else exactly. */
function expectSameStatistics(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(Math.abs(expected) * 1e-9);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected))
      expectSameStatistics(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe('the team’s parcel file', () => {
  it('is what the generator writes', () => {
    expect(JSON.parse(JSON.stringify(generateParcels()))).toEqual(parcels);
  });

  it.each(CASES)('$field at level $level matches its golden table', ({ field, level }) => {
    const detection = detectCodeColumn(parcels, field);
    const statistics = classifyLandUse(parcels, { field, level, standard: detection.standard! });
    const output = JSON.parse(JSON.stringify({ detection, statistics }));
    const path = join(OUT_DIRECTORY, `parcels.${field}.level-${level}.json`);
    if (process.env['REGEN'] || !existsSync(path)) writeFileSync(path, `${JSON.stringify(output, null, 2)}\n`);
    expectSameStatistics(output, JSON.parse(readFileSync(path, 'utf8')));
  });

  it('is detected column by column: YDYHFL as the 2023 guide, DLBM as 三调, the rest as no codes', () => {
    const columns = detectCodeColumns(parcels, ['id', 'YDYHFL', 'DLBM']);
    expect(columns.map((column) => [column.field, column.standard])).toEqual(
      expect.arrayContaining([
        ['YDYHFL', 'land-sea-use-2023'],
        ['DLBM', 'third-national-survey'],
      ]),
    );
    expect(columns.map((column) => column.field)).not.toContain('id');
  });

  it('adds up: classes and unknown codes make the measured total, at both levels', () => {
    const measured = measureCollection(parcels);
    for (const { field, level } of CASES) {
      const statistics = classifyLandUse(parcels, {
        field,
        level,
        standard: detectCodeColumn(parcels, field).standard!,
      });
      expect(statistics.totalAreaM2).toBe(measured.totalAreaM2);
      const classified = statistics.classes.reduce((sum, row) => sum + row.areaM2, 0);
      const unknown = statistics.unknownCodes.reduce((sum, row) => sum + row.areaM2, 0);
      expect(Math.abs(classified - statistics.classifiedAreaM2)).toBeLessThan(1e-6);
      expect(Math.abs(classified + unknown - measured.totalAreaM2)).toBeLessThan(1e-6);
      expect(
        statistics.classes.reduce((sum, row) => sum + row.count, 0) +
          statistics.unknownCodes.reduce((sum, row) => sum + row.count, 0),
      ).toBe(measured.measuredCount);
      expect(statistics.skipped).toEqual({ points: 1, lines: 1, nullGeometries: 0 });
    }
  });

  it('keeps the hostile value as one unknown code, as text', () => {
    const statistics = classifyLandUse(parcels, { field: 'YDYHFL', level: 1, standard: 'land-sea-use-2023' });
    expect(statistics.unknownCodes.find((entry) => entry.value === HOSTILE_CODE)?.count).toBe(1);
  });
});

const unitSquare = (west: number, size = 0.001): Feature['geometry'] => ({
  type: 'Polygon',
  coordinates: square(west, 28.88, size),
});
function parcel(code: unknown, west: number, size?: number): Feature {
  return { type: 'Feature', properties: code === undefined ? {} : { YDYHFL: code }, geometry: unitSquare(west, size) };
}

describe('classifyLandUse', () => {
  const standard: ClassificationStandardId = 'land-sea-use-2023';
  const features = [
    parcel('100101', 105.4),
    parcel('1001', 105.41),
    parcel('1002', 105.42),
    parcel('0701', 105.43, 0.002),
    parcel('1401', 105.44),
    parcel('1403', 105.45),
    parcel('16', 105.46),
    parcel('9999', 105.47),
    parcel('9999', 105.48),
    parcel(' 1402 ', 105.49),
    parcel(undefined, 105.5),
    parcel(101, 105.51),
  ];
  const collection = deepFreeze<FeatureCollection>({ type: 'FeatureCollection', features });
  const areaOf = (index: number) => ellipsoidalArea(features[index]!.geometry);

  it('groups 三级 and 二级 codes under their 一级类 with the official names', () => {
    const statistics = classifyLandUse(collection, { field: 'YDYHFL', level: 1, standard });
    expect(statistics.classes.map((row) => [row.code, row.name_zh, row.level, row.count])).toEqual([
      ['07', '居住用地', 1, 1],
      ['10', '工矿用地', 1, 3],
      ['14', '绿地与开敞空间用地', 1, 3],
      ['16', '留白用地', 1, 1],
    ]);
    expect(statistics.classes[1]!.areaM2).toBe(areaOf(0) + areaOf(1) + areaOf(2));
  });

  it('groups by 二级类, leaving a 一级类 without 二级类 at level 1', () => {
    const statistics = classifyLandUse(collection, { field: 'YDYHFL', level: 2, standard });
    expect(statistics.classes.map((row) => [row.code, row.level, row.count])).toEqual([
      ['0701', 2, 1],
      ['1001', 2, 2],
      ['1002', 2, 1],
      ['1401', 2, 1],
      ['1402', 2, 1],
      ['1403', 2, 1],
      ['16', 1, 1],
    ]);
  });

  it('lists unknown codes apart, missing values as null, and pads no number', () => {
    const statistics = classifyLandUse(collection, { field: 'YDYHFL', level: 1, standard });
    // Largest area first: the two 9999 parcels; the other two are the same size on the ground.
    expect(statistics.unknownCodes[0]).toMatchObject({ value: '9999', count: 2 });
    expect(statistics.unknownCodes.slice(1).map((entry) => [entry.value, entry.count])).toEqual(
      expect.arrayContaining([
        [null, 1],
        ['101', 1],
      ]),
    );
    expect(statistics.unknownCodes).toHaveLength(3);
    expect(statistics.unknownCodes[0]!.areaM2).toBe(areaOf(7) + areaOf(8));
    expect(
      statistics.classifiedAreaM2 + statistics.unknownCodes.reduce((sum, entry) => sum + entry.areaM2, 0),
    ).toBeCloseTo(statistics.totalAreaM2, 6);
  });

  it('computes the indicators over the classified area, each with its definition and denominator', () => {
    const { indicators, classifiedAreaM2 } = classifyLandUse(collection, { field: 'YDYHFL', level: 2, standard });
    const classified = [0, 1, 2, 3, 4, 5, 6, 9].reduce((sum, index) => sum + areaOf(index), 0);
    expect(classifiedAreaM2).toBeCloseTo(classified, 6);
    expect(indicators.industrialShare.numeratorM2).toBe(areaOf(0) + areaOf(1));
    expect(indicators.industrialShare.value).toBe((areaOf(0) + areaOf(1)) / classifiedAreaM2);
    expect(indicators.residentialShare.value).toBe(areaOf(3) / classifiedAreaM2);
    expect(indicators.greenOpenSpaceShare.value).toBeCloseTo(
      (areaOf(4) + areaOf(5) + areaOf(9)) / classifiedAreaM2,
      12,
    );
    // 广场用地 is open space but not green land.
    expect(indicators.greenSpaceRatio.value).toBeCloseTo((areaOf(4) + areaOf(9)) / classifiedAreaM2, 12);
    for (const indicator of Object.values(indicators)) {
      expect(indicator.denominatorM2).toBe(classifiedAreaM2);
      expect(indicator.definition.zh).not.toBe('');
      expect(indicator.denominator.en).toMatch(/unknown codes left out/);
    }
  });

  it('says GB/T 21010 has no 绿地与开敞空间用地 instead of inventing a share', () => {
    const survey = deepFreeze<FeatureCollection>({
      type: 'FeatureCollection',
      features: [parcel('0601', 105.4), parcel('0810', 105.41), parcel('0701', 105.42)].map((feature) => ({
        ...feature,
        properties: { DLBM: feature.properties!['YDYHFL'] },
      })),
    });
    const { indicators } = classifyLandUse(survey, { field: 'DLBM', level: 2, standard: 'gb-t-21010-2017' });
    expect(indicators.greenOpenSpaceShare.value).toBeNull();
    expect(indicators.greenOpenSpaceShare.numeratorM2).toBeNull();
    expect(indicators.greenOpenSpaceShare.definition.zh).toContain('0810');
    expect(indicators.industrialShare.codes).toEqual(['0601']);
    expect(indicators.greenSpaceRatio.value).toBeGreaterThan(0.3);
  });

  it('counts overlapping parcels in each, as the app’s other tables do', () => {
    const overlapping = deepFreeze<FeatureCollection>({
      type: 'FeatureCollection',
      features: [parcel('1001', 105.4), parcel('1001', 105.4)],
    });
    const statistics = classifyLandUse(overlapping, { field: 'YDYHFL', level: 1, standard });
    expect(statistics.classes[0]!.areaM2).toBe(2 * areaOf(0));
    expect(statistics.totalAreaM2).toBe(measureCollection(overlapping).totalAreaM2);
  });

  it('colours each recognised value with its class’s colour for the map, and no unknown value', () => {
    const statistics = classifyLandUse(collection, { field: 'YDYHFL', level: 1, standard });
    const colours = new Map(statistics.valueColours);
    expect(colours.get('100101')).toBe(colours.get('1002'));
    expect(colours.get('1401')).toBe('#00ff00');
    expect(colours.get(' 1402 ')).toBe('#00ff00');
    expect(colours.has('9999')).toBe(false);
  });
});

describe('三调 suffix letters', () => {
  const coded = (values: string[]): FeatureCollection =>
    deepFreeze({
      type: 'FeatureCollection',
      features: values.map((value, index) => ({
        type: 'Feature',
        properties: { DLBM: value },
        geometry: unitSquare(105.4 + index * 0.01),
      })),
    });

  it('counts 0201K and 1104A under 0201 and 1104 in 三调, and lists them as such', () => {
    const collection = coded(['0201', '0201K', '1104A', '0201X', '01K']);
    const statistics = classifyLandUse(collection, { field: 'DLBM', level: 2, standard: 'third-national-survey' });
    expect(statistics.classes.map((row) => [row.code, row.count])).toEqual([
      ['0201', 2],
      ['1104', 1],
    ]);
    expect(statistics.suffixedCodes.map((entry) => [entry.value, entry.countedAs, entry.suffix, entry.count])).toEqual([
      ['0201K', '0201', 'K', 1],
      ['1104A', '1104', 'A', 1],
    ]);
    // Another letter, or a letter on a 一级 code, stays unknown.
    expect(statistics.unknownCodes.map((entry) => entry.value).sort()).toEqual(['01K', '0201X']);
    expect(new Map(statistics.valueColours).get('0201K')).toBe(statistics.classes[0]!.colour);
  });

  it('leaves suffixed values unknown in GB/T 21010 and the 2023 guide, which have no such letters', () => {
    const collection = coded(['0201K', '1104A']);
    expect(
      classifyLandUse(collection, { field: 'DLBM', level: 2, standard: 'gb-t-21010-2017' }).unknownCodes,
    ).toHaveLength(2);
    expect(
      classifyLandUse(collection, { field: 'DLBM', level: 2, standard: 'land-sea-use-2023' }).suffixedCodes,
    ).toEqual([]);
  });
});

describe('detectCodeColumn', () => {
  const column = (field: string, values: unknown[]): FeatureCollection => ({
    type: 'FeatureCollection',
    features: values.map((value, index) => ({
      type: 'Feature',
      properties: { [field]: value },
      geometry: unitSquare(105.4 + index * 0.01),
    })),
  });

  it('tells 2023 codes from GB/T 21010 codes by the share recognised, whatever the name', () => {
    expect(detectCodeColumn(column('code', ['0701', '1001', '1401', '16']), 'code').standard).toBe('land-sea-use-2023');
    expect(detectCodeColumn(column('code', ['0601', '0604', '0810', '1001']), 'code').standard).toBe('gb-t-21010-2017');
    expect(detectCodeColumn(column('code', ['05H1', '08H2', '0601']), 'code').standard).toBe('third-national-survey');
  });

  it('lets the column’s name decide between standards the values fit equally', () => {
    const shared = ['0101', '0701', '0102'];
    expect(detectCodeColumn(column('YDYHFL', shared), 'YDYHFL').standard).toBe('land-sea-use-2023');
    expect(detectCodeColumn(column('DLBM', shared), 'DLBM').standard).toBe('third-national-survey');
    expect(detectCodeColumn(column('code', shared), 'code').standard).toBe('gb-t-21010-2017');
  });

  it('finds no codes in words, numbers or empty columns', () => {
    expect(detectCodeColumn(column('use', ['工业', '居住', '工业']), 'use').standard).toBeNull();
    expect(detectCodeColumn(column('height', [12, 30, 45]), 'height').standard).toBeNull();
    expect(detectCodeColumn(column('empty', [null, '', undefined]), 'empty')).toMatchObject({
      valueCount: 0,
      standard: null,
    });
  });
});
