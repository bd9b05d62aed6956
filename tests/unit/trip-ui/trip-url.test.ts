import { describe, expect, it } from 'vitest';
import { searchWithTrip, tripFromSearch } from '../../../src/state/trip-url.ts';
import { encodeTrip } from '../../../src/trip/trip-url-codec.ts';
import type { TripState } from '../../../src/trip/trip-state.ts';

const known = new Set(['green-zhangba-longan-forest', 'place-aegean-mall', 'odd.id*with%signs']);
const trip: TripState = {
  stops: [
    { id: 'green-zhangba-longan-forest', visitMinutes: 90 },
    { id: 'odd.id*with%signs' },
    { id: 'place-aegean-mall' },
  ],
  start: { kind: 'first-stop' },
  roundTrip: true,
  mode: 'cycling',
  startMinute: 8 * 60 + 30,
};

describe('the trip URL parameter', () => {
  it('round-trips a trip through the address bar, ids with % . * included', () => {
    const search = searchWithTrip('', encodeTrip(trip));
    expect(search.startsWith('?trip=')).toBe(true);
    const decoded = tripFromSearch(search, known);
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.trip).toEqual(trip);
  });

  it("keeps every other parameter's exact spelling and order, and replaces an old trip", () => {
    const before = '?lang=en&view=105.5,28.86,12.5&trip=1wo0900f.a&x=%E6%B3%B8';
    const after = searchWithTrip(before, encodeTrip(trip));
    expect(after.startsWith('?lang=en&view=105.5,28.86,12.5&x=%E6%B3%B8&trip=')).toBe(true);
    expect(after.match(/trip=/g)).toHaveLength(1);
    expect(tripFromSearch(after, known)?.trip).toEqual(trip);
  });

  it('removes the parameter for an empty trip and leaves no dangling "?"', () => {
    expect(searchWithTrip('?trip=1wo0900f.a', null)).toBe('');
    expect(searchWithTrip('?lang=en&trip=1wo0900f.a', null)).toBe('?lang=en');
  });

  it('says there is no trip when the link has none', () => {
    expect(tripFromSearch('?lang=en', known)).toBeNull();
  });

  it('restores what it can from a stale or damaged link and names what it dropped', () => {
    const stale = searchWithTrip('', encodeTrip({ ...trip, stops: [...trip.stops, { id: 'demolished-park' }] }));
    const decoded = tripFromSearch(stale, known)!;
    expect(decoded.trip.stops.map((stop) => stop.id)).toEqual(trip.stops.map((stop) => stop.id));
    expect(decoded.problems.map((problem) => problem.code)).toEqual(['unknown-place']);
    expect(decoded.problems[0]!.message.en).toContain('demolished-park');

    const garbage = tripFromSearch('?trip=%3Cscript%3Ealert(1)%3C%2Fscript%3E', known)!;
    expect(garbage.trip.stops).toEqual([]);
    expect(garbage.problems.length).toBeGreaterThan(0);
  });
});
