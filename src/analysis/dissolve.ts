/**
 * Dissolving and clipping polygons so that overlaps are never counted twice. Clipping runs on
 * longitude/latitude as Turf does (polyclip-ts), after edges are densified along the geodesic so
 * the clipper cuts the same shape the ellipsoidal area measures (see `geo/densify.ts`).
 */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { union } from '@turf/union';
import { intersect } from '@turf/intersect';
import { densifyPolygonal } from '../geo/densify.ts';

export type Polygonal = Polygon | MultiPolygon;

/** The polygonal parts of any geometry (a GeometryCollection may carry some). */
export function polygonalParts(geometry: Geometry | null | undefined): Polygonal[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') return [geometry];
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap((member) => polygonalParts(member));
  return [];
}

function asFeature(geometry: Polygonal): Feature<Polygonal> {
  return { type: 'Feature', geometry, properties: {} };
}

type BoundingBox = [west: number, south: number, east: number, north: number];

function boundingBoxOf(polygon: Polygon): BoundingBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const position of polygon.coordinates[0] ?? []) {
    const longitude = position[0]!;
    const latitude = position[1]!;
    if (longitude < west) west = longitude;
    if (longitude > east) east = longitude;
    if (latitude < south) south = latitude;
    if (latitude > north) north = latitude;
  }
  return [west, south, east, north];
}

/** Closed boxes: touching counts as meeting, so polygons sharing an edge are merged, not listed. */
function boxesMeet(first: BoundingBox, second: BoundingBox): boolean {
  return first[0] <= second[2] && second[0] <= first[2] && first[1] <= second[3] && second[1] <= first[3];
}

/**
 * Groups of polygons whose bounding boxes chain together. Only polygons in the same group can
 * overlap, so each group is merged on its own and lone polygons skip the (slow, exact-arithmetic)
 * clipper entirely.
 */
function groupsThatMayOverlap(polygons: Polygon[]): Polygon[][] {
  const boxes = polygons.map(boundingBoxOf);
  const groupOf = polygons.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (groupOf[current] !== current) current = groupOf[current] = groupOf[groupOf[current]!]!;
    return current;
  };
  for (let first = 0; first < polygons.length; first++) {
    for (let second = first + 1; second < polygons.length; second++) {
      if (boxesMeet(boxes[first]!, boxes[second]!)) groupOf[root(second)] = root(first);
    }
  }
  const groups = new Map<number, Polygon[]>();
  polygons.forEach((polygon, index) => {
    const key = root(index);
    groups.set(key, [...(groups.get(key) ?? []), polygon]);
  });
  return [...groups.values()];
}

/** The union of every polygon among the geometries, or null when there is none. */
export function dissolve(geometries: readonly (Geometry | null | undefined)[]): Polygonal | null {
  // Turf's union wants two or more features, so multipolygons are split into their members.
  const polygons: Polygon[] = geometries
    .flatMap((geometry) => polygonalParts(geometry))
    .flatMap((part) =>
      part.type === 'Polygon'
        ? [part]
        : part.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
    );
  if (polygons.length === 0) return null;
  // A lone polygon cannot overlap itself (valid GeoJSON), so it is already dissolved.
  if (polygons.length === 1) return polygons[0]!;
  const merged: Polygon['coordinates'][] = [];
  for (const group of groupsThatMayOverlap(polygons)) {
    if (group.length === 1) {
      merged.push(group[0]!.coordinates);
      continue;
    }
    const unionResult = union({
      type: 'FeatureCollection',
      features: group.map((polygon) => asFeature(densifyPolygonal(polygon))),
    });
    if (!unionResult) continue;
    if (unionResult.geometry.type === 'Polygon') merged.push(unionResult.geometry.coordinates);
    else merged.push(...unionResult.geometry.coordinates);
  }
  if (merged.length === 0) return null;
  return merged.length === 1
    ? { type: 'Polygon', coordinates: merged[0]! }
    : { type: 'MultiPolygon', coordinates: merged };
}

/** The part of `first` that also lies in `second`, or null when they do not meet. */
export function intersection(first: Polygonal | null, second: Polygonal | null): Polygonal | null {
  if (!first || !second) return null;
  const clipped = intersect({
    type: 'FeatureCollection',
    features: [asFeature(densifyPolygonal(first)), asFeature(densifyPolygonal(second))],
  });
  return clipped ? clipped.geometry : null;
}
