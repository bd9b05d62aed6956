/**
 * Whole-pipeline fixtures: each tests/fixtures/trip/in/*.json holds a trip link; the link is decoded
 * against the sample dataset, optionally optimised, planned, and exported. The outputs must equal
 * tests/fixtures/trip/out/<name>.{geojson,gpx,json}; run with REGEN=1 to rewrite them after a
 * deliberate change, then read the diff (the .geojson opens in any GeoJSON viewer).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tripToGpx } from '../../../src/trip/gpx.ts';
import { optimiseTrip, planTrip } from '../../../src/trip/plan-trip.ts';
import { formatTripTime } from '../../../src/trip/schedule.ts';
import { tripToGeoJson } from '../../../src/trip/trip-geojson.ts';
import { decodeTrip, encodeTrip } from '../../../src/trip/trip-url-codec.ts';
import { visitPlaces } from '../../../src/trip/visit-places.ts';
import { sampleDataset } from '../../fixtures/trip/sample-dataset.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/trip');
const { places } = visitPlaces(sampleDataset);
const knownIds = new Set(places.map((place) => place.id));

function compareOrRegenerate(file: string, actual: string): void {
  const path = join(fixtures, 'out', file);
  if (process.env['REGEN']) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('trip fixtures', () => {
  for (const file of readdirSync(join(fixtures, 'in')).filter((name) => name.endsWith('.json'))) {
    const name = file.replace(/\.json$/, '');
    test(name, () => {
      const input = JSON.parse(readFileSync(join(fixtures, 'in', file), 'utf8')) as { link: string; optimise: boolean };
      const decoded = decodeTrip(input.link, knownIds);
      const trip = input.optimise ? optimiseTrip(decoded.trip, places).trip : decoded.trip;
      const plan = planTrip(trip, places);
      const summary = {
        problems: decoded.problems.map((problem) => ({
          code: problem.code,
          value: problem.value,
          en: problem.message.en,
        })),
        link: encodeTrip(trip),
        stops: plan.stops.map((stop, index) => {
          const scheduled = plan.schedule.stops[index]!;
          return `${stop.id} ${scheduled.arrival ? formatTripTime(scheduled.arrival) : '—'} → ${formatTripTime(scheduled.departure)}`;
        }),
        end: formatTripTime(plan.schedule.end),
        straightDistanceMetres: Math.round(plan.totals.straightDistanceMetres),
        routeDistanceMetres: Math.round(plan.totals.routeDistanceMetres),
        travelMinutes: Math.round(plan.schedule.totals.travelSeconds / 60),
      };
      compareOrRegenerate(`${name}.json`, `${JSON.stringify(summary, null, 2)}\n`);
      compareOrRegenerate(`${name}.geojson`, `${JSON.stringify(tripToGeoJson(plan), null, 2)}\n`);
      compareOrRegenerate(`${name}.gpx`, tripToGpx(plan, { name }));
    });
  }
});
