/**
 * Reading a Chinese name as pinyin syllables, each tied to the characters it came from, so that a
 * pinyin match can be highlighted on the Chinese name.
 *
 * pinyin-pro picks a character's reading from its word context (长江 chang jiang, 重庆 chong qing,
 * 重点 zhong dian). Its choice is the `reading`; a polyphonic character's other readings are kept
 * as `alternates`, because place names are where the dictionary is least sure (茜草 is qian cao in
 * the dictionary; people may type xi) — a match through an alternate ranks as fuzzy.
 */
import { pinyin } from 'pinyin-pro';
import { foldPinyin, isHan, isWordCharacter, type TextRange } from './text-folding.ts';

export interface PinyinSyllable {
  /** Folded (no tones, ü → u) reading chosen from context; for a Latin or digit run, the run itself. */
  reading: string;
  /** Other readings of a polyphonic character, folded, without `reading`. */
  alternates: string[];
  /** Where the character (or Latin run) sits in the original name. */
  range: TextRange;
}

/**
 * The syllables of a name in order. Punctuation, spaces and symbols carry no syllable;
 * Latin letters and digits in a Chinese name (`5G`, `A区`) become one syllable per run.
 * A rare character the dictionary lacks carries none either: it can still be found by the
 * Chinese substring match.
 *
 * @example readPinyin('长江').map((syllable) => syllable.reading) // ['chang', 'jiang']
 */
export function readPinyin(name: string): PinyinSyllable[] {
  if (name.length === 0) return [];
  const characters = pinyin(name, { type: 'all', toneType: 'none' });
  const syllables: PinyinSyllable[] = [];
  let offset = 0;
  let latinRun: PinyinSyllable | undefined;
  for (const character of characters) {
    const start = offset;
    offset += character.origin.length;
    if (character.isZh && character.pinyin.length > 0) {
      latinRun = undefined;
      const reading = foldSyllable(character.pinyin);
      const alternates = [...new Set(character.polyphonic.map(foldSyllable))].filter(
        (alternate) => alternate.length > 0 && alternate !== reading,
      );
      syllables.push({ reading, alternates, range: { start, end: offset } });
    } else if (!isHan(character.origin) && isWordCharacter(character.origin)) {
      const folded = foldPinyin(character.origin);
      if (latinRun) {
        latinRun.reading += folded;
        latinRun.range.end = offset;
      } else {
        latinRun = { reading: folded, alternates: [], range: { start, end: offset } };
        syllables.push(latinRun);
      }
    } else {
      latinRun = undefined;
    }
  }
  return syllables;
}

/** A few hundred distinct syllables recur across names; Unicode normalisation is the costly part. */
const foldedSyllables = new Map<string, string>();

function foldSyllable(syllable: string): string {
  let folded = foldedSyllables.get(syllable);
  if (folded === undefined) {
    folded = foldPinyin(syllable);
    foldedSyllables.set(syllable, folded);
  }
  return folded;
}
