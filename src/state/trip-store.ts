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
import { announceStorageChange, onStorageChange, registerPendingWrites } from './storage-channel.ts';
import { mergeTrips } from './storage-merge.ts';
import { dismissStorageNoticeKind, showStorageNotice } from './storage-notices.ts';
import { loadStoredTrip, setTripAside, storeTrip } from './trip-persistence.ts';
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
  const tripOf = (text: string | null): TripState => (text === null ? emptyTrip() : decodeTrip(text, knownIds).trip);
  // What storage held when this tab last read or wrote it: a save applies only this tab's edits
  // since then (storage-merge.ts), so another tab's edits are never undone by a stale copy.
  let syncedText: string | null = null;
  // A link replaces the stored trip (it is what the visitor opened), so its first save is whole.
  let replaceStored = false;
  const fromLink = tripFromSearch(window.location.search, knownIds);
  if (fromLink) {
    tripState.value = fromLink.trip;
    replaceStored = true;
    if (fromLink.problems.length > 0) tripRestoreReport.value = { from: 'link', problems: fromLink.problems };
  } else {
    const stored = await loadStoredTrip();
    if (stored.kind === 'set-aside')
      showStorageNotice({ kind: 'record-set-aside', record: 'trip', reason: stored.reason });
    if (stored.kind === 'unavailable') showStorageNotice({ kind: 'trip-not-saved', reason: 'unavailable' });
    if (stored.kind === 'trip') {
      const decoded = decodeTrip(stored.text, knownIds);
      tripState.value = decoded.trip;
      syncedText = stored.text;
      if (decoded.problems.length > 0) {
        tripRestoreReport.value = { from: 'storage', problems: decoded.problems };
        // What could not be read is about to be written over: keep the original text aside.
        await setTripAside(stored.text);
        if (decoded.problems.some((problem) => problem.code === 'unsupported-version'))
          showStorageNotice({ kind: 'record-set-aside', record: 'trip', reason: 'newer-version' });
      }
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

  /** Shows `text` (storage's trip merged with this tab's edits) unless it is what the tab shows. */
  const adopt = (text: string | null): void => {
    if (text !== encodedOrNull(tripState.peek())) tripState.value = tripOf(text);
  };
  // Saves are chained so a slow earlier one never lands after a later one.
  let saving: Promise<unknown> = Promise.resolve();
  const save = (): void => {
    saving = saving.then(async () => {
      const local = tripState.peek();
      const encoded = encodedOrNull(local);
      if (encoded === syncedText && !replaceStored) return;
      const base = tripOf(syncedText);
      const whole = replaceStored;
      const result = await storeTrip((stored) =>
        whole || stored === syncedText ? encoded : encodedOrNull(mergeTrips(base, local, tripOf(stored))),
      );
      if (!result.saved) {
        showStorageNotice({ kind: 'trip-not-saved', reason: result.reason });
        return;
      }
      dismissStorageNoticeKind('trip-not-saved');
      replaceStored = false;
      syncedText = result.text;
      // Edited while saving: that edit's own save, already queued, merges it.
      if (encodedOrNull(tripState.peek()) === encoded) adopt(result.text);
      announceStorageChange('trip');
    });
  };
  const refreshFromStorage = (): void => {
    saving = saving.then(async () => {
      const stored = await loadStoredTrip();
      if (stored.kind !== 'trip' && stored.kind !== 'none') return;
      const text = stored.kind === 'trip' ? stored.text : null;
      if (text === syncedText) return;
      const merged = replaceStored ? tripState.peek() : mergeTrips(tripOf(syncedText), tripState.peek(), tripOf(text));
      syncedText = text;
      adopt(encodedOrNull(merged));
    });
  };
  const stopFollowingOtherTabs = onStorageChange('trip', refreshFromStorage);
  registerPendingWrites(() => saving);
  const stopWriting = effect(() => {
    const encoded = encodedOrNull(tripState.value);
    writeToAddressBar(encoded);
    save();
  });
  return () => {
    window.removeEventListener('popstate', onHistoryMove);
    stopFollowingOtherTabs();
    stopWriting();
  };
}
