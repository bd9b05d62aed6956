/**
 * Finding features and places of the zone by what a visitor types: a Chinese name or part of one,
 * pinyin in full, spaced or as initials, an English name or some of its words, with small typos.
 *
 * Built once from the dataset's ~50 names (pinyin is computed here, not shipped), then queried on
 * every keystroke. Results are plain data: the UI escapes and highlights them; no HTML is made here.
 *
 * Chinese is also matched by its parts (渔子溪公园 finds 渔子溪生态湿地公园, src/search/chinese-parts.ts):
 * every part found ranks as `substring`, most of them as `fuzzy`.
 *
 * Ranking, best first: `exact` > `prefix` > `initials` > `substring` > `fuzzy`. Within `fuzzy`,
 * a match through a real reading (another reading of a polyphone, a homophone typed in Chinese)
 * comes before a match by edit distance. Then the match that found more of the query, then one
 * that found it in one piece rather than scattered, then a match that covers more of its name,
 * then the shorter name, then dataset order.
 */
import MiniSearch from 'minisearch';
import { matchChineseParts } from './chinese-parts.ts';
import { matchPinyin, type PinyinMatchKind } from './pinyin-match.ts';
import { readPinyin, type PinyinSyllable } from './pinyin-reading.ts';
import {
  containsHan,
  foldPinyin,
  isWordCharacter,
  mergeRanges,
  splitWords,
  type PositionedWord,
  type TextRange,
} from './text-folding.ts';

/** What can be searched: the identifying properties every dataset feature carries. */
export interface SearchEntry {
  id: string;
  layer: string;
  name_zh: string;
  name_en: string;
  kind: string;
}

export type MatchRank = PinyinMatchKind;

/** Which reading of the name the query matched: the characters, their pinyin, or the English. */
export type MatchedField = 'name_zh' | 'pinyin' | 'name_en';

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

/** Runs of up to this many syllables are indexed as pinyin words for typo-tolerant matching. */
const LONGEST_PINYIN_WORD = 4;

interface PreparedEntry {
  entry: SearchEntry;
  order: number;
  syllables: PinyinSyllable[];
  /** `name_zh` folded to letters and digits, with each kept character's offset in the original. */
  compactChinese: string;
  compactOffsets: number[];
  englishWords: PositionedWord[];
  /** Each indexed pinyin word and the characters it spells. */
  pinyinWords: Map<string, TextRange>;
}

export interface SearchIndex {
  readonly size: number;
  /** @internal */
  readonly prepared: readonly PreparedEntry[];
  /** @internal */
  readonly fuzzy: MiniSearch<FuzzyDocument>;
}

interface FuzzyDocument {
  id: number;
  name_en: string;
  pinyin: string;
}

/**
 * Builds the index. Entries are read, never modified; strings that are missing or not strings
 * (hostile or half-written data) are treated as empty rather than thrown on.
 */
export function createSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const prepared = entries.map((entry, order) => prepareEntry(entry, order));
  const fuzzy = new MiniSearch<FuzzyDocument>({
    fields: ['name_en', 'pinyin'],
    tokenize: (text, fieldName) =>
      fieldName === 'pinyin' ? text.split(' ').filter(Boolean) : splitWords(text).map((word) => word.word),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => splitWords(text).map((word) => word.word), processTerm: (term) => term },
  });
  fuzzy.addAll(
    prepared.map((item) => ({
      id: item.order,
      name_en: item.entry.name_en,
      pinyin: [...item.pinyinWords.keys()].join(' '),
    })),
  );
  return { size: prepared.length, prepared, fuzzy };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function prepareEntry(raw: SearchEntry, order: number): PreparedEntry {
  const entry: SearchEntry = {
    id: text(raw?.id),
    layer: text(raw?.layer),
    name_zh: text(raw?.name_zh),
    name_en: text(raw?.name_en),
    kind: text(raw?.kind),
  };
  const syllables = readPinyin(entry.name_zh);
  const compact = compactWithOffsets(entry.name_zh);
  return {
    entry,
    order,
    syllables,
    compactChinese: compact.text,
    compactOffsets: compact.offsets,
    englishWords: splitWords(entry.name_en),
    pinyinWords: pinyinWordsOf(syllables),
  };
}

function pinyinWordsOf(syllables: readonly PinyinSyllable[]): Map<string, TextRange> {
  const words = new Map<string, TextRange>();
  for (let start = 0; start < syllables.length; start++) {
    let word = '';
    for (let end = start; end < syllables.length && end - start < LONGEST_PINYIN_WORD; end++) {
      word += syllables[end]!.reading;
      if (!words.has(word)) words.set(word, { start: syllables[start]!.range.start, end: syllables[end]!.range.end });
    }
  }
  const whole = syllables.map((syllable) => syllable.reading).join('');
  const first = syllables[0];
  const last = syllables[syllables.length - 1];
  if (first && last && !words.has(whole)) words.set(whole, { start: first.range.start, end: last.range.end });
  return words;
}

/** Keeps letters and digits (folded: full-width to ASCII, lower case) so `(泸州)` and `泸州` compare equal. */
function compactWithOffsets(value: string): { text: string; offsets: number[] } {
  let compact = '';
  const offsets: number[] = [];
  let index = 0;
  for (const character of value) {
    if (isWordCharacter(character)) {
      const folded = character.normalize('NFKC').toLowerCase();
      // A character that folds to several (`㎢` → `km2`) maps each of them back to itself.
      for (let unit = 0; unit < folded.length; unit++) offsets.push(index);
      compact += folded;
    }
    index += character.length;
  }
  return { text: compact, offsets };
}

const RANK_ORDER: Record<MatchRank, number> = { exact: 0, prefix: 1, initials: 2, substring: 3, fuzzy: 4 };

interface Candidate {
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

function candidateOf(
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

function better(left: Candidate, right: Candidate): boolean {
  return compareCandidates(left, right) < 0;
}

function compareCandidates(left: Candidate, right: Candidate): number {
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

/** Characters typed as they appear in the name: whole, its start, or pieces anywhere in it. */
function matchChinese(parts: readonly string[], prepared: PreparedEntry): Candidate | undefined {
  const name = prepared.compactChinese;
  if (parts.length === 0 || name.length === 0) return undefined;
  const rangeAt = (start: number, length: number): TextRange => compactRange(prepared, start, length);
  const joined = parts.join('');
  if (joined === name) return candidateOf(prepared, 'exact', 'name_zh', [rangeAt(0, joined.length)], [], 1);
  if (name.startsWith(joined)) {
    return candidateOf(prepared, 'prefix', 'name_zh', [rangeAt(0, joined.length)], [], joined.length / name.length);
  }
  const ranges: TextRange[] = [];
  let covered = 0;
  for (const part of parts) {
    const at = name.indexOf(part);
    if (at < 0) return undefined;
    ranges.push(rangeAt(at, part.length));
    covered += part.length;
  }
  const candidate = candidateOf(prepared, 'substring', 'name_zh', ranges, [], Math.min(1, covered / name.length));
  candidate.scattered = parts.length > 1;
  return candidate;
}

/** The query's characters found in pieces anywhere in the name, in any order (渔子溪公园, 华为大数据). */
function matchByParts(query: string, prepared: PreparedEntry): Candidate | undefined {
  const match = matchChineseParts(query, prepared.compactChinese);
  if (!match) return undefined;
  const ranges = match.pieces.map((piece) => compactRange(prepared, piece.nameStart, piece.length));
  const candidate = candidateOf(
    prepared,
    match.queryShare === 1 ? 'substring' : 'fuzzy',
    'name_zh',
    ranges,
    [],
    match.nameShare,
  );
  candidate.queryShare = match.queryShare;
  candidate.scattered = match.pieces.length > 1;
  return candidate;
}

/** The span of `name_zh` that `length` folded units from `start` of its compact form came from. */
function compactRange(prepared: PreparedEntry, start: number, length: number): TextRange {
  const lastOffset = prepared.compactOffsets[start + length - 1]!;
  return {
    start: prepared.compactOffsets[start]!,
    end: lastOffset + lengthOfCharacterAt(prepared.entry.name_zh, lastOffset),
  };
}

function lengthOfCharacterAt(value: string, offset: number): number {
  const codePoint = value.codePointAt(offset);
  return codePoint !== undefined && codePoint > 0xffff ? 2 : 1;
}

/**
 * Same sounds, other characters: an IME slip (鱼子溪 for 渔子溪) or a name heard, not read.
 * Every syllable of the query must equal a reading of consecutive syllables of the name.
 */
function matchHomophone(querySyllables: readonly PinyinSyllable[], prepared: PreparedEntry): Candidate | undefined {
  const name = prepared.syllables;
  const count = querySyllables.length;
  if (count < 2 || count > name.length) return undefined;
  const sounds = (syllable: PinyinSyllable): string[] => [syllable.reading, ...syllable.alternates];
  for (let start = 0; start + count <= name.length; start++) {
    const matches = querySyllables.every((querySyllable, offset) => {
      const nameSounds = sounds(name[start + offset]!);
      return sounds(querySyllable).some((sound) => nameSounds.includes(sound));
    });
    if (matches) {
      const ranges = name.slice(start, start + count).map((syllable) => syllable.range);
      return candidateOf(prepared, 'fuzzy', 'pinyin', ranges, [], count / name.length);
    }
  }
  return undefined;
}

/**
 * English words, case and punctuation ignored: the whole name, its leading words (the last one
 * may be half typed), or each typed word starting some word of the name, in any order.
 */
function matchEnglish(queryWords: readonly string[], prepared: PreparedEntry): Candidate | undefined {
  const nameWords = prepared.englishWords;
  if (queryWords.length === 0 || queryWords.length > nameWords.length) return undefined;
  const coverage = (ranges: TextRange[]): number =>
    ranges.reduce((sum, range) => sum + range.end - range.start, 0) /
    nameWords.reduce((sum, word) => sum + word.range.end - word.range.start, 0);

  const leading: TextRange[] = [];
  const lastIndex = queryWords.length - 1;
  const inOrder = queryWords.every((word, index) => {
    const nameWord = nameWords[index]!;
    const fits = index < lastIndex ? nameWord.word === word : nameWord.word.startsWith(word);
    if (fits) leading.push(prefixRange(nameWord, word));
    return fits;
  });
  if (inOrder) {
    const exact = queryWords.length === nameWords.length && nameWords[lastIndex]!.word === queryWords[lastIndex];
    return candidateOf(prepared, exact ? 'exact' : 'prefix', 'name_en', [], leading, coverage(leading));
  }

  // One letter inside a word (`z` in Zone) matches too much to be useful.
  if (queryWords.join('').length < 2) return undefined;
  const used = new Set<number>();
  const ranges: TextRange[] = [];
  for (const word of queryWords) {
    const found = nameWords.findIndex((nameWord, index) => !used.has(index) && nameWord.word.startsWith(word));
    if (found < 0) return undefined;
    used.add(found);
    ranges.push(prefixRange(nameWords[found]!, word));
  }
  return candidateOf(prepared, 'substring', 'name_en', [], ranges, coverage(ranges));
}

/** The typed part of a name word; folding rarely changes length, and then the whole word is marked. */
function prefixRange(nameWord: PositionedWord, typed: string): TextRange {
  const originalLength = nameWord.range.end - nameWord.range.start;
  const length = originalLength === nameWord.word.length ? typed.length : originalLength;
  return { start: nameWord.range.start, end: nameWord.range.start + length };
}

/** Edits allowed for a typed word: none up to 3 letters (too many neighbours), then 1, then 2. */
function allowedEdits(term: string): number | false {
  if (term.length <= 3) return false;
  return term.length <= 7 ? 1 : 2;
}

/**
 * Typos, through MiniSearch's edit-distance search: the query's words against English words and
 * pinyin words (every word must match something), and the query run together against pinyin
 * words, which catches `yuzxi` and `zhang ba giu`.
 */
function fuzzyCandidates(index: SearchIndex, query: string, pinyinQuery: string): Candidate[] {
  const fuzzy = (term: string): number | false => allowedEdits(term);
  const lastTermIsPrefix = (term: string, position: number, terms: string[]): boolean =>
    position === terms.length - 1 && term.length >= 2;
  const byWords = index.fuzzy.search(query, { combineWith: 'AND', fuzzy, prefix: lastTermIsPrefix });
  const runTogether =
    pinyinQuery.length > 3
      ? index.fuzzy.search(pinyinQuery, { fields: ['pinyin'], fuzzy, tokenize: (text) => [text] })
      : [];
  const candidates: Candidate[] = [];
  for (const result of [...byWords, ...runTogether]) {
    const prepared = index.prepared[result.id as number];
    if (!prepared) continue;
    const chineseRanges: TextRange[] = [];
    const englishRanges: TextRange[] = [];
    for (const [term, fields] of Object.entries(result.match)) {
      if (fields.includes('pinyin')) {
        const range = prepared.pinyinWords.get(term);
        if (range) chineseRanges.push(range);
      }
      if (fields.includes('name_en')) {
        for (const word of prepared.englishWords) if (word.word === term) englishRanges.push(word.range);
      }
    }
    const matchedField: MatchedField = englishRanges.length > 0 ? 'name_en' : 'pinyin';
    candidates.push(
      candidateOf(prepared, 'fuzzy', matchedField, chineseRanges, englishRanges, 0, { fuzzyScore: result.score }),
    );
  }
  return candidates;
}
