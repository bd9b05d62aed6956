/**
 * Bringing a file drawn on a Chinese commercial basemap into WGS84, the only datum used inside.
 * 高德 / DataV / 腾讯 coordinates are GCJ-02 and 百度 coordinates BD-09: both are WGS84 with a
 * deliberate offset of several hundred metres (≈ 490 m near Luzhou), so measuring or overlaying
 * them unconverted puts every shape in the wrong place. gcoord implements both conversions.
 */
import type { FeatureCollection } from 'geojson';
import gcoord from 'gcoord';

export type CoordinateSystem = 'wgs84' | 'gcj02' | 'bd09';

export const COORDINATE_SYSTEMS: readonly CoordinateSystem[] = ['wgs84', 'gcj02', 'bd09'];

export const COORDINATE_SYSTEM_NAMES: Record<CoordinateSystem, string> = {
  wgs84: 'WGS84 (GPS, OpenStreetMap, 天地图 CGCS2000)',
  gcj02: 'GCJ-02 (高德, DataV, 腾讯)',
  bd09: 'BD-09 (百度)',
};

export function isCoordinateSystem(value: unknown): value is CoordinateSystem {
  return typeof value === 'string' && (COORDINATE_SYSTEMS as readonly string[]).includes(value);
}

/**
 * A WGS84 copy of a validated collection; the input is left untouched (gcoord converts in place,
 * so it is handed a clone).
 *
 * @example
 * toWgs84(parsed.collection, 'gcj02') // every position moved ≈ −0.0036° lon, +0.0030° lat near Luzhou
 */
export function toWgs84(collection: FeatureCollection, from: CoordinateSystem): FeatureCollection {
  if (from === 'wgs84') return collection;
  // gcoord declares its own GeoJSON types, structurally the same as @types/geojson's.
  type GcoordInput = Parameters<typeof gcoord.transform>[0];
  const copy = structuredClone(collection) as unknown as GcoordInput;
  const source = from === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  return gcoord.transform(copy, source, gcoord.WGS84) as unknown as FeatureCollection;
}
