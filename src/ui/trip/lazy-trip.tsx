/**
 * The trip planner, loaded on demand: `loadTripModule()` fetches it once (main.tsx asks after the
 * map's first frame), and these stand-ins render nothing until it has arrived.
 */
import { signal } from '@preact/signals';
import type { LoadImportedLayer } from './AddImportedPoints.tsx';

export type TripModule = typeof import('./trip-module.ts');

export const tripModule = signal<TripModule | null>(null);
let loading: Promise<TripModule> | null = null;

export function loadTripModule(): Promise<TripModule> {
  loading ??= import('./trip-module.ts').then((module) => {
    tripModule.value = module;
    return module;
  });
  return loading;
}

export function LazyTripPanel() {
  const module = tripModule.value;
  return module ? <module.TripPanel /> : null;
}

export function LazyAddToTripButton({ featureId }: { featureId: string }) {
  const module = tripModule.value;
  return module ? <module.AddToTripButton featureId={featureId} /> : null;
}

export function LazyAddImportedPointButton(props: { load: LoadImportedLayer; featureIndex: number }) {
  const module = tripModule.value;
  return module ? <module.AddImportedPointButton {...props} /> : null;
}

export function LazyAddImportedLayerPointsButton(props: { load: LoadImportedLayer; pointCount: number }) {
  const module = tripModule.value;
  return module ? <module.AddImportedLayerPointsButton {...props} /> : null;
}
