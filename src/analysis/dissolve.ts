/**
 * Dissolving and clipping polygons so that overlaps are never counted twice. Clipping runs on
 * longitude/latitude as Turf does (polyclip-ts); the results are then measured on the ellipsoid.
 */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { union } from '@turf/union';
import { intersect } from '@turf/intersect';

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

/** The union of every polygon among the geometries, or null when there is none. */
export function dissolve(geometries: readonly (Geometry | null | undefined)[]): Polygonal | null {
  // Turf's union wants two or more features, so multipolygons are split into their members.
  const polygons: Polygon[] = geometries
    .flatMap((geometry) => polygonalParts(geometry))
    .flatMap((part) => (part.type === 'Polygon' ? [part] : part.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates }))));
  if (polygons.length === 0) return null;
  // A lone polygon cannot overlap itself (valid GeoJSON), so it is already dissolved.
  if (polygons.length === 1) return polygons[0]!;
  const merged = union({ type: 'FeatureCollection', features: polygons.map(asFeature) });
  return merged ? merged.geometry : null;
}

/** The part of `first` that also lies in `second`, or null when they do not meet. */
export function intersection(first: Polygonal | null, second: Polygonal | null): Polygonal | null {
  if (!first || !second) return null;
  const clipped = intersect({ type: 'FeatureCollection', features: [asFeature(first), asFeature(second)] });
  return clipped ? clipped.geometry : null;
}
