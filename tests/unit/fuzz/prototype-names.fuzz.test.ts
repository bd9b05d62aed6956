/**
 * Issue 12: property names such as `__proto__`, `constructor` and `prototype` in a file or a link
 * never change any object's prototype, in any reader, and a feature keeps such a key as data.
 * Each case is checked in node right after the reader ran: `({}).polluted` is undefined,
 * Object.prototype has the same keys, and the parsed object still has Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { readUrlState } from '../../../src/state/url-state.ts';
import { decodeTrip } from '../../../src/trip/trip-url-codec.ts';
import { decodeShapes } from '../../../src/state/drawn-shapes-codec.ts';
import { FUZZ_TIMEOUT_MS, fuzzParameters, prototypeKeys, utf8 } from './fuzz-settings.ts';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype'] as const;
const name = fc.constantFrom(...PROTOTYPE_NAMES);
/** A payload that would show up on every object if it ever became a prototype. */
const payload = fc.constantFrom(
  '{"polluted":true}',
  '{"prototype":{"polluted":true}}',
  '{"__proto__":{"polluted":true}}',
  '"polluted"',
  '[1,2]',
  'null',
);

function expectNothingPolluted(prototypeBefore: string[]): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.create(null).polluted).toBeUndefined();
  expect(prototypeKeys()).toEqual(prototypeBefore);
}

function expectKeptAsData(
  properties: Record<string, unknown> | null | undefined,
  key: string,
  payloadText: string,
): void {
  expect(properties).toBeTruthy();
  expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  expect(Object.hasOwn(properties!, key), key).toBe(true);
  expect(JSON.stringify(Object.getOwnPropertyDescriptor(properties!, key)!.value)).toBe(
    JSON.stringify(JSON.parse(payloadText)),
  );
}

describe('prototype names in a GeoJSON file', () => {
  it('stay data in the feature properties, at every level, through every coordinate system', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    const prototypeBefore = prototypeKeys();
    await fc.assert(
      fc.asyncProperty(
        name,
        payload,
        name,
        fc.constantFrom('wgs84' as const, 'gcj02' as const, 'bd09' as const),
        fc.boolean(),
        async (key, payloadText, outerKey, coordinateSystem, bom) => {
          const feature = `{"type":"Feature","${outerKey}":${payloadText},"geometry":{"type":"Polygon","${outerKey}":${payloadText},"coordinates":[[[105.4,28.9],[105.41,28.9],[105.41,28.91],[105.4,28.91],[105.4,28.9]]]},"properties":{"${key}":${payloadText},"name":"地块"}}`;
          const text = `${bom ? '\uFEFF' : ''}{"type":"FeatureCollection","${outerKey}":${payloadText},"features":[${feature}]}`;

          const parsed = parseGeoJson(text, 'proto.geojson');
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expectKeptAsData(parsed.collection.features[0]!.properties, key, payloadText);
          expectNothingPolluted(prototypeBefore);

          const outcome = await importBytes({
            bytes: utf8(text),
            fileName: 'proto.geojson',
            coordinateSystem,
            boundaries: null,
          });
          expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
          if (!outcome.ok) return;
          expectKeptAsData(outcome.collection.features[0]!.properties, key, payloadText);
          expect(outcome.summary.propertyNames).toContain(key);
          // The text handed to the map (and to a worker's structured clone) keeps the key too.
          if (outcome.geoJsonText !== null)
            expectKeptAsData(JSON.parse(outcome.geoJsonText).features[0].properties, key, payloadText);
          expectKeptAsData(structuredClone(outcome.collection.features[0]!.properties), key, payloadText);
          expectNothingPolluted(prototypeBefore);
        },
      ),
      fuzzParameters(0.5),
    );
  });
});

describe('prototype names in KML and GPX', () => {
  it('never change a prototype, and KML Data keeps them as data', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const prototypeBefore = prototypeKeys();
    await fc.assert(
      fc.asyncProperty(name, name, async (key, elementName) => {
        const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Schema name="${key}" id="s"><SimpleField name="${key}" type="string"/></Schema><Folder><name>${key}</name><Placemark><name>${key}</name><ExtendedData><Data name="${key}"><value>polluted</value></Data><SchemaData schemaUrl="#s"><SimpleData name="${key}">polluted</SimpleData></SchemaData></ExtendedData><Point><coordinates>105.43,28.88</coordinates></Point></Placemark></Folder></Document></kml>`;
        const kmlOutcome = await importBytes({
          bytes: utf8(kml),
          fileName: 'proto.kml',
          coordinateSystem: 'wgs84',
          boundaries: null,
        });
        expect(kmlOutcome.ok).toBe(true);
        if (kmlOutcome.ok) expectKeptAsData(kmlOutcome.collection.features[0]!.properties, key, '"polluted"');
        expectNothingPolluted(prototypeBefore);

        const gpx = `<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1" xmlns:x="urn:x"><wpt lat="28.88" lon="105.43"><name>${key}</name><extensions><x:${elementName}>polluted</x:${elementName}></extensions></wpt><trk><name>t</name><trkseg><trkpt lat="28.88" lon="105.43"><extensions><${elementName}>1</${elementName}></extensions></trkpt><trkpt lat="28.89" lon="105.44"><extensions><${elementName}>2</${elementName}></extensions></trkpt></trkseg></trk></gpx>`;
        const gpxOutcome = await importBytes({
          bytes: utf8(gpx),
          fileName: 'proto.gpx',
          coordinateSystem: 'wgs84',
          boundaries: null,
        });
        expect(gpxOutcome.ok).toBe(true);
        if (gpxOutcome.ok)
          for (const feature of gpxOutcome.collection.features)
            expect(Object.getPrototypeOf(feature.properties)).toBe(Object.prototype);
        expectNothingPolluted(prototypeBefore);
      }),
      fuzzParameters(0.25),
    );
  });
});

describe('prototype names in a CSV point table', () => {
  it('stay data in the feature properties', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const prototypeBefore = prototypeKeys();
    await fc.assert(
      fc.asyncProperty(name, async (key) => {
        const csv = `longitude,latitude,${key}\r\n105.43,28.88,polluted\r\n`;
        const outcome = await importBytes({
          bytes: utf8(csv),
          fileName: 'proto.csv',
          coordinateSystem: 'wgs84',
          boundaries: null,
        });
        expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
        if (outcome.ok) expectKeptAsData(outcome.collection.features[0]!.properties, key, '"polluted"');
        expectNothingPolluted(prototypeBefore);
      }),
      fuzzParameters(0.25),
    );
  });
});

describe('prototype names in links and stored shapes', () => {
  it('never change a prototype in the URL state, the trip link or the stored shapes', () => {
    const prototypeBefore = prototypeKeys();
    fc.assert(
      fc.property(name, payload, (key, payloadText) => {
        readUrlState(
          `?${key}=1&${key}[polluted]=1&view=105.4,28.9,12&layers=${key}`,
          `#${key}=x&feature=${key}/${key}`,
        );
        const trip = decodeTrip(
          `1wr0900f.${key}.${key}*30.constructor.prototype`,
          new Set([key, 'constructor', 'prototype']),
        );
        expect(trip.trip.stops.map((stop) => stop.id)).toContain(key);
        const stored = JSON.parse(
          `{"version":1,"${key}":${payloadText},"shapes":[{"${key}":${payloadText},"id":"a","tool":"line","name":"${key}","geometry":{"${key}":${payloadText},"type":"LineString","coordinates":[[105.4,28.9],[105.41,28.9]]}}]}`,
        );
        const decoded = decodeShapes(stored);
        expect(decoded.shapes).toHaveLength(1);
        expect(Object.getPrototypeOf(decoded.shapes[0])).toBe(Object.prototype);
        expect(decoded.shapes[0]!.name).toBe(key);
        expectNothingPolluted(prototypeBefore);
      }),
      fuzzParameters(0.25),
    );
  });
});
