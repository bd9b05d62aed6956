import { describe, expect, test } from 'vitest';
import { distanceMatrix, geodesicDistance } from '../../../src/trip/distance.ts';
import { orderCost } from '../../../src/trip/optimise-order.ts';
import { optimiseTrip, planTrip, START_POSITION_ID } from '../../../src/trip/plan-trip.ts';
import { DETOUR_FACTOR } from '../../../src/trip/travel-modes.ts';
import { emptyTrip, type TripState } from '../../../src/trip/trip-state.ts';
import { type VisitPlace, visitPlaces } from '../../../src/trip/visit-places.ts';
import { sampleDataset } from '../../fixtures/trip/sample-dataset.ts';

const { places } = visitPlaces(sampleDataset);
const here = [105.44, 28.89] as const;

describe('planTrip', () => {
  const trip: TripState = {
    ...emptyTrip(),
    start: { kind: 'here' },
    startMinute: 21 * 60,
    mode: 'cycling',
    stops: [{ id: 'aegean-mall', visitMinutes: 200 }, { id: 'zhangba-longan-forest' }, { id: 'gone' }],
  };

  test('starts at the browser location, uses chosen and estimated durations, and reports missing places', () => {
    const plan = planTrip(trip, places, here);
    expect(plan.stops.map((stop) => stop.id)).toEqual([START_POSITION_ID, 'aegean-mall', 'zhangba-longan-forest']);
    expect(plan.stops.map((stop) => [stop.visitMinutes, stop.visitMinutesIsEstimate])).toEqual([
      [0, false],
      [200, false],
      [120, true],
    ]);
    expect(plan.notices).toHaveLength(1);
    expect(plan.notices[0]!.en).toContain('gone');
  });

  test('totals add up the legs and the schedule runs past midnight', () => {
    const plan = planTrip(trip, places, here);
    const straight =
      geodesicDistance(here, places.find((place) => place.id === 'aegean-mall')!.point) +
      geodesicDistance(
        places.find((place) => place.id === 'aegean-mall')!.point,
        places.find((place) => place.id === 'zhangba-longan-forest')!.point,
      );
    expect(plan.totals.straightDistanceMetres).toBeCloseTo(straight, 6);
    expect(plan.totals.routeDistanceMetres).toBeCloseTo(straight * DETOUR_FACTOR, 6);
    expect(plan.schedule.end.day).toBe(1);
    expect(plan.schedule.totals.visitMinutes).toBe(320);
  });

  test('without a browser location the trip starts at its first place and says so', () => {
    const plan = planTrip(trip, places, null);
    expect(plan.stops[0]!.id).toBe('aegean-mall');
    expect(plan.notices.map((notice) => notice.en).join(' ')).toContain('location is not available');
  });
});

test('an empty trip plans to nothing without failing', () => {
  const plan = planTrip(emptyTrip(), places);
  expect(plan.stops).toEqual([]);
  expect(plan.legs).toEqual([]);
  expect(plan.totals).toEqual({ straightDistanceMetres: 0, routeDistanceMetres: 0 });
  expect(plan.schedule.end).toEqual(plan.schedule.start);
  expect(optimiseTrip(emptyTrip(), places).method).toBe('unchanged');
});

describe('optimiseTrip', () => {
  test('reorders places into the shortest order, keeping a first-stop start first', () => {
    const ids = [
      'jiangyang-government',
      'taian-riverside-belt',
      'aegean-mall',
      'zhangba-longan-forest',
      'innovation-centre',
    ];
    const trip: TripState = { ...emptyTrip(), stops: ids.map((id) => ({ id })) };
    const { trip: optimised, method } = optimiseTrip(trip, places);
    expect(method).toBe('exact');
    expect(optimised.stops[0]!.id).toBe('jiangyang-government');
    expect(new Set(optimised.stops.map((stop) => stop.id))).toEqual(new Set(ids));
    const lengthOf = (state: TripState) => planTrip(state, places).totals.straightDistanceMetres;
    expect(lengthOf(optimised)).toBeLessThan(lengthOf(trip));
    // The optimiser's own cost for its order equals what the plan measures.
    const points = optimised.stops.map((stop) => places.find((place) => place.id === stop.id)!.point);
    expect(
      orderCost(
        distanceMatrix(points),
        points.map((_, index) => index),
        { roundTrip: false },
      ),
    ).toBeCloseTo(lengthOf(optimised), 6);
  });

  test('keeps chosen durations with their places and leaves unknown places at the end', () => {
    const trip: TripState = {
      ...emptyTrip(),
      start: { kind: 'point', point: [105.53, 28.875] },
      stops: [
        { id: 'jiangyang-government' },
        { id: 'gone' },
        { id: 'aegean-mall', visitMinutes: 15 },
        { id: 'taian-riverside-belt' },
      ],
    };
    const { trip: optimised } = optimiseTrip(trip, places);
    // From the riverside start the nearest place is the riverside belt itself, the government seat farthest.
    expect(optimised.stops).toEqual([
      { id: 'taian-riverside-belt' },
      { id: 'aegean-mall', visitMinutes: 15 },
      { id: 'jiangyang-government' },
      { id: 'gone' },
    ]);
  });
});

describe('a trip that arrives at and leaves from a station or airport', () => {
  const hub = (id: string, point: [number, number]): VisitPlace => ({
    id,
    layerId: 'transport',
    nameZh: id,
    nameEn: id,
    kind: 'railway-station',
    category: 'transport',
    point,
    visitPoint: 'position',
    approximate: false,
    confidence: 'high',
    positionIsSchematic: false,
    source: 'OSM',
    visitMinutes: 0,
    visitMinutesIsEstimate: true,
  });
  // The station lies east of every place, the airport north-west: a free optimiser would put them mid-trip.
  const withHubs = [...places, hub('station-east', [105.636, 29.061]), hub('airport-north', [105.469, 29.031])];
  const visits = places.slice(0, 4).map((place) => ({ id: place.id }));

  test('keeps the station first and the airport last when the order between is optimised', () => {
    const trip: TripState = {
      ...emptyTrip(),
      stops: [{ id: 'station-east' }, ...[...visits].reverse(), { id: 'airport-north' }],
    };
    const optimised = optimiseTrip(trip, withHubs).trip;
    expect(optimised.stops[0]!.id).toBe('station-east');
    expect(optimised.stops.at(-1)!.id).toBe('airport-north');
    expect(new Set(optimised.stops.map((stop) => stop.id))).toEqual(new Set(trip.stops.map((stop) => stop.id)));
    // The places between are in the shortest order from the station.
    const points = (stops: TripState['stops']) =>
      stops.map((stop) => withHubs.find((place) => place.id === stop.id)!.point);
    const cost = (stops: TripState['stops']) =>
      orderCost(
        distanceMatrix(points(stops.slice(0, -1))),
        stops.slice(0, -1).map((_, index) => index),
        { roundTrip: false },
      );
    expect(cost(optimised.stops)).toBeLessThanOrEqual(cost(trip.stops) + 1e-6);
  });

  test('spends no visit time at a station and plans the legs from its surveyed position', () => {
    const plan = planTrip({ ...emptyTrip(), stops: [{ id: 'station-east' }, visits[0]!] }, withHubs);
    expect(plan.stops[0]).toMatchObject({
      id: 'station-east',
      point: [105.636, 29.061],
      visitMinutes: 0,
      approximate: false,
      category: 'transport',
    });
    expect(plan.legs).toHaveLength(1);
  });
});
