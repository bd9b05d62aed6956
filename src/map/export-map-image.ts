/**
 * The current view as a PNG for an A4 landscape print: the map, a title, a legend, a scale bar,
 * a north arrow and the data credits.
 *
 * Runs when a planner presses "PNG (A4)". The live map is not resized or captured: a second,
 * hidden MapLibre map of the page's size renders the same style (sources, visibility, drawn shapes,
 * imported layers) at print resolution, so lines and labels are drawn sharp rather than scaled up
 * from the screen. Its pixel ratio is dpi/96, so a 12 px label prints at the size it has on screen.
 * That map is removed (and its WebGL context released) as soon as its frame is copied.
 *
 * Everything on top of the map is drawn on a 2D canvas as plain text (legend titles and credits
 * come from a manifest a planner may replace: never HTML), in the panels' font: the device's CJK
 * font, or on a device without one the shipped subset the page registered, so Chinese never
 * falls back to boxes.
 *
 * Each step leaves a `performance.measure` (MAP_IMAGE_MEASURES: fonts, render, compose, release,
 * encode), which bench/export-image.bench.ts reads to split the time to file, and is announced through
 * `onStage`, so the panel can say what a slow export is doing.
 *
 * Stays whole (over 350 lines): the legend, scale bar, title and credits are laid out against each
 * other on one canvas (map-image-layout.ts holds the pure layout; this is its drawing).
 */
import { Map, type MapStyleImageMissingEvent } from 'maplibre-gl';
import { chooseAppFont } from './app-font.ts';
import {
  DEFAULT_DOTS_PER_INCH,
  LEGEND_HEADING_HEIGHT,
  LEGEND_ROW_HEIGHT,
  LEGEND_SYMBOL_WIDTH,
  MAP_IMAGE_MEASURES,
  PAGE_MARGIN,
  PANEL_PADDING,
  a4LandscapePixels,
  legendBox,
  legendSymbolBox,
  mapSheetLayout,
  northArrowRotation,
  printPixelRatio,
  scaleBar,
  zoomToContainView,
  type Box,
  type MapImageStage,
  type PixelSize,
} from '../export/map-image-layout.ts';
import { geodesicDistance } from '../geo/length.ts';
import { DATA_ATTRIBUTION } from './style.ts';

export interface MapImageLegendEntry {
  /** `#rrggbb`, as in the layer's manifest entry. */
  color: string;
  title: string;
  geometry: 'polygon' | 'line' | 'point';
}

export interface MapImageOptions {
  language: 'zh' | 'en';
  /** Drawn top left, e.g. the zone's name. */
  title: string;
  /** A second line under the title, e.g. the date. */
  subtitle?: string;
  /** The layers shown, in the order the planner sees them. */
  legend?: readonly MapImageLegendEntry[];
  /** Data credits, one line each (the dataset manifest's `credits`, the base data's source). */
  attribution?: readonly string[];
  /** Print resolution; 150 by default (see src/export/map-image-layout.ts for why). */
  dotsPerInch?: number;
  /** How long to wait for the hidden map to finish drawing. */
  timeoutMs?: number;
  /** Called as the export enters each stage: drawing the map and overlays, then encoding the PNG. */
  onStage?: (stage: MapImageStage) => void;
}

/** Runs `work` and leaves a `performance.measure` of it named `name`, even when it throws. */
async function measured<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

const TEXT = {
  zh: { north: '北', legend: '图例', scaleNote: '比例尺按图幅中心纬度', more: (count: number) => `另有 ${count} 项` },
  en: {
    north: 'N',
    legend: 'Legend',
    scaleNote: 'scale true at the centre latitude',
    more: (count: number) => `and ${count} more`,
  },
} as const;

const MARGIN = PAGE_MARGIN;
const PADDING = PANEL_PADDING;
const INK = '#1f2933';
const MUTED_INK = '#52606d';
const PANEL_FILL = 'rgba(255, 255, 255, 0.92)';
const PANEL_STROKE = 'rgba(31, 41, 51, 0.35)';
const MAXIMUM_LEGEND_ROWS = 14;

/** The panels' font list (the device's CJK font, or the shipped subset where it has none): the sheet reads like the page. */
function fontOf(sizePx: number, weight: 400 | 700 = 400): string {
  return `${weight} ${sizePx}px ${chooseAppFont().css}, sans-serif`;
}

/** The hidden map's container: in the document (WebGL needs a laid-out element) but off screen. */
function offscreenContainer(page: PixelSize): HTMLDivElement {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  // CSSOM assignments, not a style attribute in markup: allowed under style-src 'self'.
  container.style.position = 'fixed';
  container.style.left = '-20000px';
  container.style.top = '0';
  container.style.width = `${page.width}px`;
  container.style.height = `${page.height}px`;
  container.style.pointerEvents = 'none';
  document.body.append(container);
  return container;
}

function whenIdle(map: Map, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(
      () => reject(new Error(`the map image was not drawn within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    map.once('idle', () => {
      window.clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * MapLibre is idle once it has issued the frame's draw calls; the GPU (SwiftShader: the CPU) may
 * still be drawing them, and whatever next touches the context would wait for it. Reading one pixel
 * waits here, so that time counts as rendering.
 */
function waitForGpu(canvas: HTMLCanvasElement): void {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

function roundedRectangle(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
): void {
  context.beginPath();
  context.roundRect(x, y, width, height, radius);
}

function panel(context: CanvasRenderingContext2D, x: number, y: number, width: number, height: number): void {
  roundedRectangle(context, x, y, width, height, 6);
  context.fillStyle = PANEL_FILL;
  context.fill();
  context.lineWidth = 1;
  context.strokeStyle = PANEL_STROKE;
  context.stroke();
}

/** In the band above the map, so it never hides a label; a rule separates band and map. */
function drawTitle(context: CanvasRenderingContext2D, band: Box, title: string, subtitle: string | undefined): void {
  context.fillStyle = INK;
  context.textBaseline = 'top';
  context.textAlign = 'left';
  context.font = fontOf(20, 700);
  const maximumWidth = band.width - 2 * MARGIN - 64;
  context.fillText(title, band.x + MARGIN, band.y + 12, maximumWidth);
  if (subtitle) {
    context.font = fontOf(12);
    context.fillStyle = MUTED_INK;
    context.fillText(subtitle, band.x + MARGIN, band.y + 40, maximumWidth);
  }
  context.fillStyle = PANEL_STROKE;
  context.fillRect(band.x, band.y + band.height - 1, band.width, 1);
}

/** At the band's right end, beside the title. */
function drawNorthArrow(context: CanvasRenderingContext2D, band: Box, bearing: number, label: string): void {
  const radius = Math.min(24, band.height / 2 - 4);
  const centreX = band.x + band.width - MARGIN - radius;
  const centreY = band.y + band.height / 2;
  context.beginPath();
  context.arc(centreX, centreY, radius, 0, 2 * Math.PI);
  context.fillStyle = PANEL_FILL;
  context.fill();
  context.strokeStyle = PANEL_STROKE;
  context.stroke();
  context.save();
  context.translate(centreX, centreY);
  context.rotate(northArrowRotation(bearing));
  context.beginPath();
  context.moveTo(0, -radius + 5);
  context.lineTo(8, 6);
  context.lineTo(0, 1);
  context.lineTo(-8, 6);
  context.closePath();
  context.fillStyle = INK;
  context.fill();
  context.font = fontOf(11, 700);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(label, 0, radius - 9);
  context.restore();
}

function drawLegendSymbol(context: CanvasRenderingContext2D, entry: MapImageLegendEntry, x: number, y: number): void {
  context.fillStyle = entry.color;
  context.strokeStyle = entry.color;
  if (entry.geometry === 'polygon') {
    context.globalAlpha = 0.45;
    context.fillRect(x, y + 2, 18, 12);
    context.globalAlpha = 1;
    context.lineWidth = 1.5;
    context.strokeRect(x, y + 2, 18, 12);
  } else if (entry.geometry === 'line') {
    context.lineWidth = 3;
    context.beginPath();
    context.moveTo(x, y + 8);
    context.lineTo(x + 18, y + 8);
    context.stroke();
  } else {
    context.beginPath();
    context.arc(x + 9, y + 8, 5, 0, 2 * Math.PI);
    context.fill();
  }
}

/** Bottom left; returns its top edge so the scale bar can sit above it. */
function drawLegend(
  context: CanvasRenderingContext2D,
  page: PixelSize,
  entries: readonly MapImageLegendEntry[],
  text: (typeof TEXT)['zh' | 'en'],
): number {
  if (entries.length === 0) return page.height - MARGIN;
  const shown = entries.slice(0, MAXIMUM_LEGEND_ROWS);
  const hidden = entries.length - shown.length;
  const rowHeight = LEGEND_ROW_HEIGHT;
  context.font = fontOf(12);
  const widest = Math.max(
    context.measureText(text.legend).width,
    ...shown.map((entry) => context.measureText(entry.title).width + LEGEND_SYMBOL_WIDTH + 8),
  );
  const box = legendBox(page, shown.length + (hidden > 0 ? 1 : 0), Math.min(widest, page.width / 3) + 2 * PADDING);
  const { width, y: top } = box;
  panel(context, box.x, box.y, box.width, box.height);
  context.textBaseline = 'top';
  context.textAlign = 'left';
  context.fillStyle = INK;
  context.font = fontOf(13, 700);
  context.fillText(text.legend, MARGIN + PADDING, top + PADDING);
  context.font = fontOf(12);
  shown.forEach((entry, index) => {
    const symbol = legendSymbolBox(box, index);
    const y = symbol.y - 2;
    drawLegendSymbol(context, entry, symbol.x, y);
    context.fillStyle = INK;
    context.fillText(entry.title, MARGIN + PADDING + 26, y + 2, width - 2 * PADDING - 26);
  });
  if (hidden > 0) {
    context.fillStyle = MUTED_INK;
    context.fillText(
      text.more(hidden),
      MARGIN + PADDING,
      top + PADDING + LEGEND_HEADING_HEIGHT + shown.length * rowHeight + 2,
    );
  }
  return top;
}

function drawScaleBar(context: CanvasRenderingContext2D, bottom: number, metresPerPixel: number, note: string): void {
  const bar = scaleBar(metresPerPixel, 200);
  if (!bar) return;
  context.font = fontOf(10);
  const width = Math.max(bar.pixels, context.measureText(note).width) + 2 * PADDING;
  const height = 50;
  const top = bottom - 8 - height;
  panel(context, MARGIN, top, width, height);
  const left = MARGIN + PADDING;
  const barY = top + 24;
  // Alternating halves, as on survey maps, so the bar reads at a glance in print.
  context.fillStyle = INK;
  context.fillRect(left, barY, bar.pixels / 2, 5);
  context.fillStyle = '#ffffff';
  context.fillRect(left + bar.pixels / 2, barY, bar.pixels / 2, 5);
  context.strokeStyle = INK;
  context.lineWidth = 1;
  context.strokeRect(left, barY, bar.pixels, 5);
  context.fillStyle = INK;
  context.textBaseline = 'bottom';
  context.textAlign = 'left';
  context.font = fontOf(12);
  context.fillText('0', left, barY - 2);
  context.textAlign = 'right';
  context.fillText(bar.label, left + bar.pixels, barY - 2);
  context.textAlign = 'left';
  context.textBaseline = 'top';
  context.font = fontOf(10);
  context.fillStyle = MUTED_INK;
  context.fillText(note, left, barY + 10);
}

function drawAttribution(context: CanvasRenderingContext2D, page: PixelSize, lines: readonly string[]): void {
  if (lines.length === 0) return;
  context.font = fontOf(10);
  const maximumWidth = page.width * 0.55;
  const width = Math.min(maximumWidth, Math.max(...lines.map((line) => context.measureText(line).width))) + 2 * 6;
  const lineHeight = 14;
  const height = lines.length * lineHeight + 8;
  const left = page.width - MARGIN - width;
  const top = page.height - MARGIN - height;
  panel(context, left, top, width, height);
  context.fillStyle = MUTED_INK;
  context.textAlign = 'right';
  context.textBaseline = 'top';
  lines.forEach((line, index) =>
    context.fillText(line, page.width - MARGIN - 6, top + 4 + index * lineHeight, maximumWidth),
  );
  context.textAlign = 'left';
}

/** Metres per CSS pixel along the screen's horizontal through the centre, measured on the ellipsoid. */
function metresPerPixelAtCentre(map: Map, page: PixelSize): number {
  const halfSpan = 50;
  const west = map.unproject([page.width / 2 - halfSpan, page.height / 2]);
  const east = map.unproject([page.width / 2 + halfSpan, page.height / 2]);
  return geodesicDistance([west.lng, west.lat], [east.lng, east.lat]) / (2 * halfSpan);
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    );
  });
}

export async function exportMapImage(map: Map, options: MapImageOptions): Promise<Blob> {
  const dotsPerInch = options.dotsPerInch ?? DEFAULT_DOTS_PER_INCH;
  const output = a4LandscapePixels(dotsPerInch);
  const pixelRatio = printPixelRatio(dotsPerInch);
  // The page in CSS pixels: the hidden map's container, and the coordinates the overlays are drawn in.
  const page = { width: Math.round(output.width / pixelRatio), height: Math.round(output.height / pixelRatio) };
  const { titleBand, mapFrame } = mapSheetLayout(page, Boolean(options.subtitle));
  const text = TEXT[options.language];
  const legend = options.legend ?? [];
  // The shipped context data must be credited on the print even if a replaced manifest forgot to.
  const given = options.attribution ?? [];
  const attribution = given.some((line) => line.includes('OpenStreetMap')) ? given : [...given, DATA_ATTRIBUTION];

  const liveContainer = map.getContainer();
  const camera = {
    center: map.getCenter(),
    zoom: zoomToContainView(
      map.getZoom(),
      { width: liveContainer.clientWidth, height: liveContainer.clientHeight },
      mapFrame,
    ),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };

  // Load the faces covering every character drawn (a legend title from a planner's manifest may
  // need a fallback range file) before the first fillText, or the canvas draws a system font.
  const allText = [
    options.title,
    options.subtitle ?? '',
    ...legend.map((entry) => entry.title),
    ...attribution,
    ...Object.values(text).filter((value) => typeof value === 'string'),
  ].join('');
  options.onStage?.('rendering');
  await measured(MAP_IMAGE_MEASURES.fonts, () =>
    Promise.all([document.fonts.load(fontOf(12), allText), document.fonts.load(fontOf(12, 700), allText)]),
  );

  const container = offscreenContainer(mapFrame);
  let printMap: Map | null = null;
  try {
    const renderStart = performance.now();
    printMap = new Map({
      container,
      style: map.getStyle(),
      ...camera,
      pixelRatio,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      validateStyle: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    });
    const hiddenMap = printMap;
    // Images added at run time (not in the style JSON) are copied from the live map on demand.
    hiddenMap.on('styleimagemissing', (event: MapStyleImageMissingEvent) => {
      const image = map.hasImage(event.id) ? map.getImage(event.id) : null;
      if (image && !hiddenMap.hasImage(event.id))
        hiddenMap.addImage(event.id, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
    });
    try {
      await whenIdle(hiddenMap, options.timeoutMs ?? 60_000);
      waitForGpu(hiddenMap.getCanvas());
    } finally {
      // From the style copy on: reading the live map's style is part of drawing it again.
      performance.measure(MAP_IMAGE_MEASURES.render, { start: renderStart, end: performance.now() });
    }

    const canvas = await measured(MAP_IMAGE_MEASURES.compose, () => {
      const sheet = document.createElement('canvas');
      sheet.width = output.width;
      sheet.height = output.height;
      const context = sheet.getContext('2d');
      if (!context) throw new Error('the browser gave no 2D canvas to compose the image');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, output.width, output.height);
      context.scale(output.width / page.width, output.height / page.height);
      context.drawImage(hiddenMap.getCanvas(), mapFrame.x, mapFrame.y, mapFrame.width, mapFrame.height);
      drawTitle(context, titleBand, options.title, options.subtitle);
      drawNorthArrow(context, titleBand, camera.bearing, text.north);
      const legendTop = drawLegend(context, page, legend, text);
      drawScaleBar(context, legendTop, metresPerPixelAtCentre(hiddenMap, mapFrame), text.scaleNote);
      drawAttribution(context, page, attribution);
      return sheet;
    });
    // The hidden map's frame is copied: free its WebGL context before the encoder needs memory.
    const copied = printMap;
    printMap = null;
    await measured(MAP_IMAGE_MEASURES.release, () => copied.remove());
    options.onStage?.('encoding');
    return await measured(MAP_IMAGE_MEASURES.encode, () => canvasToPng(canvas));
  } finally {
    printMap?.remove();
    container.remove();
  }
}
