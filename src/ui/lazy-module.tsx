/**
 * One pattern for the parts of the app loaded on demand (the planners' toolkit, the trip planner):
 * a module fetched once by `load()`, held in a signal so whatever reads it re-renders when it
 * arrives, and stand-in components that render nothing until then.
 */
import { type Signal, signal } from '@preact/signals';
import type { ComponentType, JSX } from 'preact';

export interface LazyModule<Module> {
  /** The module once it has arrived; null before. */
  module: Signal<Module | null>;
  /** Fetches the module the first time; later calls return the same promise. */
  load: () => Promise<Module>;
}

/**
 * @example
 * const planner = lazyModule(() => import('./planner-module.ts'));
 * planner.load(); // after the map's first frame
 */
export function lazyModule<Module>(importModule: () => Promise<Module>): LazyModule<Module> {
  const module = signal<Module | null>(null);
  let loading: Promise<Module> | null = null;
  return {
    module,
    load: () => {
      loading ??= importModule().then((loaded) => {
        module.value = loaded;
        return loaded;
      });
      return loading;
    },
  };
}

/**
 * A component of a lazy module, usable before the module has arrived: it renders nothing until then.
 * @example
 * export const LazyPlannerPanel = lazyComponent(planner, (module) => module.PlannerPanel);
 */
export function lazyComponent<Module, Props extends object>(
  lazy: LazyModule<Module>,
  pick: (module: Module) => ComponentType<Props>,
): (props: Props) => JSX.Element | null {
  return (props: Props) => {
    const module = lazy.module.value;
    if (!module) return null;
    const Component = pick(module);
    return <Component {...props} />;
  };
}
