/**
 * A trip as GPX 1.1 (https://www.topografix.com/GPX/1/1/): one waypoint per stop and a route
 * through them in visiting order (back to the start for a round trip), for phones and GPS units.
 *
 * Names are XML-escaped, so hostile or odd names (`<script>`, `&`, quotes) read back unchanged.
 * Positions are written as fixed decimals (7 places, ~1 cm) because GPX's xsd:decimal has no
 * exponent form and `String(1e-7)` would be invalid. Approximate positions say so in `desc`.
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

export function tripToGpx(plan: TripPlan, options: { name: string }): string {
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
    if (scheduled?.arrival) notes.push(`arrive 到达 ${formatTripTime(scheduled.arrival)}`);
    if (scheduled && stop.visitMinutes > 0) notes.push(`leave 离开 ${formatTripTime(scheduled.departure)}`);
    if (stop.positionIsSchematic) notes.push('schematic position, search by name 位置为示意，请按名称搜索');
    else if (stop.approximate) notes.push('approximate position 位置为估计');
    lines.push(`  <wpt lat="${coordinate(stop.point[1])}" lon="${coordinate(stop.point[0])}">`);
    lines.push(`    <name>${xmlText(stopName(stop))}</name>`);
    if (notes.length > 0) lines.push(`    <desc>${xmlText(notes.join('; '))}</desc>`);
    if (stop.category) lines.push(`    <type>${xmlText(stop.category)}</type>`);
    lines.push('  </wpt>');
  });
  const routeStops = plan.roundTrip && plan.stops.length > 1 ? [...plan.stops, plan.stops[0]!] : plan.stops;
  lines.push('  <rte>', `    <name>${xmlText(options.name)}</name>`);
  for (const stop of routeStops) {
    lines.push(`    <rtept lat="${coordinate(stop.point[1])}" lon="${coordinate(stop.point[0])}"><name>${xmlText(stopName(stop))}</name></rtept>`);
  }
  lines.push('  </rte>', '</gpx>', '');
  return lines.join('\n');
}
