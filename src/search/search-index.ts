/**
 * The search index: built once from the dataset's ~50 names (pinyin is computed here, not
 * shipped), then queried on every keystroke by `search` (search-query.ts), which matches each
 * reading of a name (search-matchers.ts) and ranks what it finds (search-ranking.ts).
 *
 * Each name is read three ways ahead of time so a keystroke costs no re-reading: its characters
 * folded to letters and digits (with where each came from, for highlighting), its pinyin syllables
 * and runs of them as words, and its English words; the pinyin and English words also go into a
 * MiniSearch index for typos.
 */
import MiniSearch from 'minisearch';
import { readPinyin, type PinyinSyllable } from './pinyin-reading.ts';
import { isWordCharacter, splitWords, type PositionedWord, type TextRange } from './text-folding.ts';

/** What can be searched: the identifying properties every dataset feature carries. */
export interface SearchEntry {
  id: string;
  layer: string;
  name_zh: string;
  name_en: string;
  kind: string;
}

/** Runs of up to this many syllables are indexed as pinyin words for typo-tolerant matching. */
const LONGEST_PINYIN_WORD = 4;

export interface PreparedEntry {
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

export interface FuzzyDocument {
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
export function compactWithOffsets(value: string): { text: string; offsets: number[] } {
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
