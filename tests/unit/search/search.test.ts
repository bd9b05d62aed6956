import { describe, expect, it } from 'vitest';
import { createSearchIndex, search, type SearchEntry, type SearchResult } from '../../../src/search/index.ts';
import { ZONE_NAMES } from './zone-names.fixture.ts';

const index = createSearchIndex(ZONE_NAMES);

const idsFor = (query: string, limit?: number): string[] =>
  search(index, query, limit === undefined ? {} : { limit }).map((result) => result.id);

const firstFor = (query: string): SearchResult => {
  const [first] = search(index, query);
  if (!first) throw new Error(`no result for ${JSON.stringify(query)}`);
  return first;
};

const highlightedChinese = (result: SearchResult): string[] =>
  result.highlights.name_zh.map((range) => result.name_zh.slice(range.start, range.end));
const highlightedEnglish = (result: SearchResult): string[] =>
  result.highlights.name_en.map((range) => result.name_en.slice(range.start, range.end));

const RANK_ORDER = ['exact', 'prefix', 'initials', 'substring', 'fuzzy'];

describe('Chinese names', () => {
  it('puts the exact name first, ahead of names it begins', () => {
    expect(idsFor('泸县')).toEqual(['county-luxian', 'wing-luxian']);
    expect(search(index, '泸县').map((result) => result.rank)).toEqual(['exact', 'prefix']);
  });

  it('finds a name by its start and by any piece of it', () => {
    expect(idsFor('渔子溪').sort()).toEqual(['area-yuzixi-lake', 'green-yuzixi']);
    const wetland = firstFor('湿地');
    expect(wetland.id).toBe('green-yuzixi');
    expect(wetland.rank).toBe('substring');
    expect(highlightedChinese(wetland)).toEqual(['湿地']);
  });

  it('ignores brackets and spaces the user leaves out or adds', () => {
    expect(firstFor('中国电子泸州产业园')).toMatchObject({ id: 'park-cec', rank: 'exact' });
    expect(firstFor('渔子溪 公园')).toMatchObject({ id: 'green-yuzixi', rank: 'substring' });
    expect(highlightedChinese(firstFor('渔子溪 公园'))).toEqual(['渔子溪', '公园']);
  });

  it('finds a name typed with a wrong character of the same sound, ranked as fuzzy', () => {
    const homophone = firstFor('渔子西');
    expect(homophone).toMatchObject({ id: 'green-yuzixi', rank: 'fuzzy' });
    expect(highlightedChinese(homophone)).toEqual(['渔子溪']);
    expect(firstFor('鱼子溪').id).toMatch(/yuzixi/);
  });

  it('finds names typed in traditional characters through their sound', () => {
    const traditional = search(index, '人民醫院');
    expect(traditional[0]).toMatchObject({ id: 'place-hospital', rank: 'fuzzy' });
    expect(search(index, '瀘州').every((result) => result.name_zh.includes('泸州'))).toBe(true);
  });

  it('finds nothing for characters in no name', () => {
    expect(search(index, '成都')).toEqual([]);
  });
});

describe('pinyin', () => {
  it('matches full pinyin, run together or spaced, and highlights the characters it spells', () => {
    const runTogether = firstFor('zhangba');
    expect(runTogether).toMatchObject({ id: 'green-zhangba', rank: 'prefix' });
    expect(highlightedChinese(runTogether)).toEqual(['张坝']);
    const spaced = firstFor('zhang ba gui');
    expect(spaced).toMatchObject({ id: 'green-zhangba', rank: 'prefix' });
    expect(highlightedChinese(spaced)).toEqual(['张坝桂']);
  });

  it('highlights both names when the pinyin is also the English spelling', () => {
    const both = firstFor('zhangba');
    expect(highlightedChinese(both)).toEqual(['张坝']);
    expect(highlightedEnglish(both)).toEqual(['Zhangba']);
  });

  it('matches initials and mixed initials', () => {
    const initials = search(index, 'yzx');
    expect(initials.map((result) => result.id).sort()).toEqual(['area-yuzixi-lake', 'green-yuzixi']);
    expect(initials.every((result) => result.rank === 'initials')).toBe(true);
    expect(highlightedChinese(initials[0]!)).toEqual(['渔子溪']);
    expect(firstFor('zbgyl')).toMatchObject({ id: 'green-zhangba', rank: 'initials' });
    expect(firstFor('zhangbgy')).toMatchObject({ id: 'green-zhangba', rank: 'initials' });
  });

  it('matches pinyin starting inside a name', () => {
    const inside = firstFor('shidi');
    expect(inside).toMatchObject({ id: 'green-yuzixi', rank: 'substring' });
    expect(highlightedChinese(inside)).toEqual(['湿地']);
  });

  it('reads polyphones from their word: 长江 is chang jiang, not zhang jiang', () => {
    expect(search(index, 'changjiang').map((result) => [result.id, result.rank])).toEqual([
      ['river-yangtze', 'exact'],
      ['bridge-guojiao', 'substring'],
    ]);
    // The other reading still finds it, but only as a fuzzy match.
    expect(firstFor('zhangjiang')).toMatchObject({ id: 'river-yangtze', rank: 'fuzzy' });
    expect(firstFor('zhongdian')).toMatchObject({ id: 'core', rank: 'substring' });
    expect(highlightedChinese(firstFor('zhongdian'))).toEqual(['重点']);
    expect(firstFor('luzhou').name_zh.startsWith('泸州')).toBe(true);
  });

  it('accepts ü typed as v, u or ü', () => {
    for (const query of ['lvhua', 'luhua', 'lühua']) {
      expect(firstFor(query), query).toMatchObject({ id: 'green-taian', rank: 'substring' });
    }
  });

  it('accepts the full-width letters a Chinese IME types', () => {
    expect(idsFor('ｙｚｘ')).toEqual(idsFor('yzx'));
    expect(idsFor('ＹＺＸ')).toEqual(idsFor('yzx'));
  });

  it('does not let a single letter match inside names', () => {
    const results = search(index, 'z', { limit: 50 });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const startsWithZ =
        result.highlights.name_zh.some((range) => range.start === 0) || result.name_en.toLowerCase().startsWith('z');
      expect(startsWithZ, result.name_zh).toBe(true);
    }
  });
});

describe('English names', () => {
  it('matches whole words and word starts, in any letter case and any order', () => {
    const longan = firstFor('LONGAN');
    expect(longan).toMatchObject({ id: 'green-zhangba', rank: 'substring' });
    expect(highlightedEnglish(longan)).toEqual(['Longan']);
    expect(firstFor('wetl')).toMatchObject({ id: 'green-yuzixi', rank: 'substring' });
    expect(highlightedEnglish(firstFor('park wetland'))).toEqual(['Wetland', 'Park']);
  });

  it('ranks a name the query begins before names that merely contain its words', () => {
    const results = search(index, 'yangtze river');
    expect(results.map((result) => [result.id, result.rank])).toEqual([
      ['river-yangtze', 'exact'],
      ['bridge-guojiao', 'substring'],
    ]);
    expect(firstFor('zitong ro')).toMatchObject({ id: 'place-zitong', rank: 'prefix' });
  });

  it('treats punctuation in names as word breaks', () => {
    expect(firstFor("tai'an riverside")).toMatchObject({ id: 'green-taian', rank: 'prefix' });
    expect(firstFor('high tech')).toMatchObject({ id: 'zone' });
  });
});

describe('typos', () => {
  it('finds a misspelt pinyin name', () => {
    expect(firstFor('yuzxi').id).toBe('green-yuzixi');
    expect(firstFor('yuzixo')).toMatchObject({ id: 'green-yuzixi', rank: 'fuzzy' });
    expect(firstFor('zhang ba giu')).toMatchObject({ id: 'green-zhangba', rank: 'fuzzy' });
  });

  it('finds a misspelt English name and highlights the words it meant', () => {
    const forest = firstFor('longan forst');
    expect(forest).toMatchObject({ id: 'green-zhangba', rank: 'fuzzy' });
    expect(highlightedEnglish(forest)).toEqual(['Longan', 'Forest']);
    expect(firstFor('hospitl').id).toBe('place-hospital');
  });

  it('does not guess from words of three letters or fewer', () => {
    expect(search(index, 'pak')).toEqual([]);
  });

  it('ranks a match through a real reading above a match by edit distance', () => {
    // 茜 is qian in the dictionary and xi in some mouths; 学校 xue xiao is only an edit away.
    expect(idsFor('xicao')[0]).toBe('street-qiancao');
  });
});

describe('ranking', () => {
  it('orders exact > prefix > initials > substring > fuzzy within every result list', () => {
    const queries = ['lu', 'lu zhou', 'cj', 'gong', 'taian', 'yuan', 'park', 'zhong', '公园', 'changjiang', 'xi'];
    for (const query of queries) {
      const ranks = search(index, query, { limit: 50 }).map((result) => RANK_ORDER.indexOf(result.rank));
      expect(ranks, query).toEqual([...ranks].sort((left, right) => left - right));
    }
  });

  it('puts initials before a pinyin match in the middle of a name', () => {
    const results = search(index, 'cj');
    expect(
      results
        .slice(0, 2)
        .map((result) => result.id)
        .sort(),
    ).toEqual(['area-education', 'river-yangtze']);
    expect(results.map((result) => result.id)).toContain('bridge-guojiao');
  });

  it('puts a full-name prefix before a typo match', () => {
    expect(search(index, 'taian').map((result) => [result.id, result.rank])).toEqual([
      ['green-taian', 'prefix'],
      ['place-tianfu', 'fuzzy'],
    ]);
  });

  it('prefers the name the query covers more of', () => {
    // 蓝光水岸公园 has six characters, the other parks seven or more.
    expect(idsFor('公园')[0]).toBe('place-lanjiang');
  });

  it('honours the limit and returns each feature once', () => {
    expect(idsFor('park', 3)).toHaveLength(3);
    expect(idsFor('park', 1)).toEqual(idsFor('park').slice(0, 1));
    expect(idsFor('park', 0)).toEqual([]);
    expect(idsFor('park', -2)).toEqual([]);
    expect(idsFor('park', 2.9)).toHaveLength(2);
    expect(idsFor('park', Number.NaN)).toHaveLength(idsFor('park').length);
    const all = idsFor('yuzixi', 100);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('results', () => {
  it('carry the entry as given plus plain highlight ranges', () => {
    const result = firstFor('湿地');
    expect(Object.keys(result).sort()).toEqual(
      ['highlights', 'id', 'kind', 'layer', 'matchedField', 'name_en', 'name_zh', 'rank'].sort(),
    );
    expect(result).toMatchObject(ZONE_NAMES.find((entry) => entry.id === 'green-yuzixi')!);
    expect(result.matchedField).toBe('name_zh');
  });

  it('measure highlights in UTF-16 units, so names with astral characters slice correctly', () => {
    const astral = createSearchIndex([
      { id: 'a', layer: 'l', kind: 'k', name_zh: '🌳𠮷野家湿地', name_en: 'Tree 🌳 Yoshinoya' },
    ]);
    const [byChinese] = search(astral, '𠮷野');
    expect(byChinese?.name_zh.slice(byChinese.highlights.name_zh[0]!.start, byChinese.highlights.name_zh[0]!.end)).toBe(
      '𠮷野',
    );
    const [byPinyin] = search(astral, 'shidi');
    expect(byPinyin?.name_zh.slice(byPinyin.highlights.name_zh[0]!.start, byPinyin.highlights.name_zh[0]!.end)).toBe(
      '湿地',
    );
    const [byEnglish] = search(astral, 'yoshi');
    expect(byEnglish?.name_en.slice(byEnglish.highlights.name_en[0]!.start, byEnglish.highlights.name_en[0]!.end)).toBe(
      'Yoshi',
    );
  });
});

describe('hostile input', () => {
  const hostileQueries = [
    '',
    '   \t\n ',
    'a'.repeat(10_000),
    '渔'.repeat(10_000),
    'yu '.repeat(80),
    'zhang'.repeat(50),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: every regex metacharacter, typed as a query.
    '.*+?^${}()|[]\\/',
    '(((((((((((a*)*)*)*)*)*)*)*)*)*)*b',
    '😀',
    '😀😀 渔子溪 😀',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\u0000\u0001\u200b\ufeff',
    '\ud800',
    'constructor',
    '__proto__',
    'hasOwnProperty',
  ];

  it.each(hostileQueries.map((query) => [JSON.stringify(query).slice(0, 40), query]))(
    'answers %s quickly without throwing',
    (_label, query) => {
      const started = performance.now();
      const results = search(index, query as string, { limit: 50 });
      expect(performance.now() - started).toBeLessThan(50);
      expect(Array.isArray(results)).toBe(true);
      for (const result of results) expect(ZONE_NAMES.map((entry) => entry.id)).toContain(result.id);
    },
  );

  it('finds nothing for empty, blank and over-long queries', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, '  \n')).toEqual([]);
    expect(search(index, 'a'.repeat(10_000))).toEqual([]);
    expect(search(index, undefined as unknown as string)).toEqual([]);
    expect(search(index, 42 as unknown as string)).toEqual([]);
  });

  it('still finds a name wrapped in emoji or markup', () => {
    expect(firstFor('😀😀 渔子溪 😀').id).toMatch(/yuzixi/);
    expect(firstFor('<wetland>').id).toBe('green-yuzixi');
  });

  it('returns names with markup in them as the same plain strings, never altered or rendered', () => {
    const hostileEntries: SearchEntry[] = [
      { id: 'x', layer: 'places', kind: 'place', name_zh: '测试<b>粗体</b>', name_en: '<img src=x onerror=alert(1)>' },
    ];
    const hostileIndex = createSearchIndex(hostileEntries);
    const [byChinese] = search(hostileIndex, '粗体');
    expect(byChinese).toMatchObject({ name_zh: '测试<b>粗体</b>', name_en: '<img src=x onerror=alert(1)>' });
    expect(byChinese?.name_zh.slice(byChinese.highlights.name_zh[0]!.start, byChinese.highlights.name_zh[0]!.end)).toBe(
      '粗体',
    );
    expect(search(hostileIndex, 'onerror')[0]?.id).toBe('x');
  });

  it('builds from entries with missing or non-string names without throwing', () => {
    const broken = [
      { id: 'a', layer: 'l', kind: 'k', name_zh: null, name_en: 7 },
      { id: 'b', layer: 'l', kind: 'k', name_zh: '张坝', name_en: undefined },
      null,
    ] as unknown as SearchEntry[];
    const brokenIndex = createSearchIndex(broken);
    expect(search(brokenIndex, 'zhangba').map((result) => result.id)).toEqual(['b']);
  });
});
