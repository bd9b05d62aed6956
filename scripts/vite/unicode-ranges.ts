/**
 * Codepoint sets and CSS `unicode-range` lists, as the font plugin and its browser test need them.
 * Pure: no fs, no Vite, so the e2e test can check the built font with the same code.
 */

/** An inclusive run of codepoints. */
export interface CodePointInterval {
  start: number;
  end: number;
}

/** Sorted, merged intervals covering exactly the given codepoints. */
export function codePointsToIntervals(codePoints: Iterable<number>): CodePointInterval[] {
  const sorted = [...new Set(codePoints)].sort((left, right) => left - right);
  const intervals: CodePointInterval[] = [];
  for (const codePoint of sorted) {
    const last = intervals[intervals.length - 1];
    if (last && codePoint === last.end + 1) last.end = codePoint;
    else intervals.push({ start: codePoint, end: codePoint });
  }
  return intervals;
}

/**
 * Parses one CSS `unicode-range` entry (`U+A5`, `U+4E00-9FFF`, `U+4??`); `null` for anything else,
 * so a malformed range in a font package is reported rather than silently widened.
 */
export function parseUnicodeRange(entry: string): CodePointInterval | null {
  const text = entry.trim();
  const wildcard = /^u\+([0-9a-f]*)(\?+)$/i.exec(text);
  if (wildcard) {
    const prefix = wildcard[1] ?? '';
    const questionMarks = wildcard[2] ?? '';
    return {
      start: parseInt(prefix + '0'.repeat(questionMarks.length), 16),
      end: parseInt(prefix + 'f'.repeat(questionMarks.length), 16),
    };
  }
  const explicit = /^u\+([0-9a-f]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(text);
  if (!explicit || explicit[1] === undefined) return null;
  const start = parseInt(explicit[1], 16);
  const end = explicit[2] === undefined ? start : parseInt(explicit[2], 16);
  return start <= end ? { start, end } : null;
}

/** The intervals minus every codepoint in `removed`; what remains, in order. */
export function subtractCodePoints(
  intervals: readonly CodePointInterval[],
  removed: ReadonlySet<number>,
): CodePointInterval[] {
  const removedSorted = [...removed].sort((left, right) => left - right);
  const result: CodePointInterval[] = [];
  for (const interval of intervals) {
    let start = interval.start;
    for (const codePoint of removedSorted) {
      if (codePoint < start) continue;
      if (codePoint > interval.end) break;
      if (codePoint > start) result.push({ start, end: codePoint - 1 });
      start = codePoint + 1;
    }
    if (start <= interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

/** Whether any interval contains the codepoint. */
export function intervalsContain(intervals: readonly CodePointInterval[], codePoint: number): boolean {
  return intervals.some((interval) => codePoint >= interval.start && codePoint <= interval.end);
}
