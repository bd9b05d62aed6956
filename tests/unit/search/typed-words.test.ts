/**
 * The shipped dataset searched with the words a stranger types after hearing a name, reading a
 * sign or half-remembering a poster: shortened, reordered, with the generic word swapped
 * (公园 for 湿地公园), with a word of their own (商场, 中学). The place they meant must come first.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { createSearchIndex, entriesFromDataset, search, type SearchResult } from '../../../src/search/index.ts';

const geodata = new URL('../../../geodata/', import.meta.url);
const loaded = await loadDataset((relativePath) => readFile(new URL(relativePath, geodata), 'utf8'));
if (!loaded.ok) throw new Error(`geodata/ does not load:\n${loaded.problems.join('\n')}`);
const index = createSearchIndex(entriesFromDataset(loaded.dataset));

const names = (query: string, limit = 10): string[] => search(index, query, { limit }).map((result) => result.name_zh);
const first = (query: string): SearchResult | undefined => search(index, query)[0];
const marked = (result: SearchResult | undefined): string[] =>
  result ? result.highlights.name_zh.map((range) => result.name_zh.slice(range.start, range.end)) : [];

const WETLAND = '渔子溪生态湿地公园';
const HUAWEI = '华为(四川)大数据中心';

describe('a name typed by its parts finds the place, best match first', () => {
  it.each([
    ['渔子溪公园', WETLAND],
    ['渔子溪生态公园', WETLAND],
    ['渔子溪湿地', WETLAND],
    ['渔子溪湿地公园', WETLAND],
    ['公园 渔子溪', WETLAND],
    ['湿地公园渔子溪', WETLAND],
    ['华为大数据', HUAWEI],
    ['华为数据中心', HUAWEI],
    ['华为四川', HUAWEI],
    ['杨桥湖公园', '杨桥湖生态公园'],
    ['沙茜医院', '泸州市人民医院(沙茜院区)'],
    ['市人民医院', '泸州市人民医院(沙茜院区)'],
    ['长城基地', '中国长城(泸州)创新制造基地'],
    ['长城制造基地', '中国长城(泸州)创新制造基地'],
    ['中国电子产业园', '中国电子(泸州)产业园'],
    ['电子数字经济', '中国电子(泸州)数字经济产业港'],
    ['医药园', '泸州医药产业园区'],
    ['泸州医药园区', '泸州医药产业园区'],
    ['泸州高新区', '泸州国家高新区'],
    ['蓝光公园', '蓝光水岸公园'],
    ['梓潼学校', '梓潼路学校'],
    ['桂圆林张坝', '张坝桂圆林'],
    ['泰安绿化带', '泰安滨江绿化带'],
    ['装备制造园', '高端装备制造产业园'],
    ['渔子溪高品质生活区', '渔子溪湖区高品质生活区'],
  ])('%s → %s', (query, expected) => {
    expect(names(query)[0]).toBe(expected);
  });

  it('ranks a name holding every part above one holding only some', () => {
    // 大数据产业园 has 大数据 but not 华为: it may follow, never lead.
    const results = search(index, '华为大数据');
    expect(results.map((result) => result.name_zh)).toEqual([HUAWEI, '大数据产业园']);
    expect(results.map((result) => result.rank)).toEqual(['substring', 'fuzzy']);
    const wetland = search(index, '渔子溪公园');
    expect(wetland[0]!.rank).toBe('substring');
    expect(wetland.slice(1).every((result) => result.rank === 'fuzzy')).toBe(true);
  });

  it('finds a place when the visitor adds a word of their own', () => {
    expect(first('爱琴海商场')?.name_zh).toBe('爱琴海购物公园');
    expect(first('天府中学')?.name_zh).toBe('泸州天府二中');
    expect(first('电子信息产业园')?.name_zh).toBe('中国电子(泸州)产业园');
  });

  it('marks each part found in the name', () => {
    expect(marked(first('渔子溪公园'))).toEqual(['渔子溪', '公园']);
    expect(marked(first('华为大数据'))).toEqual(['华为', '大数据']);
    expect(marked(first('公园渔子溪'))).toEqual(['渔子溪', '公园']);
  });

  it('keeps a name typed as it stands ahead of one that has the parts apart', () => {
    // 生态公园 is written as such in 杨桥湖生态公园; 渔子溪生态湿地公园 has 生态 and 公园 apart.
    expect(names('生态公园').slice(0, 2)).toEqual(['杨桥湖生态公园', WETLAND]);
    expect(names('湿地公园')[0]).toBe(WETLAND);
  });

  it('does not match on generic words or scattered single characters alone', () => {
    // 公园 + 中心 are in many names, and every name with both would otherwise match.
    for (const result of search(index, '公园中心', { limit: 50 })) expect(result.name_zh).toMatch(/公园中心/);
    // 州 alone is in every 泸州 name; 成都 is in none.
    expect(names('成都州')).toEqual([]);
    expect(names('泸州高新区').filter((name) => name !== '泸州国家高新区')).toEqual([]);
    expect(names('坝张')).toEqual([]);
  });

  it('still finds names by pinyin, initials, English and with typos', () => {
    expect(first('yzx')?.name_zh).toBe(WETLAND);
    expect(first('zhangba')?.name_zh).toBe('张坝桂圆林');
    expect(first('yuzixi park')?.name_zh).toBe(WETLAND);
    expect(first('huawei')?.name_zh).toBe(HUAWEI);
    expect(first('yuzxi')?.name_zh).toMatch(/^渔子溪/);
    expect(first('鱼子溪公园')?.name_zh).toBe(WETLAND);
  });
});
