/**
 * Noticing a file drawn on a Chinese commercial basemap. GCJ-02 (高德) and BD-09 (百度) shift
 * every position by ≈ 500 m near Luzhou, so a file that traces the district boundaries in one of
 * them sits about that far off the (WGS84) district boundaries. Sample the file's vertices near
 * the districts, measure their median distance to the nearest boundary segment as read and after
 * each conversion, and suggest the conversion that brings them much closer. Files elsewhere, or
 * whose shapes simply do not follow the boundaries, get no suggestion.
 */
import type { FeatureCollection, Position } from 'geojson';
import { toWgs84, type CoordinateSystem } from '../coordinate-systems.ts';
import type { CoordinateSystemSuggestion } from './import-types.ts';

/** Vertices sampled from the file: enough for a stable median, few enough to cost milliseconds. */
export const MAXIMUM_SAMPLED_VERTICES = 3000;
/** Before converting, the file must sit at least this far off (metres, median) to suggest anything. */
export const MINIMUM_OFFSET_BEFORE_M = 200;
/** …and the conversion must bring it to less than this fraction of that… */
export const REQUIRED_IMPROVEMENT = 1 / 3;
/**
 * …and to within this many metres: a file that follows the boundaries lands on them (≈ 0 m), while
 * shapes that merely lie near a boundary move by chance from 600 m to 200 m (seen on a small KML).
 */
export const MAXIMUM_OFFSET_AFTER_M = 100;
/** Fewer sampled vertices near the districts than this, and the file is not judged. */
export const MINIMUM_SAMPLES = 20;
/** Distances are searched this far; farther counts as this far (the decision only needs ≈ 500 m). */
const SEARCH_RADIUS_M = 1500;
const CELL_DEGREES = 0.01;
const METRES_PER_DEGREE_LATITUDE = 110_574;

type Segment = [x1: number, y1: number, x2: number, y2: number];

/** Boundary segments of the districts in a grid, in local metres (equirectangular at the centre). */
export interface BoundaryIndex {
  west: number;
  south: number;
  east: number;
  north: number;
  metresPerDegreeLongitude: number;
  cells: Map<number, Segment[]>;
}

function forEachRing(collection: FeatureCollection, visit: (ring: Position[]) => void): void {
  for (const feature of collection.features) {
    const pending = feature.geometry ? [feature.geometry] : [];
    while (pending.length > 0) {
      const geometry = pending.pop()!;
      if (geometry.type === 'Polygon') geometry.coordinates.forEach(visit);
      else if (geometry.type === 'MultiPolygon') geometry.coordinates.forEach((polygon) => polygon.forEach(visit));
      else if (geometry.type === 'GeometryCollection') pending.push(...geometry.geometries);
    }
  }
}

/** A number, not a string: millions of lookups per file. Columns and rows stay far below 2^20. */
function cellKey(column: number, row: number): number {
  return (column + 0x80000) * 0x100000 + (row + 0x80000);
}

/** Build once per dataset; reused for every file imported. */
export function indexBoundaries(districts: FeatureCollection): BoundaryIndex | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  forEachRing(districts, (ring) => {
    for (const [longitude, latitude] of ring as [number, number][]) {
      west = Math.min(west, longitude);
      east = Math.max(east, longitude);
      south = Math.min(south, latitude);
      north = Math.max(north, latitude);
    }
  });
  if (!Number.isFinite(west)) return null;
  const metresPerDegreeLongitude = 111_320 * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const index: BoundaryIndex = { west, south, east, north, metresPerDegreeLongitude, cells: new Map() };
  forEachRing(districts, (ring) => {
    for (let vertex = 1; vertex < ring.length; vertex++) {
      const from = ring[vertex - 1]!;
      const to = ring[vertex]!;
      const segment: Segment = [
        (from[0]! - west) * metresPerDegreeLongitude,
        (from[1]! - south) * METRES_PER_DEGREE_LATITUDE,
        (to[0]! - west) * metresPerDegreeLongitude,
        (to[1]! - south) * METRES_PER_DEGREE_LATITUDE,
      ];
      const firstColumn = Math.floor((Math.min(from[0]!, to[0]!) - west) / CELL_DEGREES);
      const lastColumn = Math.floor((Math.max(from[0]!, to[0]!) - west) / CELL_DEGREES);
      const firstRow = Math.floor((Math.min(from[1]!, to[1]!) - south) / CELL_DEGREES);
      const lastRow = Math.floor((Math.max(from[1]!, to[1]!) - south) / CELL_DEGREES);
      for (let column = firstColumn; column <= lastColumn; column++) {
        for (let row = firstRow; row <= lastRow; row++) {
          const key = cellKey(column, row);
          const list = index.cells.get(key);
          if (list) list.push(segment);
          else index.cells.set(key, [segment]);
        }
      }
    }
  });
  return index;
}

function distanceToSegment(x: number, y: number, [x1, y1, x2, y2]: Segment): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** Metres from a position to the nearest district boundary, capped at the search radius. */
export function distanceToBoundary(index: BoundaryIndex, [longitude, latitude]: Position): number {
  const x = (longitude! - index.west) * index.metresPerDegreeLongitude;
  const y = (latitude! - index.south) * METRES_PER_DEGREE_LATITUDE;
  const column = Math.floor((longitude! - index.west) / CELL_DEGREES);
  const row = Math.floor((latitude! - index.south) / CELL_DEGREES);
  const reach = Math.ceil(SEARCH_RADIUS_M / (CELL_DEGREES * index.metresPerDegreeLongitude));
  let nearest = SEARCH_RADIUS_M;
  for (let columnOffset = -reach; columnOffset <= reach; columnOffset++) {
    for (let rowOffset = -reach; rowOffset <= reach; rowOffset++) {
      for (const segment of index.cells.get(cellKey(column + columnOffset, row + rowOffset)) ?? []) {
        nearest = Math.min(nearest, distanceToSegment(x, y, segment));
      }
    }
  }
  return nearest;
}

function median(values: number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Calls `visit` with every position of every geometry, in file order; plain loops, as files can hold millions. */
function forEachPosition(collection: FeatureCollection, visit: (position: Position) => void): void {
  for (const feature of collection.features) {
    const pending = feature.geometry ? [feature.geometry] : [];
    while (pending.length > 0) {
      const geometry = pending.pop()!;
      switch (geometry.type) {
        case 'Point':
          visit(geometry.coordinates);
          break;
        case 'MultiPoint':
        case 'LineString':
          for (const position of geometry.coordinates) visit(position);
          break;
        case 'MultiLineString':
        case 'Polygon':
          for (const path of geometry.coordinates) for (const position of path) visit(position);
          break;
        case 'MultiPolygon':
          for (const polygon of geometry.coordinates)
            for (const ring of polygon) for (const position of ring) visit(position);
          break;
        case 'GeometryCollection':
          pending.push(...geometry.geometries);
          break;
      }
    }
  }
}

/**
 * Up to `limit` of the collection's vertices that lie within ≈ 5 km of the districts, spread
 * evenly through the file. Only every n-th vertex is looked at, so a file of millions of vertices
 * costs one counting pass and a light second one.
 */
export function sampleVerticesNear(
  collection: FeatureCollection,
  index: BoundaryIndex,
  limit = MAXIMUM_SAMPLED_VERTICES,
): Position[] {
  const margin = 0.05;
  let total = 0;
  forEachPosition(collection, () => {
    total += 1;
  });
  // Twice the limit is looked at, so files only partly near Luzhou still fill the sample.
  const step = Math.max(1, Math.floor(total / (limit * 2)));
  const near: Position[] = [];
  let counter = 0;
  forEachPosition(collection, (position) => {
    if (counter++ % step !== 0) return;
    const longitude = position[0]!;
    const latitude = position[1]!;
    if (
      longitude >= index.west - margin &&
      longitude <= index.east + margin &&
      latitude >= index.south - margin &&
      latitude <= index.north + margin
    ) {
      near.push(position);
    }
  });
  if (near.length <= limit) return near;
  const stride = near.length / limit;
  return Array.from({ length: limit }, (_, sample) => near[Math.floor(sample * stride)]!);
}

/**
 * @example
 * suggestCoordinateSystem(gcj02Cut, index) // { coordinateSystem: 'gcj02', medianOffsetBeforeM: 512, medianOffsetAfterM: 3 }
 * suggestCoordinateSystem(wgs84Cut, index) // null
 */
export function suggestCoordinateSystem(
  collection: FeatureCollection,
  index: BoundaryIndex | null,
): CoordinateSystemSuggestion | null {
  if (!index) return null;
  const samples = sampleVerticesNear(collection, index);
  if (samples.length < MINIMUM_SAMPLES) return null;
  const medianOffsetBeforeM = median(samples.map((position) => distanceToBoundary(index, position)));
  if (medianOffsetBeforeM <= MINIMUM_OFFSET_BEFORE_M) return null;
  const sampled: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: samples } }],
  };
  let best: CoordinateSystemSuggestion | null = null;
  for (const coordinateSystem of ['gcj02', 'bd09'] as const satisfies readonly CoordinateSystem[]) {
    const converted = toWgs84(sampled, coordinateSystem).features[0]!.geometry as { coordinates: Position[] };
    const medianOffsetAfterM = median(converted.coordinates.map((position) => distanceToBoundary(index, position)));
    if (!best || medianOffsetAfterM < best.medianOffsetAfterM)
      best = { coordinateSystem, medianOffsetBeforeM, medianOffsetAfterM };
  }
  if (!best) return null;
  const muchCloser =
    best.medianOffsetAfterM < best.medianOffsetBeforeM * REQUIRED_IMPROVEMENT &&
    best.medianOffsetAfterM < MAXIMUM_OFFSET_AFTER_M;
  return muchCloser ? best : null;
}
