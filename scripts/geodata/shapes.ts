/**
 * Plausible schematic shapes for features whose real boundary is unknown: ellipses and smoothed
 * hand-placed outlines, clipped to where they may lie, then scaled until their ellipsoidal area
 * equals a target. Everything here is deterministic: the same parameters give the same bytes.
 */
import { difference } from '@turf/difference';
import { featureCollection, feature } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { ellipsoidalArea, polygonArea } from '../../src/geo/area.ts';

export type Areal = Polygon | MultiPolygon;

const KILOMETRES_PER_DEGREE_LATITUDE = 110.574;
const KILOMETRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.32;

/**
 * Winding in the lon/lat plane, which is how RFC 7946 defines it: the shoelace sign. Kept apart
 * from the ellipsoidal area so the dataset's winding never depends on that code's sign convention.
 */
export function isCounterClockwise(ring: readonly Position[]): boolean {
  let twiceArea = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const current = ring[index]!;
    const next = ring[index + 1]!;
    twiceArea += current[0]! * next[1]! - next[0]! * current[1]!;
  }
  return twiceArea > 0;
}

/** A point `eastKm`/`northKm` from `origin` on a local flat approximation (good to ~0.1 % over 10 km). */
export function offsetPosition(origin: Position, eastKm: number, northKm: number): Position {
  const cosine = Math.cos((origin[1]! * Math.PI) / 180);
  return [
    origin[0]! + eastKm / (KILOMETRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * cosine),
    origin[1]! + northKm / KILOMETRES_PER_DEGREE_LATITUDE,
  ];
}

/**
 * A closed counter-clockwise ellipse ring. `rotationDegrees` turns the major axis
 * counter-clockwise from east.
 */
export function ellipseRing(
  center: Position,
  semiMajorKm: number,
  semiMinorKm: number,
  rotationDegrees = 0,
  vertexCount = 48,
): Position[] {
  const rotation = (rotationDegrees * Math.PI) / 180;
  const ring: Position[] = [];
  for (let index = 0; index < vertexCount; index++) {
    const angle = (2 * Math.PI * index) / vertexCount;
    const x = semiMajorKm * Math.cos(angle);
    const y = semiMinorKm * Math.sin(angle);
    ring.push(
      offsetPosition(
        center,
        x * Math.cos(rotation) - y * Math.sin(rotation),
        x * Math.sin(rotation) + y * Math.cos(rotation),
      ),
    );
  }
  ring.push(ring[0]!);
  return ring;
}

/**
 * Chaikin corner cutting on a closed outline: each pass replaces every corner by two points at
 * 1/4 and 3/4 of its edges, which rounds a hand-placed polygon into a smooth plausible outline.
 */
export function smoothRing(controlPoints: readonly Position[], passes = 3): Position[] {
  let points = controlPoints.slice();
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (first[0] === last[0] && first[1] === last[1]) points = points.slice(0, -1);
  for (let pass = 0; pass < passes; pass++) {
    const next: Position[] = [];
    points.forEach((point, index) => {
      const following = points[(index + 1) % points.length]!;
      next.push([0.75 * point[0]! + 0.25 * following[0]!, 0.75 * point[1]! + 0.25 * following[1]!]);
      next.push([0.25 * point[0]! + 0.75 * following[0]!, 0.25 * point[1]! + 0.75 * following[1]!]);
    });
    points = next;
  }
  points.push(points[0]!);
  return isCounterClockwise(points) ? points : points.reverse();
}

/** `ring` scaled by `scale` about `anchor`, in degrees (shapes are small enough for that to keep their look). */
export function scaleRing(ring: readonly Position[], anchor: Position, scale: number): Position[] {
  return ring.map((point) => [
    anchor[0]! + (point[0]! - anchor[0]!) * scale,
    anchor[1]! + (point[1]! - anchor[1]!) * scale,
  ]);
}

function polygons(geometry: Areal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function fromPolygons(parts: Position[][][]): Areal | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0]! };
  return { type: 'MultiPolygon', coordinates: parts };
}

/**
 * `shape` kept inside every region of `within` and outside every region of `excluding`. Parts
 * smaller than `minimumPartShare` of the largest part are dropped: clipping a smooth shape to a
 * district line leaves slivers no planner would draw.
 */
export function clip(
  shape: Areal,
  within: readonly Areal[],
  excluding: readonly Areal[],
  minimumPartShare = 0.02,
): Areal | null {
  let current: Areal | null = shape;
  for (const region of within) {
    if (!current) return null;
    current = intersect(featureCollection([feature(current), feature(region)]))?.geometry ?? null;
  }
  for (const region of excluding) {
    if (!current) return null;
    current = difference(featureCollection([feature(current), feature(region)]))?.geometry ?? null;
  }
  if (!current) return null;
  const parts = polygons(current);
  const areas = parts.map((part) => polygonArea(part));
  const largest = Math.max(...areas);
  return fromPolygons(parts.filter((_, index) => areas[index]! >= largest * minimumPartShare));
}

/**
 * Finds the scale at which `build(scale)` has `targetSquareMetres` of ellipsoidal area, by
 * bisection. `build` must grow with `scale` (a shape scaled about a point inside it, then
 * clipped to fixed regions, does).
 */
export function sizeToArea(
  build: (scale: number) => Areal | null,
  targetSquareMetres: number,
  label: string,
  lowScale = 0.02,
  highScale = 4,
): { geometry: Areal; scale: number } {
  const areaAt = (scale: number) => ellipsoidalArea(build(scale));
  if (areaAt(highScale) < targetSquareMetres) {
    throw new Error(
      `${label}: cannot reach ${targetSquareMetres} m² even at scale ${highScale}; move or enlarge its outline`,
    );
  }
  let low = lowScale;
  let high = highScale;
  // 40 halvings of [0.02, 4] leave 4e-12, well under the 1e-9 quantum below.
  for (let iteration = 0; iteration < 40; iteration++) {
    const middle = (low + high) / 2;
    if (areaAt(middle) < targetSquareMetres) low = middle;
    else high = middle;
  }
  // Quantised so the output bytes do not follow last-bit changes in the area code: the bisection's
  // answer moves by ~1e-15 when they happen, and a clip that passes near another shape's vertex
  // would otherwise gain or lose vertices. 1e-9 of a ~5 km shape is far below the 6-decimal output.
  const scale = Math.round(high * 1e9) / 1e9;
  const geometry = build(scale);
  if (!geometry) throw new Error(`${label}: empty after clipping`);
  return { geometry, scale };
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0 so the serialised text never carries "-0".
  return Math.round(value * factor) / factor + 0;
};

function normalizeRing(ring: readonly Position[], decimals: number, exterior: boolean): Position[] | null {
  const rounded: Position[] = [];
  for (const point of ring) {
    const next: Position = [round(point[0]!, decimals), round(point[1]!, decimals)];
    const previous = rounded[rounded.length - 1];
    if (previous && previous[0] === next[0] && previous[1] === next[1]) continue;
    rounded.push(next);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) rounded.push([first[0]!, first[1]!]);
  if (rounded.length < 4) return null;
  // RFC 7946: exteriors counter-clockwise, holes clockwise.
  const counterClockwise = isCounterClockwise(rounded);
  return counterClockwise === exterior ? rounded : rounded.reverse();
}

/** Rounded to `decimals`, duplicate vertices dropped, rings wound per RFC 7946. */
export function normalizeGeometry<G extends Geometry>(geometry: G, decimals = 6): G {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: geometry.coordinates.map((value) => round(value, decimals)) };
    case 'LineString':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((point) => point.map((value) => round(value, decimals))),
      };
    case 'MultiLineString':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((line) =>
          line.map((point) => point.map((value) => round(value, decimals))),
        ),
      };
    case 'Polygon':
    case 'MultiPolygon': {
      const parts = polygons(geometry)
        .map((rings) => rings.map((ring, index) => normalizeRing(ring, decimals, index === 0)))
        .filter((rings) => rings[0] !== null)
        .map((rings) => rings.filter((ring): ring is Position[] => ring !== null));
      const result = fromPolygons(parts);
      if (!result) throw new Error('geometry vanished when rounded');
      return result as G;
    }
    default:
      throw new Error(`normalizeGeometry: ${geometry.type} not used in the dataset`);
  }
}
