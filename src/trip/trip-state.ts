/**
 * What a trip is, independent of where it is kept (URL, IndexedDB): the places in visiting order,
 * where the trip starts, and the choices that turn it into a schedule.
 */
import type { LonLat } from './distance.ts';
import type { TravelMode } from './travel-modes.ts';

export interface TripStopChoice {
  /** The place's stable dataset id. */
  id: string;
  /** Minutes the visitor chose to stay; absent means the place's estimated typical visit. */
  visitMinutes?: number;
}

/**
 * `first-stop`: the trip starts at its first place. `here`: at the browser's location, asked for again
 * when the trip is opened. `point`: at a fixed position (a shared location, kept only if the user
 * chose to share it).
 */
export type TripStart = { kind: 'first-stop' } | { kind: 'here' } | { kind: 'point'; point: LonLat };

export interface TripState {
  stops: TripStopChoice[];
  start: TripStart;
  roundTrip: boolean;
  mode: TravelMode;
  /** Departure time, minutes after midnight, 0–1439. */
  startMinute: number;
}

export const MAXIMUM_TRIP_STOPS = 50;
export const MAXIMUM_VISIT_MINUTES = 24 * 60;

export function emptyTrip(): TripState {
  return { stops: [], start: { kind: 'first-stop' }, roundTrip: false, mode: 'walking', startMinute: 9 * 60 };
}
