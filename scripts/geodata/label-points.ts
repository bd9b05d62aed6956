/**
 * The label points of the shipped layers are made by the same code that labels a layer a planner
 * replaces in the app (src/data/label-points.ts), so both are placed alike; the build imports it
 * from here, the module the shipped labels' `source` names.
 */
import type { Feature, Point } from 'geojson';
import { labelPoints as sharedLabelPoints } from '../../src/data/label-points.ts';

export { labelPoint } from '../../src/data/label-points.ts';

/** The shared label points as the build's features, whose properties are any record it serialises. */
export function labelPoints(
  features: Parameters<typeof sharedLabelPoints>[0],
): Feature<Point, Record<string, unknown>>[] {
  return sharedLabelPoints(features).map((point) => ({ ...point, properties: { ...point.properties } }));
}
