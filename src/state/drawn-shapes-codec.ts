/**
 * What the drawn shapes look like in IndexedDB, read back with suspicion: storage can hold a copy
 * from an older build, a half-written value or anything a browser extension put there. Good
 * shapes are kept, bad ones dropped and counted, so the planner is told and keeps the rest.
 * Pure (no IndexedDB, no DOM): tested in node.
 */
import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { measureDrawnGeometry, type DrawnMeasurement } from '../analysis/drawn-shape-measurement.ts';
import type { DrawnPolygonAnalysisResult } from '../analysis/drawn-shape-analysis.ts';

export type DrawnTool = 'polygon' | 'rectangle' | 'line';

export interface StoredDrawnShape {
  id: string;
  tool: DrawnTool;
  geometry: Polygon | LineString;
  name: string;
}

export const STORED_SHAPES_VERSION = 1;
export const MAXIMUM_NAME_LENGTH = 200;
/** A hand-drawn shape has tens of vertices; far more means the value is not one of ours. */
export const MAXIMUM_VERTICES = 100_000;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface DecodedShapes {
  shapes: StoredDrawnShape[];
  /** Entries that were not valid shapes (or repeated an id) and were left out. */
  dropped: number;
  /** The stored value as a whole was unreadable (not our format); nothing could be kept. */
  unreadable: boolean;
}

export function encodeShapes(shapes: readonly StoredDrawnShape[]): { version: number; shapes: StoredDrawnShape[] } {
  return { version: STORED_SHAPES_VERSION, shapes: shapes.map((shape) => ({ ...shape })) };
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

function isPath(value: unknown, minimum: number): value is Position[] {
  return Array.isArray(value) && value.length >= minimum && value.length <= MAXIMUM_VERTICES && value.every(isPosition);
}

function isClosedRing(value: unknown): value is Position[] {
  if (!isPath(value, 4)) return false;
  const first = value[0]!;
  const last = value[value.length - 1]!;
  return first[0] === last[0] && first[1] === last[1];
}

function decodeGeometry(tool: DrawnTool, value: unknown): Polygon | LineString | null {
  if (typeof value !== 'object' || value === null) return null;
  const geometry = value as { type?: unknown; coordinates?: unknown };
  if (tool === 'line') {
    if (geometry.type !== 'LineString' || !isPath(geometry.coordinates, 2)) return null;
    return { type: 'LineString', coordinates: geometry.coordinates.map((position) => [position[0]!, position[1]!]) };
  }
  if (geometry.type !== 'Polygon' || !Array.isArray(geometry.coordinates) || geometry.coordinates.length !== 1)
    return null;
  const ring = geometry.coordinates[0];
  if (!isClosedRing(ring)) return null;
  return { type: 'Polygon', coordinates: [ring.map((position) => [position[0]!, position[1]!])] };
}

function decodeShape(value: unknown): StoredDrawnShape | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  const { id, tool, name } = entry;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return null;
  if (tool !== 'polygon' && tool !== 'rectangle' && tool !== 'line') return null;
  const geometry = decodeGeometry(tool, entry.geometry);
  if (!geometry) return null;
  // A missing or odd name costs nothing measurable: keep the shape, unnamed.
  const cleanName = typeof name === 'string' ? name.slice(0, MAXIMUM_NAME_LENGTH) : '';
  return { id, tool, geometry, name: cleanName };
}

/** Reads whatever storage returned. `undefined` (nothing stored) is an empty, clean list. */
export function decodeShapes(stored: unknown): DecodedShapes {
  if (stored === undefined || stored === null) return { shapes: [], dropped: 0, unreadable: false };
  if (
    typeof stored !== 'object' ||
    !Array.isArray((stored as { shapes?: unknown }).shapes) ||
    (stored as { version?: unknown }).version !== STORED_SHAPES_VERSION
  ) {
    return { shapes: [], dropped: 0, unreadable: true };
  }
  const entries = (stored as { shapes: unknown[] }).shapes;
  const shapes: StoredDrawnShape[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const entry of entries) {
    const shape = decodeShape(entry);
    if (!shape || seen.has(shape.id)) {
      dropped += 1;
      continue;
    }
    seen.add(shape.id);
    shapes.push(shape);
  }
  return { shapes, dropped, unreadable: false };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * The shapes as a GeoJSON FeatureCollection, each with its measured figures as properties: what a
 * planner opens in QGIS or sends on. Green land and overlaps appear where the analysis finished.
 */
export function shapesAsGeoJson(
  shapes: readonly StoredDrawnShape[],
  analyses: Readonly<Record<string, DrawnPolygonAnalysisResult | undefined>> = {},
): FeatureCollection<Polygon | LineString> {
  const features = shapes.map((shape): Feature<Polygon | LineString> => {
    const measured: DrawnMeasurement = measureDrawnGeometry(shape.geometry);
    const properties: Record<string, string | number | null> = { id: shape.id, name: shape.name, tool: shape.tool };
    if (measured.type === 'length') properties.length_m = roundTo(measured.lengthM, 3);
    if (measured.type === 'area') {
      properties.area_m2 = roundTo(measured.areaM2, 3);
      properties.area_ha = roundTo(measured.areaM2 / 10_000, 6);
      properties.area_mu = roundTo(measured.areaM2 / (10_000 / 15), 4);
      properties.perimeter_m = roundTo(measured.perimeterM, 3);
    }
    if (measured.type === 'no-area') {
      properties.area_problem = measured.problem;
      properties.perimeter_m = roundTo(measured.perimeterM, 3);
    }
    const analysis = analyses[shape.id];
    if (analysis?.ok) {
      properties.green_area_m2 =
        analysis.analysis.greenAreaM2 === null ? null : roundTo(analysis.analysis.greenAreaM2, 3);
      properties.green_space_ratio =
        analysis.analysis.greenSpaceRatio === null ? null : roundTo(analysis.analysis.greenSpaceRatio, 6);
    }
    properties.area_method = 'WGS84 ellipsoid (geodesic edges)';
    return { type: 'Feature', id: shape.id, geometry: shape.geometry, properties };
  });
  return { type: 'FeatureCollection', features };
}
