/**
 * Messages between the page and `drawn-shape.worker.ts`. The worker lives as long as the planner
 * and keeps the zone prepared (green land dissolved, units boxed), so the dataset crosses once and
 * each finished shape is one small message each way.
 */
import type { DrawnGeometry, DrawnPolygonAnalysisResult } from '../analysis/drawn-shape-analysis.ts';
import type { Dataset } from '../data/dataset-types.ts';

export type DrawnShapeRequest =
  | { type: 'dataset'; dataset: Dataset }
  | { type: 'analyse'; requestId: number; shapeId: string; geometry: DrawnGeometry };

export type DrawnShapeReply =
  | { requestId: number; ok: true; result: DrawnPolygonAnalysisResult }
  | { requestId: number; ok: false; reason: string };
