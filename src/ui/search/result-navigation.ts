/**
 * The small decisions of the search list, kept apart from the component so node tests cover them:
 * where the arrow keys go, and which parts of a name to mark as matched.
 */
import type { TextRange } from '../../search/index.ts';

/**
 * The option the arrows land on. From nothing (-1) Down goes to the first and Up to the last;
 * both wrap around, as in a native list.
 */
export function nextActiveIndex(current: number, count: number, direction: 'down' | 'up'): number {
  if (count <= 0) return -1;
  if (direction === 'down') return current < 0 || current >= count - 1 ? 0 : current + 1;
  return current <= 0 || current >= count ? count - 1 : current - 1;
}

export interface TextSegment {
  text: string;
  matched: boolean;
}

/**
 * `text` cut into matched and unmatched runs. Ranges out of bounds, reversed or overlapping (from
 * a changed name, or a hostile one) are clipped or merged rather than trusted; the segments
 * always join back to `text`.
 */
export function highlightSegments(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const clipped = ranges
    .map((range) => ({
      start: Math.max(0, Math.trunc(range.start)),
      end: Math.min(text.length, Math.trunc(range.end)),
    }))
    .filter((range) => Number.isFinite(range.start) && Number.isFinite(range.end) && range.end > range.start)
    .sort((first, second) => first.start - second.start);
  const segments: TextSegment[] = [];
  let position = 0;
  for (const range of clipped) {
    const start = Math.max(range.start, position);
    if (range.end <= start) continue;
    if (start > position) segments.push({ text: text.slice(position, start), matched: false });
    const previous = segments[segments.length - 1];
    // Touching or overlapping ranges make one mark, not two side by side.
    if (previous?.matched && start === position) previous.text += text.slice(start, range.end);
    else segments.push({ text: text.slice(start, range.end), matched: true });
    position = range.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), matched: false });
  return segments;
}
