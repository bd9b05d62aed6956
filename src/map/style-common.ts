/**
 * What every part of the map style shares: the font it draws text with, the tests that tell an
 * estimate from a known position, the label text and the colours. Pure, like the rest of the style.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { POSITION_UNKNOWN } from '../i18n/position-unknown.ts';

/** A same-origin font file and the characters it covers (a `font-faces` entry). */
export interface MapFontFace {
  url: string;
  'unicode-range'?: string[];
}

/** What the map draws text with (chosen in src/map/font-choice.ts). */
export interface MapStyleFont {
  /**
   * Every symbol layer's `text-font`: the system CJK fonts, then the shipped family. MapLibre takes a
   * character from the first name with a `fontFaces` file covering it, and otherwise draws it with
   * the whole list as CSS font families.
   */
  textFont: string[];
  /**
   * The style's root `font-faces`, by `text-font` name: empty when the device's own font draws every
   * label. MapLibre takes the first file whose range covers a character, so ranges must not overlap
   * (see src/virtual-modules.d.ts).
   */
  fontFaces: Record<string, MapFontFace[]>;
}

/** A line feature drawn as a river: blue, widening with zoom, named along its course. */
export const IS_RIVER: ExpressionSpecification = ['==', ['get', 'kind'], 'river'];
export const RIVER_COLOR = '#4a90c8';
export const RIVER_LABEL_COLOR = '#1d5a8c';

/**
 * River width in pixels by zoom: a thread at the city's scale, a band when zoomed in (the Yangtze
 * here is 600–800 m wide, ≈ 40 px at zoom 13); wider while hovered or selected.
 */
export const RIVER_WIDTH_STOPS: readonly (readonly [zoom: number, width: number])[] = [
  [8, 1.5],
  [10, 2.5],
  [12, 5],
  [14, 12],
  [16, 28],
];

export const BACKGROUND_COLOR = '#f3f1ea';
export const HALO_COLOR = '#ffffff';
export const TEXT_COLOR = '#222222';
export const SELECTED_OUTLINE_COLOR = '#111111';

/** Dash pattern for estimated outlines, in line widths. */
export const APPROXIMATE_DASH = [2, 2];

/** Anything but `high` confidence is an estimate and must look like one. */
export const IS_APPROXIMATE: ExpressionSpecification = ['!=', ['get', 'confidence'], 'high'];
export const IS_EXACT: ExpressionSpecification = ['==', ['get', 'confidence'], 'high'];

/** No source locates the feature: its drawing is only a placement, and its label must say so. */
export const IS_POSITION_UNKNOWN: ExpressionSpecification = ['==', ['get', 'position_unknown'], true];

/** Appended to the first line of a label when the position is unknown; the name itself stays the real name. */
export const POSITION_UNKNOWN_SUFFIX: Readonly<Record<'zh' | 'en', string>> = {
  zh: `（${POSITION_UNKNOWN.zh}）`,
  en: ` (${POSITION_UNKNOWN.en})`,
};

export function hoverOrSelected(whenActive: number, otherwise: number): ExpressionSpecification {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    whenActive,
    ['boolean', ['feature-state', 'hover'], false],
    whenActive,
    otherwise,
  ];
}

/**
 * "≈名称" for estimates, "≈名称（位置未知）" where no source gives the position, with the name in
 * the other language smaller underneath.
 */
export function labelText(language: 'zh' | 'en' = 'zh'): DataDrivenPropertyValueSpecification<string> {
  const primary = language === 'zh' ? 'name_zh' : 'name_en';
  const secondary = language === 'zh' ? 'name_en' : 'name_zh';
  return [
    'format',
    [
      'concat',
      ['case', IS_APPROXIMATE, '≈', ''],
      ['get', primary],
      ['case', IS_POSITION_UNKNOWN, POSITION_UNKNOWN_SUFFIX[language], ''],
    ],
    {},
    '\n',
    {},
    ['get', secondary],
    { 'font-scale': 0.78 },
  ] as unknown as DataDrivenPropertyValueSpecification<string>;
}
