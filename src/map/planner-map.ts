/**
 * The planner's side of the map, loaded with the planner's code after the first frame: the
 * measuring tools, the planner's imported layers, and the printable image of the view.
 */
import type { Map } from 'maplibre-gl';
import { connectMeasureDrawing, type MeasureDrawingController } from './measure-drawing.ts';
import { connectDatasetFeatureEditor, type DatasetFeatureEditor } from './dataset-feature-editor.ts';
import { createDatasetEditModes } from './dataset-edit-modes.ts';
import type { MapImageOptions } from './export-map-image.ts';
import { connectUserLayers, type UserLayersController } from './user-layers.ts';
import { TRIP_LEG_LAYER_ID } from './trip-layers.ts';

export interface PlannerMapController {
  drawing: MeasureDrawingController;
  /** Edits one dataset feature in place, on the measuring tools' TerraDraw. */
  datasetEditor: DatasetFeatureEditor;
  userLayers: UserLayersController;
  exportImage: (options: MapImageOptions) => Promise<Blob>;
  destroy: () => void;
}

export function connectPlannerMap(map: Map): PlannerMapController {
  // Imported layers sit above the dataset and below the trip and the shapes being drawn (terra-draw's
  // layers are named td-…), whichever of those is lowest.
  const userLayers = connectUserLayers(map, () => {
    if (map.getLayer(TRIP_LEG_LAYER_ID)) return TRIP_LEG_LAYER_ID;
    // getLayersOrder, not getStyle: the latter serialises every source's data on each call.
    return map.getLayersOrder().find((layerId) => layerId.startsWith('td-'));
  });
  const datasetEditModes = createDatasetEditModes();
  const drawing = connectMeasureDrawing(map, datasetEditModes);
  return {
    drawing,
    datasetEditor: connectDatasetFeatureEditor(drawing, datasetEditModes),
    userLayers,
    // The image code (an offscreen canvas compositor) loads only when someone asks for an image.
    exportImage: async (options) => (await import('./export-map-image.ts')).exportMapImage(map, options),
    destroy: () => drawing.destroy(),
  };
}
