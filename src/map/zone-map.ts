/**
 * The MapLibre map: creates it from the dataset, reports what the user does on it, and takes
 * commands (toggle a layer, select, zoom). The rest of the app never sees a MapLibre type.
 */
import { AttributionControl, Map, NavigationControl, ScaleControl, prewarm, setWorkerUrl } from 'maplibre-gl';
import type { LngLatBoundsLike, MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/bbox';
import type { Dataset, FeatureReference, LayerDefinition } from '../data/dataset-types.ts';
import { buildMapStyle, interactiveStyleLayerIds, labelText, manifestLayerIdOf, styleLayerIds } from './style.ts';
import type { MapStyleFont } from './style.ts';
import { connectTripLayers } from './trip-layers.ts';
import { connectPlaceBubbles } from './place-bubbles.ts';
import { connectBasemaps } from './basemaps/connect-basemaps.ts';
import type { MapView } from '../geo/map-view.ts';
import type { PlannerMapController } from './planner-map.ts';
import type { UserFeatureHit } from './user-layers.ts';

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

declare global {
  interface Window {
    /** The live map, for browser tests and benchmarks. */
    __zoneMap?: Map;
  }
}

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

function referenceOf(feature: MapGeoJSONFeature): FeatureReference | null {
  const featureId = feature.properties['id'];
  if (typeof featureId !== 'string') return null;
  return { layerId: manifestLayerIdOf(feature.layer.id), featureId };
}

const TAP_TOLERANCE_PX = 4;

export function createZoneMap(
  container: HTMLElement,
  dataset: Dataset,
  font: MapStyleFont,
  callbacks: ZoneMapCallbacks,
  language: 'zh' | 'en' = 'zh',
  /** A view from a link, shown instead of framing the zone. */
  initialView: MapView | null = null,
  controlLabels: ControlLabels = {},
): ZoneMapController {
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
  window.__zoneMap = map;
  // The compass shows the bearing (two-finger rotate, a link's bearing) and turns the map back to north.
  map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  // The dataset credits live in the overview panel, not here: MapLibre writes attribution strings
  // as HTML, and a manifest is user-replaceable input.
  map.addControl(new AttributionControl({ compact: true }));
  const tripLayers = connectTripLayers(map);
  // A click on a bubble of crowded places zooms in; it reaches none of the handlers below.
  connectPlaceBubbles(map, dataset.manifest);
  // Opt-in basemaps beneath the dataset; their code loads only once one is chosen.
  const stopBasemaps = connectBasemaps(map, font.family);

  const interactiveLayers = dataset.manifest.layers.flatMap(interactiveStyleLayerIds);
  let planner: PlannerMapController | null = null;
  let plannerLoading: Promise<PlannerMapController> | null = null;
  let hovered: FeatureReference | null = null;
  let selected: FeatureReference | null = null;
  let labelLanguage = language;

  function setState(reference: FeatureReference | null, key: 'hover' | 'selected', value: boolean): void {
    if (!reference || !map.getSource(reference.layerId)) return;
    map.setFeatureState({ source: reference.layerId, id: reference.featureId }, { [key]: value });
  }

  function visibleInteractiveLayers(): string[] {
    return interactiveLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  }

  /** Every feature under a pixel (within the tap tolerance), top first, each once. */
  function featuresAt(x: number, y: number): FeatureReference[] {
    const hits = map.queryRenderedFeatures(
      [
        [x - TAP_TOLERANCE_PX, y - TAP_TOLERANCE_PX],
        [x + TAP_TOLERANCE_PX, y + TAP_TOLERANCE_PX],
      ],
      { layers: visibleInteractiveLayers() },
    );
    const found: FeatureReference[] = [];
    for (const hit of hits) {
      const reference = referenceOf(hit);
      if (
        reference &&
        !found.some((held) => held.layerId === reference.layerId && held.featureId === reference.featureId)
      )
        found.push(reference);
    }
    return found;
  }

  function topFeatureAt(x: number, y: number): FeatureReference | null {
    return featuresAt(x, y)[0] ?? null;
  }

  const pointLayerIds = new Set(
    dataset.manifest.layers.filter((layer) => layer.geometry === 'point').map((layer) => layer.id),
  );

  map.on('mousemove', (event) => {
    if (planner?.drawing.isDrawing()) return;
    const reference = topFeatureAt(event.point.x, event.point.y);
    if (reference?.featureId === hovered?.featureId && reference?.layerId === hovered?.layerId) return;
    setState(hovered, 'hover', false);
    hovered = reference;
    setState(hovered, 'hover', true);
    const overImported = !reference && planner?.userLayers.featureAt(event.point.x, event.point.y, TAP_TOLERANCE_PX);
    map.getCanvas().style.cursor = reference || overImported ? 'pointer' : '';
  });
  map.getCanvas().addEventListener('mouseleave', () => {
    setState(hovered, 'hover', false);
    hovered = null;
  });
  map.on('click', (event) => {
    // While a shape is being drawn or edited the click is a vertex, not a question about the map.
    if (planner?.drawing.isDrawing()) return;
    // The planner's own layers lie above the dataset, so they answer first.
    const importedHit = planner?.userLayers.featureAt(event.point.x, event.point.y, TAP_TOLERANCE_PX) ?? null;
    callbacks.onImportedFeatureClick?.(importedHit);
    if (importedHit) {
      callbacks.onFeatureClick(null);
      return;
    }
    const found = featuresAt(event.point.x, event.point.y);
    // Markers drawn on top of each other: a click cannot say which was meant, so the visitor does.
    // Areas under a marker are not offered; they are what the marker sits in, not a rival for it.
    const markers = found.filter((reference) => pointLayerIds.has(reference.layerId));
    if (markers.length > 1 && callbacks.onFeaturesChoice) {
      callbacks.onFeaturesChoice(markers, { x: event.point.x, y: event.point.y });
      return;
    }
    callbacks.onFeatureClick(found[0] ?? null);
  });

  // What the app asked for, kept so it is applied whenever a style is (re)built: calls made before
  // the style has loaded (a link's layers and feature on a cold load) would otherwise be dropped,
  // and a style rebuilt after a lost WebGL context starts from the manifest's defaults again.
  const requestedVisibility = new globalThis.Map<string, boolean>();
  const applyVisibility = (layerId: string, visible: boolean): void => {
    const definition = dataset.manifest.layers.find((layer) => layer.id === layerId);
    if (!definition) return;
    for (const styleLayerId of styleLayerIds(definition)) {
      if (map.getLayer(styleLayerId)) map.setLayoutProperty(styleLayerId, 'visibility', visible ? 'visible' : 'none');
    }
  };
  map.on('style.load', () => {
    for (const [layerId, visible] of requestedVisibility) applyVisibility(layerId, visible);
    setState(selected, 'selected', true);
  });

  let styleLoaded = false;
  map.on('load', () => {
    styleLoaded = true;
    const signalWhenComplete = (): void => {
      const allLoaded = dataset.manifest.layers.every((layer) => map.isSourceLoaded(layer.id));
      if (!allLoaded || !map.loaded()) return;
      map.off('idle', signalWhenComplete);
      reportView();
      callbacks.onReady();
    };
    map.on('idle', signalWhenComplete);
  });
  map.on('webglcontextlost', () => callbacks.onContextLost());
  map.on('webglcontextrestored', () => {
    callbacks.onContextRestored();
    map.triggerRepaint();
  });

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
      // The style was built in this language; the first call comes before the style has loaded.
      if (next === labelLanguage) return;
      labelLanguage = next;
      const relabel = (): void => {
        for (const layer of dataset.manifest.layers) {
          const labelLayerId = `${layer.id}:label`;
          if (map.getLayer(labelLayerId)) map.setLayoutProperty(labelLayerId, 'text-field', labelText(labelLanguage));
        }
      };
      if (styleLoaded) relabel();
      else map.once('load', relabel);
    },
    connectPlanner() {
      plannerLoading ??= (async () => {
        const { connectPlannerMap } = await import('./planner-map.ts');
        if (!styleLoaded) await new Promise((resolve) => map.once('load', resolve));
        planner = connectPlannerMap(map);
        return planner;
      })();
      return plannerLoading;
    },
    destroy() {
      planner?.destroy();
      planner = null;
      stopBasemaps();
      map.remove();
      if (window.__zoneMap === map) delete window.__zoneMap;
    },
  };
}
