/**
 * Two tabs saving the same list: each applies only its own changes since it last read storage, so
 * neither undoes the other's (issue 12, "two tabs erase each other's drawings / undo trip edits").
 */
import { describe, expect, it } from 'vitest';
import { mergeById, mergeTrips } from '../../../src/state/storage-merge.ts';
import { emptyTrip, type TripState } from '../../../src/trip/trip-state.ts';

interface Item {
  id: string;
  name: string;
}
const item = (id: string, name = ''): Item => ({ id, name });
const byId = (entry: Item): string => entry.id;

describe('mergeById', () => {
  it('keeps a shape another tab added while this tab adds its own', () => {
    const base = [item('a')];
    const mine = [item('a'), item('b')];
    const theirs = [item('a'), item('c')];
    expect(mergeById(base, mine, theirs, byId).map(byId)).toEqual(['a', 'c', 'b']);
  });

  it('removes what this tab removed, and does not bring back what the other tab removed', () => {
    const base = [item('a'), item('b'), item('c')];
    const mine = [item('b'), item('c')]; // removed a here
    const theirs = [item('a'), item('b')]; // removed c there
    expect(mergeById(base, mine, theirs, byId).map(byId)).toEqual(['b']);
  });

  it("takes this tab's edit of an item and the other tab's edit of another", () => {
    const base = [item('a', 'old'), item('b', 'old')];
    const mine = [item('a', 'mine'), item('b', 'old')];
    const theirs = [item('a', 'old'), item('b', 'theirs')];
    expect(mergeById(base, mine, theirs, byId)).toEqual([item('a', 'mine'), item('b', 'theirs')]);
  });

  it('with nothing stored yet, writes what this tab has', () => {
    expect(mergeById([], [item('a')], [], byId)).toEqual([item('a')]);
  });

  it('with no change here, returns what storage holds', () => {
    const base = [item('a')];
    expect(mergeById(base, base, [item('x')], byId)).toEqual([item('x')]);
  });
});

describe('mergeTrips', () => {
  const trip = (ids: string[], change: Partial<TripState> = {}): TripState => ({
    ...emptyTrip(),
    ...change,
    stops: ids.map((id) => ({ id })),
  });

  it('a stop removed in one tab stays removed while the other tab adds one', () => {
    const base = trip(['x', 'y']);
    const removedHere = trip(['y']);
    const addedThere = trip(['x', 'y', 'z']);
    // Tab B saves after tab A: B's base is [x, y], storage holds A's [y].
    expect(mergeTrips(base, addedThere, removedHere).stops.map((stop) => stop.id)).toEqual(['y', 'z']);
  });

  it("keeps the other tab's travel mode unless this tab changed it", () => {
    const base = trip(['x'], { mode: 'walking' });
    expect(mergeTrips(base, base, trip(['x'], { mode: 'driving' })).mode).toBe('driving');
    expect(mergeTrips(base, trip(['x'], { mode: 'cycling' }), trip(['x'], { mode: 'driving' })).mode).toBe('cycling');
  });
});
