/**
 * Ranking, best first: `exact` > `prefix` > `initials` > `substring` > `fuzzy`. Within `fuzzy`,
 * a match through a real reading (another reading of a polyphone, a homophone typed in Chinese)
 * comes before a match by edit distance. Then the match that found more of the query, then one
 * that found it in one piece rather than scattered, then a match that covers more of its name,
 * then the shorter name, then dataset order.
 */
import type { PinyinMatchKind } from './pinyin-match.ts';
import type { PreparedEntry } from './search-index.ts';
import { mergeRanges, type TextRange } from './text-folding.ts';

export type MatchRank = PinyinMatchKind;

/** Which reading of the name the query matched: the characters, their pinyin, or the English. */
export type MatchedField = 'name_zh' | 'pinyin' | 'name_en';

const RANK_ORDER: Record<MatchRank, number> = { exact: 0, prefix: 1, initials: 2, substring: 3, fuzzy: 4 };

export interface Candidate {
  prepared: PreparedEntry;
  rank: MatchRank;
  matchedField: MatchedField;
  highlights: { name_zh: TextRange[]; name_en: TextRange[] };
  /** Share of the matched name the query covers, 0–1. */
  coverage: number;
  /** Weighted share of the query found in the name, 0–1 (below 1 only for Chinese matched by parts). */
  queryShare: number;
  /** Found in several pieces spread over the name (渔子溪…公园) rather than as typed. */
  scattered: boolean;
  /** Found only by edit distance: after matches through a real reading of the name. */
  typo: boolean;
  fuzzyScore: number;
}

export function candidateOf(
  prepared: PreparedEntry,
  rank: MatchRank,
  matchedField: MatchedField,
  chineseRanges: TextRange[],
  englishRanges: TextRange[],
  coverage: number,
  typo: { fuzzyScore: number } | undefined = undefined,
): Candidate {
  return {
    prepared,
    rank,
    matchedField,
    highlights: { name_zh: mergeRanges(chineseRanges), name_en: mergeRanges(englishRanges) },
    coverage,
    queryShare: 1,
    scattered: false,
    typo: typo !== undefined,
    fuzzyScore: typo?.fuzzyScore ?? 0,
  };
}

export function better(left: Candidate, right: Candidate): boolean {
  return compareCandidates(left, right) < 0;
}

export function compareCandidates(left: Candidate, right: Candidate): number {
  return (
    RANK_ORDER[left.rank] - RANK_ORDER[right.rank] ||
    Number(left.typo) - Number(right.typo) ||
    right.queryShare - left.queryShare ||
    Number(left.scattered) - Number(right.scattered) ||
    right.fuzzyScore - left.fuzzyScore ||
    right.coverage - left.coverage ||
    left.prepared.entry.name_zh.length - right.prepared.entry.name_zh.length ||
    left.prepared.order - right.prepared.order
  );
}
