/**
 * Issue 12, fuzzing instead of examples: the GeoJSON readers (`parseGeoJson`, and the import path
 * `importBytes` the planner's dropped files take). Random valid collections measure what
 * GeographicLib measures, however they are written (indented, CRLF, BOM); damaged ones give a
 * result or one positioned message, never an exception.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';
import { FUZZ_TIMEOUT_MS, fuzzParameters, thrownBy, utf8 } from './fuzz-settings.ts';
import { applyTextMutation, oddText, textMutation } from './mutations.ts';

/** GeographicLib's own noise is a few 1e-5 m²; our area agrees to 1e-6 relative (tests/unit/geo/area.test.ts). */
const RELATIVE_ACCURACY = 1e-6;
/** GeographicLib's absolute noise, a few 1e-5 m² (tests/unit/geo/area.test.ts). */
const ORACLE_NOISE_M2 = 1e-4;
const LONGEST_MESSAGE = 600;

const propertyValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  oddText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

const box = fc.record({
  west: fc.double({ min: 105, max: 106, noNaN: true }),
  south: fc.double({ min: 28.5, max: 29.5, noNaN: true }),
  width: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
  height: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
});
type Box = typeof box extends fc.Arbitrary<infer Value> ? Value : never;
const ringOf = ({ west, south, width, height }: Box): Position[] =>
  (rectangle(west, south, west + width, south + height) as Polygon).coordinates[0]!;
/** The middle third of a box, as a hole: inside the outer ring by construction. */
const holeOf = ({ west, south, width, height }: Box): Position[] =>
  ringOf({ west: west + width / 3, south: south + height / 3, width: width / 3, height: height / 3 }).reverse();

/** Geometries built from known rectangles near Luzhou (10 m to 5 km a side), so GeographicLib knows their area. */
const geometry: fc.Arbitrary<Geometry | null> = fc.oneof(
  { weight: 4, arbitrary: box.map((outer): Geometry => ({ type: 'Polygon', coordinates: [ringOf(outer)] })) },
  box.map((outer): Geometry => ({ type: 'Polygon', coordinates: [ringOf(outer), holeOf(outer)] })),
  fc
    .array(box, { minLength: 1, maxLength: 3 })
    .map((boxes): Geometry => ({ type: 'MultiPolygon', coordinates: boxes.map((member) => [ringOf(member)]) })),
  box.map((outer): Geometry => ({ type: 'LineString', coordinates: ringOf(outer).slice(0, 3) })),
  box.map((outer): Geometry => ({ type: 'Point', coordinates: ringOf(outer)[0]! })),
  fc.constant(null),
);

const feature: fc.Arbitrary<Feature> = fc
  .record({
    geometry,
    properties: fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), oddText), propertyValue, { maxKeys: 5 }),
  })
  .map(({ geometry: shape, properties }) => ({ type: 'Feature', geometry: shape, properties }) as Feature);

const validCollection: fc.Arbitrary<FeatureCollection> = fc
  .array(feature, { minLength: 1, maxLength: 8 })
  .map((features) => ({ type: 'FeatureCollection', features }));

/** The ways a valid file is written: compact, indented, Windows line ends, with a UTF-8 BOM. */
const writing = fc.record({ indent: fc.constantFrom(0, 2, '\t'), crlf: fc.boolean(), bom: fc.boolean() });

function write(collection: FeatureCollection, style: { indent: number | string; crlf: boolean; bom: boolean }): string {
  let text = JSON.stringify(collection, null, style.indent);
  if (style.crlf) text = text.replace(/\n/g, '\r\n');
  return (style.bom ? '\uFEFF' : '') + text;
}

function expectOneLineMessage(message: string, fileName: string): void {
  expect(message.startsWith(fileName)).toBe(true);
  expect(message).not.toMatch(/[\r\n]/);
  expect(message.length).toBeLessThanOrEqual(fileName.length + LONGEST_MESSAGE);
}

describe('parseGeoJson, fuzzed', () => {
  it('reads every random valid collection back feature for feature', () => {
    fc.assert(
      fc.property(validCollection, writing, (collection, style) => {
        const parsed = parseGeoJson(write(collection, style), 'random.geojson');
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.collection.features.map((feature) => feature.geometry)).toEqual(
          collection.features.map((feature) => feature.geometry),
        );
        expect(parsed.nullGeometryCount).toBe(collection.features.filter((member) => member.geometry === null).length);
      }),
      fuzzParameters(),
    );
  });

  it('gives a result or one positioned message for a damaged file, never an exception', () => {
    fc.assert(
      fc.property(
        validCollection,
        writing,
        fc.array(textMutation, { minLength: 1, maxLength: 3 }),
        (collection, style, mutations) => {
          const text = mutations.reduce(applyTextMutation, write(collection, style));
          let parsed: ReturnType<typeof parseGeoJson> | undefined;
          expect(() => (parsed = parseGeoJson(text, 'damaged.geojson'))).not.toThrow();
          if (!parsed || parsed.ok) {
            // Bounded output: never more features than the text has characters for.
            if (parsed) expect(parsed.collection.features.length).toBeLessThanOrEqual(text.length / 20);
            return;
          }
          expectOneLineMessage(parsed.message, 'damaged.geojson');
          const positioned =
            (parsed.line !== null && parsed.column !== null) || parsed.path !== null || /empty/.test(parsed.message);
          expect(positioned, parsed.message).toBe(true);
          if (parsed.line !== null) {
            // The position is inside the text (line 1 … lines + 1, for "ends early").
            expect(parsed.line).toBeGreaterThanOrEqual(1);
            expect(parsed.line).toBeLessThanOrEqual(text.split('\n').length + 1);
          }
        },
      ),
      fuzzParameters(),
    );
  });
});

describe('importBytes on GeoJSON, fuzzed', () => {
  it('measures every random valid collection as GeographicLib does, however it is written', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(validCollection, writing, async (collection, style) => {
        const outcome = await importBytes({
          bytes: utf8(write(collection, style)),
          fileName: 'random.geojson',
          coordinateSystem: 'wgs84',
          boundaries: null,
        });
        expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
        if (!outcome.ok) return;
        collection.features.forEach((feature, index) => {
          const expected = geographicLibArea(feature.geometry);
          expect(Math.abs(outcome.featureAreasM2[index]! - expected)).toBeLessThanOrEqual(
            RELATIVE_ACCURACY * expected + ORACLE_NOISE_M2,
          );
        });
        const expectedTotal = collection.features.reduce(
          (sum, feature) => sum + geographicLibArea(feature.geometry),
          0,
        );
        expect(Math.abs(outcome.summary.measurement.totalAreaM2 - expectedTotal)).toBeLessThanOrEqual(
          RELATIVE_ACCURACY * expectedTotal + ORACLE_NOISE_M2,
        );
        expect(outcome.summary.measurement.featureCount).toBe(collection.features.length);
      }),
      fuzzParameters(0.5),
    );
  });

  it('gives a result or one message naming the file for a damaged file, in any coordinate system, never an exception', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        validCollection,
        writing,
        fc.array(textMutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('wgs84' as const, 'gcj02' as const, 'bd09' as const),
        async (collection, style, mutations, coordinateSystem) => {
          const text = mutations.reduce(applyTextMutation, write(collection, style));
          let outcome: Awaited<ReturnType<typeof importBytes>> | undefined;
          const thrown = await thrownBy(async () => {
            outcome = await importBytes({
              bytes: utf8(text),
              fileName: 'damaged.geojson',
              coordinateSystem,
              boundaries: null,
            });
          });
          expect(thrown === undefined ? 'no exception' : String(thrown)).toBe('no exception');
          if (!outcome) return;
          if (outcome.ok) {
            expect(outcome.featureAreasM2.every((area) => Number.isFinite(area) && area >= 0)).toBe(true);
            // What the map is handed must be text it can read back.
            if (outcome.geoJsonText !== null)
              expect(() => JSON.parse(outcome!.ok ? outcome!.geoJsonText! : '')).not.toThrow();
          } else {
            expectOneLineMessage(outcome.message, 'damaged.geojson');
          }
        },
      ),
      fuzzParameters(0.5),
    );
  });
});
