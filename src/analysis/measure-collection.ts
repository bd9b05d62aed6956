/**
 * Area of any GeoJSON FeatureCollection, in total and grouped by a property: what the stats CLI
 * reports for a planner's file, and what the app's import panel can show for a dropped file.
 * Each feature is measured on the WGS84 ellipsoid and the areas are summed, so features that
 * overlap each other count twice (dissolving 100 000 parcels would cost minutes; say so instead).
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { ellipsoidalArea } from '../geo/area.ts';

export interface AreaGroup {
  /** The property's value as text; null for features without it. */
  key: string | null;
  areaM2: number;
  /** Features with polygon area in this group. */
  count: number;
}

export interface SkippedGeometries {
  /** Point and MultiPoint geometries (also inside collections): no area. */
  points: number;
  /** LineString and MultiLineString geometries: no area. */
  lines: number;
  /** Features whose geometry is null (position unknown). */
  nullGeometries: number;
}

export interface CollectionMeasurement {
  totalAreaM2: number;
  featureCount: number;
  /** Features that contributed polygon area. */
  measuredCount: number;
  /** Present when grouped: one entry per distinct value, largest area first. */
  groups?: AreaGroup[];
  skipped: SkippedGeometries;
  method: string;
}

export const COLLECTION_AREA_METHOD =
  'WGS84 ellipsoidal area of each feature, summed; overlapping features are not merged, so ground they share is counted in each';

function countSkipped(geometry: Geometry, skipped: SkippedGeometries): void {
  // Collections are walked with an explicit stack: their nesting depth is the input's to choose.
  const pending: Geometry[] = [geometry];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.type === 'Point' || current.type === 'MultiPoint') skipped.points += 1;
    else if (current.type === 'LineString' || current.type === 'MultiLineString') skipped.lines += 1;
    else if (current.type === 'GeometryCollection') pending.push(...current.geometries);
  }
}

/** The grouping key of a property value; objects and arrays are keyed by their JSON text. */
function groupKey(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * @example
 * measureCollection(parcels, { by: 'land_use' })
 * // { totalAreaM2: 1.2e7, groups: [{ key: 'industrial', areaM2: 8.1e6, count: 40 }, …], skipped: { points: 0, lines: 2, nullGeometries: 0 }, … }
 */
export function measureCollection(
  collection: FeatureCollection,
  options: {
    by?: string;
    /** Filled with each feature's area (0 for points, lines and null geometries), for callers that also need them one by one. */
    featureAreasM2?: Float64Array;
  } = {},
): CollectionMeasurement {
  const skipped: SkippedGeometries = { points: 0, lines: 0, nullGeometries: 0 };
  const groups = new Map<string | null, AreaGroup>();
  let totalAreaM2 = 0;
  let measuredCount = 0;
  const by = options.by;
  const featureAreasM2 = options.featureAreasM2;
  for (let index = 0; index < collection.features.length; index++) {
    const geometry = collection.features[index]!.geometry;
    if (!geometry) {
      skipped.nullGeometries += 1;
      continue;
    }
    const polygonal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
    if (!polygonal) countSkipped(geometry, skipped);
    const areaM2 = ellipsoidalArea(geometry);
    if (featureAreasM2) featureAreasM2[index] = areaM2;
    if (!polygonal && !(geometry.type === 'GeometryCollection' && areaM2 > 0)) continue;
    totalAreaM2 += areaM2;
    measuredCount += 1;
    if (by !== undefined) {
      const key = groupKey(collection.features[index]!.properties?.[by]);
      const group = groups.get(key) ?? { key, areaM2: 0, count: 0 };
      group.areaM2 += areaM2;
      group.count += 1;
      groups.set(key, group);
    }
  }
  const measurement: CollectionMeasurement = {
    totalAreaM2,
    featureCount: collection.features.length,
    measuredCount,
    skipped,
    method: COLLECTION_AREA_METHOD,
  };
  if (by !== undefined) {
    measurement.groups = [...groups.values()].sort(
      (first, second) => second.areaM2 - first.areaM2 || String(first.key).localeCompare(String(second.key)),
    );
  }
  return measurement;
}
