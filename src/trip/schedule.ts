/**
 * Arrival and departure times for a trip, from a start time, the travel time of each leg and the
 * time spent at each stop; totals for the day. Times run on past midnight: a time is counted in
 * minutes from the midnight that begins the trip's first day, and shown as a clock time plus the
 * number of days later it falls (23:50 → 00:20 (+1)).
 *
 * @example
 * buildSchedule({ startMinute: 22 * 60 + 30, visitMinutes: [0, 90], legSeconds: [1800] })
 * // stop 1: arrival 23:00, departure 00:30 (+1)
 */
import type { LocalizedText } from '../data/dataset-types.ts';

export const MINUTES_PER_DAY = 24 * 60;

export interface TripTime {
  /** Minutes since midnight at the start of the trip's first day, rounded to the minute. */
  minute: number;
  /** 0 for the first day, 1 for the next … */
  day: number;
  /** Clock time on that day, `HH:MM`. */
  clock: string;
}

export type ClockParseResult = { ok: true; minute: number } | { ok: false; message: LocalizedText };

/** Reads `H:MM` or `HH:MM` (24-hour); anything else is refused with a message saying why. */
export function parseClockTime(text: string): ClockParseResult {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) {
    return {
      ok: false,
      message: {
        zh: `时间格式应为 HH:MM（24 小时制），收到“${text}”。`,
        en: `A time must be HH:MM (24-hour); got "${text}".`,
      },
    };
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) {
    return {
      ok: false,
      message: {
        zh: `时间超出范围：${text}（应在 00:00–23:59 之间）。`,
        en: `Time out of range: ${text} (must be 00:00–23:59).`,
      },
    };
  }
  return { ok: true, minute: hours * 60 + minutes };
}

/** A minute count since the first day's midnight as day + clock time; negative input is clamped to 0. */
export function tripTime(minuteSinceFirstMidnight: number): TripTime {
  const minute = Math.max(0, Math.round(minuteSinceFirstMidnight));
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const minuteOfDay = minute - day * MINUTES_PER_DAY;
  const clock = `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
  return { minute, day, clock };
}

/** `08:05`, or `00:20 (+1)` when the time falls on a later day than the trip began. */
export function formatTripTime(time: TripTime): string {
  return time.day === 0 ? time.clock : `${time.clock} (+${time.day})`;
}

export interface ScheduleInput {
  /** Departure from the start, minutes after midnight, 0–1439. */
  startMinute: number;
  /** Minutes spent at each stop in visiting order; index 0 is the start (0 when it is a location). */
  visitMinutes: readonly number[];
  /**
   * Travel seconds of each leg in order: one fewer than the stops for an open path; as many as the
   * stops for a round trip, the last leg returning to the start.
   */
  legSeconds: readonly number[];
}

export interface ScheduledStop {
  index: number;
  /** Absent for the start, where the trip begins rather than arrives. */
  arrival?: TripTime;
  departure: TripTime;
  visitMinutes: number;
}

export interface Schedule {
  stops: ScheduledStop[];
  /** Arrival back at the start, for a round trip. */
  returnArrival?: TripTime;
  start: TripTime;
  end: TripTime;
  totals: {
    travelSeconds: number;
    visitMinutes: number;
    /** From leaving the start to the end of the last visit or the return. */
    durationMinutes: number;
    /** How many midnights the trip runs past. */
    daysAfterStart: number;
  };
}

/**
 * Times for every stop. Each time is rounded only when shown, from an exact running total, so a
 * long trip does not drift by the sum of its rounding.
 */
export function buildSchedule(input: ScheduleInput): Schedule {
  const { startMinute, visitMinutes, legSeconds } = input;
  const sanitise = (value: number | undefined): number =>
    value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
  let clockMinutes = Math.min(Math.max(Math.round(sanitise(startMinute)), 0), MINUTES_PER_DAY - 1);
  const start = tripTime(clockMinutes);
  const stops: ScheduledStop[] = [];
  let travelSeconds = 0;
  let visitTotal = 0;
  visitMinutes.forEach((visit, index) => {
    const visitLength = sanitise(visit);
    let arrival: TripTime | undefined;
    if (index > 0) {
      const leg = sanitise(legSeconds[index - 1]);
      travelSeconds += leg;
      clockMinutes += leg / 60;
      arrival = tripTime(clockMinutes);
    }
    clockMinutes += visitLength;
    visitTotal += visitLength;
    stops.push({
      index,
      ...(arrival ? { arrival } : {}),
      departure: tripTime(clockMinutes),
      visitMinutes: visitLength,
    });
  });
  let returnArrival: TripTime | undefined;
  if (legSeconds.length >= visitMinutes.length && visitMinutes.length > 1) {
    const leg = sanitise(legSeconds[visitMinutes.length - 1]);
    travelSeconds += leg;
    clockMinutes += leg / 60;
    returnArrival = tripTime(clockMinutes);
  }
  const end = tripTime(clockMinutes);
  return {
    stops,
    ...(returnArrival ? { returnArrival } : {}),
    start,
    end,
    totals: {
      travelSeconds,
      visitMinutes: visitTotal,
      durationMinutes: end.minute - start.minute,
      daysAfterStart: end.day,
    },
  };
}
