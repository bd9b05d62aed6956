/**
 * Plausible schematic shapes for features whose real boundary is unknown: ellipses and smoothed
 * hand-placed outlines, clipped to where they may lie, then scaled until their ellipsoidal area
 * equals a target. Everything here is deterministic: the same parameters give the same bytes.
 */
import { difference } from '@turf/difference';
import { featureCollection, feature } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ellipsoidalArea, polygonArea } from '../../src/geo/area.ts';
import { fromPolygons, isCounterClockwise, normalizeGeometry, polygons } from '../../src/data/dataset-serialization.ts';

// The writer's geometry rules live with the dataset format, where the app's export uses them too.
export { isCounterClockwise, normalizeGeometry };

export type Areal = Polygon | MultiPolygon;

const KILOMETRES_PER_DEGREE_LATITUDE = 110.574;
const KILOMETRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.32;

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
