/**
 * The planner's imported layers on the map, above the dataset and below the trip. Each layer is a
 * GeoJSON source read from the `blob:` URL its import worker made, so MapLibre parses the file in
 * its own worker and the page never holds the features. Features are numbered in file order
 * (`generateId`), which is how the store looks up their measured areas.
 *
 * Stays whole (over 350 lines): adding, restyling, ordering and re-adding layers after a lost
 * WebGL context all read and write the same record of what is on the map; apart, they would drift.
 */
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { isStyleEditable } from './editable-map.ts';

/** What the map needs to know of an imported layer: nothing about its features. */
export interface UserLayerDisplay {
  id: string;
  dataUrl: string;
  visible: boolean;
  colour: string;
}

/**
 * An imported layer drawn by national land class: each property value that names a class gets
 * its class's colour (official where the standard has a colour table), every other value the
 * fallback. Values are compared as MapLibre's `to-string` writes them (a number 601 as "601").
 */
export interface ClassColouring {
  field: string;
  valueColours: readonly (readonly [value: string, colour: string])[];
  fallback: string;
}

/** A click on an imported feature: which layer, and its index in the file. */
export interface UserFeatureHit {
  layerId: string;
  featureIndex: number;
  properties: Record<string, unknown>;
}

// No ':' in these ids: the app reads `<manifest layer>:<part>` ids as dataset layers.
const SOURCE_PREFIX = 'user-layer-';
const PART_SUFFIXES = ['-fill', '-outline', '-line', '-point', '-highlight', '-label'] as const;
/** Parts that show only when asked for (a highlighted category, labels), not with the layer alone. */
const ON_DEMAND_SUFFIXES = new Set<string>(['-highlight', '-label']);

/** The features whose property, as text, equals `key` (null: features without the property). */
export function categoryFilter(field: string, key: string | null): unknown {
  if (key === null) return ['!', ['has', field]];
  return ['all', ['has', field], ['==', ['to-string', ['get', field]], key]];
}

/** One category of a layer drawn out: a row of the statistics table the planner picked. */
export interface CategoryHighlight {
  field: string;
  key: string | null;
}

const HIGHLIGHT_COLOUR = '#111827';

export function userLayerSourceId(layerId: string): string {
  return `${SOURCE_PREFIX}${layerId}`;
}

/** The fill colour of a class-coloured layer: a match on the coded property, values as strings. */
export function classFillColour(colouring: ClassColouring): unknown {
  if (colouring.valueColours.length === 0) return colouring.fallback;
  return ['match', ['to-string', ['get', colouring.field]], ...colouring.valueColours.flat(), colouring.fallback];
}

/** Class colours are a legend, so they are drawn less transparent than a plain imported layer. */
const CLASS_FILL_OPACITY = ['case', ['boolean', ['feature-state', 'selected'], false], 0.85, 0.7];
const PLAIN_FILL_OPACITY = ['case', ['boolean', ['feature-state', 'selected'], false], 0.45, 0.22];

export function userLayerSpecifications(
  sourceId: string,
  colour: string,
  textFont: readonly string[] = [],
): LayerSpecification[] {
  const polygons = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false] as const;
  const lines = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false] as const;
  const points = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false] as const;
  const highlighted = ['boolean', ['feature-state', 'selected'], false] as const;
  return [
    {
      id: `${sourceId}-fill`,
      type: 'fill',
      source: sourceId,
      filter: polygons as never,
      paint: { 'fill-color': colour, 'fill-opacity': PLAIN_FILL_OPACITY as never },
    },
    {
      id: `${sourceId}-outline`,
      type: 'line',
      source: sourceId,
      filter: polygons as never,
      paint: { 'line-color': colour, 'line-width': ['case', highlighted, 3, 1.5] as never },
    },
    {
      id: `${sourceId}-line`,
      type: 'line',
      source: sourceId,
      filter: lines as never,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': ['case', highlighted, 4, 2.5] as never },
    },
    {
      id: `${sourceId}-point`,
      type: 'circle',
      source: sourceId,
      filter: points as never,
      paint: {
        'circle-color': colour,
        'circle-radius': ['case', highlighted, 7, 5] as never,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      // Drawn over the layer's own parts: a dark casing round every feature of one category.
      id: `${sourceId}-highlight`,
      type: 'line',
      source: sourceId,
      filter: ['literal', false] as never,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_COLOUR, 'line-width': 3.5 },
    },
    {
      // A property's value as text, drawn by MapLibre in the app's font: never parsed as markup.
      id: `${sourceId}-label`,
      type: 'symbol',
      source: sourceId,
      layout: {
        visibility: 'none',
        'text-field': '',
        'text-font': [...textFont],
        'text-size': 12,
        'text-max-width': 8,
        'symbol-placement': 'point',
      },
      paint: { 'text-color': '#1f2933', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

export interface UserLayersController {
  /** Adds, updates and removes sources so the map shows exactly these layers (new ones above the older). */
  setLayers: (layers: readonly UserLayerDisplay[]) => void;
  /** The imported feature under a point, topmost layer first; null if none. */
  featureAt: (x: number, y: number, tolerancePx: number) => UserFeatureHit | null;
  setSelected: (hit: { layerId: string; featureIndex: number } | null) => void;
  /** Draws a layer's polygons by class (null: back to its one colour); kept across re-reads of the layer. */
  setClassColouring: (layerId: string, colouring: ClassColouring | null) => void;
  /**
   * Draws a layer's polygons by the values of any property (a categorised layer); the class colouring,
   * when both are set, wins, since it is the more specific reading of the same polygons.
   */
  setCategoryColouring: (layerId: string, colouring: ClassColouring | null) => void;
  /** Labels every feature with a property's value as text (null: no labels). */
  setLabels: (layerId: string, field: string | null) => void;
  /** Outlines the features of one category (null: none). */
  setHighlight: (layerId: string, highlight: CategoryHighlight | null) => void;
  frame: (bounds: [number, number, number, number], padding: number) => void;
}

/**
 * The layers and their settings are kept here as what the planner wants, and `sync` makes the map
 * show exactly that: after every call, and whenever a style loads (a style rebuilt after a lost WebGL
 * context holds the layers of the moment it was lost, not the ones imported or removed since).
 */
export function connectUserLayers(map: MapLibreMap, beforeLayerId: () => string | undefined): UserLayersController {
  /** What the planner wants shown, in order (newest last). */
  const shown = new Map<string, UserLayerDisplay>();
  /** What was last put on the map: layer id to the data URL its source reads. */
  const onMap = new Map<string, string>();
  const colourings = new Map<string, ClassColouring>();
  const categoryColourings = new Map<string, ClassColouring>();
  const labelFields = new Map<string, string>();
  const highlights = new Map<string, CategoryHighlight>();
  let selected: { layerId: string; featureIndex: number } | null = null;

  function styleLayerIdsOf(layerId: string): string[] {
    const sourceId = userLayerSourceId(layerId);
    return PART_SUFFIXES.map((suffix) => `${sourceId}${suffix}`);
  }

  function forget(layerId: string): void {
    shown.delete(layerId);
    colourings.delete(layerId);
    categoryColourings.delete(layerId);
    labelFields.delete(layerId);
    highlights.delete(layerId);
  }

  function removeFromMap(layerId: string): void {
    for (const styleLayerId of styleLayerIdsOf(layerId)) if (map.getLayer(styleLayerId)) map.removeLayer(styleLayerId);
    const sourceId = userLayerSourceId(layerId);
    if (map.getSource(sourceId)) map.removeSource(sourceId);
    onMap.delete(layerId);
  }

  // Labels use the font the style's own labels use (the app's, shipped with it), read once from the style.
  let textFont: readonly string[] | null = null;
  function styleTextFont(): readonly string[] {
    textFont ??=
      (
        map
          .getStyle()
          .layers.find((styleLayer) => styleLayer.type === 'symbol' && Array.isArray(styleLayer.layout?.['text-font']))
          ?.layout as { 'text-font'?: string[] } | undefined
      )?.['text-font'] ?? [];
    return textFont;
  }

  /** Puts one wanted layer on the map as wanted: its source, its parts, its drawing settings. */
  function applyLayer(layer: UserLayerDisplay): void {
    const sourceId = userLayerSourceId(layer.id);
    const source = map.getSource(sourceId) as GeoJSONSource | undefined;
    if (!source) map.addSource(sourceId, { type: 'geojson', data: layer.dataUrl, generateId: true });
    // Re-read after a conversion (e.g. the planner said the file is GCJ-02).
    else if (onMap.get(layer.id) !== layer.dataUrl) source.setData(layer.dataUrl);
    onMap.set(layer.id, layer.dataUrl);
    for (const specification of userLayerSpecifications(sourceId, layer.colour, styleTextFont()))
      if (!map.getLayer(specification.id)) map.addLayer(specification, beforeLayerId());
    applyColouring(layer.id);
    setVisibility(layer);
  }

  function applySelection(selection: { layerId: string; featureIndex: number } | null, value: boolean): void {
    if (!selection || !isStyleEditable(map) || !map.getSource(userLayerSourceId(selection.layerId))) return;
    map.setFeatureState(
      { source: userLayerSourceId(selection.layerId), id: selection.featureIndex },
      { selected: value },
    );
  }

  /** Makes the map show exactly the wanted layers; does nothing while there is no style to edit. */
  function sync(): void {
    if (!isStyleEditable(map)) return;
    for (const layerId of [...onMap.keys()]) if (!shown.has(layerId)) removeFromMap(layerId);
    for (const layer of shown.values()) applyLayer(layer);
    applySelection(selected, true);
  }
  map.on('style.load', sync);

  function applyLabels(layerId: string): void {
    if (!isStyleEditable(map)) return;
    const labelLayerId = `${userLayerSourceId(layerId)}-label`;
    if (!map.getLayer(labelLayerId)) return;
    const field = labelFields.get(layerId);
    map.setLayoutProperty(labelLayerId, 'text-field', field ? (['to-string', ['get', field]] as never) : '');
    map.setLayoutProperty(labelLayerId, 'visibility', field && shown.get(layerId)?.visible ? 'visible' : 'none');
  }

  function applyHighlight(layerId: string): void {
    if (!isStyleEditable(map)) return;
    const highlightLayerId = `${userLayerSourceId(layerId)}-highlight`;
    if (!map.getLayer(highlightLayerId)) return;
    const highlight = highlights.get(layerId);
    map.setFilter(
      highlightLayerId,
      (highlight ? categoryFilter(highlight.field, highlight.key) : ['literal', false]) as never,
    );
    map.setLayoutProperty(
      highlightLayerId,
      'visibility',
      highlight && shown.get(layerId)?.visible ? 'visible' : 'none',
    );
  }

  function applyColouring(layerId: string): void {
    if (!isStyleEditable(map)) return;
    const fillLayerId = `${userLayerSourceId(layerId)}-fill`;
    const layer = shown.get(layerId);
    if (!map.getLayer(fillLayerId)) return;
    const colouring = colourings.get(layerId) ?? categoryColourings.get(layerId);
    if (colouring) {
      map.setPaintProperty(fillLayerId, 'fill-color', classFillColour(colouring) as never);
      map.setPaintProperty(fillLayerId, 'fill-opacity', CLASS_FILL_OPACITY as never);
    } else if (layer) {
      map.setPaintProperty(fillLayerId, 'fill-color', layer.colour);
      map.setPaintProperty(fillLayerId, 'fill-opacity', PLAIN_FILL_OPACITY as never);
    }
  }

  function setVisibility(layer: UserLayerDisplay): void {
    if (!isStyleEditable(map)) return;
    const sourceId = userLayerSourceId(layer.id);
    for (const styleLayerId of styleLayerIdsOf(layer.id)) {
      if (ON_DEMAND_SUFFIXES.has(styleLayerId.slice(sourceId.length))) continue;
      if (map.getLayer(styleLayerId))
        map.setLayoutProperty(styleLayerId, 'visibility', layer.visible ? 'visible' : 'none');
    }
    applyLabels(layer.id);
    applyHighlight(layer.id);
  }

  return {
    setLayers(layers) {
      const wanted = new Set(layers.map((layer) => layer.id));
      for (const layerId of [...shown.keys()]) if (!wanted.has(layerId)) forget(layerId);
      for (const layer of layers) shown.set(layer.id, layer);
      sync();
    },
    featureAt(x, y, tolerancePx) {
      if (!isStyleEditable(map)) return null;
      const layerIds = [...shown.values()]
        .filter((layer) => layer.visible)
        .reverse()
        .flatMap((layer) => styleLayerIdsOf(layer.id))
        .filter((styleLayerId) => map.getLayer(styleLayerId));
      if (layerIds.length === 0) return null;
      const hits = map.queryRenderedFeatures(
        [
          [x - tolerancePx, y - tolerancePx],
          [x + tolerancePx, y + tolerancePx],
        ],
        { layers: layerIds },
      );
      for (const hit of hits) {
        if (typeof hit.id !== 'number') continue;
        const layerId = hit.source.slice(SOURCE_PREFIX.length);
        return { layerId, featureIndex: hit.id, properties: { ...hit.properties } };
      }
      return null;
    },
    setClassColouring(layerId, colouring) {
      if (colouring) colourings.set(layerId, colouring);
      else colourings.delete(layerId);
      applyColouring(layerId);
    },
    setCategoryColouring(layerId, colouring) {
      if (colouring) categoryColourings.set(layerId, colouring);
      else categoryColourings.delete(layerId);
      applyColouring(layerId);
    },
    setLabels(layerId, field) {
      if (field) labelFields.set(layerId, field);
      else labelFields.delete(layerId);
      applyLabels(layerId);
    },
    setHighlight(layerId, highlight) {
      if (highlight) highlights.set(layerId, highlight);
      else highlights.delete(layerId);
      applyHighlight(layerId);
    },
    setSelected(hit) {
      applySelection(selected, false);
      selected = hit;
      applySelection(selected, true);
    },
    frame(bounds, padding) {
      const [west, south, east, north] = bounds;
      if (![west, south, east, north].every(Number.isFinite)) return;
      if (west === east && south === north) map.flyTo({ center: [west, south], zoom: Math.max(map.getZoom(), 14) });
      else
        map.fitBounds(
          [
            [west, south],
            [east, north],
          ],
          { padding, maxZoom: 17 },
        );
    },
  };
}
