// The few parts of fontkit (no bundled types) that the font plugin and its tests read.
declare module 'fontkit' {
  export interface Font {
    familyName: string;
    /** Every Unicode codepoint the font's cmap maps to a glyph. */
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    unitsPerEm: number;
    /** The glyph a character maps to; id 0 (the missing-glyph box) when the font lacks it. */
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number): Glyph;
  }
  export interface Glyph {
    id: number;
    advanceWidth: number;
    /** Ink bounds in font units, y up. */
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
  }
  export function create(buffer: Uint8Array): Font;
}

// subset-font ships no types either; only the call the font plugin makes.
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt'; noLayoutClosure?: boolean },
  ): Promise<Buffer>;
}
