import { describe, expect, test } from 'vitest';
import { decodeTrip, encodeTrip, MAXIMUM_LINK_LENGTH, type DecodedTrip } from '../../../src/trip/trip-url-codec.ts';
import { emptyTrip, MAXIMUM_TRIP_STOPS, MAXIMUM_VISIT_MINUTES, type TripState } from '../../../src/trip/trip-state.ts';
import { TRAVEL_MODES } from '../../../src/trip/travel-modes.ts';
import { seededRandom } from './seeded-random.ts';

const ODD_IDS = [
  'zhangba-longan-forest',
  'a.b*c',
  '100%',
  '张坝桂圆林',
  "x~y!z(1)'",
  'space and+plus',
  '😀',
  '<script>&amp;',
];

function randomTrip(random: () => number, ids: readonly string[]): TripState {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const shuffled = [...ids].sort(() => random() - 0.5).slice(0, Math.floor(random() * (ids.length + 1)));
  const startKind = pick(['first-stop', 'here', 'point'] as const);
  return {
    stops: shuffled.map((id) =>
      random() < 0.5 ? { id } : { id, visitMinutes: Math.floor(random() * (MAXIMUM_VISIT_MINUTES + 1)) },
    ),
    start:
      startKind === 'point'
        ? {
            kind: 'point',
            point: [Math.round((random() * 360 - 180) * 1e5) / 1e5, Math.round((random() * 180 - 90) * 1e5) / 1e5],
          }
        : { kind: startKind },
    roundTrip: random() < 0.5,
    mode: pick(TRAVEL_MODES),
    startMinute: Math.floor(random() * 1440),
  };
}

/** What every decoded trip must satisfy, however bad the link was. */
function expectUsableTrip(decoded: DecodedTrip, knownIds?: ReadonlySet<string>): void {
  const { trip } = decoded;
  expect(TRAVEL_MODES).toContain(trip.mode);
  expect(Number.isInteger(trip.startMinute) && trip.startMinute >= 0 && trip.startMinute < 1440).toBe(true);
  expect(typeof trip.roundTrip).toBe('boolean');
  expect(trip.stops.length).toBeLessThanOrEqual(MAXIMUM_TRIP_STOPS);
  expect(new Set(trip.stops.map((stop) => stop.id)).size).toBe(trip.stops.length);
  for (const stop of trip.stops) {
    expect(stop.id.length).toBeGreaterThan(0);
    if (knownIds) expect(knownIds.has(stop.id)).toBe(true);
    if (stop.visitMinutes !== undefined)
      expect(
        Number.isInteger(stop.visitMinutes) && stop.visitMinutes >= 0 && stop.visitMinutes <= MAXIMUM_VISIT_MINUTES,
      ).toBe(true);
  }
  if (trip.start.kind === 'point') {
    expect(Math.abs(trip.start.point[0])).toBeLessThanOrEqual(180);
    expect(Math.abs(trip.start.point[1])).toBeLessThanOrEqual(90);
  }
  for (const problem of decoded.problems) {
    expect(problem.message.zh.length).toBeGreaterThan(0);
    expect(problem.message.en.length).toBeGreaterThan(0);
  }
}

describe('trip links', () => {
  test('a documented example encodes as documented', () => {
    const trip: TripState = {
      stops: [{ id: 'a' }, { id: 'b', visitMinutes: 30 }],
      start: { kind: 'here' },
      roundTrip: true,
      mode: 'cycling',
      startMinute: 570,
    };
    expect(encodeTrip(trip)).toBe('1cr0930h.a.b*30');
  });

  test('random trips with awkward ids survive encode → decode unchanged and with no problems', () => {
    const random = seededRandom(42);
    for (let run = 0; run < 300; run++) {
      const trip = randomTrip(random, ODD_IDS);
      const text = encodeTrip(trip);
      expect(text).toMatch(/^[A-Za-z0-9%.*_-]+$/);
      const decoded = decodeTrip(text, new Set(ODD_IDS));
      expect(decoded.problems).toEqual([]);
      expect(decoded.trip).toEqual(trip);
    }
  });

  test('survives a trip through URLSearchParams, the way the app stores it in the address', () => {
    const trip: TripState = { ...emptyTrip(), stops: ODD_IDS.map((id) => ({ id })) };
    const parameters = new URLSearchParams();
    parameters.set('trip', encodeTrip(trip));
    const reread = new URLSearchParams(parameters.toString()).get('trip')!;
    expect(decodeTrip(reread).trip).toEqual(trip);
  });

  test('a stale link keeps the places that still exist and names the ones that do not', () => {
    const decoded = decodeTrip(
      '1wo0800f.zhangba-longan-forest.demolished-plaza*60.aegean-mall',
      new Set(['zhangba-longan-forest', 'aegean-mall']),
    );
    expect(decoded.trip.stops).toEqual([{ id: 'zhangba-longan-forest' }, { id: 'aegean-mall' }]);
    expect(decoded.problems.map((problem) => [problem.code, problem.value])).toEqual([
      ['unknown-place', 'demolished-plaza'],
    ]);
    expect(decoded.problems[0]!.message.zh).toContain('demolished-plaza');
  });

  test('each damaged field falls back on its own and is reported', () => {
    const decoded = decodeTrip('1xq2561p99999999*0.a*abc.a.b*2000.%E0%A4%A.c');
    expect(decoded.problems.map((problem) => problem.code)).toEqual([
      'bad-mode',
      'bad-round-trip',
      'bad-start-time',
      'out-of-range',
      'bad-duration',
      'duplicate-place',
      'bad-duration',
      'bad-escape',
    ]);
    expect(decoded.trip).toEqual({ ...emptyTrip(), stops: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
  });

  test('an id written with needless or missing escapes is restored and flagged as irregular', () => {
    const decoded = decodeTrip('1wo0900f.%61.张坝桂圆林', new Set(['a', '张坝桂圆林']));
    expect(decoded.trip.stops).toEqual([{ id: 'a' }, { id: '张坝桂圆林' }]);
    expect(decoded.problems.map((problem) => problem.code)).toEqual(['irregular-escape', 'irregular-escape']);
  });

  test('refuses an unknown version and oversized links without reading them', () => {
    expect(decodeTrip('3wr0930f.a').problems.map((problem) => problem.code)).toEqual(['unsupported-version']);
    expect(decodeTrip('3wr0930f.a').trip).toEqual(emptyTrip());
    expect(decodeTrip('1wr0930f.' + 'a'.repeat(MAXIMUM_LINK_LENGTH)).problems.map((problem) => problem.code)).toEqual([
      'too-long',
    ]);
  });

  test('keeps at most the maximum number of places and says how many it dropped', () => {
    const ids = Array.from({ length: MAXIMUM_TRIP_STOPS + 5 }, (_, index) => `p${index}`);
    const decoded = decodeTrip(`1wo0900f.${ids.join('.')}`);
    expect(decoded.trip.stops).toHaveLength(MAXIMUM_TRIP_STOPS);
    expect(decoded.problems).toMatchObject([{ code: 'too-many-places', value: '5' }]);
  });

  test('an empty link is an empty trip, not an error', () => {
    expect(decodeTrip('')).toEqual({ trip: emptyTrip(), problems: [] });
  });

  test('1000 random and mutated links never throw, always give a usable trip, and report any loss', () => {
    const random = seededRandom(2024);
    const known = new Set(ODD_IDS);
    const alphabet = '1wcdro0123456789fhp*.-%EAZ_z张😀\uD800 &<>~';
    const inputs: string[] = [];
    for (let index = 0; index < 500; index++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let character = 0; character < length; character++)
        text += alphabet[Math.floor(random() * alphabet.length)] ?? '';
      inputs.push(random() < 0.5 ? `1${text}` : text);
    }
    for (let index = 0; index < 500; index++) {
      const valid = encodeTrip(randomTrip(random, ODD_IDS));
      const position = Math.floor(random() * (valid.length + 1));
      const mutation = Math.floor(random() * 4);
      const inserted = alphabet[Math.floor(random() * alphabet.length)] ?? '';
      inputs.push(
        mutation === 0
          ? valid.slice(0, position)
          : mutation === 1
            ? valid.slice(0, position) + valid.slice(position + 1)
            : mutation === 2
              ? valid.slice(0, position) + inserted + valid.slice(position)
              : `${valid}.${valid.split('.').slice(1, 2).join('')}`,
      );
    }
    let reported = 0;
    for (const input of inputs) {
      const decoded = decodeTrip(input, known);
      expectUsableTrip(decoded, known);
      // Nothing reported means nothing was lost or altered: the link is exactly this trip's encoding.
      if (decoded.problems.length === 0 && input !== '') expect(encodeTrip(decoded.trip)).toBe(input);
      if (decoded.problems.length > 0) reported += 1;
    }
    expect(inputs).toHaveLength(1000);
    // Almost every random string is damaged; make sure the reporting path was actually exercised.
    expect(reported).toBeGreaterThan(700);
  });
});
