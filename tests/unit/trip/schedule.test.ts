import { describe, expect, test } from 'vitest';
import { buildSchedule, formatTripTime, parseClockTime, tripTime } from '../../../src/trip/schedule.ts';
import { geodesicDistance } from '../../../src/trip/distance.ts';
import { tripLegs } from '../../../src/trip/trip-legs.ts';
import { DETOUR_FACTOR, estimateLeg, WALKING_SPEED_KILOMETRES_PER_HOUR } from '../../../src/trip/travel-modes.ts';

describe('parseClockTime', () => {
  test('reads 24-hour times', () => {
    expect(parseClockTime('09:30')).toEqual({ ok: true, minute: 570 });
    expect(parseClockTime('0:05')).toEqual({ ok: true, minute: 5 });
    expect(parseClockTime('23:59')).toEqual({ ok: true, minute: 1439 });
  });
  test('refuses malformed and out-of-range times with a message naming the input', () => {
    for (const text of ['24:00', '12:60', '9.30', '', 'noon', '-1:00', '123:00']) {
      const result = parseClockTime(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.en).toContain(text);
    }
  });
});

describe('buildSchedule', () => {
  test('adds travel and visit times in order', () => {
    const schedule = buildSchedule({ startMinute: 9 * 60, visitMinutes: [0, 60, 45], legSeconds: [600, 1200] });
    expect(schedule.stops.map((stop) => stop.arrival && formatTripTime(stop.arrival))).toEqual([
      undefined,
      '09:10',
      '10:30',
    ]);
    expect(schedule.stops.map((stop) => formatTripTime(stop.departure))).toEqual(['09:00', '10:10', '11:15']);
    expect(schedule.totals).toEqual({
      travelSeconds: 1800,
      visitMinutes: 105,
      durationMinutes: 135,
      daysAfterStart: 0,
    });
    expect(schedule.returnArrival).toBeUndefined();
  });

  test('runs past midnight onto the next day', () => {
    const schedule = buildSchedule({ startMinute: 22 * 60 + 30, visitMinutes: [0, 90, 30], legSeconds: [1800, 900] });
    expect(formatTripTime(schedule.stops[1]!.arrival!)).toBe('23:00');
    expect(formatTripTime(schedule.stops[1]!.departure)).toBe('00:30 (+1)');
    expect(formatTripTime(schedule.stops[2]!.arrival!)).toBe('00:45 (+1)');
    expect(schedule.end).toEqual({ minute: 24 * 60 + 75, day: 1, clock: '01:15' });
    expect(schedule.totals.daysAfterStart).toBe(1);
    expect(schedule.totals.durationMinutes).toBe(165);
  });

  test('a visit ending exactly at midnight belongs to the next day', () => {
    const schedule = buildSchedule({ startMinute: 23 * 60, visitMinutes: [60], legSeconds: [] });
    expect(schedule.end).toEqual({ minute: 1440, day: 1, clock: '00:00' });
  });

  test('a very long trip counts every midnight it passes', () => {
    const schedule = buildSchedule({ startMinute: 20 * 60, visitMinutes: [0, 1440, 1440], legSeconds: [3600, 3600] });
    expect(formatTripTime(schedule.end)).toBe('22:00 (+2)');
    expect(schedule.totals.daysAfterStart).toBe(2);
  });

  test('a round trip ends with the arrival back at the start', () => {
    const schedule = buildSchedule({ startMinute: 23 * 60 + 50, visitMinutes: [0, 10], legSeconds: [600, 600] });
    expect(formatTripTime(schedule.returnArrival!)).toBe('00:20 (+1)');
    expect(schedule.end).toEqual(schedule.returnArrival);
    expect(schedule.totals.travelSeconds).toBe(1200);
  });

  test('rounding happens per shown time, not per leg, so many short legs do not drift', () => {
    // 40 legs of 29 s: rounding each leg to a minute would give 0 min; the true total is 19 min 20 s.
    const schedule = buildSchedule({
      startMinute: 0,
      visitMinutes: new Array(41).fill(0),
      legSeconds: new Array(40).fill(29),
    });
    expect(schedule.end.clock).toBe('00:19');
  });

  test('garbage numbers count as zero instead of poisoning every later time', () => {
    const schedule = buildSchedule({
      startMinute: Number.NaN,
      visitMinutes: [0, Number.NaN, -5, 30],
      legSeconds: [Infinity, 60, -60],
    });
    expect(schedule.start.clock).toBe('00:00');
    expect(schedule.end.clock).toBe('00:31');
  });
});

describe('tripTime', () => {
  test('splits minutes into day and clock', () => {
    expect(tripTime(0)).toEqual({ minute: 0, day: 0, clock: '00:00' });
    expect(tripTime(1439.6)).toEqual({ minute: 1440, day: 1, clock: '00:00' });
    expect(tripTime(2 * 1440 + 61)).toEqual({ minute: 2941, day: 2, clock: '01:01' });
  });
});

describe('tripLegs', () => {
  const points: [number, number][] = [
    [105.4415, 28.8859],
    [105.4316, 28.9006],
    [105.474, 28.894],
  ];
  test('an open path has one leg fewer than stops; a round trip returns to the start', () => {
    expect(tripLegs(points, { roundTrip: false }).map((leg) => [leg.fromIndex, leg.toIndex])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(tripLegs(points, { roundTrip: true }).map((leg) => [leg.fromIndex, leg.toIndex])).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
    expect(tripLegs(points.slice(0, 1), { roundTrip: true })).toEqual([]);
  });
  test('walking time follows the stated detour factor and speed', () => {
    const [leg] = tripLegs(points, { roundTrip: false });
    const straight = geodesicDistance(points[0]!, points[1]!);
    expect(leg!.straightDistanceMetres).toBe(straight);
    const walking = leg!.estimates.walking;
    expect(walking.routeDistanceMetres).toBeCloseTo(straight * DETOUR_FACTOR, 6);
    expect(walking.durationSeconds).toBeCloseTo(
      (straight * DETOUR_FACTOR) / (WALKING_SPEED_KILOMETRES_PER_HOUR / 3.6),
      6,
    );
    expect(leg!.estimates.driving.durationSeconds).toBeLessThan(leg!.estimates.cycling.durationSeconds);
    expect(leg!.estimates.cycling.durationSeconds).toBeLessThan(walking.durationSeconds);
    expect(estimateLeg(0, 'driving').durationSeconds).toBe(0);
  });
});
