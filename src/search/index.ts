/** The search core: pure, no DOM, no map; the search box and the URL both call it. */
export { createSearchIndex, search, MAX_QUERY_LENGTH, DEFAULT_LIMIT } from './search-index.ts';
export type { SearchEntry, SearchIndex, SearchOptions, SearchResult, MatchRank, MatchedField } from './search-index.ts';
export { entriesFromDataset } from './dataset-entries.ts';
export type { TextRange } from './text-folding.ts';
