/**
 * Where the basemap switch goes in the layer panel. Its code, strings and the basemap list load
 * once the map has drawn, so the first load carries only this; without a map there is nothing to
 * put a basemap under, and no switch.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { mapStatus } from '../../state/app-state.ts';

const selectModule = signal<typeof import('./BasemapSelect.tsx') | null>(null);

export function BasemapSwitch() {
  const mapReady = mapStatus.value === 'ready';
  useEffect(() => {
    if (!mapReady || selectModule.peek()) return;
    import('./BasemapSelect.tsx')
      .then((module) => {
        selectModule.value = module;
      })
      .catch((error: unknown) => console.warn('The basemap switch could not load:', error));
  }, [mapReady]);
  const Select = selectModule.value?.BasemapSelect;
  return Select ? <Select /> : null;
}
