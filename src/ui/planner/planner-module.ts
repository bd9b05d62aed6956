/**
 * Everything of the planners' toolkit the rest of the app uses, behind one dynamic import
 * (lazy-planner.tsx): drawing, imports, statistics, charts and exports load after the map's first
 * frame instead of delaying it.
 */
export { PlannerPanel, plannerOpen } from './PlannerPanel.tsx';
export { ImportedFeaturePanel } from './ImportedFeaturePanel.tsx';
export { FileDropOverlay, connectFileDrop } from './file-drop.tsx';
export { connectImportedLayers, importedLayers } from '../../state/imported-layers-store.ts';
export { importedFrameRequest, importedLayerDisplays, selectedImportedFeature } from '../../state/imported-layer-display.ts';

import type { Dataset } from '../../data/dataset-types.ts';
import { connectImportedLayers } from '../../state/imported-layers-store.ts';
import { connectFileDrop } from './file-drop.tsx';

/** Once, when the toolkit has loaded: restores the planner's stored work and starts taking dropped files. */
export async function connectPlanner(dataset: Dataset): Promise<void> {
  connectFileDrop();
  await connectImportedLayers(dataset);
}
