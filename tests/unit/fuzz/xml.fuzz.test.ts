/**
 * Issue 12, fuzzing instead of examples: KML and GPX files into `importBytes`. Random valid
 * files measure what GeographicLib measures (areas of KML rectangles, lengths of GPX tracks);
 * damaged ones (cut, flipped, nested thousands deep, odd Unicode, BOM, CRLF) give a result or
 * one message naming the file, never an exception.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { Geodesic } from '../../../src/geo/geographiclib.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';
import { FUZZ_TIMEOUT_MS, fuzzParameters, thrownBy, utf8 } from './fuzz-settings.ts';
import { applyTextMutation, textMutation } from './mutations.ts';

const RELATIVE_ACCURACY = 1e-6;
const LONGEST_MESSAGE = 600;

/** Text XML can carry: no control characters, no lone surrogates, no U+FFFE/FFFF. */
const xmlText = fc
  .string({ unit: 'grapheme', maxLength: 16 })
  .map((text) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

/**
 * As a careful writer escapes: markup characters, and the characters an XML parser turns into a
 * plain line feed when written literally (CR by the XML 1.0 rules; xmldom also takes U+0085,
 * U+2028 and U+2029 for line ends), as character references.
 */
function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\r\u0085\u2028\u2029]/g, (character) => `&#${character.charCodeAt(0)};`);
}

const box = fc.record({
  west: fc.double({ min: 105, max: 106, noNaN: true }),
  south: fc.double({ min: 28.5, max: 29.5, noNaN: true }),
  width: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
  height: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
});

const placemark = fc.record({
  box,
  name: xmlText,
  dataName: fc.oneof(xmlText, fc.constantFrom('__proto__', 'constructor', 'prototype')),
  dataValue: xmlText,
  folder: fc.option(xmlText),
});

type Placemark = typeof placemark extends fc.Arbitrary<infer Value> ? Value : never;

function kmlOf(placemarks: Placemark[]): string {
  const body = placemarks
    .map(({ box: { west, south, width, height }, name, dataName, dataValue, folder }) => {
      const ring = (rectangle(west, south, west + width, south + height) as { coordinates: number[][][] })
        .coordinates[0]!;
      const mark = `<Placemark><name>${escapeXml(name)}</name><ExtendedData><Data name="${escapeXml(dataName)}"><value>${escapeXml(dataValue)}</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring.map((position) => position.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
      return folder === null ? mark : `<Folder><name>${escapeXml(folder)}</name>${mark}</Folder>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n${body}\n</Document>\n</kml>\n`;
}

const trackPoint = fc.record({
  longitude: fc.double({ min: 105, max: 106, noNaN: true }),
  latitude: fc.double({ min: 28.5, max: 29.5, noNaN: true }),
});
const track = fc.record({ name: xmlText, points: fc.array(trackPoint, { minLength: 2, maxLength: 12 }) });
type Track = typeof track extends fc.Arbitrary<infer Value> ? Value : never;

function gpxOf(tracks: Track[]): string {
  const body = tracks
    .map(
      ({ name, points }) =>
        `<trk><name>${escapeXml(name)}</name><trkseg>${points.map(({ longitude, latitude }) => `<trkpt lat="${latitude}" lon="${longitude}"/>`).join('')}</trkseg></trk>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="fuzz" xmlns="http://www.topografix.com/GPX/1/1">\n${body}\n</gpx>\n`;
}

function geodesicLength(points: { longitude: number; latitude: number }[]): number {
  let total = 0;
  for (let index = 1; index < points.length; index++) {
    const from = points[index - 1]!;
    const to = points[index]!;
    total += Geodesic.WGS84.Inverse(from.latitude, from.longitude, to.latitude, to.longitude).s12 ?? Number.NaN;
  }
  return total;
}

const writing = fc.record({ crlf: fc.boolean(), bom: fc.boolean() });
function write(text: string, style: { crlf: boolean; bom: boolean }): string {
  return (style.bom ? '\uFEFF' : '') + (style.crlf ? text.replace(/\n/g, '\r\n') : text);
}

describe('KML into importBytes, fuzzed', () => {
  it('measures random valid placemarks as GeographicLib does, and keeps every Data name as data', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(placemark, { minLength: 1, maxLength: 6 }), writing, async (placemarks, style) => {
        const outcome = await importBytes({
          bytes: utf8(write(kmlOf(placemarks), style)),
          fileName: 'random.kml',
          coordinateSystem: 'wgs84',
          boundaries: null,
        });
        expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.collection.features).toHaveLength(placemarks.length);
        placemarks.forEach(({ box: { west, south, width, height }, dataName, dataValue }, index) => {
          const expected = geographicLibArea(rectangle(west, south, west + width, south + height));
          expect(Math.abs(outcome.featureAreasM2[index]! - expected)).toBeLessThanOrEqual(RELATIVE_ACCURACY * expected);
          const properties = outcome.collection.features[index]!.properties!;
          expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
          // An empty name is no name; any other is a key whose value is the text, never a prototype.
          if (dataName.trim() !== '' && dataName !== 'name')
            expect(Object.hasOwn(properties, dataName) ? properties[dataName] : '(missing)').toBe(dataValue);
        });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      fuzzParameters(0.5),
    );
  });

  it('gives a result or one message naming the file for a damaged KML, never an exception', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(placemark, { minLength: 1, maxLength: 4 }),
        writing,
        fc.array(textMutation, { minLength: 1, maxLength: 3 }),
        async (placemarks, style, mutations) => {
          const text = mutations.reduce(applyTextMutation, write(kmlOf(placemarks), style));
          let outcome: Awaited<ReturnType<typeof importBytes>> | undefined;
          const thrown = await thrownBy(async () => {
            outcome = await importBytes({
              bytes: utf8(text),
              fileName: 'damaged.kml',
              coordinateSystem: 'wgs84',
              boundaries: null,
            });
          });
          expect(thrown === undefined ? 'no exception' : String(thrown)).toBe('no exception');
          if (outcome && !outcome.ok) {
            expect(outcome.message.startsWith('damaged.kml')).toBe(true);
            expect(outcome.message.length).toBeLessThanOrEqual('damaged.kml'.length + LONGEST_MESSAGE);
          }
        },
      ),
      fuzzParameters(0.5),
    );
  });
});

describe('GPX into importBytes, fuzzed', () => {
  it('measures random valid tracks as GeographicLib does', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(track, { minLength: 1, maxLength: 4 }), writing, async (tracks, style) => {
        const outcome = await importBytes({
          bytes: utf8(write(gpxOf(tracks), style)),
          fileName: 'random.gpx',
          coordinateSystem: 'wgs84',
          boundaries: null,
        });
        expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
        if (!outcome.ok) return;
        const expected = tracks.reduce((sum, { points }) => sum + geodesicLength(points), 0);
        expect(Math.abs(outcome.summary.totalLengthM - expected)).toBeLessThanOrEqual(
          RELATIVE_ACCURACY * expected + 1e-6,
        );
        expect(outcome.summary.measurement.totalAreaM2).toBe(0);
      }),
      fuzzParameters(0.5),
    );
  });

  it('gives a result or one message naming the file for a damaged GPX, never an exception', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(track, { minLength: 1, maxLength: 3 }),
        writing,
        fc.array(textMutation, { minLength: 1, maxLength: 3 }),
        async (tracks, style, mutations) => {
          const text = mutations.reduce(applyTextMutation, write(gpxOf(tracks), style));
          let outcome: Awaited<ReturnType<typeof importBytes>> | undefined;
          const thrown = await thrownBy(async () => {
            outcome = await importBytes({
              bytes: utf8(text),
              fileName: 'damaged.gpx',
              coordinateSystem: 'wgs84',
              boundaries: null,
            });
          });
          expect(thrown === undefined ? 'no exception' : String(thrown)).toBe('no exception');
          if (outcome && !outcome.ok) {
            expect(outcome.message.startsWith('damaged.gpx')).toBe(true);
            expect(outcome.message.length).toBeLessThanOrEqual('damaged.gpx'.length + LONGEST_MESSAGE);
          }
        },
      ),
      fuzzParameters(0.5),
    );
  });
});
