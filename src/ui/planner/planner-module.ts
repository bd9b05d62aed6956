/**
 * Everything of the planners' toolkit the rest of the app uses, behind one dynamic import
 * (lazy-planner.tsx): drawing, imports, statistics, charts and exports load after the map's first
 * frame instead of delaying it.
 */
export { PlannerPanel, plannerOpen } from './PlannerPanel.tsx';
export { ImportedFeaturePanel } from './ImportedFeaturePanel.tsx';
export { FileDropOverlay, connectFileDrop } from './file-drop.tsx';
export { connectImportedLayers, importedLayers } from '../../state/imported-layers-store.ts';
export {
  importedFrameRequest,
  importedLayerDisplays,
  selectedImportedFeature,
} from '../../state/imported-layer-display.ts';

import type { Dataset } from '../../data/dataset-types.ts';
import { connectImportedLayers, prepareImports, importedLayers as layers } from '../../state/imported-layers-store.ts';
import { plannerOpen } from './PlannerPanel.tsx';
import { importedFrameRequest as frameRequest } from '../../state/imported-layer-display.ts';
import { connectFileDrop } from './file-drop.tsx';
import { connectDrawnShapes } from '../../state/drawn-shapes-store.ts';

export { connectDrawnShapes };

/** Once, when the toolkit has loaded: restores the planner's stored work and starts taking dropped files. */
export async function connectPlanner(dataset: Dataset): Promise<void> {
  connectFileDrop();
  // Lazy by intent: the import worker loads when the toolkit opens (a dragged file opens it too).
  plannerOpen.subscribe((open) => {
    if (open) prepareImports();
  });
  // Drawn shapes come back even if the measuring section is never opened (the statistics can use them).
  connectDrawnShapes();
  await connectImportedLayers(dataset);
  frameNewLayers();
}

/**
 * A layer the planner has just imported is framed, so the file is seen wherever it lies; layers
 * restored from storage are not (the view from the link or the zone wins on a reload).
 */
function frameNewLayers(): void {
  let known = new Set(layers.peek().map((layer) => layer.id));
  layers.subscribe((current) => {
    const added = current.filter((layer) => !known.has(layer.id) && layer.bbox);
    known = new Set(current.map((layer) => layer.id));
    const newest = added[added.length - 1];
    if (newest?.bbox) frameRequest.value = { bounds: newest.bbox };
  });
}
