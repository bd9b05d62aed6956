import { describe, expect, it } from 'vitest';
import { highlightSegments, nextActiveIndex } from '../../../src/ui/search/result-navigation.ts';

describe('arrow keys in the result list', () => {
  it('start at the first result going down and at the last going up, and wrap around', () => {
    expect(nextActiveIndex(-1, 3, 'down')).toBe(0);
    expect(nextActiveIndex(-1, 3, 'up')).toBe(2);
    expect(nextActiveIndex(2, 3, 'down')).toBe(0);
    expect(nextActiveIndex(0, 3, 'up')).toBe(2);
    expect(nextActiveIndex(1, 3, 'down')).toBe(2);
  });

  it('land on a real result after the list shrank, and on nothing when it is empty', () => {
    expect(nextActiveIndex(7, 3, 'down')).toBe(0);
    expect(nextActiveIndex(7, 3, 'up')).toBe(2);
    expect(nextActiveIndex(0, 0, 'down')).toBe(-1);
  });
});

describe('marking the matched part of a name', () => {
  it('cuts the name into runs that join back to it', () => {
    const name = '渔子溪生态湿地公园';
    const segments = highlightSegments(name, [{ start: 0, end: 3 }]);
    expect(segments).toEqual([
      { text: '渔子溪', matched: true },
      { text: '生态湿地公园', matched: false },
    ]);
  });

  it('clips, orders and merges ranges it cannot trust, never losing or repeating a character', () => {
    const name = 'Yuzixi Wetland Park';
    const hostile = [
      { start: 15, end: 99 },
      { start: -4, end: 2 },
      { start: 1, end: 4 },
      { start: 9, end: 3 },
      { start: Number.NaN, end: 5 },
    ];
    const segments = highlightSegments(name, hostile);
    expect(segments.map((segment) => segment.text).join('')).toBe(name);
    expect(segments.filter((segment) => segment.matched).map((segment) => segment.text)).toEqual(['Yuzi', 'Park']);
  });
});
