/**
 * How long building the index and answering a keystroke take, against baselines measured in the
 * same run (the machines are shared and noisy: read the ratios). `npx vitest bench tests/unit/search`
 */
import { pinyin } from 'pinyin-pro';
import { bench, describe } from 'vitest';
import { createSearchIndex, search, type SearchEntry } from '../../../src/search/index.ts';
import { ZONE_NAMES } from './zone-names.fixture.ts';

// About the size of the real dataset (~50 named features).
const FIFTY_NAMES: SearchEntry[] = [
  ...ZONE_NAMES,
  ...ZONE_NAMES.slice(0, 22).map((entry) => ({ ...entry, id: `${entry.id}-copy` })),
];
const index = createSearchIndex(FIFTY_NAMES);
const KEYSTROKES = ['y', 'yz', 'yzx', 'zhang ba', '湿地', 'longan forst', 'yuzxi', 'park'];

describe('building the index for 50 names', () => {
  bench('baseline: pinyin-pro alone over the same names', () => {
    for (const entry of FIFTY_NAMES) pinyin(entry.name_zh, { type: 'all', toneType: 'none' });
  });
  bench('createSearchIndex', () => {
    createSearchIndex(FIFTY_NAMES);
  });
});

describe('answering a keystroke (8 typical queries)', () => {
  bench('baseline: case-folded includes() over both names', () => {
    for (const query of KEYSTROKES) {
      const folded = query.toLowerCase();
      FIFTY_NAMES.filter((entry) => entry.name_zh.includes(query) || entry.name_en.toLowerCase().includes(folded));
    }
  });
  bench('search', () => {
    for (const query of KEYSTROKES) search(index, query);
  });
});
