/**
 * Stops from the visitor's own file (an imported point): planned, ordered and scheduled like any
 * place, carried in the trip link (version 2) while version-1 links still read, and a hostile or
 * broken name or position from a link stays harmless text or is dropped with a reason.
 */
import { describe, expect, test } from 'vitest';
import { geodesicDistance } from '../../../src/trip/distance.ts';
import { amapMarkerUrl, placeLinks, wgs84ToGcj02 } from '../../../src/trip/navigation-links.ts';
import { optimiseTrip, planTrip } from '../../../src/trip/plan-trip.ts';
import { tripToGeoJson } from '../../../src/trip/trip-geojson.ts';
import { tripToGpx } from '../../../src/trip/gpx.ts';
import {
  CUSTOM_STOP_VISIT_MINUTES,
  customStop,
  emptyTrip,
  MAXIMUM_CUSTOM_NAME_LENGTH,
  MAXIMUM_TRIP_STOPS,
  type TripState,
  type TripStopChoice,
} from '../../../src/trip/trip-state.ts';
import { decodeTrip, encodeTrip, MAXIMUM_LINK_LENGTH } from '../../../src/trip/trip-url-codec.ts';
import { visitPlaces } from '../../../src/trip/visit-places.ts';
import { withCustomStopsAdded, withVisitMinutes } from '../../../src/state/trip-edits.ts';
import { sampleDataset } from '../../fixtures/trip/sample-dataset.ts';

const { places } = visitPlaces(sampleDataset);
const knownIds = new Set(places.map((place) => place.id));

function fileStop(name: string, longitude: number, latitude: number): TripStopChoice {
  const stop = customStop(name, [longitude, latitude]);
  if (!stop) throw new Error(`not a stop: ${name}`);
  return stop;
}

const jiangyang = fileStop('江阳区', 105.410351, 28.851479);
const naxi = fileStop('纳溪区', 105.397322, 28.644102);

function carried(text: string): string {
  const parameters = new URLSearchParams();
  parameters.set('trip', text);
  return new URLSearchParams(parameters.toString()).get('trip')!;
}

describe('customStop', () => {
  test('rounds the position to the link grid and keeps the name as plain text', () => {
    expect(jiangyang).toEqual({
      id: '@file:10541035_2885148',
      custom: { name: '江阳区', point: [105.41035, 28.85148] },
    });
  });

  test('refuses non-finite or out-of-range positions and empty names', () => {
    expect(customStop('a', [Number.NaN, 28])).toBeNull();
    expect(customStop('a', [105, Number.POSITIVE_INFINITY])).toBeNull();
    expect(customStop('a', [181, 28])).toBeNull();
    expect(customStop('a', [105, -90.5])).toBeNull();
    expect(customStop('a', ['105', 28])).toBeNull();
    expect(customStop(' \u0000\t\u202E ', [105, 28])).toBeNull();
  });

  test('strips control and bidi characters and caps the length', () => {
    expect(customStop('A\u0000B\u202Ec\nd', [105, 28])!.custom!.name).toBe('A B c d');
    const long = customStop('长'.repeat(500), [105, 28])!.custom!.name;
    expect(Array.from(long)).toHaveLength(MAXIMUM_CUSTOM_NAME_LENGTH);
  });
});

describe('trip link with stops from a file', () => {
  const trip: TripState = {
    ...emptyTrip(),
    mode: 'cycling',
    stops: [{ id: 'aegean-mall' }, jiangyang, { ...naxi, visitMinutes: 45 }],
  };

  test('round-trips through a URL parameter exactly, as version 2, with no problem', () => {
    const text = encodeTrip(trip);
    expect(text.startsWith('2')).toBe(true);
    expect(text).toContain('~10541035*2885148*');
    const decoded = decodeTrip(carried(text), knownIds);
    expect(decoded.problems).toEqual([]);
    expect(decoded.trip).toEqual(trip);
    expect(encodeTrip(decoded.trip)).toBe(text);
  });

  test('a trip without file stops is still written as version 1, and version-1 links still read', () => {
    const placesOnly: TripState = {
      ...trip,
      stops: [{ id: 'aegean-mall' }, { id: 'zhangba-longan-forest', visitMinutes: 90 }],
    };
    expect(encodeTrip(placesOnly)).toBe('1co0900f.aegean-mall.zhangba-longan-forest*90');
    expect(decodeTrip('1co0900f.aegean-mall.zhangba-longan-forest*90', knownIds)).toEqual({
      trip: placesOnly,
      problems: [],
    });
    // A version-1 link cannot hold a file stop: a '~' piece there is an unknown place, not a position.
    expect(decodeTrip('1wo0900f.~10541035*2885148*a', knownIds).problems.map((problem) => problem.code)).toEqual([
      'irregular-escape',
      'unknown-place',
    ]);
  });

  test('a hostile name from a link stays text, cleaned and capped, and the cut is reported', () => {
    const hostile = '<img src=x onerror=alert(1)>\u0000' + '字'.repeat(200);
    const text = `2wo0900f.~10541035*2885148*${encodeURIComponent(hostile)}`;
    const decoded = decodeTrip(carried(text), knownIds);
    const stop = decoded.trip.stops[0]!;
    expect(stop.custom!.name.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(Array.from(stop.custom!.name).length).toBeLessThanOrEqual(MAXIMUM_CUSTOM_NAME_LENGTH);
    expect(decoded.problems.map((problem) => problem.code)).toEqual(['file-stop-name-shortened']);
    // Exported as XML text, never markup.
    expect(tripToGpx(planTrip(decoded.trip, places), { name: 'trip' })).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test.each([
    ['non-integer coordinates', '~10541035e0*2885148*a'],
    ['longitude out of range', '~18000001*2885148*a'],
    ['latitude out of range', '~10541035*-9000001*a'],
    ['leading zeros', '~010541035*2885148*a'],
    ['missing latitude', '~10541035'],
    ['empty name', '~10541035*2885148*'],
    ['name of control characters only', '~10541035*2885148*%00%01'],
    ['broken escape', '~10541035*2885148*%E6%B1'],
    ['extra fields', '~10541035*2885148*a*30*9'],
  ])('drops a file stop with %s and says so, keeping the rest', (_label, piece) => {
    const decoded = decodeTrip(`2wo0900f.aegean-mall.${piece}`, knownIds);
    expect(decoded.trip.stops.map((stop) => stop.id)).toEqual(['aegean-mall']);
    expect(decoded.problems.map((problem) => problem.code)).toEqual(['bad-file-stop']);
  });

  test('a bad visit duration on a file stop falls back to the default, the stop is kept', () => {
    const decoded = decodeTrip('2wo0900f.~10541035*2885148*a*-5', knownIds);
    expect(decoded.trip.stops).toEqual([
      { id: '@file:10541035_2885148', custom: { name: 'a', point: [105.41035, 28.85148] } },
    ]);
    expect(decoded.problems.map((problem) => problem.code)).toEqual(['bad-duration']);
  });

  test('the same position twice is one stop; at most MAXIMUM_TRIP_STOPS are read', () => {
    expect(decodeTrip('2wo0900f.~1*1*a.~1*1*b').problems.map((problem) => problem.code)).toEqual(['duplicate-place']);
    const many = Array.from({ length: MAXIMUM_TRIP_STOPS + 3 }, (_, index) => `~${index}*0*p${index}`).join('.');
    const decoded = decodeTrip(`2wo0900f.${many}`);
    expect(decoded.trip.stops).toHaveLength(MAXIMUM_TRIP_STOPS);
    expect(decoded.problems.map((problem) => problem.code)).toEqual(['too-many-places']);
  });

  test('fifty file stops with the longest Chinese names fit in a link', () => {
    const stops = Array.from({ length: MAXIMUM_TRIP_STOPS }, (_, index) =>
      fileStop('泸'.repeat(MAXIMUM_CUSTOM_NAME_LENGTH), 105 + index / 1000, 28.9),
    );
    const text = encodeTrip({ ...emptyTrip(), stops: stops.map((stop) => ({ ...stop, visitMinutes: 1440 })) });
    expect(text.length).toBeLessThanOrEqual(MAXIMUM_LINK_LENGTH);
    expect(decodeTrip(text).problems).toEqual([]);
  });
});

describe('planning with stops from a file', () => {
  test('a file stop is scheduled with the stated default visit and its own name and position, marked as from the file', () => {
    const plan = planTrip({ ...emptyTrip(), stops: [{ id: 'aegean-mall' }, jiangyang] }, places);
    const stop = plan.stops[1]!;
    expect(stop).toMatchObject({
      nameZh: '江阳区',
      point: [105.41035, 28.85148],
      visitMinutes: CUSTOM_STOP_VISIT_MINUTES,
      visitMinutesIsEstimate: true,
      fromFile: true,
    });
    expect(stop.category).toBeUndefined();
    expect(plan.notices).toEqual([]);
    const aegean = places.find((place) => place.id === 'aegean-mall')!.point;
    expect(plan.legs[0]!.straightDistanceMetres).toBeCloseTo(geodesicDistance(aegean, [105.41035, 28.85148]), 6);
    expect(plan.schedule.totals.visitMinutes).toBe(90 + CUSTOM_STOP_VISIT_MINUTES);
  });

  test("a chosen duration is kept, and setting it keeps the stop's name and position", () => {
    const trip = withVisitMinutes({ ...emptyTrip(), stops: [jiangyang] }, jiangyang.id, 15);
    expect(trip.stops).toEqual([{ ...jiangyang, visitMinutes: 15 }]);
    expect(withVisitMinutes(trip, jiangyang.id, null).stops).toEqual([jiangyang]);
    expect(planTrip(trip, places).stops[0]!.visitMinutes).toBe(15);
  });

  test('adding points skips ones already there and stops at the trip limit', () => {
    const once = withCustomStopsAdded(emptyTrip(), [jiangyang, naxi, jiangyang]);
    expect(once.stops.map((stop) => stop.id)).toEqual([jiangyang.id, naxi.id]);
    expect(withCustomStopsAdded(once, [naxi])).toBe(once);
    const full = withCustomStopsAdded(
      emptyTrip(),
      Array.from({ length: MAXIMUM_TRIP_STOPS + 5 }, (_, index) => fileStop(`p${index}`, 105 + index / 100, 28.9)),
    );
    expect(full.stops).toHaveLength(MAXIMUM_TRIP_STOPS);
  });

  test('optimising orders file stops among places by distance and keeps their data', () => {
    // From a start further west, points in a line west to east, given scrambled: the shortest open path visits them in line.
    const west = fileStop('west', 105.4, 28.88);
    const middle = fileStop('middle', 105.45, 28.88);
    const trip: TripState = {
      ...emptyTrip(),
      start: { kind: 'point', point: [105.2, 28.88] },
      stops: [west, { id: 'aegean-mall' }, middle, { ...fileStop('far west', 105.3, 28.88), visitMinutes: 20 }],
    };
    const result = optimiseTrip(trip, places);
    expect(result.trip.stops.map((stop) => stop.custom?.name ?? stop.id)).toEqual([
      'far west',
      'west',
      'middle',
      'aegean-mall',
    ]);
    expect(result.trip.stops[0]).toEqual({ ...fileStop('far west', 105.3, 28.88), visitMinutes: 20 });
  });

  test('exports carry the file stop with its name and position, marked from_file in GeoJSON', () => {
    const plan = planTrip({ ...emptyTrip(), stops: [{ id: 'aegean-mall' }, jiangyang] }, places);
    const stopFeatures = tripToGeoJson(plan).features.filter((feature) => feature.properties.role === 'stop');
    expect(stopFeatures[1]!.geometry.coordinates).toEqual([105.41035, 28.85148]);
    expect(stopFeatures[1]!.properties).toMatchObject({ name_zh: '江阳区', from_file: true });
    expect(stopFeatures[0]!.properties).not.toHaveProperty('from_file');
    const gpx = tripToGpx(plan, { name: 'trip' });
    expect(gpx).toContain('<wpt lat="28.8514800" lon="105.4103500">');
    expect(gpx).toContain('江阳区');
    // A navigation app shows only the GPX: the waypoint itself says the position is the visitor's file's.
    const waypoints = gpx.split('<wpt ').slice(1);
    expect(waypoints[1]).toContain('from your file');
    expect(waypoints[0]).not.toContain('from your file');
  });

  test('navigation links go to the file position converted for 高德', () => {
    const links = placeLinks({ point: jiangyang.custom!.point, name: '江阳区', positionIsSchematic: false });
    expect(links.by).toBe('position');
    expect(links.amap).toBe(amapMarkerUrl({ point: jiangyang.custom!.point, name: '江阳区' }));
    const [longitude, latitude] = new URL(links.amap).searchParams.get('position')!.split(',').map(Number) as [
      number,
      number,
    ];
    // 高德 wants GCJ-02, a few hundred metres off WGS84 here: the link carries the converted position.
    expect(geodesicDistance([longitude, latitude], wgs84ToGcj02(jiangyang.custom!.point))).toBeLessThan(1);
    expect(geodesicDistance([longitude, latitude], jiangyang.custom!.point)).toBeGreaterThan(100);
  });
});
