/**
 * STUB (contract) — owned by the measuring helper: terra-draw on the zone map.
 */
import type { Map } from 'maplibre-gl';

export interface MeasureDrawingController {
  /** True while a drawing or editing mode is active: map clicks then belong to the drawing, not to feature selection. */
  isDrawing: () => boolean;
  destroy: () => void;
}

export function connectMeasureDrawing(_map: Map): MeasureDrawingController {
  return { isDrawing: () => false, destroy: () => undefined };
}
