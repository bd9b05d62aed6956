/**
 * The map style, built from the dataset manifest so a planner can add or recolour a layer without
 * touching code. Pure: no DOM, no MapLibre runtime, so its invariants are tested in node.
 *
 * Offline by construction: there is no `glyphs` URL and no tile source. Text is drawn by the
 * device's own CJK font, or, on a device without one, from the font files named in `font-faces`,
 * which ship with the app (src/map/font-choice.ts).
 *
 * The layers themselves live beside it: areas and lines in style-shapes.ts, markers, place bubbles
 * and labels in style-places.ts, what they share in style-common.ts.
 */
import type {
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { LabelPointCollection, LayerDefinition, Manifest } from '../data/dataset-types.ts';
import { BACKGROUND_COLOR, type MapStyleFont } from './style-common.ts';
import {
  LABEL_POINTS_SOURCE_ID,
  LABEL_PRIORITY,
  clusterOptions,
  clusterStyleLayerIds,
  labelLayer,
  pointLayers,
} from './style-places.ts';
import { lineLayers, polygonLayers } from './style-shapes.ts';

export { APPROXIMATE_DASH, RIVER_COLOR, RIVER_WIDTH_STOPS, labelText, type MapStyleFont } from './style-common.ts';
export { LABEL_POINTS_SOURCE_ID, PLACE_CLUSTER_MAX_ZOOM, clusterStyleLayerIds } from './style-places.ts';

export interface MapStyleOptions {
  font: MapStyleFont;
  /** The GeoJSON (already validated and in WGS84) or a same-origin URL for a manifest layer. */
  sourceData: (layer: LayerDefinition) => GeoJSONSourceSpecification['data'];
  /** Which name is the label's first line; the other follows smaller. Chinese by default. */
  language?: 'zh' | 'en';
  /**
   * One label point per polygon feature (the dataset's `labels` file). Polygons are labelled from
   * these only: labelled from their own geometry, MapLibre writes a polygon's name once per tile.
   */
  labelPoints?: LabelPointCollection;
}

/**
 * Credits for the shipped data, shown by the map's attribution control. Static text written here,
 * never taken from the dataset: MapLibre renders attribution as HTML (ENGINEERING §9).
 */
export const DATA_ATTRIBUTION =
  '© OpenStreetMap contributors (ODbL 1.0) · GSHHG (LGPL-3.0+) · Natural Earth (public domain) · DataV.GeoAtlas / 高德';

/** The style layers drawn for one manifest layer, by purpose. Ids are `<layer>:<purpose>`. */
export function styleLayerIds(layer: LayerDefinition): string[] {
  switch (layer.geometry) {
    case 'polygon':
      return [`${layer.id}:fill`, `${layer.id}:outline`, `${layer.id}:outline-approximate`, `${layer.id}:label`];
    case 'line':
      return [`${layer.id}:line`, `${layer.id}:line-approximate`, `${layer.id}:label`];
    case 'point':
      return [`${layer.id}:circle`, ...clusterStyleLayerIds(layer), `${layer.id}:label`];
  }
}

/**
 * Style layers a click or hover can hit: the ones that draw a feature itself, not its label nor a
 * bubble of several (a click on a bubble zooms in instead).
 */
export function interactiveStyleLayerIds(layer: LayerDefinition): string[] {
  const bubbles = clusterStyleLayerIds(layer);
  return styleLayerIds(layer).filter((id) => !id.endsWith(':label') && !bubbles.includes(id));
}

/** The manifest layer a style layer id belongs to. */
export function manifestLayerIdOf(styleLayerId: string): string {
  const separator = styleLayerId.lastIndexOf(':');
  return separator === -1 ? styleLayerId : styleLayerId.slice(0, separator);
}

/** Builds the whole style: every manifest layer's geometry in manifest order, then all labels on top. */
export function buildMapStyle(manifest: Manifest, options: MapStyleOptions): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  const geometryLayers: LayerSpecification[] = [];
  for (const layer of manifest.layers) {
    sources[layer.id] = {
      type: 'geojson',
      data: options.sourceData(layer),
      // Feature ids are strings in the dataset; promoting them lets hover/selection use feature-state.
      promoteId: 'id',
      attribution: DATA_ATTRIBUTION,
      ...clusterOptions(layer),
    } satisfies GeoJSONSourceSpecification;
    if (layer.geometry === 'polygon') geometryLayers.push(...polygonLayers(layer));
    else if (layer.geometry === 'line') geometryLayers.push(...lineLayers(layer));
    else geometryLayers.push(...pointLayers(layer, options.font));
  }
  const labels = manifest.layers
    .map((layer, index) => ({ layer, index }))
    .sort(
      (first, second) =>
        LABEL_PRIORITY[first.layer.role] - LABEL_PRIORITY[second.layer.role] || first.index - second.index,
    )
    .map(({ layer }) => labelLayer(layer, options.font, options.language ?? 'zh'));
  sources[LABEL_POINTS_SOURCE_ID] = {
    type: 'geojson',
    data: options.labelPoints ?? { type: 'FeatureCollection', features: [] },
    attribution: DATA_ATTRIBUTION,
  } satisfies GeoJSONSourceSpecification;
  return {
    version: 8,
    name: manifest.name.zh,
    // Left out when the device's own CJK font draws the labels: MapLibre fetches a declared file as
    // soon as a label has a character in its range.
    ...(Object.keys(options.font.fontFaces).length > 0
      ? { 'font-faces': structuredClone(options.font.fontFaces) }
      : {}),
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      ...geometryLayers,
      ...labels,
    ],
  };
}
