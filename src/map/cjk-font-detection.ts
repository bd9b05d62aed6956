/**
 * Asks the browser whether a font list draws simplified Chinese: a handful of `measureText` calls
 * on a canvas that is never attached nor painted, synchronous. Measured in headless chromium on the
 * project's 2-core Linux machines: 6–30 ms the first time, nearly all of it the browser finding and
 * opening a font for the ideographs — work the page's first Chinese text would do anyway — and 0 ms
 * once done. Only glyph boxes are read, never pixels (a browser guarding against fingerprinting may
 * blur `getImageData`, not text metrics). The rule is in font-choice.ts.
 */
import { cssFontFamily, drawsSimplifiedChinese } from './font-choice.ts';

/** Large enough that the box checks have whole pixels to compare. */
const PROBE_SIZE_PX = 64;

/**
 * Whether `families`, with the browser's own fallback after them (sans-serif, then any installed
 * font that has the character: how Android reaches its CJK font), draw simplified Chinese.
 */
export function canvasDrawsSimplifiedChinese(families: readonly string[]): boolean {
  try {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    context.font = `${PROBE_SIZE_PX}px ${cssFontFamily(families)}, sans-serif`;
    return drawsSimplifiedChinese((text) => {
      const metrics = context.measureText(text);
      return {
        advance: metrics.width,
        left: metrics.actualBoundingBoxLeft,
        right: metrics.actualBoundingBoxRight,
        ascent: metrics.actualBoundingBoxAscent,
        descent: metrics.actualBoundingBoxDescent,
      };
    }, PROBE_SIZE_PX);
  } catch {
    return false;
  }
}
