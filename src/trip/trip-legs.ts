/**
 * The legs of a trip in visiting order: ellipsoidal distance and estimated time for every travel
 * mode, so the UI can switch mode without recomputing geodesics.
 *
 * @example
 * tripLegs([[105.44, 28.89], [105.47, 28.89]], { roundTrip: true })
 * // two legs, there and back, each with walking / cycling / driving estimates
 */
import { geodesicDistance, type LonLat } from './distance.ts';
import { estimateLeg, TRAVEL_MODES, type LegEstimate, type TravelMode } from './travel-modes.ts';

export interface TripLeg {
  /** Index of the stop the leg leaves from, in visiting order. */
  fromIndex: number;
  /** Index of the stop it reaches; 0 for the return leg of a round trip. */
  toIndex: number;
  straightDistanceMetres: number;
  estimates: Record<TravelMode, LegEstimate>;
}

export function tripLegs(points: readonly LonLat[], options: { roundTrip: boolean }): TripLeg[] {
  const legs: TripLeg[] = [];
  const legCount = options.roundTrip && points.length > 1 ? points.length : points.length - 1;
  for (let fromIndex = 0; fromIndex < legCount; fromIndex++) {
    const toIndex = (fromIndex + 1) % points.length;
    const straightDistanceMetres = geodesicDistance(points[fromIndex]!, points[toIndex]!);
    const estimates = Object.fromEntries(
      TRAVEL_MODES.map((mode) => [mode, estimateLeg(straightDistanceMetres, mode)]),
    ) as Record<TravelMode, LegEstimate>;
    legs.push({ fromIndex, toIndex, straightDistanceMetres, estimates });
  }
  return legs;
}
