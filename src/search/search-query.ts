/**
 * Finding features and places of the zone by what a visitor types: a Chinese name or part of one,
 * pinyin in full, spaced or as initials, an English name or some of its words, with small typos.
 *
 * Results are plain data: the UI escapes and highlights them; no HTML is made here. Every part of
 * Chinese found ranks as `substring`, most of them as `fuzzy`; the order is search-ranking.ts's.
 */
import { matchPinyin } from './pinyin-match.ts';
import { readPinyin } from './pinyin-reading.ts';
import { compactWithOffsets, type SearchEntry, type SearchIndex } from './search-index.ts';
import { fuzzyCandidates, matchByParts, matchChinese, matchEnglish, matchHomophone } from './search-matchers.ts';
import {
  better,
  candidateOf,
  compareCandidates,
  type Candidate,
  type MatchRank,
  type MatchedField,
} from './search-ranking.ts';
import { containsHan, foldPinyin, mergeRanges, splitWords, type TextRange } from './text-folding.ts';

export interface SearchResult extends SearchEntry {
  rank: MatchRank;
  matchedField: MatchedField;
  /**
   * Spans of `name_zh` and `name_en` to highlight, in UTF-16 code units (`name.slice(start, end)`).
   * A pinyin match highlights the Chinese characters it spells.
   */
  highlights: { name_zh: TextRange[]; name_en: TextRange[] };
}

export interface SearchOptions {
  /** Most results to return; 10 when absent. */
  limit?: number;
}

/** Longer than any name: such a query cannot match, and is refused before any work. */
export const MAX_QUERY_LENGTH = 256;
export const DEFAULT_LIMIT = 10;

/**
 * Searches the index. Never throws on any string; an empty, blank or over-long query gives no
 * results. The query is only compared as text, never compiled into a pattern.
 *
 * @example search(index, 'yzx')[0]?.name_zh // '渔子溪生态湿地公园'
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = resolveLimit(options?.limit);
  if (typeof query !== 'string' || limit === 0) return [];
  const trimmed = query.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_QUERY_LENGTH) return [];

  const candidates = new Map<number, Candidate>();
  const offer = (candidate: Candidate): void => {
    const held = candidates.get(candidate.prepared.order);
    const kept = !held || better(candidate, held) ? candidate : held;
    const other = kept === candidate ? held : candidate;
    if (other && other.rank === kept.rank) {
      // Same rank in another field (pinyin and English both spell `zhangba`): highlight both.
      kept.highlights.name_zh = mergeRanges([...kept.highlights.name_zh, ...other.highlights.name_zh]);
      kept.highlights.name_en = mergeRanges([...kept.highlights.name_en, ...other.highlights.name_en]);
    }
    candidates.set(candidate.prepared.order, kept);
  };

  if (containsHan(trimmed)) {
    const parts = trimmed
      .split(/\s+/)
      .map((part) => compactWithOffsets(part).text)
      .filter(Boolean);
    const homophoneSyllables = readPinyin(trimmed);
    for (const prepared of index.prepared) {
      // As typed, then by parts with all of them found, then by sound, then by most of the parts.
      const chinese = matchChinese(parts, prepared);
      const byParts = chinese ? undefined : matchByParts(parts.join(''), prepared);
      const complete = chinese ?? (byParts?.queryShare === 1 ? byParts : undefined);
      if (complete) {
        offer(complete);
        continue;
      }
      const homophone = matchHomophone(homophoneSyllables, prepared);
      if (homophone) offer(homophone);
      else if (byParts) offer(byParts);
    }
  }
  // A query with characters in it is matched as characters: reading only its Latin letters as
  // pinyin would match `渔子溪yu` on `yu` alone.
  const pinyinQuery = foldPinyin(trimmed).replace(/[^a-z0-9]/g, '');
  const englishQuery = splitWords(trimmed).map((word) => word.word);
  if (!containsHan(trimmed) && pinyinQuery.length > 0) {
    for (const prepared of index.prepared) {
      const pinyin = matchPinyin(pinyinQuery, prepared.syllables);
      if (pinyin) {
        const total = prepared.syllables.length;
        offer(candidateOf(prepared, pinyin.kind, 'pinyin', pinyin.ranges, [], pinyin.syllableCount / total));
      }
      const english = matchEnglish(englishQuery, prepared);
      if (english) offer(english);
    }
    for (const candidate of fuzzyCandidates(index, trimmed, pinyinQuery)) offer(candidate);
  }

  const results = [...candidates.values()].sort(compareCandidates);
  const seenIds = new Set<string>();
  const unique: SearchResult[] = [];
  for (const candidate of results) {
    if (seenIds.has(candidate.prepared.entry.id)) continue;
    seenIds.add(candidate.prepared.entry.id);
    unique.push({
      ...candidate.prepared.entry,
      rank: candidate.rank,
      matchedField: candidate.matchedField,
      highlights: candidate.highlights,
    });
    if (unique.length === limit) break;
  }
  return unique;
}

function resolveLimit(limit: unknown): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.floor(limit));
}
