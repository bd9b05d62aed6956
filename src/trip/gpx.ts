/**
 * A trip as GPX 1.1 (https://www.topografix.com/GPX/1/1/): one waypoint per stop and a route
 * through them in visiting order (back to the start for a round trip), for phones and GPS units.
 *
 * Names are XML-escaped, so hostile or odd names (`<script>`, `&`, quotes) read back unchanged.
 * Positions are written as fixed decimals (7 places, ~1 cm) because GPX's xsd:decimal has no
 * exponent form and `String(1e-7)` would be invalid. Approximate positions say so in `desc`.
 *
 * Planned times: given the day of the trip, each waypoint and route point carries a `<time>` (UTC,
 * as GPX requires): the start time at the first stop, the arrival at every later stop, the return for a
 * round trip. The trip's clock times are local to 泸州 (China Standard Time, UTC+8, no summer
 * time). The start's departure is also written in its `desc`, beside each stop's arrival.
 *
 * @example
 * tripToGpx(plan, { name: '高新区一日游' })
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="…" …><wpt lat="28.8940000" lon="105.4740000">…'
 */
import { formatTripTime } from './schedule.ts';
import type { PlannedStop, TripPlan } from './plan-trip.ts';
import { xmlText } from './xml-text.ts';

export const GPX_CREATOR = 'Luzhou National High-tech Zone map (泸州国家高新区地图)';

function coordinate(value: number): string {
  return value.toFixed(7);
}

function stopName(stop: PlannedStop): string {
  if (stop.nameZh && stop.nameEn && stop.nameZh !== stop.nameEn) return `${stop.nameZh} ${stop.nameEn}`;
  return stop.nameZh || stop.nameEn || stop.id;
}

/** China Standard Time, the clock the trip's times are planned in. */
export const ZONE_UTC_OFFSET_MINUTES = 8 * 60;

export interface GpxOptions {
  name: string;
  /** The trip's first day, `YYYY-MM-DD` in 泸州's calendar; without it (or if invalid) no `<time>` is written. */
  date?: string;
}

/**
 * The instant `minute` minutes after local midnight starting `date`, as an xsd:dateTime in UTC;
 * null for a date that is not a real `YYYY-MM-DD` day.
 */
export function plannedInstant(
  date: string,
  minute: number,
  utcOffsetMinutes = ZONE_UTC_OFFSET_MINUTES,
): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = Date.UTC(year, month - 1, day);
  const check = new Date(midnight);
  // Date.UTC rolls 2026-02-30 over to March: such a day does not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(midnight + (minute - utcOffsetMinutes) * 60_000).toISOString().replace('.000Z', 'Z');
}

/** The day `now` falls on in 泸州 (UTC+8), `YYYY-MM-DD`: the default day of an exported trip. */
export function zoneDateOf(now: Date): string {
  return new Date(now.getTime() + ZONE_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

export function tripToGpx(plan: TripPlan, options: GpxOptions): string {
  const instant = (minute: number | undefined): string | null =>
    options.date !== undefined && minute !== undefined ? plannedInstant(options.date, minute) : null;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx version="1.1" creator="${xmlText(GPX_CREATOR)}" xmlns="http://www.topografix.com/GPX/1/1">`,
    '  <metadata>',
    `    <name>${xmlText(options.name)}</name>`,
    '    <desc>Straight-line legs between stops; times are estimates (no road network). 各段为直线，时间为估计值（无道路数据）。</desc>',
    '  </metadata>',
  ];
  plan.stops.forEach((stop, index) => {
    const scheduled = plan.schedule.stops[index];
    const notes: string[] = [];
    // The first stop is where the day starts: reached at the start time itself, not arrived at.
    const reached = scheduled?.arrival ?? (index === 0 ? plan.schedule.start : undefined);
    if (scheduled?.arrival) notes.push(`arrive 到达 ${formatTripTime(scheduled.arrival)}`);
    else if (index === 0) notes.push(`start 出发 ${formatTripTime(plan.schedule.start)}`);
    if (scheduled && stop.visitMinutes > 0 && scheduled.departure.minute !== reached?.minute) {
      notes.push(`leave 离开 ${formatTripTime(scheduled.departure)}`);
    }
    if (stop.positionIsSchematic) notes.push('schematic position, search by name 位置为示意，请按名称搜索');
    else if (stop.approximate) notes.push('approximate position 位置为估计');
    if (stop.fromFile) notes.push('from your file, not checked against the map data 来自您的文件，未经核实');
    lines.push(`  <wpt lat="${coordinate(stop.point[1])}" lon="${coordinate(stop.point[0])}">`);
    // GPX orders a waypoint's children: <time> comes before <name>.
    const time = instant(reached?.minute);
    if (time) lines.push(`    <time>${time}</time>`);
    lines.push(`    <name>${xmlText(stopName(stop))}</name>`);
    if (notes.length > 0) lines.push(`    <desc>${xmlText(notes.join('; '))}</desc>`);
    if (stop.category) lines.push(`    <type>${xmlText(stop.category)}</type>`);
    lines.push('  </wpt>');
  });
  const returns = plan.roundTrip && plan.stops.length > 1;
  const routeStops = returns ? [...plan.stops, plan.stops[0]!] : plan.stops;
  lines.push('  <rte>', `    <name>${xmlText(options.name)}</name>`);
  routeStops.forEach((stop, index) => {
    const scheduled = plan.schedule.stops[index];
    const isReturn = returns && index === plan.stops.length;
    const reached = scheduled?.arrival ?? (index === 0 ? plan.schedule.start : undefined);
    const time = instant(isReturn ? plan.schedule.returnArrival?.minute : reached?.minute);
    const timeElement = time ? `<time>${time}</time>` : '';
    lines.push(
      `    <rtept lat="${coordinate(stop.point[1])}" lon="${coordinate(stop.point[0])}">${timeElement}<name>${xmlText(stopName(stop))}</name></rtept>`,
    );
  });
  lines.push('  </rte>', '</gpx>', '');
  return lines.join('\n');
}
