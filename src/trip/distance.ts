/**
 * Distance between two WGS84 points on the ellipsoid, in metres.
 *
 * GeographicLib's inverse geodesic (Karney, "Algorithms for geodesics", J. Geodesy 2013) is exact to
 * rounding for any pair of points, so the trip planner never mixes a spherical shortcut with the
 * ellipsoidal areas shown elsewhere in the app.
 *
 * @example
 * geodesicDistance([105.4415, 28.8859], [105.4316, 28.9006]) // ≈ 1.9 km, 江阳区 to 龙马潭区 government
 */
import { Geodesic } from '../geo/geographiclib.ts';

/** A WGS84 position as GeoJSON orders it: longitude, then latitude, in degrees. */
export type LonLat = readonly [longitude: number, latitude: number];

const WGS84 = Geodesic.WGS84;
const DISTANCE_ONLY = Geodesic.DISTANCE;

export function geodesicDistance(from: LonLat, to: LonLat): number {
  const result = WGS84.Inverse(from[1], from[0], to[1], to[0], DISTANCE_ONLY);
  return result.s12 ?? 0;
}

/** Symmetric matrix of distances in metres between every pair of points; the diagonal is 0. */
export function distanceMatrix(points: readonly LonLat[]): number[][] {
  const matrix = points.map(() => new Array<number>(points.length).fill(0));
  for (let row = 0; row < points.length; row++) {
    for (let column = row + 1; column < points.length; column++) {
      const distance = geodesicDistance(points[row]!, points[column]!);
      matrix[row]![column] = distance;
      matrix[column]![row] = distance;
    }
  }
  return matrix;
}
