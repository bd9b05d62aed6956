import { describe, expect, it } from 'vitest';
import { LEAST_PARTIAL_SHARE, matchChineseParts } from '../../../src/search/chinese-parts.ts';

describe('matchChineseParts', () => {
  it('cuts the query into the longest runs the name holds, in any order', () => {
    expect(matchChineseParts('渔子溪公园', '渔子溪生态湿地公园')).toEqual({
      pieces: [
        { queryStart: 0, nameStart: 0, length: 3 },
        { queryStart: 3, nameStart: 7, length: 2 },
      ],
      queryShare: 1,
      nameShare: 5 / 9,
    });
    expect(matchChineseParts('公园渔子溪', '渔子溪生态湿地公园')?.pieces.map((piece) => piece.nameStart)).toEqual([
      7, 0,
    ]);
  });

  it('weighs a missing generic word less than a missing distinctive one', () => {
    // 渔子溪 found, 公园 missing: the generic word costs little.
    const genericMissing = matchChineseParts('渔子溪公园', '渔子溪湖区高品质生活区')!;
    // 大数据 found, 华为 missing: the distinctive word costs its full length.
    const distinctiveMissing = matchChineseParts('华为大数据', '大数据产业园')!;
    expect(genericMissing.queryShare).toBeLessThan(1);
    expect(distinctiveMissing.queryShare).toBeLessThan(genericMissing.queryShare);
    expect(distinctiveMissing.queryShare).toBeGreaterThanOrEqual(LEAST_PARTIAL_SHARE);
  });

  it('needs a distinctive run of two characters or more, or every word of the query', () => {
    expect(matchChineseParts('生态公园', '渔子溪生态湿地公园')?.queryShare).toBe(1);
    // 公园 is there, 中心 is not: generic words alone, and not all of them.
    expect(matchChineseParts('公园中心', '爱琴海购物公园')).toBeUndefined();
    // Both characters are in the name, but not as the word typed.
    expect(matchChineseParts('坝张', '张坝桂圆林')).toBeUndefined();
  });

  it('refuses a query mostly absent from the name', () => {
    expect(matchChineseParts('成都天府广场', '泸州天府二中')).toBeUndefined();
    expect(matchChineseParts('', '泸州')).toBeUndefined();
    expect(matchChineseParts('泸州', '')).toBeUndefined();
  });
});
