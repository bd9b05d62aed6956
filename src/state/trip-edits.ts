/**
 * The edits a visitor makes to a trip, as pure functions from one TripState to the next, so the
 * panel, the keyboard buttons and drag-and-drop all go through the same checked steps and the
 * rules (no duplicates, at most MAXIMUM_TRIP_STOPS, durations in range) hold whichever is used.
 */
import { MAXIMUM_TRIP_STOPS, MAXIMUM_VISIT_MINUTES, type TripState, type TripStopChoice } from '../trip/trip-state.ts';

export function tripHasStop(trip: TripState, placeId: string): boolean {
  return trip.stops.some((stop) => stop.id === placeId);
}

/** Appends a place; a place already in the trip, or a full trip, leaves it unchanged. */
export function withStopAdded(trip: TripState, placeId: string): TripState {
  if (tripHasStop(trip, placeId) || trip.stops.length >= MAXIMUM_TRIP_STOPS) return trip;
  return { ...trip, stops: [...trip.stops, { id: placeId }] };
}

/** Appends stops from the visitor's file (see customStop), skipping ones already there, up to MAXIMUM_TRIP_STOPS. */
export function withCustomStopsAdded(trip: TripState, stops: readonly TripStopChoice[]): TripState {
  const added: TripStopChoice[] = [];
  const present = new Set(trip.stops.map((stop) => stop.id));
  for (const stop of stops) {
    if (present.has(stop.id) || trip.stops.length + added.length >= MAXIMUM_TRIP_STOPS) continue;
    present.add(stop.id);
    added.push(stop);
  }
  return added.length === 0 ? trip : { ...trip, stops: [...trip.stops, ...added] };
}

export function withStopRemoved(trip: TripState, placeId: string): TripState {
  if (!tripHasStop(trip, placeId)) return trip;
  return { ...trip, stops: trip.stops.filter((stop) => stop.id !== placeId) };
}

/** Moves the stop at `fromIndex` so that it ends up at `toIndex`; out-of-range indices change nothing. */
export function withStopMoved(trip: TripState, fromIndex: number, toIndex: number): TripState {
  const count = trip.stops.length;
  if (!Number.isInteger(fromIndex) || !Number.isInteger(toIndex)) return trip;
  if (fromIndex < 0 || fromIndex >= count || toIndex < 0 || toIndex >= count || fromIndex === toIndex) return trip;
  const stops = [...trip.stops];
  const [moved] = stops.splice(fromIndex, 1);
  stops.splice(toIndex, 0, moved!);
  return { ...trip, stops };
}

/** Makes a place the trip's start: it moves to the front and the trip starts there, not at a position. */
export function withStartAtStop(trip: TripState, placeId: string): TripState {
  const index = trip.stops.findIndex((stop) => stop.id === placeId);
  if (index < 0) return trip;
  return { ...withStopMoved(trip, index, 0), start: { kind: 'first-stop' } };
}

/**
 * Sets how long the visitor stays; `null` returns to the place's estimate. Text from an input that
 * is not a whole number of minutes in range is refused (the trip is returned unchanged).
 */
export function withVisitMinutes(trip: TripState, placeId: string, minutes: number | null): TripState {
  if (minutes !== null && !(Number.isInteger(minutes) && minutes >= 0 && minutes <= MAXIMUM_VISIT_MINUTES)) return trip;
  if (!tripHasStop(trip, placeId)) return trip;
  return {
    ...trip,
    stops: trip.stops.map((stop) => {
      if (stop.id !== placeId) return stop;
      // Rebuilt rather than spread, so no stale visitMinutes survives; a file's stop keeps its name and position.
      const kept: TripStopChoice = stop.custom ? { id: stop.id, custom: stop.custom } : { id: stop.id };
      return minutes === null ? kept : { ...kept, visitMinutes: minutes };
    }),
  };
}
