/**
 * The points of a layer the visitor imported (a CSV/XLSX point table, or GeoJSON, KML, GPX points),
 * as trip stops: each named from its file's name-like column and placed at its WGS84 position (the
 * import already converted GCJ-02 / BD-09). Only the file vouches for them, so they stay marked as
 * the visitor's own (TripStopChoice.custom), never as dataset places.
 *
 * @example
 * importedPointStops(collection).stops[0]
 * // { id: '@file:10541035_2885148', custom: { name: '江阳区', point: [105.41035, 28.85148] } }
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LonLat } from './distance.ts';
import { cleanCustomStopName, customStop, type TripStopChoice } from './trip-state.ts';

/** Column names that hold a place's name in the files visitors and planners bring, in order of preference. */
export const NAME_COLUMNS: readonly string[] = [
  '名称',
  '名字',
  '地名',
  '地点',
  '站名',
  '标题',
  'name',
  'name_zh',
  'title',
  'label',
  'place',
  'poi',
];

function pointOf(feature: Feature | null | undefined): LonLat | null {
  const geometry = feature?.geometry;
  if (!geometry) return null;
  if (geometry.type === 'Point') return [geometry.coordinates[0] as number, geometry.coordinates[1] as number];
  // A MultiPoint with one position is how some tools write a single point.
  if (geometry.type === 'MultiPoint' && geometry.coordinates.length === 1)
    return [geometry.coordinates[0]![0] as number, geometry.coordinates[0]![1] as number];
  return null;
}

/** The feature's name from its first non-empty name-like property (matched without regard to case); null when none. */
export function importedPointName(properties: Readonly<Record<string, unknown>> | null | undefined): string | null {
  if (!properties) return null;
  const byLowerKey = new Map<string, unknown>();
  for (const [key, value] of Object.entries(properties)) {
    const lower = key.trim().toLowerCase();
    if (!byLowerKey.has(lower)) byLowerKey.set(lower, value);
  }
  for (const column of NAME_COLUMNS) {
    const value = byLowerKey.get(column);
    if (typeof value === 'string' || typeof value === 'number') {
      const name = cleanCustomStopName(String(value));
      if (name !== null) return name;
    }
  }
  return null;
}

/** One feature (by its index in the file) as a stop; null when it is not a point with a valid position. */
export function importedPointStop(feature: Feature | null | undefined, featureIndex: number): TripStopChoice | null {
  const point = pointOf(feature);
  if (!point) return null;
  return customStop(importedPointName(feature?.properties) ?? `point ${featureIndex + 1}`, point);
}

/** Every point of the layer as a stop, in file order; `skipped` counts points with no usable position. */
export function importedPointStops(collection: FeatureCollection): { stops: TripStopChoice[]; skipped: number } {
  const stops: TripStopChoice[] = [];
  let skipped = 0;
  collection.features.forEach((feature, index) => {
    if (feature?.geometry?.type !== 'Point' && feature?.geometry?.type !== 'MultiPoint') return;
    const stop = importedPointStop(feature, index);
    if (stop) stops.push(stop);
    else skipped += 1;
  });
  return { stops, skipped };
}
