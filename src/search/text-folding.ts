/**
 * Text folding shared by the index and the query, so both sides compare the same way.
 *
 * Users type through Chinese IMEs that emit full-width Latin (`ｙｚｘ`) and full-width brackets,
 * and pinyin arrives with or without tone marks (`lǜ`, `lü`, `lv`): all of these must land on one form.
 */

/** A half-open span `[start, end)` in UTF-16 code units, the unit `String.prototype.slice` uses. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * NFKC turns full-width letters and brackets into ASCII; NFD then splits tone marks and the
 * diaeresis of ü off their base letter so they can be dropped.
 */
export function foldLatin(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Pinyin spelling: `v` is the keyboard stand-in for ü, so `lv`, `lü` and `lu` all become `lu`.
 * Two syllables merge (绿 lü, 路 lu), which a search box can afford.
 */
export function foldPinyin(text: string): string {
  return foldLatin(text).replace(/v/g, 'u');
}

const CJK_IDEOGRAPH = /\p{Script=Han}/u;

export function containsHan(text: string): boolean {
  return CJK_IDEOGRAPH.test(text);
}

export function isHan(character: string): boolean {
  return CJK_IDEOGRAPH.test(character);
}

/** Letters and digits of any script: what survives when punctuation and spaces are dropped. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function isWordCharacter(character: string): boolean {
  return WORD_CHARACTER.test(character);
}

/** A word of a text with where it sits in the original string, for highlighting. */
export interface PositionedWord {
  word: string;
  range: TextRange;
}

/**
 * Splits a Latin text (an English name) into folded words, keeping each word's original span.
 * Folding can change length (NFKC of `ﬁ` is two letters), so each word is folded on its own
 * and its span is measured in the original string.
 */
export function splitWords(text: string): PositionedWord[] {
  const words: PositionedWord[] = [];
  let start = -1;
  let index = 0;
  for (const character of text) {
    const isWord = isWordCharacter(character);
    if (isWord && start < 0) start = index;
    if (!isWord && start >= 0) {
      pushWord(words, text, start, index);
      start = -1;
    }
    index += character.length;
  }
  if (start >= 0) pushWord(words, text, start, index);
  return words;
}

function pushWord(words: PositionedWord[], text: string, start: number, end: number): void {
  const word = foldLatin(text.slice(start, end));
  if (word.length > 0) words.push({ word, range: { start, end } });
}

/** Joins touching or overlapping ranges and sorts them, so a highlighter gets clean spans. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((left, right) => left.start - right.start);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}
