/**
 * A layer's features cut into vector tiles for a PMTiles archive: `@maplibre/geojson-vt` slices and
 * simplifies, `@maplibre/vt-pbf` encodes each tile as MVT, `fflate` gzips it. Each feature keeps the
 * properties a planner clicks for (its id, its class codes, any other plain value) plus its area
 * measured on the WGS84 ellipsoid, so the map shows the same figure as the stats CLI.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { gzipSync } from 'fflate';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import type { ArchiveTile } from './pmtiles-writer.ts';

export interface TilingOptions {
  layerName: string;
  minZoom: number;
  maxZoom: number;
  /** Properties to keep; all plain (string, number, boolean) ones when absent. */
  properties?: readonly string[];
}

export interface TiledLayer {
  tiles: ArchiveTile[];
  /** West, south, east, north of every position. */
  bounds: [number, number, number, number];
  /** Each kept property and its MVT value type, for the archive's `vector_layers`. */
  fields: Record<string, 'String' | 'Number' | 'Boolean'>;
  featureCount: number;
}

/** Tile extent and buffer as MapLibre expects them; 3 px of simplification at each zoom, not more. */
const EXTENT = 4096;
const BUFFER = 64;
const TOLERANCE = 3;

type Plain = string | number | boolean;

function isPlain(value: unknown): value is Plain {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function extendBounds(geometry: Geometry, bounds: [number, number, number, number]): void {
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [longitude, latitude] = value as Position;
      bounds[0] = Math.min(bounds[0], longitude!);
      bounds[1] = Math.min(bounds[1], latitude!);
      bounds[2] = Math.max(bounds[2], longitude!);
      bounds[3] = Math.max(bounds[3], latitude!);
      return;
    }
    for (const member of value) visit(member);
  };
  if (geometry.type === 'GeometryCollection') for (const member of geometry.geometries) extendBounds(member, bounds);
  else visit(geometry.coordinates);
}

/** The feature as tiled: kept properties, `id` (the feature's, else its 1-based position) and `areaM2`. */
function tiledFeature(
  feature: Feature,
  index: number,
  options: TilingOptions,
  fields: TiledLayer['fields'],
): Feature | null {
  if (!feature.geometry) return null;
  const properties: Record<string, Plain> = {};
  const source = feature.properties ?? {};
  const names = options.properties ?? Object.keys(source);
  for (const name of names) {
    const value = source[name];
    if (!isPlain(value)) continue;
    properties[name] = value;
  }
  const id = feature.id ?? source.id ?? index + 1;
  properties.id = isPlain(id) ? id : index + 1;
  const areaM2 = ellipsoidalArea(feature.geometry);
  // Centimetre-square precision is more than any survey; fewer digits make smaller tiles.
  if (areaM2 > 0) properties.areaM2 = Math.round(areaM2 * 100) / 100;
  for (const [name, value] of Object.entries(properties)) {
    const type = typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Number' : 'Boolean';
    // A column with mixed types is declared String: MapLibre compares what it gets.
    fields[name] = fields[name] === undefined || fields[name] === type ? type : 'String';
  }
  const tiled: Feature = { type: 'Feature', geometry: feature.geometry, properties };
  // MVT feature ids are unsigned integers: keep one only when it is one (feature-state, hover).
  if (typeof id === 'number' && Number.isInteger(id) && id >= 0) tiled.id = id;
  return tiled;
}

/**
 * @example
 * tileLayer(parcels, { layerName: 'parcels', minZoom: 10, maxZoom: 15 }).tiles.length // 1234
 */
export function tileLayer(collection: FeatureCollection, options: TilingOptions): TiledLayer {
  const fields: TiledLayer['fields'] = {};
  const bounds: [number, number, number, number] = [180, 90, -180, -90];
  const features: Feature[] = [];
  collection.features.forEach((feature, index) => {
    const tiled = tiledFeature(feature, index, options, fields);
    if (!tiled) return;
    extendBounds(tiled.geometry, bounds);
    features.push(tiled);
  });
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features },
    {
      maxZoom: options.maxZoom,
      indexMaxZoom: Math.min(options.maxZoom, 5),
      tolerance: TOLERANCE,
      extent: EXTENT,
      buffer: BUFFER,
    },
  );
  const tiles: ArchiveTile[] = [];
  // Depth first from the world tile: only children of a tile with features can hold any.
  const pending: [number, number, number][] = features.length > 0 ? [[0, 0, 0]] : [];
  while (pending.length > 0) {
    const [z, x, y] = pending.pop()!;
    const tile = index.getTile(z, x, y);
    // A tile can be empty where its parcels simplify to nothing at this zoom, yet hold them deeper.
    if (!tile) continue;
    if (z >= options.minZoom && tile.features.length > 0) {
      const encoded = fromGeojsonVt({ [options.layerName]: tile }, { version: 2, extent: EXTENT });
      tiles.push({ z, x, y, bytes: gzipSync(encoded) });
    }
    if (z < options.maxZoom)
      for (const [childX, childY] of [
        [2 * x, 2 * y],
        [2 * x + 1, 2 * y],
        [2 * x, 2 * y + 1],
        [2 * x + 1, 2 * y + 1],
      ] as const)
        pending.push([z + 1, childX, childY]);
  }
  return { tiles, bounds, fields, featureCount: features.length };
}
