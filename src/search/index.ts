/**
 * The search core: pure, no DOM, no map; the search box and the URL both call it.
 *
 * Cost: pinyin-pro carries its dictionary (~145 KB gzipped of the ~154 KB this module bundles to),
 * and its first call initialises it (tens of ms). Load this module with a dynamic `import()` when
 * the search box is first focused, and build the index then, so neither delays the first map render.
 *
 * @example
 * const index = createSearchIndex(entriesFromDataset(dataset));
 * search(index, 'yzx', { limit: 8 }); // [{ id, layer, name_zh: '渔子溪生态湿地公园', rank: 'initials', highlights, … }]
 */
export { createSearchIndex } from './search-index.ts';
export type { SearchEntry, SearchIndex } from './search-index.ts';
export { search } from './search-query.ts';
export type { SearchResult } from './search-query.ts';
export { entriesFromDataset } from './dataset-entries.ts';
export type { TextRange } from './text-folding.ts';
