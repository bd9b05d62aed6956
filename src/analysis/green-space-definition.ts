/**
 * What 绿地率 means wherever the app shows one. Its own module, with no imports, because panels in
 * the first load need the text while the measuring code (clipper, GeographicLib) must stay out of
 * it: a bundler keeps a module in the first chunk whole if any first-load file imports from it.
 */
export const GREEN_SPACE_RATIO_DEFINITION = {
  zh: '绿地率 = 范围内绿地（各绿地图层面要素合并后，重叠只计一次）面积 ÷ 范围面积；面积按 WGS84 椭球计算。不是绿化覆盖率（乔灌木树冠垂直投影面积占比）。',
  en: 'Green-space ratio (绿地率) = area of green land inside the boundary (all green-layer polygons merged, overlaps counted once) ÷ area of the boundary, both measured on the WGS84 ellipsoid. Not green coverage (绿化覆盖率, the share covered by the vertical projection of tree canopy).',
} as const;
