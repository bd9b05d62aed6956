import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { LineString, Point } from 'geojson';
import { describe, expect, test } from 'vitest';
import { tripToGpx } from '../../../src/trip/gpx.ts';
import { planTrip } from '../../../src/trip/plan-trip.ts';
import { tripToGeoJson, type TripLegProperties, type TripStopProperties } from '../../../src/trip/trip-geojson.ts';
import { emptyTrip, type TripState } from '../../../src/trip/trip-state.ts';
import { visitPlaces } from '../../../src/trip/visit-places.ts';
import { xmlText } from '../../../src/trip/xml-text.ts';
import { HOSTILE_NAME, sampleDataset } from '../../fixtures/trip/sample-dataset.ts';

const { places } = visitPlaces(sampleDataset);
const trip: TripState = {
  ...emptyTrip(),
  roundTrip: true,
  start: { kind: 'point', point: [105.5, 28.87] },
  stops: [{ id: 'taian-riverside-belt' }, { id: 'aegean-mall' }, { id: 'jiangyang-government' }],
};
const plan = planTrip(trip, places);

function parseXml(text: string) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'text/xml');
  return { document, errors };
}

describe('GPX export', () => {
  test('parses back to the same waypoints and route, hostile names intact', () => {
    const text = tripToGpx(plan, { name: `Day out & <back> "${HOSTILE_NAME}"` });
    const { document, errors } = parseXml(text);
    expect(errors).toEqual([]);
    expect(document.documentElement!.getAttribute('version')).toBe('1.1');
    const collection = gpx(document);
    const waypoints = collection.features.filter((feature) => feature.geometry?.type === 'Point');
    expect(waypoints.map((feature) => feature.properties?.['name'])).toEqual([
      '起点 Start',
      HOSTILE_NAME,
      '爱琴海购物公园 Aegean Shopping Park',
      '江阳区人民政府 Jiangyang District Government',
    ]);
    waypoints.forEach((feature, index) => {
      const [longitude, latitude] = (feature.geometry as Point).coordinates;
      expect(longitude).toBeCloseTo(plan.stops[index]!.point[0], 7);
      expect(latitude).toBeCloseTo(plan.stops[index]!.point[1], 7);
    });
    const route = collection.features.find((feature) => feature.geometry?.type === 'LineString')!;
    expect(route.properties?.['name']).toBe(`Day out & <back> "${HOSTILE_NAME}"`);
    const routeCoordinates = (route.geometry as LineString).coordinates;
    // A round trip ends where it started.
    expect(routeCoordinates).toHaveLength(plan.stops.length + 1);
    expect(routeCoordinates.at(-1)).toEqual(routeCoordinates[0]);
    expect(routeCoordinates[1]![0]).toBeCloseTo(plan.stops[1]!.point[0], 7);
  });

  test('marks approximate positions and never writes exponent notation', () => {
    const tiny = planTrip(
      { ...emptyTrip(), start: { kind: 'point', point: [1e-7, -1e-8] }, stops: [{ id: 'aegean-mall' }] },
      places,
    );
    const text = tripToGpx(tiny, { name: 't' });
    expect(text).not.toMatch(/="[^"]*e-/);
    expect(text).toContain('lat="-0.0000000" lon="0.0000001"');
    expect(text).toContain('approximate position');
  });

  test('characters XML cannot hold become U+FFFD instead of breaking the file', () => {
    const text = tripToGpx(plan, { name: 'bell\u0007 and lone \uD800 surrogate' });
    const { document, errors } = parseXml(text);
    expect(errors).toEqual([]);
    expect(
      gpx(document).features.find((feature) => feature.geometry?.type === 'LineString')!.properties?.['name'],
    ).toBe('bell\uFFFD and lone \uFFFD surrogate');
    expect(xmlText(`'"`)).toBe('&apos;&quot;');
  });
});

describe('GeoJSON export', () => {
  const collection = tripToGeoJson(plan);
  test('has a point per stop and a straight line per leg, joined end to end', () => {
    const stops = collection.features.filter((feature) => feature.properties.role === 'stop');
    const legs = collection.features.filter((feature) => feature.properties.role === 'leg');
    expect(stops).toHaveLength(plan.stops.length);
    expect(legs).toHaveLength(plan.stops.length);
    legs.forEach((leg, index) => {
      const [from, to] = (leg.geometry as LineString).coordinates;
      expect(from).toEqual((stops[index]!.geometry as Point).coordinates);
      expect(to).toEqual((stops[(index + 1) % stops.length]!.geometry as Point).coordinates);
      expect((leg.properties as TripLegProperties).straight_line).toBe(true);
    });
  });
  test('carries order, times, names as given, and labels estimates', () => {
    const belt = collection.features.find(
      (feature) =>
        feature.properties.role === 'stop' && (feature.properties as TripStopProperties).id === 'taian-riverside-belt',
    )!;
    expect(belt.properties).toMatchObject({
      order: 1,
      name_zh: HOSTILE_NAME,
      approximate: true,
      visit_minutes_is_estimate: true,
      arrival: expect.stringMatching(/^\d\d:\d\d/),
    });
    const parsed = JSON.parse(JSON.stringify(collection));
    expect(parsed).toEqual(collection);
  });
});
