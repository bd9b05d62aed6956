/**
 * The style layers that draw areas and lines: fills, outlines (dashed for estimates) and rivers.
 * Pure, like the rest of the style.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { LayerDefinition, LayerRole } from '../data/dataset-types.ts';
import {
  APPROXIMATE_DASH,
  IS_APPROXIMATE,
  IS_EXACT,
  IS_RIVER,
  RIVER_COLOR,
  RIVER_WIDTH_STOPS,
  SELECTED_OUTLINE_COLOR,
  hoverOrSelected,
} from './style-common.ts';

const FILL_OPACITY: Record<LayerRole, number> = {
  context: 0.3,
  zone: 0.08,
  wing: 0.2,
  core: 0.45,
  park: 0.35,
  area: 0.3,
  green: 0.5,
  place: 0.8,
};

const OUTLINE_WIDTH: Record<LayerRole, number> = {
  context: 0.8,
  zone: 3,
  wing: 2,
  core: 2.5,
  park: 1.5,
  area: 1.2,
  green: 1.2,
  place: 1,
};

export function polygonLayers(layer: LayerDefinition): LayerSpecification[] {
  const source = layer.id;
  const visibility = layer.visible ? 'visible' : 'none';
  const baseOpacity = FILL_OPACITY[layer.role];
  const width = OUTLINE_WIDTH[layer.role];
  const outlineWidth: ExpressionSpecification = [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    width + 2,
    ['boolean', ['feature-state', 'hover'], false],
    width + 1,
    width,
  ];
  const outlineColor: ExpressionSpecification = [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    SELECTED_OUTLINE_COLOR,
    layer.color,
  ];
  return [
    {
      id: `${layer.id}:fill`,
      type: 'fill',
      source,
      layout: { visibility },
      paint: {
        'fill-color': layer.color,
        'fill-opacity': hoverOrSelected(Math.min(1, baseOpacity + 0.2), baseOpacity),
      },
    },
    {
      id: `${layer.id}:outline`,
      type: 'line',
      source,
      filter: IS_EXACT as FilterSpecification,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': outlineColor, 'line-width': outlineWidth },
    },
    {
      id: `${layer.id}:outline-approximate`,
      type: 'line',
      source,
      filter: IS_APPROXIMATE as FilterSpecification,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': outlineColor, 'line-width': outlineWidth, 'line-dasharray': APPROXIMATE_DASH },
    },
  ];
}

/**
 * Line width by zoom: rivers follow `RIVER_WIDTH_STOPS` (3 px wider while hovered or selected),
 * other lines keep `otherWidth`. MapLibre allows `zoom` only in a top-level interpolation, so the
 * river test sits inside each stop.
 */
function lineWidthByZoom(otherWidth: ExpressionSpecification): ExpressionSpecification {
  return [
    'interpolate',
    ['exponential', 1.5],
    ['zoom'],
    ...RIVER_WIDTH_STOPS.flatMap(([zoom, width]) => [
      zoom,
      ['case', IS_RIVER, hoverOrSelected(width + 3, width), otherWidth],
    ]),
  ] as ExpressionSpecification;
}

export function lineLayers(layer: LayerDefinition): LayerSpecification[] {
  const visibility = layer.visible ? 'visible' : 'none';
  const width = hoverOrSelected(5, 3);
  const notRiver: ExpressionSpecification = ['!', IS_RIVER];
  return [
    {
      // Rivers are water, not boundaries: never dashed. An estimated course is paler and its
      // label says "≈"; the panel gives each stretch's source and accuracy.
      id: `${layer.id}:line`,
      type: 'line',
      source: layer.id,
      filter: ['any', IS_EXACT, IS_RIVER] as FilterSpecification,
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['case', IS_RIVER, RIVER_COLOR, layer.color],
        'line-width': lineWidthByZoom(width),
        'line-opacity': ['case', ['all', IS_RIVER, IS_APPROXIMATE], 0.8, 1],
      },
    },
    {
      id: `${layer.id}:line-approximate`,
      type: 'line',
      source: layer.id,
      filter: ['all', IS_APPROXIMATE, notRiver] as FilterSpecification,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': layer.color, 'line-width': width, 'line-dasharray': APPROXIMATE_DASH },
    },
  ];
}
