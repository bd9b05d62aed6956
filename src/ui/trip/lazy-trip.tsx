/**
 * The trip planner, loaded on demand: `loadTripModule()` fetches it once (main.tsx asks after the
 * map's first frame), and these stand-ins render nothing until it has arrived.
 */
import { lazyComponent, lazyModule } from '../lazy-module.tsx';

type TripModule = typeof import('./trip-module.ts');

const trip = lazyModule<TripModule>(() => import('./trip-module.ts'));

export const tripModule = trip.module;
export const loadTripModule = trip.load;

export const LazyTripPanel = lazyComponent(trip, (module) => module.TripPanel);
export const LazyAddToTripButton = lazyComponent(trip, (module) => module.AddToTripButton);
export const LazyAddImportedPointButton = lazyComponent(trip, (module) => module.AddImportedPointButton);
export const LazyAddImportedLayerPointsButton = lazyComponent(trip, (module) => module.AddImportedLayerPointsButton);
