/**
 * Which font draws the app's Chinese: the device's own, when it has one, or the Noto Sans SC subset
 * shipped with the app (about 130 KB), fetched only when it does not. Nearly every visitor's device
 * has a CJK font (PingFang on Apple, Microsoft YaHei on Windows, Noto Sans CJK on Android and most
 * Linux desktops), so for them the first frame waits on no font file at all.
 *
 * Pure: the verdict is taken from glyph measurements handed in (src/map/cjk-font-detection.ts takes
 * them from a canvas), so the rule is tested in node against real fonts' metrics.
 *
 * How MapLibre 6 draws text here (read from its GlyphManager and FontFaceManager): with no `glyphs`
 * URL, each character goes to the first `text-font` name with a `font-faces` file covering it;
 * with none, it is drawn on a canvas with the `text-font` names as the CSS font-family list (plus
 * sans-serif). The map option `localIdeographFontFamily` is used only for layers left on the spec's
 * default `text-font` or with a `glyphs` URL, and a covering `font-faces` file always wins over it —
 * so the `text-font` list itself is what picks the system font. The same list then serves both
 * paths: the shipped family comes last and has files only when the device needs them.
 */
import type { MapFontFace, MapStyleFont } from './style-common.ts';

/**
 * Simplified-Chinese UI fonts that come with the common systems, best first: macOS and iOS
 * (PingFang SC; Hiragino Sans GB before 10.11), Windows (Microsoft YaHei), Android and Linux (Noto
 * Sans CJK SC or its twin Source Han Sans SC), older Linux desktops (WenQuanYi Micro Hei). Each
 * carries Latin letters too, so an English label is drawn by the same face as the Chinese beside it.
 */
export const SYSTEM_CJK_FONT_FAMILIES: readonly string[] = [
  'PingFang SC',
  'Hiragino Sans GB',
  'Microsoft YaHei',
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'WenQuanYi Micro Hei',
];

export interface ShippedFont {
  /** The shipped files' family name (`virtual:app-font`'s `family`). */
  family: string;
  /** Its files, each covering only its own characters (see src/virtual-modules.d.ts). */
  faces: MapFontFace[];
}

/** The family names the panels and the map try, in order: the system CJK fonts, then the shipped one. */
export function appFontFamilies(shippedFamily: string): string[] {
  return [...SYSTEM_CJK_FONT_FAMILIES.filter((name) => name !== shippedFamily), shippedFamily];
}

/** `families` as a CSS `font-family` list (each name quoted). */
export function cssFontFamily(families: readonly string[]): string {
  return families.map((name) => `"${name.replace(/["\\]/g, '\\$&')}"`).join(', ');
}

/**
 * The map's font: the shipped files are declared only when the device has no CJK font of its own.
 * (Declared on a device that has one, MapLibre would fetch them, since a declared file wins.)
 */
export function mapStyleFont(shipped: ShippedFont, deviceHasCjkFont: boolean): MapStyleFont {
  return {
    textFont: appFontFamilies(shipped.family),
    fontFaces: deviceHasCjkFont ? {} : { [shipped.family]: shipped.faces.map((face) => ({ ...face })) },
  };
}

/** One character's box as a canvas's `measureText` gives it, in CSS pixels at `size`. */
export interface GlyphBox {
  advance: number;
  left: number;
  right: number;
  ascent: number;
  descent: number;
}

/**
 * Probes: 一 is a single flat stroke in every CJK font, unlike any missing-glyph box (a hollow
 * rectangle in Chromium and WebKit, a box with the code point's digits in Gecko); 国 and 泸 must not
 * draw as the box a certainly missing character draws (U+0378, unassigned), and 泸 — in the zone's
 * name, and only in simplified Chinese — rules out a Japanese- or traditional-only font.
 */
const FLAT_PROBE = '一';
const WIDE_PROBES = ['国', '泸'] as const;
const MISSING_REFERENCE = '\u0378';

const sameBox = (first: GlyphBox, second: GlyphBox): boolean =>
  (['advance', 'left', 'right', 'ascent', 'descent'] as const).every(
    (key) => Math.abs(first[key] - second[key]) < 0.01,
  );

/**
 * Whether the font list a canvas was set to draws real simplified-Chinese glyphs, from the boxes of a
 * few characters drawn at `size` px. False when the browser gives no ink boxes (nothing to judge by:
 * fetching the shipped font is the safe side — a wrong "yes" draws labels as boxes).
 */
export function drawsSimplifiedChinese(measure: (text: string) => GlyphBox, size: number): boolean {
  const flat = measure(FLAT_PROBE);
  const values = [flat.advance, flat.left, flat.right, flat.ascent, flat.descent];
  if (!values.every(Number.isFinite)) return false;
  const inkWidth = flat.left + flat.right;
  const inkHeight = flat.ascent + flat.descent;
  if (!(inkWidth >= 0.5 * size && inkHeight > 0 && inkHeight <= 0.25 * inkWidth)) return false;
  const missing = measure(MISSING_REFERENCE);
  return WIDE_PROBES.every((probe) => {
    const box = measure(probe);
    // Ideographs are full-width in every CJK font: one em.
    const fullWidth = Math.abs(box.advance - size) <= 0.1 * size;
    return fullWidth && box.left + box.right > 0.5 * size && !sameBox(box, missing);
  });
}
