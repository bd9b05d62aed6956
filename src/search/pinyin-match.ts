/**
 * Matching typed pinyin against a name's syllables, the way Chinese users type place names:
 * full (`zhangba`), spaced (`zhang ba gui`), initials (`yzx`), or a mix (`zhangbgy`), starting at
 * the name's first syllable or inside it (`shidi` → 湿地).
 */
import type { PinyinSyllable } from './pinyin-reading.ts';
import { mergeRanges, type TextRange } from './text-folding.ts';

export type PinyinMatchKind = 'exact' | 'prefix' | 'initials' | 'substring' | 'fuzzy';

export interface PinyinMatch {
  kind: PinyinMatchKind;
  /** Characters of the Chinese name that the typed pinyin covers. */
  ranges: TextRange[];
  /** How many syllables were covered, for ordering matches of the same kind. */
  syllableCount: number;
}

interface PathCost {
  /** Syllables matched through a non-contextual reading of a polyphonic character. */
  alternates: number;
  /** Syllables typed only in part (an initial, `b` for ba) before the end of the query. */
  abbreviated: number;
  /** The syllable after the last one covered. */
  endSyllable: number;
}

function cheaper(left: PathCost, right: PathCost): boolean {
  if (left.alternates !== right.alternates) return left.alternates < right.alternates;
  return left.abbreviated < right.abbreviated;
}

/**
 * Finds the best way `query` (folded pinyin, `[a-z0-9]` only, no spaces) covers a run of
 * consecutive syllables. Each syllable is typed whole or as its initial, by one of its readings;
 * the last one may be cut anywhere because the user is still typing.
 *
 * Ranking within pinyin: the whole name (`exact`) > from the first syllable in full syllables
 * (`prefix`) > from the first syllable with abbreviations (`initials`) > from a later syllable
 * (`substring`); any match needing a polyphonic alternate reading is `fuzzy`.
 */
export function matchPinyin(query: string, syllables: readonly PinyinSyllable[]): PinyinMatch | undefined {
  if (query.length === 0 || syllables.length === 0) return undefined;
  // Each syllable consumes at most its longest reading: a longer query cannot match, and a
  // pasted 10 000-character string is rejected here before any search.
  let capacity = 0;
  for (const syllable of syllables) {
    capacity += Math.max(syllable.reading.length, ...syllable.alternates.map((alternate) => alternate.length));
  }
  if (query.length > capacity) return undefined;

  const width = query.length + 1;
  const memo = new Map<number, PathCost | null>();

  const cover = (syllableIndex: number, position: number): PathCost | null => {
    if (position === query.length) return { alternates: 0, abbreviated: 0, endSyllable: syllableIndex };
    if (syllableIndex === syllables.length) return null;
    const key = syllableIndex * width + position;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const syllable = syllables[syllableIndex]!;
    const readings = [syllable.reading, ...syllable.alternates];
    let best: PathCost | null = null;
    readings.forEach((reading, readingIndex) => {
      const longest = Math.min(reading.length, query.length - position);
      for (let taken = longest; taken >= 1; taken--) {
        const endsQuery = position + taken === query.length;
        if (!endsQuery && !isWholeOrInitial(reading, taken)) continue;
        if (!query.startsWith(reading.slice(0, taken), position)) continue;
        const rest = cover(syllableIndex + 1, position + taken);
        if (!rest) continue;
        const candidate: PathCost = {
          alternates: rest.alternates + (readingIndex > 0 ? 1 : 0),
          abbreviated: rest.abbreviated + (taken < reading.length && !endsQuery ? 1 : 0),
          endSyllable: rest.endSyllable,
        };
        if (!best || cheaper(candidate, best)) best = candidate;
      }
    });
    memo.set(key, best);
    return best;
  };

  let bestMatch: PinyinMatch | undefined;
  // A single letter inside a name matches almost everything; only a name's first syllable counts.
  const lastStart = query.length < 2 ? 0 : syllables.length - 1;
  for (let start = 0; start <= lastStart; start++) {
    const path = cover(start, 0);
    if (!path) continue;
    const kind = classify(query, syllables, start, path);
    if (!bestMatch || KIND_ORDER[kind] < KIND_ORDER[bestMatch.kind]) {
      const covered = syllables.slice(start, path.endSyllable);
      bestMatch = {
        kind,
        ranges: mergeRanges(covered.map((syllable) => syllable.range)),
        syllableCount: covered.length,
      };
    }
    // Any later start can only give `substring` or `fuzzy`: no better than what we hold.
    if (bestMatch.kind !== 'fuzzy') break;
  }
  return bestMatch;
}

/**
 * Before the end of the query a syllable is typed whole or as its initial (`z`, or `zh` for
 * zhang): nobody types `zhon` for 中 and goes on, and allowing it reads `zhongdian` as
 * zhon·g(uo)·dian (中国电) instead of 重点.
 */
function isWholeOrInitial(reading: string, taken: number): boolean {
  if (taken === reading.length || taken === 1) return true;
  return taken === 2 && /^[zcs]h/.test(reading);
}

const KIND_ORDER: Record<PinyinMatchKind, number> = { exact: 0, prefix: 1, initials: 2, substring: 3, fuzzy: 4 };

function classify(query: string, syllables: readonly PinyinSyllable[], start: number, path: PathCost): PinyinMatchKind {
  if (path.alternates > 0) return 'fuzzy';
  if (start > 0) return 'substring';
  if (path.abbreviated > 0) return 'initials';
  const whole = syllables.map((syllable) => syllable.reading).join('');
  return query === whole ? 'exact' : 'prefix';
}
