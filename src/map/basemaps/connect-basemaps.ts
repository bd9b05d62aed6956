/**
 * The one hook the zone map calls. Everything about basemaps (the choice, the link, the drawing)
 * loads after the first frame, so the first load carries only this; a remembered basemap then
 * appears a moment after the dataset, which never waits for a tile host.
 */
import type { Map } from 'maplibre-gl';
import { mapStatus } from '../../state/app-state.ts';

export function connectBasemaps(map: Map, fontFamily: string): () => void {
  let started = false;
  let destroyed = false;
  let stop = (): void => undefined;
  const stopWaiting = mapStatus.subscribe((status) => {
    if (status !== 'ready' || started || destroyed) return;
    started = true;
    import('./basemap-controller.ts')
      .then(({ startBasemaps }) => {
        if (!destroyed) stop = startBasemaps(map, fontFamily);
      })
      .catch((error: unknown) => console.warn('The basemaps could not load:', error));
  });
  return () => {
    destroyed = true;
    stopWaiting();
    stop();
  };
}
