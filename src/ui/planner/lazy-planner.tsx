/**
 * The planners' toolkit, loaded on demand: `loadPlannerModule()` fetches it once (main.tsx asks
 * after the map's first frame), and these stand-ins render nothing until it has arrived.
 */
import { lazyComponent, lazyModule } from '../lazy-module.tsx';

type PlannerModule = typeof import('./planner-module.ts');

const planner = lazyModule<PlannerModule>(() => import('./planner-module.ts'));

export const plannerModule = planner.module;
export const loadPlannerModule = planner.load;

export const LazyPlannerPanel = lazyComponent(planner, (module) => module.PlannerPanel);
export const LazyImportedFeaturePanel = lazyComponent(planner, (module) => module.ImportedFeaturePanel);
export const LazyFileDropOverlay = lazyComponent(planner, (module) => module.FileDropOverlay);
