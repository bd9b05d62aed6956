/**
 * Hosts the MapLibre map and keeps it in step with the app state. Runs once per dataset; if the
 * browser cannot draw WebGL it only records that, and App shows the list instead.
 */
import { effect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Dataset } from '../data/dataset-types.ts';
import { isWebGlAvailable } from '../map/webgl-support.ts';
import type { ZoneMapController } from '../map/zone-map.ts';
import type { MapStyleFont } from '../map/style.ts';
import { layerVisibility, mapStatus, selectFeature, selectedFeature, zoomRequest } from '../state/app-state.ts';
import { language, messages } from '../i18n/index.ts';

export const MAP_READY_ATTRIBUTE = 'data-map-ready';

export function MapView({ dataset, font }: { dataset: Dataset; font: MapStyleFont }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    if (!isWebGlAvailable()) {
      mapStatus.value = 'unavailable';
      return;
    }
    let stopped = false;
    let stop = (): void => undefined;
    // MapLibre is loaded only once we know it can draw: without WebGL the page never downloads it.
    import('../map/zone-map.ts')
      .then(({ createZoneMap }) => {
        if (stopped) return;
        let controller: ZoneMapController;
        try {
          controller = createZoneMap(element, dataset, font, {
            onReady: () => {
              performance.mark('zone:map-ready');
              document.documentElement.setAttribute(MAP_READY_ATTRIBUTE, '');
              mapStatus.value = 'ready';
            },
            onFeatureClick: selectFeature,
            onContextLost: () => {
              mapStatus.value = 'context-lost';
            },
            onContextRestored: () => {
              mapStatus.value = 'ready';
            },
          }, language.peek());
        } catch (error) {
          // MapLibre throws when it cannot create a context even though the probe canvas could.
          console.warn('The map could not start:', error);
          mapStatus.value = 'unavailable';
          return;
        }
        performance.mark('zone:map-created');
        const stopVisibility = effect(() => {
          for (const [layerId, visible] of Object.entries(layerVisibility.value)) controller.setLayerVisible(layerId, visible);
        });
        const stopSelection = effect(() => controller.setSelected(selectedFeature.value));
        const stopZoom = effect(() => {
          const request = zoomRequest.value;
          if (request) controller.zoomToFeature(request.reference);
        });
        stop = () => {
          stopVisibility();
          stopSelection();
          stopZoom();
          controller.destroy();
        };
      })
      .catch((error: unknown) => {
        console.warn('The map module could not load:', error);
        mapStatus.value = 'unavailable';
      });
    return () => {
      stopped = true;
      stop();
      document.documentElement.removeAttribute(MAP_READY_ATTRIBUTE);
    };
  }, [dataset, font]);

  return <div ref={container} class="map-canvas" role="region" aria-label={messages.value.appTitle} />;
}
