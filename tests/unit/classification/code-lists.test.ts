/**
 * The code lists are complete and well formed: the counts each edition has per level, every class
 * under an existing parent one level up, codes that extend their parent's, no duplicate codes or
 * names within a parent, and an official colour only for codes that exist.
 */
import { describe, expect, it } from 'vitest';
import type { ClassificationStandard } from '../../../src/data/classification/classification-types.ts';
import { GB_T_21010_2017, THIRD_NATIONAL_SURVEY } from '../../../src/data/classification/gb-t-21010-2017.ts';
import { LAND_SEA_USE_2023 } from '../../../src/data/classification/land-sea-use-2023.ts';
import { classColours, STATED_PALETTE } from '../../../src/data/classification/land-use-palette.ts';
import { classAtLevel, classIndex, codeText, isWithin } from '../../../src/data/classification/standards.ts';

function countsPerLevel(standard: ClassificationStandard): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const landClass of standard.classes) counts[landClass.level] = (counts[landClass.level] ?? 0) + 1;
  return counts;
}

function code(standard: ClassificationStandard, value: string) {
  const found = classIndex(standard).get(value);
  if (!found) throw new Error(`${value} is not in ${standard.id}`);
  return found;
}

describe.each([GB_T_21010_2017, THIRD_NATIONAL_SURVEY, LAND_SEA_USE_2023])('$id', (standard) => {
  it('has no duplicate code and no empty name', () => {
    const codes = standard.classes.map((landClass) => landClass.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const landClass of standard.classes) expect(landClass.name_zh.trim()).not.toBe('');
  });

  it('puts every class under an existing parent exactly one level up', () => {
    const index = classIndex(standard);
    for (const landClass of standard.classes) {
      if (landClass.level === 1) {
        expect(landClass.parent).toBeNull();
        expect(landClass.code).toMatch(/^\d{2}$/);
        continue;
      }
      const parent = index.get(landClass.parent!);
      expect(parent, `${landClass.code} ${landClass.name_zh}`).toBeDefined();
      expect(parent!.level).toBe(landClass.level - 1);
    }
  });

  it('has no two classes of one parent with the same name', () => {
    const seen = new Set<string>();
    for (const landClass of standard.classes) {
      const key = `${landClass.parent}/${landClass.name_zh}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('gives an official colour only to codes it has, as RGB bytes', () => {
    const index = classIndex(standard);
    for (const [colourCode, colour] of Object.entries(standard.colours ?? {})) {
      expect(index.has(colourCode), colourCode).toBe(true);
      for (const channel of colour.rgb) expect(Number.isInteger(channel) && channel >= 0 && channel <= 255).toBe(true);
    }
    const colours = classColours(standard);
    expect(colours.size).toBe(standard.classes.length);
    for (const colour of colours.values()) expect(colour.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(standard.sources.length).toBeGreaterThan(0);
    expect(standard.edition).not.toBe('');
  });
});

describe('GB/T 21010-2017', () => {
  it('has the standard’s 12 一级类 and 73 二级类, each 二级 code extending its 一级 code', () => {
    expect(countsPerLevel(GB_T_21010_2017)).toEqual({ 1: 12, 2: 73 });
    for (const landClass of GB_T_21010_2017.classes.filter((candidate) => candidate.level === 2)) {
      expect(landClass.code).toMatch(/^\d{4}$/);
      expect(landClass.code.slice(0, 2)).toBe(landClass.parent);
    }
    expect(code(GB_T_21010_2017, '0601').name_zh).toBe('工业用地');
    expect(code(GB_T_21010_2017, '0810').name_zh).toBe('公园与绿地');
    expect(code(GB_T_21010_2017, '1001').name_zh).toBe('铁路用地');
  });

  it('has no colour table, so every class is drawn in the stated palette', () => {
    expect(GB_T_21010_2017.colours).toBeNull();
    for (const colour of classColours(GB_T_21010_2017).values()) {
      expect(colour.source).toBe('palette');
      expect(STATED_PALETTE).toContain(colour.colour);
    }
  });
});

describe('三调 working classification', () => {
  it('adds 00 湿地 and gathers the wetland classes of several GB/T 21010 一级类 under it', () => {
    expect(code(THIRD_NATIONAL_SURVEY, '00').name_zh).toBe('湿地');
    for (const wetland of ['0303', '0304', '0306', '0402', '0603', '1105', '1106', '1108'])
      expect(code(THIRD_NATIONAL_SURVEY, wetland).parent).toBe('00');
    // In the standard itself the same codes stay under their own 一级类.
    expect(code(GB_T_21010_2017, '0303').parent).toBe('03');
  });

  it('merges classes into 05H1, 0508, 08H1 and 08H2, which GB/T 21010 does not have', () => {
    expect(code(THIRD_NATIONAL_SURVEY, '05H1').name_zh).toBe('商业服务业设施用地');
    expect(code(THIRD_NATIONAL_SURVEY, '08H2').name_zh).toBe('科教文卫用地');
    for (const merged of ['05H1', '0508', '08H1', '08H2']) expect(classIndex(GB_T_21010_2017).has(merged)).toBe(false);
    expect(countsPerLevel(THIRD_NATIONAL_SURVEY)).toEqual({ 1: 13, 2: 55 });
  });
});

describe('land and sea use classification (2023)', () => {
  it('has 24 一级类, and the 二级 and 三级 counts of the transcription', () => {
    expect(countsPerLevel(LAND_SEA_USE_2023)).toEqual({ 1: 24, 2: 111, 3: 40 });
    const topLevel = LAND_SEA_USE_2023.classes
      .filter((landClass) => landClass.level === 1)
      .map((landClass) => landClass.code);
    expect(topLevel).toEqual(Array.from({ length: 24 }, (_, position) => String(position + 1).padStart(2, '0')));
  });

  it('extends the parent’s code by two digits at every level', () => {
    for (const landClass of LAND_SEA_USE_2023.classes.filter((candidate) => candidate.level > 1)) {
      expect(landClass.code).toHaveLength(landClass.level * 2);
      expect(landClass.code.slice(0, -2)).toBe(landClass.parent);
    }
  });

  it('names the classes the indicators use', () => {
    expect(code(LAND_SEA_USE_2023, '14').name_zh).toBe('绿地与开敞空间用地');
    expect(code(LAND_SEA_USE_2023, '1001').name_zh).toBe('工业用地');
    expect(code(LAND_SEA_USE_2023, '07').name_zh).toBe('居住用地');
    expect(code(LAND_SEA_USE_2023, '16').name_zh).toBe('留白用地');
  });

  it('rolls a 三级 class up to its 二级 and 一级 class, and leaves a 一级类 without children as it is', () => {
    const third = code(LAND_SEA_USE_2023, '100102');
    expect(classAtLevel(LAND_SEA_USE_2023, third, 2).code).toBe('1001');
    expect(classAtLevel(LAND_SEA_USE_2023, third, 1).code).toBe('10');
    expect(classAtLevel(LAND_SEA_USE_2023, code(LAND_SEA_USE_2023, '16'), 2).code).toBe('16');
    expect(isWithin(LAND_SEA_USE_2023, third, '1001')).toBe(true);
    expect(isWithin(LAND_SEA_USE_2023, third, '1002')).toBe(false);
  });

  it('colours classes from the 制图规范 table, inheriting down and borrowing up where it names none', () => {
    const colours = classColours(LAND_SEA_USE_2023);
    expect(colours.get('1401')).toEqual({ colour: '#00ff00', source: 'official' });
    expect(colours.get('0101')).toEqual({ colour: '#f5f8dc', source: 'official-parent', from: '01' });
    expect(colours.get('100102')).toEqual({ colour: '#bb9674', source: 'official-parent', from: '1001' });
    expect(colours.get('14')).toEqual({ colour: '#00ff00', source: 'official-child', from: '1401' });
    expect(colours.get('07')).toEqual({ colour: '#ffff2d', source: 'official-child', from: '0701' });
    // The table names neither community-service class nor their 一级类: they get the stated palette, said so.
    const palette = [...colours.entries()]
      .filter(([, colour]) => colour.source === 'palette')
      .map(([classCode]) => classCode);
    expect(palette).toEqual(['0702', '0704']);
  });
});

describe('codeText', () => {
  it('trims text, keeps numbers as written and pads nothing', () => {
    expect(codeText(' 0701 ')).toBe('0701');
    expect(codeText(101)).toBe('101');
    expect(codeText('')).toBeNull();
    expect(codeText(null)).toBeNull();
    expect(codeText(undefined)).toBeNull();
    expect(codeText({ a: 1 })).toBe('{"a":1}');
  });
});
