/**
 * A dataset feature's geometry as the simple parts an on-map editor can hold (issue 11 §1, edit in
 * place): terra-draw edits single-ring Polygons, LineStrings and Points, so a MultiPolygon (the
 * zone outline has three parts) becomes one Polygon per part, and the parts are joined back into
 * the feature's own geometry type when the edit is kept. A polygon with holes is refused rather
 * than silently losing them: the editor only moves outer rings.
 */
import type { Geometry, LineString, Point, Polygon, Position } from 'geojson';

/** One piece the editor holds: a single-ring polygon, a line or a point. */
export type EditPart = Polygon | LineString | Point;

export type EditableGeometryType =
  | 'Polygon'
  | 'MultiPolygon'
  | 'LineString'
  | 'MultiLineString'
  | 'Point'
  | 'MultiPoint';

export type EditPartsResult =
  | { ok: true; type: EditableGeometryType; parts: EditPart[] }
  | { ok: false; reason: 'no-geometry' | 'holes' | 'unsupported' };

/** The parts of `geometry` the editor can hold, or why it cannot. */
export function editableParts(geometry: Geometry | null): EditPartsResult {
  if (!geometry) return { ok: false, reason: 'no-geometry' };
  const copy = structuredClone(geometry);
  switch (copy.type) {
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = copy.type === 'Polygon' ? [copy.coordinates] : copy.coordinates;
      if (polygons.some((rings) => rings.length !== 1)) return { ok: false, reason: 'holes' };
      return {
        ok: true,
        type: copy.type,
        parts: polygons.map((rings) => ({ type: 'Polygon', coordinates: rings })),
      };
    }
    case 'LineString':
      return { ok: true, type: copy.type, parts: [copy] };
    case 'MultiLineString':
      return {
        ok: true,
        type: copy.type,
        parts: copy.coordinates.map((coordinates) => ({ type: 'LineString', coordinates })),
      };
    case 'Point':
      return { ok: true, type: copy.type, parts: [copy] };
    case 'MultiPoint':
      return {
        ok: true,
        type: copy.type,
        parts: copy.coordinates.map((coordinates) => ({ type: 'Point', coordinates })),
      };
    default:
      return { ok: false, reason: 'unsupported' };
  }
}

/** The parts joined back into the feature's geometry type (a MultiPolygon stays one, even with one part). */
export function joinParts(type: EditableGeometryType, parts: readonly EditPart[]): Geometry {
  const copies = structuredClone(parts) as EditPart[];
  switch (type) {
    case 'Polygon':
      return copies[0] as Polygon;
    case 'MultiPolygon':
      return { type, coordinates: copies.map((part) => (part as Polygon).coordinates) };
    case 'LineString':
      return copies[0] as LineString;
    case 'MultiLineString':
      return { type, coordinates: copies.map((part) => (part as LineString).coordinates) };
    case 'Point':
      return copies[0] as Point;
    case 'MultiPoint':
      return { type, coordinates: copies.map((part) => (part as Point).coordinates) };
  }
}

/** The vertices of a part a planner sees: a polygon's closing vertex is its first one again. */
export function partVertices(part: EditPart): Position[] {
  if (part.type === 'Point') return [part.coordinates];
  if (part.type === 'LineString') return part.coordinates;
  return part.coordinates[0]!.slice(0, -1);
}
