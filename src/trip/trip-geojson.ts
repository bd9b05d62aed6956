/**
 * A trip as a GeoJSON FeatureCollection (RFC 7946, WGS84): a Point per stop with its order and
 * times, and a LineString per leg. Legs are straight lines between stops, not routes, and every
 * estimate is labelled as one in its property name, so the file cannot be mistaken for a routing
 * result when opened in another tool.
 *
 * @example
 * tripToGeoJson(plan).features[0].properties
 * // { role: 'stop', order: 0, id: '@start', name_zh: '我的位置', …, departure: '09:00' }
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { formatTripTime } from './schedule.ts';
import type { TripPlan } from './plan-trip.ts';
import { DETOUR_FACTOR } from './travel-modes.ts';

export interface TripStopProperties {
  role: 'stop';
  order: number;
  id: string;
  name_zh: string;
  name_en: string;
  approximate: boolean;
  position_is_schematic: boolean;
  category: string | null;
  visit_minutes: number;
  visit_minutes_is_estimate: boolean;
  arrival: string | null;
  departure: string;
  /** Present (true) only on a stop from the visitor's own file: its name and position are the file's, not the dataset's. */
  from_file?: true;
}

export interface TripLegProperties {
  role: 'leg';
  order: number;
  from_id: string;
  to_id: string;
  mode: string;
  straight_line: true;
  straight_distance_m: number;
  estimated_route_distance_m: number;
  estimated_duration_s: number;
  detour_factor: number;
}

export function tripToGeoJson(
  plan: TripPlan,
): FeatureCollection<Point | LineString, TripStopProperties | TripLegProperties> {
  const stopFeatures: Feature<Point, TripStopProperties>[] = plan.stops.map((stop, order) => {
    const scheduled = plan.schedule.stops[order]!;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [stop.point[0], stop.point[1]] },
      properties: {
        role: 'stop',
        order,
        id: stop.id,
        name_zh: stop.nameZh,
        name_en: stop.nameEn,
        approximate: stop.approximate,
        position_is_schematic: stop.positionIsSchematic,
        category: stop.category ?? null,
        visit_minutes: stop.visitMinutes,
        visit_minutes_is_estimate: stop.visitMinutesIsEstimate,
        arrival: scheduled.arrival ? formatTripTime(scheduled.arrival) : null,
        departure: formatTripTime(scheduled.departure),
        ...(stop.fromFile ? { from_file: true as const } : {}),
      },
    };
  });
  const legFeatures: Feature<LineString, TripLegProperties>[] = plan.legs.map((leg, order) => {
    const from = plan.stops[leg.fromIndex]!;
    const to = plan.stops[leg.toIndex]!;
    const estimate = leg.estimates[plan.mode];
    return {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [from.point[0], from.point[1]],
          [to.point[0], to.point[1]],
        ],
      },
      properties: {
        role: 'leg',
        order,
        from_id: from.id,
        to_id: to.id,
        mode: plan.mode,
        straight_line: true,
        straight_distance_m: Math.round(leg.straightDistanceMetres),
        estimated_route_distance_m: Math.round(estimate.routeDistanceMetres),
        estimated_duration_s: Math.round(estimate.durationSeconds),
        detour_factor: DETOUR_FACTOR,
      },
    };
  });
  return { type: 'FeatureCollection', features: [...stopFeatures, ...legFeatures] };
}
