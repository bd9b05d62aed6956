/** A name with the part the query matched in <mark>; text only, never markup from the data. */
import type { TextRange } from '../../search/index.ts';
import { highlightSegments } from './result-navigation.ts';

export function HighlightedText({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  return (
    <>
      {highlightSegments(text, ranges).map((segment, index) =>
        segment.matched ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
