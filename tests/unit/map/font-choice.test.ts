/**
 * The rule that decides whether a device draws Chinese itself (src/map/font-choice.ts), fed with the
 * glyph boxes real fonts give — read with fontkit from the files of @fontsource/noto-sans-sc, the way
 * a canvas's `measureText` reports them — and with the boxes a browser draws for a missing glyph.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  appFontFamilies,
  cssFontFamily,
  drawsSimplifiedChinese,
  type GlyphBox,
  mapStyleFont,
  SYSTEM_CJK_FONT_FAMILIES,
} from '../../../src/map/font-choice.ts';

const SIZE = 64;
const fontsource = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));
const openFont = (file: string) => fontkit.create(readFileSync(join(fontsource, 'files', file)));
/** Simplified Chinese (with Latin): a CJK font. */
const chinese = openFont('noto-sans-sc-chinese-simplified-400-normal.woff2');
/** Latin letters only: what a device without a CJK font draws ideographs from — its missing-glyph box. */
const latin = openFont('noto-sans-sc-latin-400-normal.woff2');

/**
 * `measureText` over a font list as a browser does it: each character from the first font that has
 * it (a system's fallback included), a character none has as the first font's missing-glyph box.
 */
function measureWith(fonts: fontkit.Font[], lacking = ''): (text: string) => GlyphBox {
  return (text) => {
    const codePoint = text.codePointAt(0) ?? 0;
    const font =
      fonts.find((candidate) => !lacking.includes(text) && candidate.glyphForCodePoint(codePoint).id !== 0) ??
      fonts[0]!;
    const glyph = lacking.includes(text) ? font.getGlyph(0) : font.glyphForCodePoint(codePoint);
    const scale = SIZE / font.unitsPerEm;
    const box = glyph.bbox;
    return {
      advance: glyph.advanceWidth * scale,
      left: -box.minX * scale,
      right: box.maxX * scale,
      ascent: box.maxY * scale,
      descent: -box.minY * scale,
    };
  };
}

describe('whether a font list draws simplified Chinese', () => {
  it('says yes for a simplified-Chinese font', () => {
    expect(drawsSimplifiedChinese(measureWith([chinese]), SIZE)).toBe(true);
  });

  it('says yes when only the system fallback after the named fonts has Chinese (as on Android)', () => {
    expect(drawsSimplifiedChinese(measureWith([latin, chinese]), SIZE)).toBe(true);
  });

  it('says no when every ideograph is the missing-glyph box', () => {
    expect(drawsSimplifiedChinese(measureWith([latin]), SIZE)).toBe(false);
  });

  it('says no for a font without the zone’s simplified characters (a Japanese or traditional-only font)', () => {
    expect(drawsSimplifiedChinese(measureWith([chinese], '泸'), SIZE)).toBe(false);
  });

  it('says no when missing glyphs are boxes holding their code point (Gecko), each drawn differently', () => {
    const hexBox = (text: string): GlyphBox => {
      const digits = (text.codePointAt(0) ?? 0).toString(16).length;
      return { advance: 0.2 * digits * SIZE, left: -2, right: 0.2 * digits * SIZE - 2, ascent: 0.8 * SIZE, descent: 0 };
    };
    expect(drawsSimplifiedChinese(hexBox, SIZE)).toBe(false);
  });

  it('says no when the browser gives no ink boxes to judge by', () => {
    const widthOnly = (): GlyphBox => ({
      advance: SIZE,
      left: Number.NaN,
      right: Number.NaN,
      ascent: Number.NaN,
      descent: Number.NaN,
    });
    expect(drawsSimplifiedChinese(widthOnly, SIZE)).toBe(false);
  });
});

describe('the font the map and the panels ask for', () => {
  const shipped = { family: 'Noto Sans SC', faces: [{ url: '/assets/subset.woff2', 'unicode-range': ['U+4E00'] }] };

  it('names the system CJK fonts first and the shipped family last, on both paths', () => {
    expect(appFontFamilies('Noto Sans SC')).toEqual([...SYSTEM_CJK_FONT_FAMILIES, 'Noto Sans SC']);
    expect(mapStyleFont(shipped, true).textFont).toEqual(mapStyleFont(shipped, false).textFont);
  });

  it('declares the shipped files only for a device without a CJK font', () => {
    expect(mapStyleFont(shipped, false).fontFaces).toEqual({ 'Noto Sans SC': shipped.faces });
    expect(mapStyleFont(shipped, true).fontFaces).toEqual({});
  });

  it('writes a CSS family list with every name quoted', () => {
    expect(cssFontFamily(['PingFang SC', 'Odd "Name"'])).toBe('"PingFang SC", "Odd \\"Name\\""');
  });
});
