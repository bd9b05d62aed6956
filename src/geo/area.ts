/**
 * Area on the WGS84 ellipsoid.
 *
 * The ellipsoid is mapped to its authalic sphere (the sphere of equal total area) through the
 * authalic latitude β, which preserves area exactly; the polygon is then measured on that sphere
 * with the same line integral Turf uses (Chamberlain & Duquette, "Some algorithms for polygons on
 * a sphere", JPL 2007). The result equals the ellipsoidal area of the polygon whose edges are
 * straight in the cylindrical equal-area projection — for the sub-kilometre edges of real
 * boundaries that is within ~1e-8 of the geodesic-edged area GeographicLib computes.
 *
 * Snyder, "Map Projections: A Working Manual" (USGS PP 1395, 1987), eq. 3-12 for q and 3-11 for β.
 *
 * @example
 * ellipsoidalArea({ type: 'Polygon', coordinates: [[[105.4, 28.9], [105.5, 28.9], [105.5, 29], [105.4, 28.9]]] })
 * // ≈ 5.42e7 m²
 */
import type { Geometry, Position } from 'geojson';
import { WGS84_ECCENTRICITY, WGS84_ECCENTRICITY_SQUARED, WGS84_SEMI_MAJOR_AXIS_M } from './ellipsoid.ts';

const DEGREES_TO_RADIANS = Math.PI / 180;
const e = WGS84_ECCENTRICITY;
const e2 = WGS84_ECCENTRICITY_SQUARED;

/** Snyder's q(φ), written with sin φ so callers pass what they already computed. */
function authalicQ(sinLatitude: number): number {
  const esin = e * sinLatitude;
  return (1 - e2) * (sinLatitude / (1 - esin * esin) - (1 / (2 * e)) * Math.log((1 - esin) / (1 + esin)));
}

const Q_AT_POLE = authalicQ(1);
/** Radius of the sphere with the ellipsoid's surface area. */
export const AUTHALIC_RADIUS_M = WGS84_SEMI_MAJOR_AXIS_M * Math.sqrt(Q_AT_POLE / 2);

/** sin of the authalic latitude β for a geodetic latitude in degrees. */
export function sinAuthalicLatitude(latitudeDegrees: number): number {
  return authalicQ(Math.sin(latitudeDegrees * DEGREES_TO_RADIANS)) / Q_AT_POLE;
}

/**
 * Signed area of one ring in m²: positive when counter-clockwise (GeoJSON's exterior winding).
 * Accepts rings closed or not.
 */
export function ringArea(ring: readonly Position[]): number {
  let length = ring.length;
  if (length > 1) {
    const first = ring[0]!;
    const last = ring[length - 1]!;
    if (first[0] === last[0] && first[1] === last[1]) length -= 1;
  }
  if (length < 3) return 0;
  let total = 0;
  // Σ (λ[i+1] − λ[i−1]) · sin β[i], walking the ring once.
  let previousLongitude = ring[length - 1]![0]!;
  let currentLongitude = ring[0]![0]!;
  let currentSinBeta = sinAuthalicLatitude(ring[0]![1]!);
  for (let index = 1; index <= length; index++) {
    const next = ring[index === length ? 0 : index]!;
    const nextLongitude = next[0]!;
    total += (nextLongitude - previousLongitude) * currentSinBeta;
    previousLongitude = currentLongitude;
    currentLongitude = nextLongitude;
    currentSinBeta = sinAuthalicLatitude(next[1]!);
  }
  return (total * DEGREES_TO_RADIANS * AUTHALIC_RADIUS_M * AUTHALIC_RADIUS_M) / 2;
}

/** Area of a polygon's rings: the exterior minus its holes, whatever their winding. */
export function polygonArea(rings: readonly (readonly Position[])[]): number {
  let total = 0;
  rings.forEach((ring, index) => {
    const area = Math.abs(ringArea(ring));
    total += index === 0 ? area : -area;
  });
  return total;
}

/**
 * Ellipsoidal area in m² of any GeoJSON geometry: polygons and multipolygons count, points and
 * lines are 0, collections sum their members. Overlaps between members are counted twice, as
 * Turf's `area` does; dissolve first where that matters.
 */
export function ellipsoidalArea(geometry: Geometry | null | undefined): number {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'Polygon':
      return polygonArea(geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, member) => sum + ellipsoidalArea(member), 0);
    default:
      return 0;
  }
}
