/**
 * The printed day plan's map: the trip's stops numbered in visiting order and its straight legs,
 * over the zone's outline and the rivers for orientation, with a scale bar, a north arrow and a
 * note for estimated positions. Geometry in, one SVG document out; no DOM, no map library, so the
 * paper looks the same offline and is tested in node.
 *
 * Web Mercator, fitted to the stops: conformal, so the legs' directions and the scale bar hold in
 * every direction at the trip's few-kilometre scale. North is up.
 *
 * Names are text, never markup: every string from the trip or the dataset goes through `xmlText`.
 *
 * @example
 * const svg = routeSketchSvg({ stops: routeSketchStops(plan), legs: plan.legs, context: routeSketchContext(dataset), text });
 */
import type { Position } from 'geojson';
import type { Dataset } from '../data/dataset-types.ts';
import type { LonLat } from '../trip/distance.ts';
import { START_POSITION_ID, type TripPlan } from '../trip/plan-trip.ts';
import { xmlText } from '../trip/xml-text.ts';

export interface RouteSketchStop {
  /** What the stop's circle says: its number in the day plan, or ◎ for a start that is not a place. */
  label: string;
  name: string;
  point: LonLat;
  /** An estimated position: a dashed hollow circle and "≈" before the name. */
  approximate: boolean;
}

export interface RouteSketchContext {
  /** The zone's outline rings (lon/lat), drawn faintly; dashed when the outline is an estimate. */
  outlines: Position[][];
  outlineApproximate: boolean;
  rivers: Position[][];
}

export interface RouteSketchText {
  title: string;
  north: string;
  /** The legend line for estimated positions, shown only when a stop has one. */
  approximate: string;
}

export interface RouteSketchInput {
  stops: readonly RouteSketchStop[];
  /** Indices into `stops`, in visiting order; a round trip's last leg returns to 0. */
  legs: readonly { fromIndex: number; toIndex: number }[];
  context: RouteSketchContext;
  text: RouteSketchText;
  /** Makes the SVG's ids unique on a page that holds more than one. */
  idPrefix?: string;
  width?: number;
  height?: number;
}

const EARTH_RADIUS_METRES = 6378137;
/** The frame never shows less ground than this, so one stop or two neighbours still show their setting. */
const MINIMUM_SPAN_METRES = 1500;
const MARGIN = 36;
const STOP_RADIUS = 11;
const ROUTE_COLOR = '#c0392b';
const ZONE_COLOR = '#d0021b';
const RIVER_COLOR = '#4a90c8';

/** A longitude–latitude pair, as the trip and the dataset both hold them. */
type Coordinates = Readonly<Position> | LonLat;

export interface SketchProjection {
  project: (point: Coordinates) => [x: number, y: number];
  /** Ground metres per SVG unit at the frame's centre. */
  metresPerUnit: number;
}

function mercator(point: Coordinates): [number, number] {
  const longitude = (point[0]! * Math.PI) / 180;
  const latitude = (Math.max(-85, Math.min(85, point[1]!)) * Math.PI) / 180;
  return [EARTH_RADIUS_METRES * longitude, EARTH_RADIUS_METRES * Math.log(Math.tan(Math.PI / 4 + latitude / 2))];
}

/** Fits the points into a `width` × `height` frame with a margin, north up, one scale in both directions. */
export function sketchProjection(points: readonly Coordinates[], width: number, height: number): SketchProjection {
  const projected = points.map(mercator);
  const xs = projected.map(([x]) => x);
  const ys = projected.map(([, y]) => y);
  const centreX = (Math.min(...xs) + Math.max(...xs)) / 2;
  const centreY = (Math.min(...ys) + Math.max(...ys)) / 2;
  const centreLatitude = (2 * Math.atan(Math.exp(centreY / EARTH_RADIUS_METRES)) - Math.PI / 2) * (180 / Math.PI);
  // Mercator stretches ground by 1 / cos(latitude); the minimum span is ground metres.
  const minimumSpan = MINIMUM_SPAN_METRES / Math.cos((centreLatitude * Math.PI) / 180);
  const spanX = Math.max(Math.max(...xs) - Math.min(...xs), minimumSpan);
  const spanY = Math.max(Math.max(...ys) - Math.min(...ys), minimumSpan);
  const scale = Math.min((width - 2 * MARGIN) / spanX, (height - 2 * MARGIN) / spanY);
  return {
    project(point) {
      const [x, y] = mercator(point);
      return [width / 2 + (x - centreX) * scale, height / 2 - (y - centreY) * scale];
    },
    metresPerUnit: Math.cos((centreLatitude * Math.PI) / 180) / scale,
  };
}

/** The longest 1, 2 or 5 × 10ⁿ metres not over `maximumMetres`. */
export function scaleBarMetres(maximumMetres: number): number {
  const power = 10 ** Math.floor(Math.log10(maximumMetres));
  return [5, 2, 1].map((step) => step * power).find((length) => length <= maximumMetres) ?? power;
}

function number(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A polyline as path data, keeping only the stretches near the frame (rivers run on for kilometres). */
function pathData(
  line: readonly Position[],
  projection: SketchProjection,
  width: number,
  height: number,
  close: boolean,
): string {
  const points = line.map(projection.project);
  const near = ([x, y]: [number, number]) => x > -width / 2 && x < width * 1.5 && y > -height / 2 && y < height * 1.5;
  let data = '';
  let drawing = false;
  points.forEach((point, index) => {
    const keep =
      near(point) || (index > 0 && near(points[index - 1]!)) || (index + 1 < points.length && near(points[index + 1]!));
    if (!keep && !close) {
      drawing = false;
      return;
    }
    data += `${drawing ? 'L' : 'M'}${number(point[0])} ${number(point[1])}`;
    drawing = true;
  });
  return close && data ? `${data}Z` : data;
}

function scaleLabel(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

/** The SVG document (no XML declaration), ready to be placed inline in the page or saved as a file. */
export function routeSketchSvg(input: RouteSketchInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 420;
  const prefix = input.idPrefix ?? 'route-sketch';
  const projection = sketchProjection(
    input.stops.map((stop) => stop.point),
    width,
    height,
  );
  const frameId = `${prefix}-frame`;
  const titleId = `${prefix}-title`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId}" class="route-sketch">`,
    `<title id="${titleId}">${xmlText(input.text.title)}</title>`,
    `<defs><clipPath id="${frameId}"><rect width="${width}" height="${height}"/></clipPath></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff" stroke="#999999"/>`,
    `<g clip-path="url(#${frameId})">`,
  );
  for (const river of input.context.rivers) {
    const data = pathData(river, projection, width, height, false);
    if (data)
      parts.push(
        `<path class="route-sketch__river" d="${data}" fill="none" stroke="${RIVER_COLOR}" stroke-width="3" stroke-linejoin="round"/>`,
      );
  }
  const dash = input.context.outlineApproximate ? ' stroke-dasharray="6 4"' : '';
  for (const ring of input.context.outlines) {
    const data = pathData(ring, projection, width, height, true);
    if (data)
      parts.push(
        `<path class="route-sketch__zone" d="${data}" fill="${ZONE_COLOR}" fill-opacity="0.05" stroke="${ZONE_COLOR}" stroke-width="1.5"${dash}/>`,
      );
  }
  for (const leg of input.legs) {
    const from = input.stops[leg.fromIndex];
    const to = input.stops[leg.toIndex];
    if (!from || !to) continue;
    const [x1, y1] = projection.project(from.point);
    const [x2, y2] = projection.project(to.point);
    // Dashed as on the screen map: a straight line between two points, not a road. An arrowhead
    // halfway along says which way the leg is walked.
    const angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
    const middleX = (x1 + x2) / 2;
    const middleY = (y1 + y2) / 2;
    parts.push(
      `<g class="route-sketch__leg" data-from="${leg.fromIndex}" data-to="${leg.toIndex}">`,
      `<line x1="${number(x1)}" y1="${number(y1)}" x2="${number(x2)}" y2="${number(y2)}" stroke="${ROUTE_COLOR}" stroke-width="3" stroke-dasharray="9 5"/>`,
      Math.hypot(x2 - x1, y2 - y1) > 4 * STOP_RADIUS
        ? `<path d="M6 0L-5 -5L-5 5Z" fill="${ROUTE_COLOR}" transform="translate(${number(middleX)} ${number(middleY)}) rotate(${number(angle)})"/>`
        : '',
      '</g>',
    );
  }
  input.stops.forEach((stop, order) => {
    const [x, y] = projection.project(stop.point);
    const fill = stop.approximate ? '#ffffff' : ROUTE_COLOR;
    const textColor = stop.approximate ? ROUTE_COLOR : '#ffffff';
    const ring = stop.approximate ? ' stroke-dasharray="3 2"' : '';
    parts.push(
      `<g class="route-sketch__stop" data-order="${order}">`,
      `<title>${xmlText(`${stop.label} ${stop.approximate ? '≈' : ''}${stop.name}`)}</title>`,
      `<circle cx="${number(x)}" cy="${number(y)}" r="${STOP_RADIUS}" fill="${fill}" stroke="${ROUTE_COLOR}" stroke-width="2"${ring}/>`,
      `<text x="${number(x)}" y="${number(y)}" text-anchor="middle" dominant-baseline="central" font-size="12" font-weight="bold" fill="${textColor}">${xmlText(stop.label)}</text>`,
      '</g>',
    );
  });
  parts.push('</g>');
  // North arrow, top right.
  const northX = width - 24;
  parts.push(
    `<g class="route-sketch__north"><path d="M${northX} 14L${northX + 7} 34L${northX} 29L${northX - 7} 34Z" fill="#222222"/>`,
    `<text x="${northX}" y="48" text-anchor="middle" font-size="12" fill="#222222">${xmlText(input.text.north)}</text></g>`,
  );
  // Scale bar, bottom left: at most a quarter of the frame.
  const barMetres = scaleBarMetres((width / 4) * projection.metresPerUnit);
  const barLength = barMetres / projection.metresPerUnit;
  const barY = height - 16;
  parts.push(
    `<g class="route-sketch__scale" data-metres="${barMetres}" data-length="${number(barLength)}">`,
    `<path d="M12 ${barY - 5}V${barY}H${number(12 + barLength)}V${barY - 5}" fill="none" stroke="#222222" stroke-width="2"/>`,
    `<text x="${number(12 + barLength + 6)}" y="${barY}" font-size="12" fill="#222222">${scaleLabel(barMetres)}</text></g>`,
  );
  if (input.stops.some((stop) => stop.approximate)) {
    parts.push(
      `<g class="route-sketch__approximate"><circle cx="${width - 20}" cy="${height - 20}" r="7" fill="#ffffff" stroke="${ROUTE_COLOR}" stroke-width="2" stroke-dasharray="3 2"/>`,
      `<text x="${width - 32}" y="${height - 16}" text-anchor="end" font-size="12" fill="#222222">${xmlText(input.text.approximate)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The plan's stops as the sketch draws them, numbered exactly as the day plan's list numbers them. */
export function routeSketchStops(plan: Pick<TripPlan, 'stops'>, language: 'zh' | 'en'): RouteSketchStop[] {
  const startsAtPosition = plan.stops[0]?.id === START_POSITION_ID;
  return plan.stops.map((stop, order) => ({
    label: stop.id === START_POSITION_ID ? '◎' : String(order + (startsAtPosition ? 0 : 1)),
    name: language === 'zh' ? stop.nameZh : stop.nameEn || stop.nameZh,
    point: stop.point,
    approximate: stop.approximate,
  }));
}

/** The zone's outline rings and the rivers' courses, from whatever dataset the app loaded. */
export function routeSketchContext(dataset: Dataset): RouteSketchContext {
  const outlines: Position[][] = [];
  const rivers: Position[][] = [];
  let outlineApproximate = false;
  for (const { definition, features } of dataset.layers) {
    for (const feature of features.features) {
      const geometry = feature.geometry;
      if (!geometry) continue;
      if (definition.role === 'zone') {
        if (feature.properties.confidence !== 'high') outlineApproximate = true;
        if (geometry.type === 'Polygon') outlines.push(...geometry.coordinates);
        else if (geometry.type === 'MultiPolygon') outlines.push(...geometry.coordinates.flat());
      } else if (definition.geometry === 'line' && feature.properties['kind'] === 'river') {
        if (geometry.type === 'LineString') rivers.push(geometry.coordinates);
        else if (geometry.type === 'MultiLineString') rivers.push(...geometry.coordinates);
      }
    }
  }
  return { outlines, outlineApproximate, rivers };
}
