/**
 * The trip as app state: the places a visitor can add, the trip being planned, the browser's
 * location once (and only once) the visitor asks for it, and what a restored link or stored trip
 * lost. The functions below are the only writers. `connectTrip` restores the trip at boot (the
 * link wins over the stored copy) and from then on mirrors every change into the URL and IndexedDB.
 */
import { computed, effect, signal } from '@preact/signals';
import type { Dataset, LocalizedText } from '../data/dataset-types.ts';
import type { LonLat } from '../trip/distance.ts';
import { optimiseTrip, planTrip, type TripPlan } from '../trip/plan-trip.ts';
import { parseClockTime } from '../trip/schedule.ts';
import { tripToGeoJson } from '../trip/trip-geojson.ts';
import { emptyTrip, type TripState, type TripStopChoice } from '../trip/trip-state.ts';
import { decodeTrip, encodeTrip, type TripLinkProblem } from '../trip/trip-url-codec.ts';
import type { TravelMode } from '../trip/travel-modes.ts';
import { visitPlaces, type VisitPlace } from '../trip/visit-places.ts';
import {
  withCustomStopsAdded,
  withStartAtStop,
  withStopAdded,
  withStopMoved,
  withStopRemoved,
  withVisitMinutes,
} from './trip-edits.ts';
import { loadStoredTrip, storeTrip } from './trip-persistence.ts';
import { searchWithTrip, tripFromSearch } from './trip-url.ts';

export const tripPlaces = signal<readonly VisitPlace[]>([]);
export const tripState = signal<TripState>(emptyTrip());
export const hereLocation = signal<LonLat | null>(null);
export type LocationRequest = 'idle' | 'asking' | 'denied' | 'unsupported';
export const locationRequest = signal<LocationRequest>('idle');
/** Where the restored trip came from and what it lost; shown once, until dismissed. */
export const tripRestoreReport = signal<{ from: 'link' | 'storage'; problems: TripLinkProblem[] } | null>(null);
/** False until the link or the stored copy has been read: nothing is written back before that. */
export const tripRestored = signal<boolean>(false);
/** A request to fit the map to the trip; a fresh object each time so asking twice frames twice. */
export const tripFrameRequest = signal<{ requestedAt: number } | null>(null);
export const lastOptimisation = signal<'exact' | 'heuristic' | 'unchanged' | null>(null);

export const tripPlan = computed<TripPlan>(() => planTrip(tripState.value, tripPlaces.value, hereLocation.value));
export const tripGeoJson = computed(() => tripToGeoJson(tripPlan.value));

export function isVisitPlace(placeId: string): boolean {
  return tripPlaces.value.some((place) => place.id === placeId);
}

function update(next: TripState): void {
  if (next === tripState.peek()) return;
  tripState.value = next;
  lastOptimisation.value = null;
}

export function addToTrip(placeId: string): void {
  if (isVisitPlace(placeId)) update(withStopAdded(tripState.peek(), placeId));
}

/**
 * Adds stops from the visitor's own file (see src/trip/imported-points.ts); returns how many were
 * new. Ones already in the trip, and any past MAXIMUM_TRIP_STOPS, are left out.
 */
export function addFileStopsToTrip(stops: readonly TripStopChoice[]): number {
  const before = tripState.peek();
  const next = withCustomStopsAdded(before, stops);
  update(next);
  return next.stops.length - before.stops.length;
}

export function removeFromTrip(placeId: string): void {
  update(withStopRemoved(tripState.peek(), placeId));
}

export function moveStop(fromIndex: number, toIndex: number): void {
  update(withStopMoved(tripState.peek(), fromIndex, toIndex));
}

export function startAtPlace(placeId: string): void {
  update(withStartAtStop(tripState.peek(), placeId));
}

export function setVisitMinutes(placeId: string, minutes: number | null): void {
  update(withVisitMinutes(tripState.peek(), placeId, minutes));
}

export function setTravelMode(mode: TravelMode): void {
  update({ ...tripState.peek(), mode });
}

export function setRoundTrip(roundTrip: boolean): void {
  update({ ...tripState.peek(), roundTrip });
}

/** Returns the reason when the text is not a time of day; the trip keeps its old start time then. */
export function setStartTime(text: string): LocalizedText | null {
  const parsed = parseClockTime(text);
  if (!parsed.ok) return parsed.message;
  update({ ...tripState.peek(), startMinute: parsed.minute });
  return null;
}

export function clearTrip(): void {
  update({ ...tripState.peek(), stops: [] });
}

export function optimiseCurrentTrip(): void {
  const result = optimiseTrip(tripState.peek(), tripPlaces.peek(), hereLocation.peek());
  update(result.trip);
  lastOptimisation.value = result.method;
}

/** Asks the browser for its location: only ever called from the visitor's own click. */
export function startFromMyLocation(): void {
  if (!('geolocation' in navigator)) {
    locationRequest.value = 'unsupported';
    return;
  }
  locationRequest.value = 'asking';
  navigator.geolocation.getCurrentPosition(
    (position) => {
      hereLocation.value = [position.coords.longitude, position.coords.latitude];
      locationRequest.value = 'idle';
      update({ ...tripState.peek(), start: { kind: 'here' } });
    },
    () => {
      locationRequest.value = 'denied';
    },
    { enableHighAccuracy: false, timeout: 20000, maximumAge: 60000 },
  );
}

export function startAtFirstPlace(): void {
  update({ ...tripState.peek(), start: { kind: 'first-stop' } });
}

export function requestTripFrame(): void {
  tripFrameRequest.value = { requestedAt: performance.now() };
}

export function dismissRestoreReport(): void {
  tripRestoreReport.value = null;
}

function encodedOrNull(trip: TripState): string | null {
  return trip.stops.length === 0 && trip.start.kind === 'first-stop' ? null : encodeTrip(trip);
}

export async function connectTrip(dataset: Dataset): Promise<() => void> {
  const places = visitPlaces(dataset).places;
  tripPlaces.value = places;
  const knownIds = new Set(places.map((place) => place.id));
  const fromLink = tripFromSearch(window.location.search, knownIds);
  if (fromLink) {
    tripState.value = fromLink.trip;
    if (fromLink.problems.length > 0) tripRestoreReport.value = { from: 'link', problems: fromLink.problems };
  } else {
    const stored = await loadStoredTrip();
    if (stored !== null) {
      const decoded = decodeTrip(stored, knownIds);
      tripState.value = decoded.trip;
      if (decoded.problems.length > 0) tripRestoreReport.value = { from: 'storage', problems: decoded.problems };
    }
  }
  tripRestored.value = true;
  const writeToAddressBar = (encoded: string | null): void => {
    const search = searchWithTrip(window.location.search, encoded);
    if (search !== window.location.search) {
      history.replaceState(history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  };
  // The trip is not part of the back/forward history (features and views are): an entry written
  // before the last edit would otherwise show, and share, an older trip.
  const onHistoryMove = (): void => writeToAddressBar(encodedOrNull(tripState.peek()));
  window.addEventListener('popstate', onHistoryMove);
  const stopWriting = effect(() => {
    const encoded = encodedOrNull(tripState.value);
    writeToAddressBar(encoded);
    void storeTrip(encoded);
  });
  return () => {
    window.removeEventListener('popstate', onHistoryMove);
    stopWriting();
  };
}
