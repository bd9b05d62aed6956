/**
 * Densifying rings along the geodesic, so that tools which treat edges as straight lines in
 * longitude/latitude (the polygon clipper behind union and intersection) cut the same shape the
 * ellipsoidal area measures.
 *
 * Why it matters: a geodesic edge bows poleward of the straight lon/lat line by ≈ tan φ·L²/(8R).
 * When the clipper splits a long edge at a new vertex, the two halves bow less than the whole,
 * and area silently appears or vanishes: merging two overlapping 2 km squares at 29°N changed
 * the total by 5e-5 (400 m²) against the sum of their parts. Inserting points on the geodesic
 * leaves the geodesic shape (and its area) unchanged while making every edge short enough that
 * splitting it costs nothing measurable (≤ 0.2 m² per split at 200 m).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { Geodesic } from './geographiclib.ts';

/** Edges longer than this get points inserted along their geodesic. */
export const CLIPPING_EDGE_METRES = 500;

const METRES_PER_DEGREE_OF_LATITUDE = 110_574;
const DEGREES_TO_RADIANS = Math.PI / 180;
const POSITION_MASK = Geodesic.LATITUDE | Geodesic.LONGITUDE;

/** Quick upper bound on an edge's length in metres, to skip the geodesic solution for short edges. */
function roughEdgeMetres(from: Position, to: Position): number {
  const deltaLatitude = Math.abs(to[1]! - from[1]!);
  const deltaLongitude =
    Math.abs(to[0]! - from[0]!) * Math.cos(Math.min(Math.abs(from[1]!), Math.abs(to[1]!)) * DEGREES_TO_RADIANS);
  // 1.01: the ellipsoid's degree is up to 1 % longer than the equatorial-latitude figure.
  return 1.01 * METRES_PER_DEGREE_OF_LATITUDE * Math.hypot(deltaLatitude, deltaLongitude);
}

export function densifyRing(ring: readonly Position[], maximumEdgeMetres = CLIPPING_EDGE_METRES): Position[] {
  const densified: Position[] = [];
  for (let index = 0; index < ring.length; index++) {
    const from = ring[index]!;
    densified.push(from);
    const to = ring[index + 1];
    if (!to || roughEdgeMetres(from, to) <= maximumEdgeMetres) continue;
    const line = Geodesic.WGS84.InverseLine(from[1]!, from[0]!, to[1]!, to[0]!, POSITION_MASK | Geodesic.DISTANCE_IN);
    const pieces = Math.ceil(line.s13 / maximumEdgeMetres);
    for (let piece = 1; piece < pieces; piece++) {
      const point = line.Position((line.s13 * piece) / pieces, POSITION_MASK | Geodesic.LONG_UNROLL);
      densified.push([point.lon2!, point.lat2!]);
    }
  }
  return densified;
}

export function densifyPolygonal<G extends Polygon | MultiPolygon>(
  geometry: G,
  maximumEdgeMetres = CLIPPING_EDGE_METRES,
): G {
  if (geometry.type === 'Polygon') {
    return {
      type: 'Polygon',
      coordinates: geometry.coordinates.map((ring) => densifyRing(ring, maximumEdgeMetres)),
    } as G;
  }
  return {
    type: 'MultiPolygon',
    coordinates: (geometry as MultiPolygon).coordinates.map((polygon) =>
      polygon.map((ring) => densifyRing(ring, maximumEdgeMetres)),
    ),
  } as G;
}
