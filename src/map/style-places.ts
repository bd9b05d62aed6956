/**
 * The style layers for point features and for every label: markers, the count bubbles that stand
 * for crowded places, and names placed by importance. Pure, like the rest of the style.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { LayerDefinition, LayerRole } from '../data/dataset-types.ts';
import {
  HALO_COLOR,
  IS_APPROXIMATE,
  IS_RIVER,
  RIVER_LABEL_COLOR,
  TEXT_COLOR,
  hoverOrSelected,
  labelText,
  type MapStyleFont,
} from './style-common.ts';

/** The source of the polygon label points; a manifest layer id cannot start with ':'. */
export const LABEL_POINTS_SOURCE_ID = ':label-points';

/**
 * Places closer than this on screen merge into one bubble with their count, so markers never sit on
 * top of each other (eight did in the 江阳 wing at the first view). Wider than two bubbles, so
 * neighbouring bubbles do not touch either.
 */
export const PLACE_CLUSTER_RADIUS_PX = 44;
/**
 * The last zoom that merges places. Choosing a place (search, list) flies to zoom 14, and from there
 * on every place stands alone; at zoom 13 the dataset's closest places are already 60 px apart.
 */
export const PLACE_CLUSTER_MAX_ZOOM = 13;

const IS_CLUSTER: ExpressionSpecification = ['has', 'point_count'];
const IS_SINGLE: ExpressionSpecification = ['!', IS_CLUSTER];

/** Places (not context points such as stations, which lie far apart) merge into count bubbles. */
export function isClustered(layer: LayerDefinition): boolean {
  return layer.geometry === 'point' && layer.role === 'place';
}

/** The source options that merge crowded places; each bubble counts its estimated members. */
export function clusterOptions(layer: LayerDefinition): Partial<GeoJSONSourceSpecification> {
  if (!isClustered(layer)) return {};
  return {
    cluster: true,
    clusterRadius: PLACE_CLUSTER_RADIUS_PX,
    clusterMaxZoom: PLACE_CLUSTER_MAX_ZOOM,
    clusterProperties: { approximate: ['+', ['case', IS_APPROXIMATE, 1, 0]] },
  };
}

/** The style layers of a clustered layer's bubbles; a click on one zooms in (src/map/place-clusters.ts). */
export function clusterStyleLayerIds(layer: LayerDefinition): string[] {
  return isClustered(layer) ? [`${layer.id}:cluster`, `${layer.id}:cluster-count`] : [];
}

function clusterLayers(layer: LayerDefinition, font: MapStyleFont): LayerSpecification[] {
  const visibility = layer.visible ? ('visible' as const) : ('none' as const);
  // Like a single marker: hollow when any member's position is an estimate, solid when all are known.
  const anyApproximate: ExpressionSpecification = ['>', ['get', 'approximate'], 0];
  return [
    {
      id: `${layer.id}:cluster`,
      type: 'circle',
      source: layer.id,
      filter: IS_CLUSTER as FilterSpecification,
      layout: { visibility },
      paint: {
        // Larger than a single marker (5 px) and growing with the count, so it reads as "several here".
        'circle-radius': ['step', ['get', 'point_count'], 13, 5, 15, 10, 18],
        'circle-color': ['case', anyApproximate, '#ffffff', layer.color],
        'circle-stroke-color': layer.color,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: `${layer.id}:cluster-count`,
      type: 'symbol',
      source: layer.id,
      filter: IS_CLUSTER as FilterSpecification,
      layout: {
        visibility,
        'text-field': ['to-string', ['get', 'point_count']],
        'text-font': [...font.textFont],
        'text-size': 13,
        // The count belongs to its bubble: always drawn, and it pushes no name aside.
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': ['case', anyApproximate, layer.color, '#ffffff'] },
    },
  ];
}

export function pointLayers(layer: LayerDefinition, font: MapStyleFont): LayerSpecification[] {
  const clustered = isClustered(layer);
  return [
    {
      id: `${layer.id}:circle`,
      type: 'circle',
      source: layer.id,
      ...(clustered ? { filter: IS_SINGLE as FilterSpecification } : {}),
      layout: { visibility: layer.visible ? 'visible' : 'none' },
      paint: {
        'circle-radius': hoverOrSelected(8, 5),
        // Estimated positions are hollow rings; known ones are solid dots.
        'circle-color': ['case', IS_APPROXIMATE, '#ffffff', layer.color],
        'circle-stroke-color': layer.color,
        'circle-stroke-width': ['case', IS_APPROXIMATE, 2, 1],
      },
    },
    ...(clustered ? clusterLayers(layer, font) : []),
  ];
}

/**
 * Label priority: MapLibre places symbols of higher style layers first, so the planning pattern
 * (core, wings, parks) wins collisions over places, and districts give way to everything.
 */
export const LABEL_PRIORITY: Record<LayerRole, number> = {
  context: 0,
  place: 1,
  green: 2,
  area: 3,
  park: 4,
  // The zone's name is the page title already, and its label point falls on a wing's (the zone is
  // mostly its wings): the core's and wings' names must not give way to it. It moves aside
  // (variable anchors) or waits for a closer zoom.
  zone: 5,
  wing: 6,
  core: 6,
};

const LABEL_SIZE: Record<LayerRole, number> = {
  context: 13,
  zone: 15,
  wing: 14,
  core: 14,
  park: 12,
  area: 12,
  green: 12,
  place: 11,
};

export function labelLayer(layer: LayerDefinition, font: MapStyleFont, language: 'zh' | 'en'): LayerSpecification {
  const size = LABEL_SIZE[layer.role];
  const common = {
    visibility: layer.visible ? ('visible' as const) : ('none' as const),
    'text-field': labelText(language),
    'text-font': [...font.textFont],
    'text-size': size,
    'text-max-width': 8,
    'text-line-height': 1.15,
  };
  const paint = {
    'text-color': layer.role === 'context' ? '#666666' : TEXT_COLOR,
    'text-halo-color': HALO_COLOR,
    'text-halo-width': 1.5,
  };
  if (layer.geometry === 'polygon') {
    // One point per polygon from the build, filtered to this layer so it follows the layer's checkbox.
    return {
      id: `${layer.id}:label`,
      type: 'symbol',
      source: LABEL_POINTS_SOURCE_ID,
      filter: ['==', ['get', 'layer'], layer.id],
      layout: {
        ...common,
        'symbol-placement': 'point',
        'symbol-sort-key': ['get', 'label_rank'],
        // Labels that meet move to a side before giving way.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
      },
      paint,
    };
  }
  if (layer.geometry === 'line') {
    return {
      id: `${layer.id}:label`,
      type: 'symbol',
      source: layer.id,
      layout: {
        ...common,
        'symbol-placement': 'line',
        'symbol-spacing': 400,
        'text-max-angle': 35,
        'text-letter-spacing': ['case', IS_RIVER, 0.3, 0] as unknown as ExpressionSpecification,
      },
      paint: {
        ...paint,
        'text-color': ['case', IS_RIVER, RIVER_LABEL_COLOR, paint['text-color']] as unknown as ExpressionSpecification,
      },
    };
  }
  return {
    id: `${layer.id}:label`,
    type: 'symbol',
    source: layer.id,
    // A bubble stands for its places: only places drawn alone are named.
    ...(isClustered(layer) ? { filter: IS_SINGLE as FilterSpecification } : {}),
    layout: { ...common, 'symbol-placement': 'point', 'text-anchor': 'top', 'text-offset': [0, 0.7] },
    paint,
  };
}
