/**
 * What a trip is, independent of where it is kept (URL, IndexedDB): the places in visiting order,
 * where the trip starts, and the choices that turn it into a schedule.
 */
import type { LonLat } from './distance.ts';
import type { TravelMode } from './travel-modes.ts';

export interface TripStopChoice {
  /** The place's stable dataset id, or for a stop from the visitor's file `customStopId(point)`. */
  id: string;
  /** Minutes the visitor chose to stay; absent means the place's estimated typical visit. */
  visitMinutes?: number;
  /**
   * A stop from the visitor's own file (an imported point), not from the dataset: it carries its
   * own name and position, and its confidence is the file's, never the dataset's.
   */
  custom?: CustomStopPlace;
}

export interface CustomStopPlace {
  /** Plain text from the file (control characters removed, at most MAXIMUM_CUSTOM_NAME_LENGTH characters). */
  name: string;
  /** WGS84, rounded to 1e-5° (about 1 m) so the trip link carries it exactly. */
  point: LonLat;
}

/**
 * `first-stop`: the trip starts at its first place. `here`: at the browser's location, asked for again
 * when the trip is opened. `point`: at a fixed position (a shared location, kept only if the user
 * chose to share it).
 */
export type TripStart = { kind: 'first-stop' } | { kind: 'here' } | { kind: 'point'; point: LonLat };

export interface TripState {
  stops: TripStopChoice[];
  start: TripStart;
  roundTrip: boolean;
  mode: TravelMode;
  /** Departure time, minutes after midnight, 0–1439. */
  startMinute: number;
}

export const MAXIMUM_TRIP_STOPS = 50;
export const MAXIMUM_VISIT_MINUTES = 24 * 60;

/** A stop from a file has no category to estimate from: this stated default is what it gets until the visitor sets one. */
export const CUSTOM_STOP_VISIT_MINUTES = 30;
/** Long enough for any real place name, short enough that 50 of them still fit in a link. */
export const MAXIMUM_CUSTOM_NAME_LENGTH = 60;
export const CUSTOM_STOP_ID_PREFIX = '@file:';
const CUSTOM_COORDINATE_SCALE = 1e5;

// Controls (C0, C1, DEL), format characters such as bidi overrides, and lone surrogates: none belongs in a name shown or exported as text.
const UNWANTED_IN_NAME =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** A file's name value as a stop name: plain text, one line, capped; null when nothing is left. */
export function cleanCustomStopName(raw: string): string | null {
  const cleaned = raw.replace(UNWANTED_IN_NAME, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned === '') return null;
  const characters = Array.from(cleaned);
  return characters.length > MAXIMUM_CUSTOM_NAME_LENGTH
    ? characters.slice(0, MAXIMUM_CUSTOM_NAME_LENGTH).join('').trim()
    : cleaned;
}

export function isValidLonLat(longitude: unknown, latitude: unknown): boolean {
  return (
    typeof longitude === 'number' &&
    typeof latitude === 'number' &&
    Number.isFinite(longitude) &&
    Number.isFinite(latitude) &&
    Math.abs(longitude) <= 180 &&
    Math.abs(latitude) <= 90
  );
}

/** The position in whole 1e-5° steps, as the link writes it. */
export function customStopGrid(point: LonLat): [number, number] {
  return [Math.round(point[0] * CUSTOM_COORDINATE_SCALE), Math.round(point[1] * CUSTOM_COORDINATE_SCALE)];
}

/** One id per rounded position: the same point of a file added twice is one stop. */
export function customStopId(point: LonLat): string {
  const [x, y] = customStopGrid(point);
  return `${CUSTOM_STOP_ID_PREFIX}${x}_${y}`;
}

/**
 * A trip stop for a point of the visitor's file; null when the position is not a finite WGS84
 * longitude/latitude or the name is empty after cleaning.
 *
 * @example
 * customStop('江阳区', [105.410351, 28.851479])
 * // { id: '@file:10541035_2885148', custom: { name: '江阳区', point: [105.41035, 28.85148] } }
 */
export function customStop(rawName: string, point: readonly [unknown, unknown]): TripStopChoice | null {
  const [longitude, latitude] = point;
  if (!isValidLonLat(longitude, latitude)) return null;
  const name = cleanCustomStopName(rawName);
  if (name === null) return null;
  const [x, y] = customStopGrid([longitude as number, latitude as number]);
  const rounded: LonLat = [x / CUSTOM_COORDINATE_SCALE, y / CUSTOM_COORDINATE_SCALE];
  return { id: customStopId(rounded), custom: { name, point: rounded } };
}

export function emptyTrip(): TripState {
  return { stops: [], start: { kind: 'first-stop' }, roundTrip: false, mode: 'walking', startMinute: 9 * 60 };
}
