/**
 * Hosts the MapLibre map and keeps it in step with the app state; if the browser cannot draw WebGL
 * it only records that, and App shows the list instead.
 *
 * Map first: it is on the page from the first render, with the loading placeholder, and creates the
 * map the moment both MapLibre's code and the dataset are here — from the dataset signal itself, so
 * before the panels render the dataset (they then render while MapLibre's worker prepares the data).
 */
import { effect, untracked } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Dataset } from '../data/dataset-types.ts';
import { isWebGlAvailable } from '../map/webgl-support.ts';
import type { ZoneMapController } from '../map/zone-map.ts';
import type { MapStyleFont } from '../map/style.ts';
import { recordDrawing, recordEngineLoaded } from '../state/map-loading.ts';
import { MapLoadingPlaceholder } from './MapLoadingPlaceholder.tsx';
import {
  datasetState,
  layerVisibility,
  mapStatus,
  mapUnavailableReason,
  offerFeatureChoice,
  selectFeature,
  selectedFeature,
  zoomRequest,
} from '../state/app-state.ts';
import { language, messages } from '../i18n/index.ts';
import { tripModule } from './trip/lazy-trip.tsx';
import { plannerModule } from './planner/lazy-planner.tsx';
import { plannerMap } from '../state/planner-map.ts';
import { currentMapView, requestedMapView } from '../state/map-view.ts';

export const MAP_READY_ATTRIBUTE = 'data-map-ready';

/**
 * How much of the map the feature panel hides: its width on the left on a desktop, its height at
 * the bottom on a phone (where it is a sheet). Zooming leaves that part out so the feature shows.
 * On a phone the layout also marks what lies over the map with `data-covers-map` (the search
 * header at the top, the resting bottom sheet at the bottom; src/ui/layout/BottomSheet.tsx).
 */
function panelCover(mapElement: HTMLElement): { top: number; right: number; bottom: number; left: number } {
  const cover = { top: 0, right: 0, bottom: 0, left: 0 };
  const map = mapElement.getBoundingClientRect();
  for (const element of document.querySelectorAll<HTMLElement>('[data-covers-map]')) {
    const box = element.getBoundingClientRect();
    if (box.width <= map.width * 0.8 || box.height === 0) continue;
    if (element.dataset['coversMap'] === 'top')
      cover.top = Math.max(cover.top, Math.min(map.bottom, box.bottom) - map.top);
    else cover.bottom = Math.max(cover.bottom, map.bottom - Math.max(map.top, box.top));
  }
  const panel = mapElement.parentElement?.querySelector('.feature-panel');
  if (panel) {
    const box = panel.getBoundingClientRect();
    const spansWidth = box.width > map.width * 0.8;
    if (spansWidth) cover.bottom = Math.max(cover.bottom, Math.min(map.bottom, box.bottom) - box.top);
    else cover.left = Math.max(0, Math.min(map.right, box.right) - map.left);
  }
  // Never ask for more padding than leaves a usable view.
  cover.top = Math.max(0, Math.min(cover.top, map.height * 0.25));
  cover.bottom = Math.max(0, Math.min(cover.bottom, map.height * 0.6));
  cover.left = Math.min(cover.left, map.width * 0.6);
  return cover;
}

/** `font` settles once the map's font is known: at once on a device with a CJK font (src/map/app-font.ts). */
export function MapView({ font }: { font: Promise<MapStyleFont> }) {
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
    let stopWaiting = (): void => undefined;
    // MapLibre is loaded only once we know it can draw: without WebGL the page never downloads it.
    Promise.all([import('../map/zone-map.ts'), font])
      .then(([{ createZoneMap }, mapFont]) => {
        if (stopped) return;
        recordEngineLoaded();
        // Runs when the dataset arrives (or at once if it is here): synchronously inside the
        // signal's write, ahead of the panels' render. Nothing read while creating is tracked.
        let started = false;
        stopWaiting = effect(() => {
          const data = datasetState.value;
          if (started || data.status !== 'ready') return;
          started = true;
          untracked(() => startMap(createZoneMap, data.dataset, mapFont));
          queueMicrotask(() => stopWaiting());
        });
      })
      .catch((error: unknown) => {
        console.warn('The map module could not load:', error);
        mapStatus.value = 'unavailable';
      });
    const startMap = (
      createZoneMap: typeof import('../map/zone-map.ts').createZoneMap,
      dataset: Dataset,
      mapFont: MapStyleFont,
    ): void => {
      let controller: ZoneMapController;
      try {
        controller = createZoneMap({
          container: element,
          dataset,
          font: mapFont,
          callbacks: {
            onReady: () => {
              performance.mark('zone:map-ready');
              document.documentElement.setAttribute(MAP_READY_ATTRIBUTE, '');
              mapStatus.value = 'ready';
            },
            onFeatureClick: selectFeature,
            onFeaturesChoice: offerFeatureChoice,
            onContextLost: () => {
              mapStatus.value = 'context-lost';
            },
            onContextRestored: () => {
              mapStatus.value = 'ready';
            },
            // The map cannot come back on this page: the list (App's fallback) takes over for good.
            onContextFailed: () => {
              mapUnavailableReason.value = 'context-failed';
              mapStatus.value = 'unavailable';
            },
            onViewChange: (view) => {
              currentMapView.value = view;
            },
            onImportedFeatureClick: (hit) => {
              const planner = plannerModule.peek();
              if (planner) planner.selectedImportedFeature.value = hit;
            },
          },
          language: language.peek(),
          initialView: requestedMapView.peek(),
          controlLabels: messages.peek().explorer.mapControls,
        });
      } catch (error) {
        // MapLibre throws when it cannot create a context even though the probe canvas could.
        console.warn('The map could not start:', error);
        mapStatus.value = 'unavailable';
        return;
      }
      performance.mark('zone:map-created');
      recordDrawing();
      const stopVisibility = effect(() => {
        for (const [layerId, visible] of Object.entries(layerVisibility.value))
          controller.setLayerVisible(layerId, visible);
      });
      const stopSelection = effect(() => controller.setSelected(selectedFeature.value));
      // Reads the planner's signals once its module has loaded; until then there is no trip to draw.
      const stopTrip = effect(() => {
        const trip = tripModule.value;
        if (trip) controller.setTrip(trip.tripGeoJson.value);
      });
      // A trip link without a camera (a shared trip) opens framed on its stops, once they are known.
      const linkParameters = new URLSearchParams(window.location.search);
      let sharedTripToFrame = linkParameters.has('trip') && !linkParameters.has('view');
      const stopSharedTripFrame = effect(() => {
        const collection = tripModule.value?.tripGeoJson.value;
        if (!sharedTripToFrame || !collection || collection.features.length === 0) return;
        sharedTripToFrame = false;
        controller.setTrip(collection);
        const cover = panelCover(element);
        const margin = 48;
        controller.frameTrip({
          top: cover.top + margin,
          right: cover.right + margin,
          bottom: cover.bottom + margin,
          left: cover.left + margin,
        });
      });
      const stopTripFrame = effect(() => {
        if (!tripModule.value?.tripFrameRequest.value) return;
        const cover = panelCover(element);
        const margin = 48;
        controller.frameTrip({
          top: cover.top + margin,
          right: cover.right + margin,
          bottom: cover.bottom + margin,
          left: cover.left + margin,
        });
      });
      // The planner's map tools load with the planner's code; its layers and selection follow its signals.
      const stopPlannerConnect = effect(() => {
        if (!plannerModule.value) return;
        controller
          .connectPlanner()
          .then((planner) => {
            if (!stopped) plannerMap.value = planner;
          })
          .catch((error: unknown) => console.warn('The planner map tools could not load:', error));
      });
      const stopImportedLayers = effect(() => {
        const planner = plannerMap.value;
        const module = plannerModule.value;
        if (planner && module) planner.userLayers.setLayers(module.importedLayerDisplays(module.importedLayers.value));
      });
      const stopImportedSelection = effect(() => {
        const planner = plannerMap.value;
        const selection = plannerModule.value?.selectedImportedFeature.value ?? null;
        planner?.userLayers.setSelected(selection);
      });
      const stopImportedFrame = effect(() => {
        const request = plannerModule.value?.importedFrameRequest.value;
        const planner = plannerMap.value;
        if (!request || !planner) return;
        const cover = panelCover(element);
        planner.userLayers.frame(request.bounds, 48 + Math.max(cover.left, cover.bottom));
      });
      const stopLanguage = effect(() => controller.setLanguage(language.value, messages.value.explorer.mapControls));
      const stopZoom = effect(() => {
        const request = zoomRequest.value;
        if (!request) return;
        // After the next render: the panel that opens with the same click must be measured too.
        requestAnimationFrame(() => {
          if (!stopped) controller.zoomToFeature(request.reference, panelCover(element));
        });
      });
      stop = () => {
        stopVisibility();
        stopSelection();
        stopTrip();
        stopTripFrame();
        stopSharedTripFrame();
        stopLanguage();
        stopZoom();
        stopPlannerConnect();
        stopImportedLayers();
        stopImportedSelection();
        stopImportedFrame();
        plannerMap.value = null;
        controller.destroy();
      };
    };
    return () => {
      stopped = true;
      stopWaiting();
      stop();
      document.documentElement.removeAttribute(MAP_READY_ATTRIBUTE);
    };
  }, [font]);

  return (
    <>
      <div ref={container} class="map-canvas" role="region" aria-label={messages.value.appTitle} />
      {mapStatus.value === 'starting' && datasetState.value.status !== 'failed' ? <MapLoadingPlaceholder /> : null}
    </>
  );
}
