/**
 * The planners' toolkit, loaded on demand: `loadPlannerModule()` fetches it once (main.tsx asks
 * after the map's first frame), and these stand-ins render nothing until it has arrived.
 */
import { signal } from '@preact/signals';

export type PlannerModule = typeof import('./planner-module.ts');

export const plannerModule = signal<PlannerModule | null>(null);
let loading: Promise<PlannerModule> | null = null;

export function loadPlannerModule(): Promise<PlannerModule> {
  loading ??= import('./planner-module.ts').then((module) => {
    plannerModule.value = module;
    return module;
  });
  return loading;
}

export function LazyPlannerPanel() {
  const module = plannerModule.value;
  return module ? <module.PlannerPanel /> : null;
}

export function LazyImportedFeaturePanel() {
  const module = plannerModule.value;
  return module ? <module.ImportedFeaturePanel /> : null;
}

export function LazyFileDropOverlay() {
  const module = plannerModule.value;
  return module ? <module.FileDropOverlay /> : null;
}
