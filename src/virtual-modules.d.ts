/**
 * Modules made by the Vite plugins in scripts/vite/.
 */

/** `virtual:app-font` — the shipped font's family name alone, for every device. */
declare module 'virtual:app-font' {
  /** CSS family name, also the key of the style's `font-faces` and the last `text-font` name. */
  export const family: string;
}

/**
 * `virtual:app-font-faces` — Noto Sans SC, subset at build time to every character in src/,
 * index.html and geodata/ (plus ASCII, Latin-1, CJK and full-width punctuation), served from the
 * app's own origin, with the range-split files of @fontsource/noto-sans-sc as fallbacks for any
 * other character (a user's file): those load only when a character in their range is drawn.
 *
 * Importing the module fetches and registers nothing, but it is ~12 KB gz of ranges that most
 * devices never need, having a CJK font of their own: src/map/app-font.ts imports it only on a
 * device that lacks one. `registerFontFaces()` adds every face to `document.fonts` under `family`
 * (weight 400), after which CSS `font-family: …, "Noto Sans SC", sans-serif;` draws with them.
 * src/map/app-font.ts decides whether the device needs them and builds the map's font
 * (src/map/font-choice.ts).
 *
 * For the map, `styleFontFaces` is the style's root `font-faces` entry for `family`, the last name
 * of every symbol layer's `text-font`; leave `glyphs` out of the style:
 *
 *   'font-faces': { [family]: styleFontFaces },              // only where the device has no CJK font
 *   layout: { 'text-font': [...systemCjkFonts, family], 'text-field': ['get', 'name_zh'], ... }
 *
 * Why the ranges matter: MapLibre 6 (FontFaceManager.getFontFamily) walks the `text-font` names and,
 * within a name, the declared files in order, and takes the FIRST file whose `unicode-range` covers
 * the character. A file declared without `unicode-range` covers every codepoint, so writing
 * `[{ url }, ...fallbacks]` would send every character to the subset and draw the ones it lacks as
 * boxes. `styleFontFaces[0]` is the subset with a range listing exactly the characters it holds;
 * the fallbacks' ranges have those carved out, so no two files overlap.
 * (`styleFontFaces` equals `[{ url, 'unicode-range': unicodeRange },
 *   ...fallbacks.map((f) => ({ url: f.url, 'unicode-range': f.unicodeRange }))]`.)
 */
declare module 'virtual:app-font-faces' {
  /** Same-origin URL of the subset woff2 (valid in dev and in the built app). */
  export const url: string;
  /** `U+…` entries listing exactly the characters the subset holds. */
  export const unicodeRange: string[];
  /** Other same-origin woff2 files of the family, each for the characters of its range only. */
  export const fallbacks: { url: string; unicodeRange: string[] }[];
  /** Ready for the style's `font-faces[family]`: the subset first, then the fallbacks. */
  export const styleFontFaces: { url: string; 'unicode-range': string[] }[];
  /**
   * Adds the subset and every fallback to `document.fonts` (once; later calls return the same
   * faces), subset first. Each file downloads when text first needs it, or on `load()`.
   */
  export function registerFontFaces(): FontFace[];
}
