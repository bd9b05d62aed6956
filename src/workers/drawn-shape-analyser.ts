/**
 * The drawn-shape worker's state and its one computation, as plain functions (no worker globals)
 * so they run in node and as the main-thread fallback: a failure becomes a reply with its reason.
 */
import { analyseDrawnPolygon, prepareZone, type PreparedZone } from '../analysis/drawn-shape-analysis.ts';
import type { DrawnShapeReply, DrawnShapeRequest } from './drawn-shape-protocol.ts';

export function createDrawnShapeAnalyser(): (request: DrawnShapeRequest) => DrawnShapeReply | null {
  let zone: PreparedZone | null = null;
  return (request) => {
    if (request.type === 'dataset') {
      zone = prepareZone(request.dataset);
      return null;
    }
    if (!zone) return { requestId: request.requestId, ok: false, reason: 'the zone dataset has not been loaded' };
    try {
      return {
        requestId: request.requestId,
        ok: true,
        result: analyseDrawnPolygon(request.shapeId, request.geometry, zone),
      };
    } catch (error) {
      return {
        requestId: request.requestId,
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  };
}
