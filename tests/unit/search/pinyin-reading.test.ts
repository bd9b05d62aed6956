import { describe, expect, it } from 'vitest';
import { readPinyin } from '../../../src/search/pinyin-reading.ts';
import { matchPinyin } from '../../../src/search/pinyin-match.ts';

const readings = (name: string): string[] => readPinyin(name).map((syllable) => syllable.reading);

describe('readPinyin', () => {
  it('reads polyphones from their word', () => {
    expect(readings('泸州')).toEqual(['lu', 'zhou']);
    expect(readings('长江')).toEqual(['chang', 'jiang']);
    expect(readings('国窖长江大桥')).toEqual(['guo', 'jiao', 'chang', 'jiang', 'da', 'qiao']);
    expect(readings('重庆')).toEqual(['chong', 'qing']);
    expect(readings('重点区域')).toEqual(['zhong', 'dian', 'qu', 'yu']);
    expect(readings('武汉长液')[2]).toBe('chang');
  });

  it('keeps the other readings of a polyphone as alternates', () => {
    // 茜 is qian in the dictionary; xi is its other reading, which some people use for 茜草.
    const [qian] = readPinyin('茜草');
    expect(qian?.reading).toBe('qian');
    expect(qian?.alternates).toContain('xi');
    expect(readPinyin('长江')[0]?.alternates).toContain('zhang');
    expect(readPinyin('江')[0]?.alternates).toEqual([]);
  });

  it('folds ü to u so lv, lu and lü type the same', () => {
    expect(readings('绿化带')).toEqual(['lu', 'hua', 'dai']);
  });

  it('skips punctuation, keeps Latin and digit runs as one syllable, and maps each to its characters', () => {
    const name = '中国电子（泸州）5G产业园';
    const syllables = readPinyin(name);
    expect(syllables.map((syllable) => syllable.reading)).toEqual([
      'zhong',
      'guo',
      'dian',
      'zi',
      'lu',
      'zhou',
      '5g',
      'chan',
      'ye',
      'yuan',
    ]);
    expect(syllables.map((syllable) => name.slice(syllable.range.start, syllable.range.end))).toEqual([
      '中',
      '国',
      '电',
      '子',
      '泸',
      '州',
      '5G',
      '产',
      '业',
      '园',
    ]);
  });

  it('measures ranges in UTF-16 units past emoji and astral characters', () => {
    const name = '😀𠮷野家';
    const syllables = readPinyin(name);
    const last = syllables[syllables.length - 1]!;
    expect(name.slice(last.range.start, last.range.end)).toBe('家');
  });

  it('reads an empty name as no syllables', () => {
    expect(readPinyin('')).toEqual([]);
  });
});

describe('matchPinyin', () => {
  const zhangba = readPinyin('张坝桂圆林');

  it('classifies how the name was typed', () => {
    expect(matchPinyin('zhangbaguiyuanlin', zhangba)?.kind).toBe('exact');
    expect(matchPinyin('zhangbaguiyu', zhangba)?.kind).toBe('prefix');
    expect(matchPinyin('zbgyl', zhangba)?.kind).toBe('initials');
    expect(matchPinyin('zhbgyl', zhangba)?.kind).toBe('initials');
    expect(matchPinyin('guiyuan', zhangba)?.kind).toBe('substring');
    expect(matchPinyin('gyl', zhangba)?.kind).toBe('substring');
  });

  it('rejects syllables cut short in the middle of the query, and letters out of order', () => {
    expect(matchPinyin('zhanbagui', zhangba)).toBeUndefined();
    expect(matchPinyin('bzgyl', zhangba)).toBeUndefined();
  });

  it('rejects a query longer than the name can spell without trying', () => {
    expect(matchPinyin('zhang'.repeat(2000), zhangba)).toBeUndefined();
  });
});
