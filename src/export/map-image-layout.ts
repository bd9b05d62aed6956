/**
 * The arithmetic of the printable map image, kept apart from the canvas so it runs in node: page
 * size in pixels, the camera that keeps the on-screen view inside the page, and the scale bar.
 *
 * Page: A4 landscape (297 × 210 mm). At 150 dpi that is 1754 × 1240 px: sharp enough on paper for
 * lines and labels (print shops ask 150–300 dpi), and 2.2 megapixels, which SwiftShader and phone
 * GPUs render without running out of memory (300 dpi would be 8.7 megapixels per buffer).
 */

export const A4_LANDSCAPE_MILLIMETRES = { width: 297, height: 210 } as const;
export const MILLIMETRES_PER_INCH = 25.4;
/** CSS pixels per inch: the map draws its labels and lines in CSS pixels. */
export const CSS_PIXELS_PER_INCH = 96;
export const DEFAULT_DOTS_PER_INCH = 150;

/** What a running export is doing: drawing the map and its overlays, then encoding the PNG. */
export type MapImageStage = 'rendering' | 'encoding';

/**
 * The `performance.measure` names an export leaves, in the order its steps run: loading the
 * faces of the text, drawing the hidden print map, composing the sheet, removing the print map
 * (its WebGL context), encoding the PNG.
 */
export const MAP_IMAGE_MEASURES = {
  fonts: 'map-image:fonts',
  render: 'map-image:render',
  compose: 'map-image:compose',
  release: 'map-image:release',
  encode: 'map-image:encode',
} as const;

export interface PixelSize {
  width: number;
  height: number;
}

/** A4 landscape in device pixels at `dotsPerInch`. @example a4LandscapePixels(150) // { width: 1754, height: 1240 } */
export function a4LandscapePixels(dotsPerInch: number): PixelSize {
  return {
    width: Math.round((A4_LANDSCAPE_MILLIMETRES.width / MILLIMETRES_PER_INCH) * dotsPerInch),
    height: Math.round((A4_LANDSCAPE_MILLIMETRES.height / MILLIMETRES_PER_INCH) * dotsPerInch),
  };
}

/**
 * The map renders the page at `pixelRatio` device pixels per CSS pixel, so a 12 px label prints
 * as 12/96 inch, the size it has on screen, whatever the dpi.
 */
export function printPixelRatio(dotsPerInch: number): number {
  return dotsPerInch / CSS_PIXELS_PER_INCH;
}

/**
 * The zoom at which a page of `page` CSS pixels shows at least what a screen of `screen` CSS
 * pixels shows at `screenZoom` around the same centre (each zoom step halves the ground per pixel).
 */
export function zoomToContainView(screenZoom: number, screen: PixelSize, page: PixelSize): number {
  if (screen.width <= 0 || screen.height <= 0) return screenZoom;
  const fit = Math.min(page.width / screen.width, page.height / screen.height);
  return screenZoom + Math.log2(fit);
}

/** The largest 1, 2 or 5 × 10ⁿ metres not longer than `maximumMetres`. */
export function roundScaleLength(maximumMetres: number): number {
  if (!(maximumMetres > 0) || !Number.isFinite(maximumMetres)) return 0;
  const power = 10 ** Math.floor(Math.log10(maximumMetres));
  for (const step of [5, 2, 1]) {
    if (step * power <= maximumMetres * (1 + 1e-12)) return step * power;
  }
  return power;
}

export interface ScaleBar {
  metres: number;
  pixels: number;
  label: string;
}

/**
 * A scale bar at most `maximumPixels` long for a map showing `metresPerPixel` at the page centre.
 * Web Mercator stretches with latitude, so the bar is true at the centre only; the caller says so.
 */
export function scaleBar(metresPerPixel: number, maximumPixels: number): ScaleBar | null {
  const metres = roundScaleLength(metresPerPixel * maximumPixels);
  if (metres === 0 || !(metresPerPixel > 0)) return null;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, pixels: metres / metresPerPixel, label };
}

/** Screen bearing (degrees clockwise from north that the view faces) → the north arrow's rotation in radians. */
export function northArrowRotation(bearingDegrees: number): number {
  return (-bearingDegrees * Math.PI) / 180;
}

/** A rectangle in the page's CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const PAGE_MARGIN = 16;
export const PANEL_PADDING = 10;
/** The band above the map that holds the title, subtitle and north arrow. */
export const TITLE_BAND_HEIGHT = { withSubtitle: 64, titleOnly: 46 } as const;
export const LEGEND_ROW_HEIGHT = 20;
/** Space for the legend's own heading above its rows. */
export const LEGEND_HEADING_HEIGHT = 18;
export const LEGEND_SYMBOL_WIDTH = 18;

/**
 * The page split into a title band and the map frame under it. The title used to be a box laid over
 * the map's top-left corner, where it hid place labels (issue 16 item 15); in its own band, as on a
 * survey sheet, it can cover nothing. The map frame keeps the page's margins on the other three sides
 * at zero, so the print still uses the whole width.
 */
export function mapSheetLayout(page: PixelSize, hasSubtitle: boolean): { titleBand: Box; mapFrame: Box } {
  const bandHeight = hasSubtitle ? TITLE_BAND_HEIGHT.withSubtitle : TITLE_BAND_HEIGHT.titleOnly;
  return {
    titleBand: { x: 0, y: 0, width: page.width, height: bandHeight },
    mapFrame: { x: 0, y: bandHeight, width: page.width, height: Math.max(1, page.height - bandHeight) },
  };
}

/** The legend panel at the bottom left for `rowCount` rows of `width` px (padding included). */
export function legendBox(page: PixelSize, rowCount: number, width: number): Box {
  const height = PANEL_PADDING * 2 + LEGEND_HEADING_HEIGHT + LEGEND_ROW_HEIGHT * rowCount;
  return { x: PAGE_MARGIN, y: page.height - PAGE_MARGIN - height, width, height };
}

/** Where row `index`'s symbol is drawn inside the legend box. */
export function legendSymbolBox(legend: Box, index: number): Box {
  return {
    x: legend.x + PANEL_PADDING,
    y: legend.y + PANEL_PADDING + LEGEND_HEADING_HEIGHT + index * LEGEND_ROW_HEIGHT + 2,
    width: LEGEND_SYMBOL_WIDTH,
    height: 12,
  };
}

/** The colour the measuring tools draw shapes in (src/map/measure-drawing.ts), for the print's legend. */
export const DRAWN_SHAPE_COLOUR = '#c2410c';
