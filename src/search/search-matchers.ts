/**
 * The ways a query can match one name, each giving a ranked candidate or nothing: Chinese as
 * typed, Chinese by its parts (渔子溪公园 finds 渔子溪生态湿地公园, src/search/chinese-parts.ts), by
 * sound (homophones), English words, and typos through MiniSearch's edit distance. Pinyin is
 * matched by src/search/pinyin-match.ts.
 */
import { matchChineseParts } from './chinese-parts.ts';
import type { PinyinSyllable } from './pinyin-reading.ts';
import { candidateOf, type Candidate, type MatchedField } from './search-ranking.ts';
import type { PreparedEntry, SearchIndex } from './search-index.ts';
import type { PositionedWord, TextRange } from './text-folding.ts';

/** Characters typed as they appear in the name: whole, its start, or pieces anywhere in it. */
export function matchChinese(parts: readonly string[], prepared: PreparedEntry): Candidate | undefined {
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
export function matchByParts(query: string, prepared: PreparedEntry): Candidate | undefined {
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
export function matchHomophone(
  querySyllables: readonly PinyinSyllable[],
  prepared: PreparedEntry,
): Candidate | undefined {
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
export function matchEnglish(queryWords: readonly string[], prepared: PreparedEntry): Candidate | undefined {
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
export function fuzzyCandidates(index: SearchIndex, query: string, pinyinQuery: string): Candidate[] {
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
