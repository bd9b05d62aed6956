/**
 * The MapLibre map: creates it from the dataset, reports what the user does on it, and takes
 * commands (toggle a layer, select, zoom). The rest of the app never sees a MapLibre type.
 *
 * Stays whole (over 350 lines): it owns the one MapLibre instance and the record of what the app
 * asked of it, re-applied after a lost context; pointer handling, bubbles, trips, drawing and
 * imported layers already live in their own modules and only connect here.
 */
import { AttributionControl, Map, NavigationControl, ScaleControl, prewarm, setWorkerUrl } from 'maplibre-gl';
import type { LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/bbox';
import type { Dataset, FeatureReference, LayerDefinition } from '../data/dataset-types.ts';
import { buildMapStyle, labelText, styleLayerIds } from './style.ts';
import type { MapStyleFont } from './style.ts';
import { connectTripLayers } from './trip-layers.ts';
import { connectPlaceBubbles } from './place-bubbles.ts';
import { connectBasemaps } from './basemaps/connect-basemaps.ts';
import type { MapView } from '../geo/map-view.ts';
import type { PlannerMapController } from './planner-map.ts';
import type { UserFeatureHit } from './user-layers.ts';
import { isStyleEditable } from './editable-map.ts';
import { connectPointerInteraction } from './pointer-interaction.ts';

// MapLibre 6 no longer inlines its worker: without this the map never loads (ENGINEERING.md §4).
setWorkerUrl(workerUrl);
// This module is imported while the data is still loading, so the workers start in parallel with it.
prewarm();

export type { FeatureReference };

export interface ZoneMapCallbacks {
  /** The first complete frame with every source loaded has been drawn. */
  onReady: () => void;
  /** A click or tap on a feature, or on empty map (null). */
  onFeatureClick: (feature: FeatureReference | null) => void;
  /**
   * A click or tap on several overlapping place markers (top first), at a pixel of the map's
   * container: which one was meant is the visitor's to say. Without this callback the top one opens.
   */
  onFeaturesChoice?: (features: FeatureReference[], at: { x: number; y: number }) => void;
  onContextLost: () => void;
  onContextRestored: () => void;
  /**
   * The lost WebGL context did not come back within the wait, or came back unusable: the map is
   * gone for this page, and the app should show its information another way.
   */
  onContextFailed: () => void;
  /** The camera came to rest (after the first frame and after every move), for the URL. */
  onViewChange?: (view: MapView) => void;
  /** A click on one of the planner's imported features (which then takes the click), or null when a click found none. */
  onImportedFeatureClick?: (hit: UserFeatureHit | null) => void;
}

/** MapLibre UI string ids (its `locale` option) to the text its buttons should carry. */
export type ControlLabels = Readonly<Record<string, string>>;

/** The control buttons MapLibre labels from its locale, and the locale id each uses. */
const LABELLED_CONTROLS: readonly [selector: string, localeId: string][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
  ['canvas.maplibregl-canvas', 'Map.Title'],
];

export interface EdgeInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ZoneMapController {
  setLayerVisible: (layerId: string, visible: boolean) => void;
  setSelected: (feature: FeatureReference | null) => void;
  /** `covered` is how much of each map edge a panel hides, in pixels, so the feature lands in view. */
  zoomToFeature: (feature: FeatureReference, covered?: EdgeInsets) => void;
  /** The planned trip's stops and straight legs (src/map/trip-layers.ts). */
  setTrip: ReturnType<typeof connectTripLayers>['setTrip'];
  frameTrip: ReturnType<typeof connectTripLayers>['frameTrip'];
  /** Relabels the map and its controls in place (no style reload, so the camera and selection stay). */
  setLanguage: (language: 'zh' | 'en', controlLabels?: ControlLabels) => void;
  /** Loads the planner's map tools (drawing, imported layers, image export) once; they then share the map's clicks. */
  connectPlanner: () => Promise<PlannerMapController>;
  destroy: () => void;
}

export interface ZoneMapOptions {
  /** The element the map fills. */
  container: HTMLElement;
  dataset: Dataset;
  font: MapStyleFont;
  callbacks: ZoneMapCallbacks;
  /** The language the style's labels start in (default Chinese). */
  language?: 'zh' | 'en';
  /** A view from a link, shown instead of framing the zone. */
  initialView?: MapView | null;
  controlLabels?: ControlLabels;
  /**
   * How long a lost WebGL context may take to come back, counted while the page is visible, before
   * the map gives up. A browser that can gives it back within a second or two of the page showing
   * again (a phone back from another app, a GPU reset).
   */
  contextRestoreWaitMs?: number;
}

/** A browser that has not given the context back after this long in view is not going to. */
export const CONTEXT_RESTORE_WAIT_MS = 10_000;

declare global {
  interface Window {
    /** The live map, in the test build only (`vite build --mode e2e`), for browser tests and benchmarks. */
    __zoneMap?: Map;
    /** Test build only: settings a browser test may change, read when they apply. */
    __zoneMapTest?: { contextRestoreWaitMs?: number };
  }
}

/** The build the browser tests and benchmarks drive; only it hands the live map to the page. */
const IS_TEST_BUILD = import.meta.env.MODE === 'e2e';

type Bounds = [number, number, number, number];

function featureBounds(dataset: Dataset, reference: FeatureReference): Bounds | null {
  const layer = dataset.layers.find((entry) => entry.definition.id === reference.layerId);
  const feature = layer?.features.features.find((candidate) => candidate.properties.id === reference.featureId);
  if (!feature?.geometry) return null;
  const bounds = bbox(feature) as Bounds;
  return bounds.every(Number.isFinite) ? bounds : null;
}

/** The zone layer frames the first view; without one, everything but context layers does. */
function initialBounds(dataset: Dataset): Bounds | null {
  const zoneLayers = dataset.layers.filter((layer) => layer.definition.role === 'zone');
  const framing =
    zoneLayers.length > 0 ? zoneLayers : dataset.layers.filter((layer) => layer.definition.role !== 'context');
  const features = framing.flatMap((layer) => layer.features.features);
  if (features.length === 0) return null;
  return bbox({ type: 'FeatureCollection', features }) as Bounds;
}

function boundsLike(bounds: Bounds): LngLatBoundsLike {
  return [
    [bounds[0], bounds[1]],
    [bounds[2], bounds[3]],
  ];
}

export function createZoneMap({
  container,
  dataset,
  font,
  callbacks,
  language = 'zh',
  initialView = null,
  controlLabels = {},
  contextRestoreWaitMs = CONTEXT_RESTORE_WAIT_MS,
}: ZoneMapOptions): ZoneMapController {
  const featuresByLayer = new globalThis.Map(dataset.layers.map((layer) => [layer.definition.id, layer.features]));
  const style = buildMapStyle(dataset.manifest, {
    font,
    language,
    sourceData: (layer: LayerDefinition) =>
      featuresByLayer.get(layer.id) ?? { type: 'FeatureCollection', features: [] },
    labelPoints: dataset.labels,
  });
  const startBounds = initialBounds(dataset);
  const map = new Map({
    container,
    style,
    ...(initialView
      ? {
          center: [initialView.longitude, initialView.latitude] as [number, number],
          zoom: initialView.zoom,
          bearing: initialView.bearing,
        }
      : startBounds
        ? { bounds: boundsLike(startBounds), fitBoundsOptions: { padding: 24 } }
        : { center: [105.44, 28.9] as [number, number], zoom: 9 }),
    attributionControl: false,
    locale: { ...controlLabels },
  });
  const reportView = (): void => {
    const center = map.getCenter();
    callbacks.onViewChange?.({
      longitude: center.lng,
      latitude: center.lat,
      zoom: map.getZoom(),
      bearing: map.getBearing(),
    });
  };
  map.on('moveend', reportView);
  if (IS_TEST_BUILD) window.__zoneMap = map;
  // The compass shows the bearing (two-finger rotate, a link's bearing) and turns the map back to north.
  map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  // The dataset credits live in the overview panel, not here: MapLibre writes attribution strings
  // as HTML, and a manifest is user-replaceable input.
  map.addControl(new AttributionControl({ compact: true }));
  const tripLayers = connectTripLayers(map);
  // Opt-in basemaps beneath the dataset; their code loads only once one is chosen.
  // One name holding the whole list: MapLibre joins `text-font` with commas into the same font stack.
  const stopBasemaps = connectBasemaps(map, font.textFont.join(','));
  // .pmtiles archives the planner opened: drawn from the file, a few tiles at a time. Only the
  // planner's panel opens one, so their reader loads with the planner's tools (connectPlanner),
  // never before the first frame.
  let stopPmtiles = (): void => undefined;
  let removed = false;

  let planner: PlannerMapController | null = null;
  let plannerLoading: Promise<PlannerMapController> | null = null;
  let selected: FeatureReference | null = null;
  let labelLanguage = language;

  function setState(reference: FeatureReference | null, key: 'hover' | 'selected', value: boolean): void {
    if (!reference || !isStyleEditable(map) || !map.getSource(reference.layerId)) return;
    map.setFeatureState({ source: reference.layerId, id: reference.featureId }, { [key]: value });
  }

  const stopPointer = connectPointerInteraction({
    map,
    manifest: dataset.manifest,
    callbacks,
    planner: () =>
      planner && {
        isDrawing: planner.drawing.isDrawing,
        importedFeatureAt: planner.userLayers.featureAt,
      },
    setHovered: (reference, hovered) => setState(reference, 'hover', hovered),
  });
  const stopBubbles = connectPlaceBubbles(map, dataset.manifest);

  // What the app asked for is kept here and applied whenever the style can take it: calls made
  // before the style has loaded (a link's layers and feature on a cold load) or while the WebGL
  // context is lost (the style is gone, then rebuilt from a snapshot of the moment it was lost)
  // would otherwise never reach the map.
  const requestedVisibility = new globalThis.Map<string, boolean>();
  const applyVisibility = (layerId: string, visible: boolean): void => {
    if (!isStyleEditable(map)) return;
    const definition = dataset.manifest.layers.find((layer) => layer.id === layerId);
    if (!definition) return;
    for (const styleLayerId of styleLayerIds(definition)) {
      if (map.getLayer(styleLayerId)) map.setLayoutProperty(styleLayerId, 'visibility', visible ? 'visible' : 'none');
    }
  };
  const applyLabels = (): void => {
    if (!isStyleEditable(map)) return;
    for (const layer of dataset.manifest.layers) {
      const labelLayerId = `${layer.id}:label`;
      if (map.getLayer(labelLayerId)) map.setLayoutProperty(labelLayerId, 'text-field', labelText(labelLanguage));
    }
  };
  // 'style.load' comes with the first style and with every rebuilt one (after a restored context).
  map.on('style.load', () => {
    for (const [layerId, visible] of requestedVisibility) applyVisibility(layerId, visible);
    applyLabels();
    setState(selected, 'selected', true);
  });

  map.on('load', () => {
    const signalWhenComplete = (): void => {
      if (!isStyleEditable(map)) return;
      const allLoaded = dataset.manifest.layers.every((layer) => map.isSourceLoaded(layer.id));
      if (!allLoaded || !map.loaded()) return;
      map.off('idle', signalWhenComplete);
      reportView();
      callbacks.onReady();
    };
    map.on('idle', signalWhenComplete);
  });

  // A lost context either comes back (MapLibre rebuilds the style, and every module re-applies
  // its state on 'style.load') or the map is given up and the app shows the list instead.
  let restoreTimer: ReturnType<typeof setTimeout> | undefined;
  let contextLost = false;
  let restoredByMap = false;
  let gaveUp = false;
  const giveUp = (): void => {
    clearTimeout(restoreTimer);
    if (gaveUp) return;
    gaveUp = true;
    callbacks.onContextFailed();
  };
  // A hidden page gets its context back when it shows again, however long it was away: only the
  // time in view counts.
  const waitForRestore = (): void => {
    clearTimeout(restoreTimer);
    if (!contextLost || gaveUp || document.hidden) return;
    const wait = (IS_TEST_BUILD && window.__zoneMapTest?.contextRestoreWaitMs) || contextRestoreWaitMs;
    restoreTimer = setTimeout(giveUp, wait);
  };
  document.addEventListener('visibilitychange', waitForRestore);
  map.on('webglcontextlost', () => {
    contextLost = true;
    restoredByMap = false;
    callbacks.onContextLost();
    waitForRestore();
  });
  map.on('webglcontextrestored', () => {
    contextLost = false;
    restoredByMap = true;
    clearTimeout(restoreTimer);
    callbacks.onContextRestored();
    map.triggerRepaint();
  });
  // MapLibre's own listener on the canvas runs first; when it cannot set WebGL up again it fires an
  // error instead of 'webglcontextrestored', and this one finds the map not restored.
  const canvas = map.getCanvas();
  const checkRestored = (): void => {
    if (!restoredByMap) giveUp();
  };
  canvas.addEventListener('webglcontextrestored', checkRestored);

  return {
    setTrip: tripLayers.setTrip,
    frameTrip: tripLayers.frameTrip,
    setLayerVisible(layerId, visible) {
      requestedVisibility.set(layerId, visible);
      applyVisibility(layerId, visible);
    },
    setSelected(reference) {
      setState(selected, 'selected', false);
      selected = reference;
      setState(selected, 'selected', true);
    },
    zoomToFeature(reference, covered = { top: 0, right: 0, bottom: 0, left: 0 }) {
      const bounds = featureBounds(dataset, reference);
      if (!bounds) return;
      const margin = 48;
      const padding = {
        top: covered.top + margin,
        right: covered.right + margin,
        bottom: covered.bottom + margin,
        left: covered.left + margin,
      };
      const isPoint = bounds[0] === bounds[2] && bounds[1] === bounds[3];
      if (isPoint) map.flyTo({ center: [bounds[0], bounds[1]], zoom: Math.max(map.getZoom(), 14), padding });
      else map.fitBounds(boundsLike(bounds), { padding, maxZoom: 16 });
    },
    setLanguage(next, labels) {
      if (labels) {
        // MapLibre reads its locale only when it builds a control: relabel the ones already built.
        for (const [selector, localeId] of LABELLED_CONTROLS) {
          const label = labels[localeId];
          if (!label) continue;
          for (const element of container.querySelectorAll(selector)) {
            element.setAttribute('aria-label', label);
            if (element instanceof HTMLButtonElement) element.title = label;
          }
        }
      }
      // The style was built in this language; before it has loaded, 'style.load' applies the choice.
      if (next === labelLanguage) return;
      labelLanguage = next;
      applyLabels();
    },
    connectPlanner() {
      plannerLoading ??= (async () => {
        import('./pmtiles-layer.ts')
          .then(({ connectPmtilesLayers }) => {
            if (!removed) stopPmtiles = connectPmtilesLayers(map);
          })
          .catch((error: unknown) => console.warn('The PMTiles layers could not load:', error));
        const { connectPlannerMap } = await import('./planner-map.ts');
        // Its tools add sources and layers: they need a style that can take them.
        if (!isStyleEditable(map)) await new Promise((resolve) => map.once('style.load', resolve));
        planner = connectPlannerMap(map);
        return planner;
      })();
      return plannerLoading;
    },
    destroy() {
      clearTimeout(restoreTimer);
      document.removeEventListener('visibilitychange', waitForRestore);
      canvas.removeEventListener('webglcontextrestored', checkRestored);
      stopPointer();
      stopBubbles();
      planner?.destroy();
      planner = null;
      stopBasemaps();
      stopPmtiles();
      removed = true;
      map.remove();
      if (IS_TEST_BUILD && window.__zoneMap === map) delete window.__zoneMap;
    },
  };
}
