/**
 * Issue 12, fuzzing instead of examples: what a pasted link can carry. The URL state (view,
 * layers, language, open feature) and the trip link are read from any text without an exception,
 * with bounded output; what the app writes reads back the same; prototype names stay data.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  featureFromHash,
  formatView,
  hashForFeature,
  parseView,
  readUrlState,
  searchForState,
  type MapView,
} from '../../../src/state/url-state.ts';
import { decodeTrip, encodeTrip, MAXIMUM_LINK_LENGTH } from '../../../src/trip/trip-url-codec.ts';
import {
  cleanCustomStopName,
  customStopId,
  CUSTOM_STOP_ID_PREFIX,
  MAXIMUM_TRIP_STOPS,
  MAXIMUM_VISIT_MINUTES,
  type TripState,
  type TripStopChoice,
} from '../../../src/trip/trip-state.ts';
import { fuzzParameters, prototypeKeys } from './fuzz-settings.ts';
import { applyTextMutation, oddText, textMutation } from './mutations.ts';

const LAYER_ID = /^[a-z][a-z0-9_-]{0,63}$/;

/** Query and hash text as a user, a chat app or an attacker might hand it over. */
const linkText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('view', 'layers', 'lang', 'feature', 'trip', '__proto__', 'constructor', 'prototype'),
          oddText,
        ),
        fc.oneof(oddText, fc.string({ maxLength: 40 })),
      ),
      { maxLength: 6 },
    )
    .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&')),
);

describe('URL state, fuzzed', () => {
  it('reads any query and hash without an exception, keeping only values in range', () => {
    const prototypeBefore = prototypeKeys();
    fc.assert(
      fc.property(
        linkText,
        linkText,
        fc.constantFrom('?', '', '??'),
        fc.constantFrom('#', '', '##'),
        (search, hash, questionMark, hashMark) => {
          const state = readUrlState(questionMark + search, hashMark + hash);
          if (state.view) {
            expect(Math.abs(state.view.longitude)).toBeLessThanOrEqual(180);
            expect(Math.abs(state.view.latitude)).toBeLessThanOrEqual(85.051129);
            expect(state.view.zoom).toBeGreaterThanOrEqual(0);
            expect(state.view.bearing).toBeGreaterThan(-180);
            expect(state.view.bearing).toBeLessThanOrEqual(180);
          }
          if (state.visibleLayers) {
            expect(state.visibleLayers.length).toBeLessThanOrEqual(100);
            for (const id of state.visibleLayers) expect(id).toMatch(LAYER_ID);
          }
          if (state.feature) expect(state.feature.layerId.length + state.feature.featureId.length).toBeLessThan(300);
          if (state.language) expect(['zh', 'en']).toContain(state.language);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(prototypeKeys()).toEqual(prototypeBefore);
        },
      ),
      fuzzParameters(),
    );
  });

  it('writes a view, layers and language that read back as written, keeping other parameters verbatim', () => {
    const view: fc.Arbitrary<MapView> = fc.record({
      longitude: fc.double({ min: -180, max: 180, noNaN: true }),
      latitude: fc.double({ min: -85, max: 85, noNaN: true }),
      zoom: fc.double({ min: 0, max: 24, noNaN: true }),
      bearing: fc.double({ min: -360, max: 360, noNaN: true }),
    });
    const foreign = fc.array(
      fc.tuple(
        fc.stringMatching(/^[a-z]{1,8}$/).filter((key) => !['view', 'layers', 'lang'].includes(key)),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(
        view,
        fc.uniqueArray(fc.stringMatching(LAYER_ID), { maxLength: 20 }),
        fc.constantFrom('zh' as const, 'en' as const),
        foreign,
        (written, layers, language, others) => {
          const current = others.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
          const search = searchForState(current ? `?${current}` : '', {
            view: written,
            visibleLayers: layers,
            language,
          });
          for (const pair of current.split('&').filter(Boolean)) expect(search).toContain(pair);
          const state = readUrlState(search, '');
          expect(state.view).toEqual(parseView(formatView(written)));
          expect(Math.abs(state.view!.longitude - written.longitude)).toBeLessThanOrEqual(5e-6);
          expect(Math.abs(state.view!.latitude - written.latitude)).toBeLessThanOrEqual(5e-6);
          expect(state.visibleLayers).toEqual(layers);
          expect(state.language).toBe(language);
        },
      ),
      fuzzParameters(),
    );
  });

  it('names any feature in the hash and reads the same feature back, prototype names included', () => {
    const part = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype'),
      fc.string({ minLength: 1, maxLength: 40 }),
    );
    fc.assert(
      fc.property(
        part.filter((text) => !text.includes('/')),
        part,
        linkText,
        (layerId, featureId, otherHash) => {
          const hash = hashForFeature({ layerId, featureId }, `#${otherHash}`);
          expect(featureFromHash(hash)).toEqual({ layerId, featureId });
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      fuzzParameters(),
    );
  });

  it('ignores a query longer than the app ever writes, whatever it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20_001, max: 200_000 }), (length) => {
        const search = `?view=105.4,28.9,12&lang=en&${'x'.repeat(length)}`;
        expect(readUrlState(search, '')).toEqual({});
      }),
      fuzzParameters(0.25),
    );
  });
});

/** Ids any dataset could use, minus lone surrogates (which no encoder can write, so the link writes U+FFFD). */
const placeId = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'a.b*c', '%41', '..', '*'),
);

/** A stop from the visitor's file (link version 2): a clean name, a position on the link's 1e-5° grid, a stated visit. */
const fileStop = fc
  .record({
    name: fc
      .oneof(fc.string({ unit: 'grapheme', maxLength: 70 }), oddText, fc.constantFrom('__proto__', '厂门 A.B*C', '~~'))
      .map(cleanCustomStopName),
    x: fc.integer({ min: -18_000_000, max: 18_000_000 }),
    y: fc.integer({ min: -9_000_000, max: 9_000_000 }),
    visitMinutes: fc.integer({ min: 0, max: MAXIMUM_VISIT_MINUTES }),
  })
  .filter((stop): stop is typeof stop & { name: string } => stop.name !== null)
  .map(({ name, x, y, visitMinutes }): TripStopChoice => {
    const point: [number, number] = [x / 1e5, y / 1e5];
    return { id: customStopId(point), custom: { name, point }, visitMinutes };
  });

const datasetStops = fc
  .uniqueArray(
    placeId.filter((id) => !id.startsWith(CUSTOM_STOP_ID_PREFIX)),
    { maxLength: MAXIMUM_TRIP_STOPS },
  )
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          visitMinutes: fc.option(fc.integer({ min: 0, max: MAXIMUM_VISIT_MINUTES }), { nil: undefined }),
        }),
      ),
    ),
  )
  .map((stops) => stops.map((stop): TripStopChoice => (stop.visitMinutes === undefined ? { id: stop.id } : stop)));

const validTrip: fc.Arbitrary<TripState> = fc.record({
  stops: fc
    .tuple(
      datasetStops,
      fc.uniqueArray(fileStop, { maxLength: 10, selector: (stop) => stop.id }),
      fc.array(fc.nat(), { maxLength: 10 }),
    )
    .map(([fromDataset, fromFile, order]) => {
      // Interleave the two kinds, then keep the most a trip holds.
      const stops = [...fromDataset];
      fromFile.forEach((stop, index) => stops.splice((order[index] ?? 0) % (stops.length + 1), 0, stop));
      return stops.slice(0, MAXIMUM_TRIP_STOPS);
    }),
  start: fc.oneof(
    fc.constant({ kind: 'first-stop' as const }),
    fc.constant({ kind: 'here' as const }),
    fc.record({
      kind: fc.constant('point' as const),
      point: fc
        .tuple(fc.integer({ min: -18_000_000, max: 18_000_000 }), fc.integer({ min: -9_000_000, max: 9_000_000 }))
        .map(([x, y]) => [x / 1e5, y / 1e5] as [number, number]),
    }),
  ),
  roundTrip: fc.boolean(),
  mode: fc.constantFrom('walking' as const, 'cycling' as const, 'driving' as const),
  startMinute: fc.integer({ min: 0, max: 1439 }),
});

describe('trip link codec, fuzzed', () => {
  it('reads back every valid trip exactly, through URLSearchParams, with no problem reported', () => {
    fc.assert(
      fc.property(validTrip, (trip) => {
        const text = encodeTrip(trip);
        // Version 2 only when a stop comes from a file, so older apps still read every other link.
        expect(text[0]).toBe(trip.stops.some((stop) => stop.custom) ? '2' : '1');
        const parameters = new URLSearchParams();
        parameters.set('trip', text);
        const carried = new URLSearchParams(parameters.toString()).get('trip')!;
        const decoded = decodeTrip(carried, new Set(trip.stops.filter((stop) => !stop.custom).map((stop) => stop.id)));
        expect(decoded.problems).toEqual([]);
        expect(decoded.trip).toEqual(trip);
        expect(encodeTrip(decoded.trip)).toBe(text);
      }),
      fuzzParameters(),
    );
  });

  it('re-encodes any text it decodes without a problem to that same text', () => {
    // Mostly near-valid links, so the no-problem case is reached often.
    const nearValid = fc
      .tuple(
        validTrip,
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            text: fc.constantFrom('0', '1', '-', '*', '.', '%', '%2E', 'p', 'f', 'h', 'r', 'o', 'w', 'c', 'd', ''),
          }),
          { maxLength: 2 },
        ),
      )
      .map(([trip, edits]) =>
        edits.reduce((text, edit) => {
          const at = Math.floor(edit.at * text.length);
          return text.slice(0, at) + edit.text + text.slice(at + 1);
        }, encodeTrip(trip)),
      );
    fc.assert(
      fc.property(nearValid, (text) => {
        const decoded = decodeTrip(text);
        if (text.length > 0 && decoded.problems.length === 0) expect(encodeTrip(decoded.trip)).toBe(text);
      }),
      fuzzParameters(),
    );
  });

  it('decodes any text or damaged link without an exception, with bounded problems and at most the allowed stops', () => {
    const prototypeBefore = prototypeKeys();
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .tuple(validTrip, fc.array(textMutation, { minLength: 1, maxLength: 3 }))
        .map(([trip, mutations]) => mutations.reduce(applyTextMutation, encodeTrip(trip))),
    );
    fc.assert(
      fc.property(anyText, fc.option(fc.uniqueArray(placeId, { maxLength: 20 })), (text, known) => {
        const decoded = decodeTrip(text, known ? new Set(known) : undefined);
        const pieces = text.split('.').length;
        if (text.length > MAXIMUM_LINK_LENGTH)
          expect(decoded.problems.map((problem) => problem.code)).toEqual(['too-long']);
        // At most one problem per header field (6) and per stop piece, two for a stop that is both irregular and dropped.
        expect(decoded.problems.length).toBeLessThanOrEqual(6 + 2 * pieces);
        expect(decoded.trip.stops.length).toBeLessThanOrEqual(MAXIMUM_TRIP_STOPS);
        expect(new Set(decoded.trip.stops.map((stop) => stop.id)).size).toBe(decoded.trip.stops.length);
        for (const problem of decoded.problems) expect(problem.value.length).toBeLessThanOrEqual(41);
        if (known) for (const stop of decoded.trip.stops) if (!stop.custom) expect(known).toContain(stop.id);
        expect(prototypeKeys()).toEqual(prototypeBefore);
      }),
      fuzzParameters(),
    );
  });
});
