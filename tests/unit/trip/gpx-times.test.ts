import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { plannedInstant, tripToGpx, zoneDateOf } from '../../../src/trip/gpx.ts';
import { planTrip } from '../../../src/trip/plan-trip.ts';
import { emptyTrip, type TripState } from '../../../src/trip/trip-state.ts';
import { visitPlaces } from '../../../src/trip/visit-places.ts';
import { sampleDataset } from '../../fixtures/trip/sample-dataset.ts';

const { places } = visitPlaces(sampleDataset);
const trip: TripState = {
  ...emptyTrip(),
  roundTrip: true,
  startMinute: 8 * 60 + 30,
  start: { kind: 'point', point: [105.5, 28.87] },
  stops: [{ id: 'taian-riverside-belt' }, { id: 'aegean-mall' }],
};
const plan = planTrip(trip, places);

const parse = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
const childTexts = (document: ReturnType<typeof parse>, parent: string, child: string): (string | null)[] =>
  Array.from(document.getElementsByTagName(parent)).map(
    (element) => element.getElementsByTagName(child)[0]?.textContent ?? null,
  );

/** The UTC instant of a local 泸州 clock reading, computed independently of the code under test. */
const utcOf = (localIso: string): string => new Date(`${localIso}+08:00`).toISOString().replace('.000Z', 'Z');

describe('GPX planned times', () => {
  it('gives each waypoint its planned time in UTC: the start its departure, later stops their arrival', () => {
    const document = parse(tripToGpx(plan, { name: 'day', date: '2026-12-02' }));
    const times = childTexts(document, 'wpt', 'time');
    expect(times).toHaveLength(plan.stops.length);
    // 08:30 in 泸州 is 00:30 UTC the same day.
    expect(times[0]).toBe('2026-12-02T00:30:00Z');
    plan.schedule.stops.slice(1).forEach((stop, offset) => {
      const local = `2026-12-02T${stop.arrival!.clock}:00`;
      expect(times[offset + 1]).toBe(utcOf(local));
    });
    // Times never go backwards along the day.
    const instants = times.map((time) => Date.parse(time!));
    expect(instants).toEqual([...instants].sort((left, right) => left - right));
  });

  it('times the route points too, the return included, and reads back through a GPX reader', () => {
    const text = tripToGpx(plan, { name: 'day', date: '2026-12-02' });
    const document = parse(text);
    const routeTimes = childTexts(document, 'rtept', 'time');
    expect(routeTimes).toHaveLength(plan.stops.length + 1);
    expect(routeTimes.at(-1)).toBe(utcOf(`2026-12-02T${plan.schedule.returnArrival!.clock}:00`));
    const waypoints = gpx(document).features.filter((feature) => feature.geometry?.type === 'Point');
    expect(waypoints[0]!.properties?.['time']).toBe('2026-12-02T00:30:00Z');
  });

  it('writes the start in the first waypoint and <time> before <name>, as GPX 1.1 orders them', () => {
    const text = tripToGpx(plan, { name: 'day', date: '2026-12-02' });
    expect(text).toMatch(/<wpt [^>]*>\s*<time>[^<]+<\/time>\s*<name>起点/);
    expect(parse(text).getElementsByTagName('wpt')[0]!.getElementsByTagName('desc')[0]!.textContent).toContain(
      'start 出发 08:30',
    );
  });

  it('carries a trip past midnight onto the next day', () => {
    const late = planTrip({ ...trip, startMinute: 23 * 60 + 50 }, places);
    const times = childTexts(parse(tripToGpx(late, { name: 'late', date: '2026-12-31' })), 'wpt', 'time');
    expect(times[0]).toBe('2026-12-31T15:50:00Z');
    const lastArrival = late.schedule.stops.at(-1)!.arrival!;
    expect(lastArrival.day).toBe(1);
    expect(times.at(-1)).toBe(utcOf(`2027-01-01T${lastArrival.clock}:00`));
  });

  it('writes no time without a real date', () => {
    for (const date of [undefined, '', '2026-02-30', '2026-13-01', '02/12/2026', '2026-12-02T08:00']) {
      const text = tripToGpx(plan, { name: 'day', ...(date === undefined ? {} : { date }) });
      expect(text, String(date)).not.toContain('<time>');
    }
  });

  it('finds the day in 泸州, eight hours ahead of UTC', () => {
    expect(zoneDateOf(new Date('2026-12-01T15:59:00Z'))).toBe('2026-12-01');
    expect(zoneDateOf(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
    expect(plannedInstant('2026-12-02', 0)).toBe('2026-12-01T16:00:00Z');
  });
});
