/**
 * STUB (contract) — owned by the measuring helper, who replaces the bodies. The shapes a planner
 * draws (WGS84), persisted in IndexedDB, and their analysis.
 */
import { signal } from '@preact/signals';
import type { LineString, Polygon } from 'geojson';
import type { LandUseTable } from '../analysis/land-use-types.ts';

export interface DrawnShape {
  id: string;
  /** 'rectangle' is a Polygon drawn as a rectangle. */
  tool: 'polygon' | 'rectangle' | 'line';
  geometry: Polygon | LineString;
  /** A name the planner may give it (text, never HTML). */
  name: string;
}

export const drawnShapes = signal<readonly DrawnShape[]>([]);

/** Land use inside one drawn polygon: the zone's features it overlaps, grouped. */
export async function drawnLandUseTable(_shapeId: string, _groupBy: string): Promise<LandUseTable> {
  throw new Error('not built yet');
}
/** Drawn shapes as GeoJSON with their measured area / length as properties. */
export function exportDrawnShapes(): Blob {
  throw new Error('not built yet');
}
