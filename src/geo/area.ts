/**
 * Area on the WGS84 ellipsoid, within 1e-6 (typically 1e-8) of GeographicLib's geodesic polygon
 * area for polygons of any size, at close to the cost of Turf's spherical `area`.
 *
 * The ellipsoid is mapped to its authalic sphere (the sphere of equal total area) through the
 * authalic latitude β, which preserves area exactly (Snyder, "Map Projections: A Working Manual",
 * USGS PP 1395, 1987, eqs. 3-11 and 3-12). Each edge then contributes the area between it and the
 * equator. Three regimes, chosen per edge by its length:
 *
 * - The trapezoid Δλ·(sin β₁ + sin β₂)/2 is the area under an edge drawn straight in the
 *   cylindrical equal-area projection — the line integral Turf uses (Chamberlain & Duquette, JPL
 *   2007). A geodesic bows poleward of that line, so alone it is off by ≈ tan φ·L³/(12 R) per
 *   edge: at 29°N a triangle with 40 m sides is already 1e-6 off, one with 1 km sides 2.5e-5.
 * - Adding the second-order term of the great-circle edge, sin β·Δλ·(cos²β·Δλ² + 3·Δβ²)/12 (a
 *   handful of multiplications, no trigonometry), turns each short edge into a great circle of
 *   the authalic sphere; what remains is the e²-sized gap between that circle and the ellipsoid's
 *   geodesic, ≈ 7e-11·L relative for a triangle of side L in metres (measured: 7.4e-8 at 1 km).
 * - Edges longer than LONG_EDGE_METRES take GeographicLib's exact geodesic edge area S12
 *   (Karney, "Algorithms for geodesics", J. Geodesy 87, 2013), so long edges cost microseconds
 *   each but never lose accuracy.
 *
 * Latitudes enter relative to the ring's first vertex, so a 10 m polygon does not drown in the
 * rounding of terms a billion times its size.
 *
 * Rings must not cross the antimeridian or enclose a pole (nothing in China does).
 *
 * @example
 * ellipsoidalArea({ type: 'Polygon', coordinates: [[[105.4, 28.9], [105.5, 28.9], [105.5, 29], [105.4, 28.9]]] })
 * // ≈ 5.42e7 m²
 */
import type { Geometry, Position } from 'geojson';
import { WGS84_ECCENTRICITY, WGS84_ECCENTRICITY_SQUARED, WGS84_SEMI_MAJOR_AXIS_M } from './ellipsoid.ts';
import { Geodesic } from './geographiclib.ts';

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
const AUTHALIC_RADIUS_SQUARED = AUTHALIC_RADIUS_M * AUTHALIC_RADIUS_M;

/**
 * Edges longer than this use GeographicLib's exact edge area. At 1 km the great-circle
 * approximation is within 1e-7 of the geodesic even for a triangle of that size (the worst case:
 * error grows with edge length relative to polygon size), leaving a tenfold margin on 1e-6.
 */
export const LONG_EDGE_METRES = 1000;
const LONG_EDGE_SQUARED_ON_UNIT_SPHERE = (LONG_EDGE_METRES / AUTHALIC_RADIUS_M) ** 2;

/**
 * q(φ)/(1 − e²) = s/(1 − x) + atanh(e·s)/e with s = sin φ and x = e²s², expanded as
 * s·Σ (1 + 1/(2k+1))·x^k: both series converge like x^k with x ≤ e² ≈ 0.0067, so six terms are
 * within 1e-13 (the first omitted term is 1.08·x⁶) and save a logarithm and a division per vertex.
 */
const [C0, C1, C2, C3, C4, C5] = Array.from({ length: 6 }, (_, k) => 1 + 1 / (2 * k + 1)) as [
  number,
  number,
  number,
  number,
  number,
  number,
];
const SIN_BETA_SCALE = (1 - e2) / Q_AT_POLE;

/** sin of the authalic latitude β for a geodetic latitude in degrees. */
export function sinAuthalicLatitude(latitudeDegrees: number): number {
  const sinLatitude = Math.sin(latitudeDegrees * DEGREES_TO_RADIANS);
  const x = e2 * sinLatitude * sinLatitude;
  const series = C0 + x * (C1 + x * (C2 + x * (C3 + x * (C4 + x * C5))));
  return sinLatitude * series * SIN_BETA_SCALE;
}

const AREA_ONLY = Geodesic.AREA;

/** GeographicLib's area between the geodesic edge and the equator, on the unit authalic sphere. */
function geodesicEdgeArea(from: Position, to: Position): number {
  const result = Geodesic.WGS84.Inverse(from[1]!, from[0]!, to[1]!, to[0]!, AREA_ONLY | Geodesic.LONGITUDE);
  return (result.S12 ?? 0) / AUTHALIC_RADIUS_SQUARED;
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
  const referenceSin = sinAuthalicLatitude(ring[0]![1]!);
  // Three sums, scaled once at the end: trapezoids (×½), great-circle terms (×1/12), exact edges.
  let trapezoids = 0;
  let curvatureTerms = 0;
  let exactEdges = 0;
  let current = ring[0]!;
  let currentSin = referenceSin;
  for (let index = 1; index <= length; index++) {
    const next = ring[index === length ? 0 : index]!;
    const nextSin = sinAuthalicLatitude(next[1]!);
    const deltaLongitude = (next[0]! - current[0]!) * DEGREES_TO_RADIANS;
    const deltaSin = nextSin - currentSin;
    const sinSum = currentSin + nextSin;
    const cosSquared = 1 - 0.25 * sinSum * sinSum;
    // Δβ² ≈ Δ(sin β)² / cos²β; both terms are the squared edge length on the unit sphere.
    const northingSquared = (deltaSin * deltaSin) / cosSquared;
    const eastingSquared = deltaLongitude * deltaLongitude * cosSquared;
    if (eastingSquared + northingSquared > LONG_EDGE_SQUARED_ON_UNIT_SPHERE) {
      exactEdges += geodesicEdgeArea(current, next) - deltaLongitude * referenceSin;
    } else {
      trapezoids += deltaLongitude * (sinSum - 2 * referenceSin);
      curvatureTerms += sinSum * deltaLongitude * (eastingSquared + 3 * northingSquared);
    }
    current = next;
    currentSin = nextSin;
  }
  // meanSin = sinSum / 2, hence 1/24 for the curvature terms.
  const total = trapezoids / 2 + curvatureTerms / 24 + exactEdges;
  // The contributions above are "area between edge and equator", which is clockwise-positive.
  return -total * AUTHALIC_RADIUS_SQUARED;
}

/** Area of a polygon's rings: the exterior minus its holes, whatever their winding. */
export function polygonArea(rings: readonly (readonly Position[])[]): number {
  let total = 0;
  for (let index = 0; index < rings.length; index++) {
    const area = Math.abs(ringArea(rings[index]!));
    total += index === 0 ? area : -area;
  }
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
