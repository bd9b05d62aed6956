/**
 * A trip as a short, versioned text for a URL parameter, and back.
 *
 * Layout of version 1 (every character survives URLSearchParams unescaped except inside ids):
 *
 *     1 w r 0930 f . zhangba-longan-forest*90 . aegean-mall
 *     │ │ │ │    │   └ stops in visiting order, separated by '.', each an id and an optional *minutes
 *     │ │ │ │    └ start: f first stop · h the browser's location · p<lon×1e5>*<lat×1e5> a fixed point
 *     │ │ │ └ start time HHMM
 *     │ │ └ r round trip · o open path
 *     │ └ mode: w walking · c cycling · d driving
 *     └ version
 *
 * Version 2 is version 1 plus stops from the visitor's own file, each written in place of an id as
 *
 *     ~10541035*2885148*%E6%B1%9F%E9%98%B3%E5%8C%BA*45
 *     │        │       │                           └ optional *minutes, as for a place
 *     │        │       └ the name, percent-encoded like an id
 *     └ '~' then longitude×1e5 * latitude×1e5
 *
 * A trip without such stops is still written as version 1, so older copies of the app read it; both
 * versions are read. ('~' never starts a version-1 id: ids escape it.)
 *
 * Ids are percent-encoded with '.', '*' and the other URI-safe punctuation escaped too, so any id
 * survives. Positions are integers of 1e-5° (about 1 m), so the link has no decimal points to
 * confuse with separators.
 *
 * Decoding never throws: it restores every part it can read and lists each one it could not —
 * garbage, an unknown version, out-of-range values, places the dataset no longer has — so the app
 * can say exactly what a stale or damaged link lost. A decode with no problems re-encodes to the
 * same text.
 *
 * The text contains '%' escapes: store it with URLSearchParams.set (which escapes '%' again) and
 * read it with URLSearchParams.get, so the two layers of escaping never merge.
 *
 * @example
 * encodeTrip({ stops: [{ id: 'a' }, { id: 'b', visitMinutes: 30 }], start: { kind: 'here' }, roundTrip: true, mode: 'cycling', startMinute: 570 })
 * // '1cr0930h.a.b*30'
 * decodeTrip('1cr0930h.a.gone', new Set(['a'])).problems
 * // [{ code: 'unknown-place', value: 'gone', message: { zh: …, en: … } }]
 *
 * Stays whole (over 350 lines): encoding and decoding of each version must mirror each other
 * character for character; kept side by side, a change to one shows where the other must follow.
 */
import type { LocalizedText } from '../data/dataset-types.ts';
import type { TravelMode } from './travel-modes.ts';
import {
  customStop,
  customStopGrid,
  emptyTrip,
  MAXIMUM_TRIP_STOPS,
  MAXIMUM_VISIT_MINUTES,
  type TripStart,
  type TripState,
  type TripStopChoice,
} from './trip-state.ts';

export const TRIP_LINK_VERSION = '1';
/** The version that adds stops from the visitor's file; written only when the trip has one. */
export const TRIP_LINK_VERSION_WITH_FILE_STOPS = '2';
/**
 * Longer text is refused unread: it bounds the work a hostile link can cause. Fifty stops from a
 * file with 60-character Chinese names come to about 28 000 characters.
 */
export const MAXIMUM_LINK_LENGTH = 32000;
const MAXIMUM_ID_LENGTH = 200;
const COORDINATE_SCALE = 1e5;

const MODE_LETTERS: Readonly<Record<TravelMode, string>> = { walking: 'w', cycling: 'c', driving: 'd' };
const MODE_BY_LETTER: Readonly<Record<string, TravelMode>> = { w: 'walking', c: 'cycling', d: 'driving' };

export type TripLinkProblemCode =
  | 'too-long'
  | 'unsupported-version'
  | 'bad-header'
  | 'bad-mode'
  | 'bad-round-trip'
  | 'bad-start-time'
  | 'bad-start'
  | 'out-of-range'
  | 'bad-escape'
  | 'irregular-escape'
  | 'bad-duration'
  | 'unknown-place'
  | 'duplicate-place'
  | 'too-many-places'
  | 'bad-file-stop'
  | 'file-stop-name-shortened';

export interface TripLinkProblem {
  code: TripLinkProblemCode;
  /** The offending piece of the link, shortened for display. */
  value: string;
  message: LocalizedText;
}

export interface DecodedTrip {
  trip: TripState;
  problems: TripLinkProblem[];
}

// A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws on it).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

function escapeId(id: string): string {
  return encodeURIComponent(id.replace(LONE_SURROGATES, '\uFFFD')).replace(
    /[.*!~'()]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function encodeTrip(trip: TripState): string {
  const hours = Math.floor(trip.startMinute / 60);
  const minutes = trip.startMinute % 60;
  let start: string;
  if (trip.start.kind === 'point') {
    const [longitude, latitude] = trip.start.point;
    start = `p${Math.round(longitude * COORDINATE_SCALE)}*${Math.round(latitude * COORDINATE_SCALE)}`;
  } else {
    start = trip.start.kind === 'here' ? 'h' : 'f';
  }
  const version = trip.stops.some((stop) => stop.custom) ? TRIP_LINK_VERSION_WITH_FILE_STOPS : TRIP_LINK_VERSION;
  const header = `${version}${MODE_LETTERS[trip.mode]}${trip.roundTrip ? 'r' : 'o'}${String(hours).padStart(2, '0')}${String(minutes).padStart(2, '0')}${start}`;
  const stops = trip.stops.map((stop) => {
    const place = stop.custom
      ? `~${customStopGrid(stop.custom.point).join('*')}*${escapeId(stop.custom.name)}`
      : escapeId(stop.id);
    return stop.visitMinutes === undefined ? place : `${place}*${stop.visitMinutes}`;
  });
  return [header, ...stops].join('.');
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

const MESSAGES: Readonly<Record<TripLinkProblemCode, (value: string) => LocalizedText>> = {
  'too-long': () => ({ zh: '行程链接过长，未读取。', en: 'The trip link is too long and was not read.' }),
  'unsupported-version': (value) => ({
    zh: `无法识别的行程链接版本“${value}”，未恢复行程。`,
    en: `Unrecognised trip link version "${value}"; the trip was not restored.`,
  }),
  'bad-header': (value) => ({
    zh: `行程链接开头不完整：“${value}”。`,
    en: `The start of the trip link is incomplete: "${value}".`,
  }),
  'bad-mode': (value) => ({
    zh: `未知的出行方式“${value}”，已改用步行。`,
    en: `Unknown travel mode "${value}"; walking is used.`,
  }),
  'bad-round-trip': (value) => ({
    zh: `无法读取是否返回起点（“${value}”），按单程处理。`,
    en: `Could not read whether to return to the start ("${value}"); one way is used.`,
  }),
  'bad-start-time': (value) => ({
    zh: `出发时间“${value}”无效，已改为 09:00。`,
    en: `Start time "${value}" is invalid; 09:00 is used.`,
  }),
  'bad-start': (value) => ({
    zh: `无法读取起点“${value}”，改为从第一个地点出发。`,
    en: `Could not read the start "${value}"; the trip starts at its first place.`,
  }),
  'out-of-range': (value) => ({
    zh: `起点坐标超出范围（${value}），改为从第一个地点出发。`,
    en: `Start coordinates out of range (${value}); the trip starts at its first place.`,
  }),
  'bad-escape': (value) => ({
    zh: `地点编号“${value}”编码有误，已忽略。`,
    en: `Place id "${value}" is wrongly encoded and was dropped.`,
  }),
  'irregular-escape': (value) => ({
    zh: `地点编号“${value}”的写法不规范，但已恢复。`,
    en: `Place id "${value}" is written irregularly but was restored.`,
  }),
  'bad-duration': (value) => ({
    zh: `游览时长“${value}”无效，已改用估计时长。`,
    en: `Visit duration "${value}" is invalid; the estimated duration is used.`,
  }),
  'unknown-place': (value) => ({
    zh: `地点“${value}”已不在数据中，已从行程中移除。`,
    en: `The place "${value}" is no longer in the data and was removed from the trip.`,
  }),
  'duplicate-place': (value) => ({
    zh: `地点“${value}”重复出现，只保留第一次。`,
    en: `The place "${value}" appears more than once; only the first is kept.`,
  }),
  'bad-file-stop': (value) => ({
    zh: `来自文件的地点“${value}”无法读取（坐标或名称无效），已忽略。`,
    en: `The stop from a file "${value}" could not be read (invalid coordinates or name) and was dropped.`,
  }),
  'file-stop-name-shortened': (value) => ({
    zh: `来自文件的地点名称“${value}”过长或含控制字符，已截短整理。`,
    en: `The name of the stop from a file "${value}" was too long or held control characters; it was shortened and cleaned.`,
  }),
  'too-many-places': (value) => ({
    zh: `行程最多 ${MAXIMUM_TRIP_STOPS} 个地点，多出的 ${value} 个已忽略。`,
    en: `A trip holds at most ${MAXIMUM_TRIP_STOPS} places; ${value} more were dropped.`,
  }),
};

const CANONICAL_INTEGER = /^(0|[1-9]\d*)$/;
const CANONICAL_SIGNED_INTEGER = /^(0|-?[1-9]\d*)$/;

/**
 * Reads a trip link. `knownIds`, when given, drops places the dataset no longer has (reported as
 * `unknown-place`). Never throws.
 */
export function decodeTrip(text: string, knownIds?: ReadonlySet<string>): DecodedTrip {
  const trip = emptyTrip();
  const problems: TripLinkProblem[] = [];
  const report = (code: TripLinkProblemCode, value: string): void => {
    const shown = shorten(value);
    problems.push({ code, value: shown, message: MESSAGES[code](shown) });
  };
  try {
    if (typeof text !== 'string' || text.length === 0) return { trip, problems };
    if (text.length > MAXIMUM_LINK_LENGTH) {
      report('too-long', String(text.length));
      return { trip, problems };
    }
    const [header = '', ...stopTexts] = text.split('.');
    if (header[0] !== TRIP_LINK_VERSION && header[0] !== TRIP_LINK_VERSION_WITH_FILE_STOPS) {
      report('unsupported-version', header.slice(0, 1) || text.slice(0, 1));
      return { trip, problems };
    }
    readHeader(header, trip, report);
    readStops(stopTexts, trip, knownIds, report, header[0] === TRIP_LINK_VERSION_WITH_FILE_STOPS);
  } catch {
    // Unreachable by design; kept so a future parsing bug degrades to a reported problem, not a crash.
    report('bad-header', String(text).slice(0, 40));
  }
  return { trip, problems };
}

function readHeader(header: string, trip: TripState, report: (code: TripLinkProblemCode, value: string) => void): void {
  if (header.length < 8) {
    report('bad-header', header);
    return;
  }
  const modeLetter = header[1]!;
  if (Object.hasOwn(MODE_BY_LETTER, modeLetter)) trip.mode = MODE_BY_LETTER[modeLetter]!;
  else report('bad-mode', modeLetter);

  const roundTripLetter = header[2]!;
  if (roundTripLetter === 'r' || roundTripLetter === 'o') trip.roundTrip = roundTripLetter === 'r';
  else report('bad-round-trip', roundTripLetter);

  const timeText = header.slice(3, 7);
  const timeMatch = /^([01]\d|2[0-3])([0-5]\d)$/.exec(timeText);
  if (timeMatch) trip.startMinute = Number(timeMatch[1]) * 60 + Number(timeMatch[2]);
  else report('bad-start-time', timeText);

  trip.start = readStart(header.slice(7), report);
}

function readStart(text: string, report: (code: TripLinkProblemCode, value: string) => void): TripStart {
  if (text === 'f') return { kind: 'first-stop' };
  if (text === 'h') return { kind: 'here' };
  const pointMatch = /^p([^*]*)\*(.*)$/.exec(text);
  if (!pointMatch || !CANONICAL_SIGNED_INTEGER.test(pointMatch[1]!) || !CANONICAL_SIGNED_INTEGER.test(pointMatch[2]!)) {
    report('bad-start', text);
    return { kind: 'first-stop' };
  }
  const longitude = Number(pointMatch[1]) / COORDINATE_SCALE;
  const latitude = Number(pointMatch[2]) / COORDINATE_SCALE;
  if (!(Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90)) {
    report('out-of-range', `${longitude}, ${latitude}`);
    return { kind: 'first-stop' };
  }
  return { kind: 'point', point: [longitude, latitude] };
}

function readStops(
  stopTexts: readonly string[],
  trip: TripState,
  knownIds: ReadonlySet<string> | undefined,
  report: (code: TripLinkProblemCode, value: string) => void,
  fileStopsAllowed: boolean,
): void {
  const seen = new Set<string>();
  const stops: TripStopChoice[] = [];
  let overflow = 0;
  for (const stopText of stopTexts) {
    if (fileStopsAllowed && stopText.startsWith('~')) {
      const stop = readFileStop(stopText, report);
      if (!stop) continue;
      if (seen.has(stop.id)) {
        report('duplicate-place', stop.custom!.name);
        continue;
      }
      if (stops.length >= MAXIMUM_TRIP_STOPS) {
        overflow += 1;
        continue;
      }
      seen.add(stop.id);
      stops.push(stop);
      continue;
    }
    const [rawId = '', durationText, ...extra] = stopText.split('*');
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      report('bad-escape', rawId);
      continue;
    }
    if (id.length === 0 || id.length > MAXIMUM_ID_LENGTH || LONE_SURROGATE.test(id)) {
      report('bad-escape', rawId);
      continue;
    }
    if (escapeId(id) !== rawId) report('irregular-escape', rawId);
    if (knownIds && !knownIds.has(id)) {
      report('unknown-place', id);
      continue;
    }
    if (seen.has(id)) {
      report('duplicate-place', id);
      continue;
    }
    if (stops.length >= MAXIMUM_TRIP_STOPS) {
      overflow += 1;
      continue;
    }
    seen.add(id);
    const stop: TripStopChoice = { id };
    if (durationText !== undefined || extra.length > 0) {
      const minutes = Number(durationText);
      if (
        extra.length === 0 &&
        durationText !== undefined &&
        CANONICAL_INTEGER.test(durationText) &&
        minutes <= MAXIMUM_VISIT_MINUTES
      ) {
        stop.visitMinutes = minutes;
      } else {
        report('bad-duration', [durationText, ...extra].join('*'));
      }
    }
    stops.push(stop);
  }
  if (overflow > 0) report('too-many-places', String(overflow));
  trip.stops = stops;
}

/**
 * One `~lon*lat*name[*minutes]` stop. The name is only ever text (the app renders it escaped and
 * the exports XML-escape it); it is cleaned and capped like a name read from a file, and a cut is
 * reported. Coordinates must be canonical integers that give a WGS84 position.
 */
function readFileStop(
  stopText: string,
  report: (code: TripLinkProblemCode, value: string) => void,
): TripStopChoice | null {
  const [longitudeText = '', latitudeText = '', rawName = '', durationText, ...extra] = stopText.slice(1).split('*');
  if (
    extra.length > 0 ||
    !CANONICAL_SIGNED_INTEGER.test(longitudeText) ||
    !CANONICAL_SIGNED_INTEGER.test(latitudeText)
  ) {
    report('bad-file-stop', stopText);
    return null;
  }
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    report('bad-file-stop', stopText);
    return null;
  }
  // The whole link's length cap bounds the work; the name is cut to MAXIMUM_CUSTOM_NAME_LENGTH here.
  const stop = customStop(name, [Number(longitudeText) / COORDINATE_SCALE, Number(latitudeText) / COORDINATE_SCALE]);
  if (!stop) {
    report('bad-file-stop', stopText);
    return null;
  }
  if (stop.custom!.name !== name) report('file-stop-name-shortened', stop.custom!.name);
  else if (escapeId(name) !== rawName) report('irregular-escape', rawName);
  if (durationText !== undefined) {
    const minutes = Number(durationText);
    if (CANONICAL_INTEGER.test(durationText) && minutes <= MAXIMUM_VISIT_MINUTES) stop.visitMinutes = minutes;
    else report('bad-duration', durationText);
  }
  return stop;
}
