import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { describe, expect, it } from 'vitest';
import {
  withStartAtStop,
  withStopAdded,
  withStopMoved,
  withStopRemoved,
  withVisitMinutes,
} from '../../../src/state/trip-edits.ts';
import { emptyTrip, MAXIMUM_TRIP_STOPS, type TripState } from '../../../src/trip/trip-state.ts';

const ids = (trip: TripState) => trip.stops.map((stop) => stop.id);
// Frozen so an edit that mutates its input throws instead of passing.
const threeStops = deepFreeze({ ...emptyTrip(), stops: [{ id: 'a' }, { id: 'b', visitMinutes: 30 }, { id: 'c' }] });

describe('trip edits', () => {
  it('add a place once, at the end, and refuse a duplicate or a full trip', () => {
    expect(ids(withStopAdded(threeStops, 'd'))).toEqual(['a', 'b', 'c', 'd']);
    expect(withStopAdded(threeStops, 'b')).toBe(threeStops);
    let full = emptyTrip();
    for (let index = 0; index < MAXIMUM_TRIP_STOPS; index++) full = withStopAdded(full, `place-${index}`);
    expect(full.stops).toHaveLength(MAXIMUM_TRIP_STOPS);
    expect(withStopAdded(full, 'one-more')).toBe(full);
  });

  it('remove a place and keep the others in order with their chosen durations', () => {
    const removed = withStopRemoved(threeStops, 'a');
    expect(removed.stops).toEqual([{ id: 'b', visitMinutes: 30 }, { id: 'c' }]);
    expect(withStopRemoved(threeStops, 'missing')).toBe(threeStops);
  });

  it('move a stop up, down and across the list as the ↑ ↓ buttons and a drop do', () => {
    expect(ids(withStopMoved(threeStops, 1, 0))).toEqual(['b', 'a', 'c']);
    expect(ids(withStopMoved(threeStops, 1, 2))).toEqual(['a', 'c', 'b']);
    expect(ids(withStopMoved(threeStops, 2, 0))).toEqual(['c', 'a', 'b']);
    expect(ids(withStopMoved(threeStops, 0, 2))).toEqual(['b', 'c', 'a']);
  });

  it('ignore moves past either end (the first row has no "up", the last no "down")', () => {
    expect(withStopMoved(threeStops, 0, -1)).toBe(threeStops);
    expect(withStopMoved(threeStops, 2, 3)).toBe(threeStops);
    expect(withStopMoved(threeStops, 5, 0)).toBe(threeStops);
    expect(withStopMoved(threeStops, Number.NaN, 0)).toBe(threeStops);
  });

  it('start at a chosen place: it moves first and replaces a location start', () => {
    const fromHere: TripState = { ...threeStops, start: { kind: 'here' } };
    const started = withStartAtStop(fromHere, 'c');
    expect(ids(started)).toEqual(['c', 'a', 'b']);
    expect(started.start).toEqual({ kind: 'first-stop' });
  });

  it('set a visit length in whole minutes within a day, or go back to the estimate', () => {
    expect(withVisitMinutes(threeStops, 'a', 45).stops[0]).toEqual({ id: 'a', visitMinutes: 45 });
    expect(withVisitMinutes(threeStops, 'b', null).stops[1]).toEqual({ id: 'b' });
    for (const bad of [-5, 1441, 2.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(withVisitMinutes(threeStops, 'a', bad)).toBe(threeStops);
  });
});
