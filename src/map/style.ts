/**
 * The map style, built from the dataset manifest so a planner can add or recolour a layer without
 * touching code. Pure: no DOM, no MapLibre runtime, so its invariants are tested in node.
 *
 * Offline by construction: there is no `glyphs` URL and no tile source. Text is drawn from the
 * font file named in `font-faces`, which ships with the app.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { LabelPointCollection, LayerDefinition, LayerRole, Manifest } from '../data/dataset-types.ts';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';

export interface MapStyleFont {
  /** The name used in `text-font` and as the `font-faces` key. */
  family: string;
  /**
   * Same-origin font files, each with the characters it covers. MapLibre takes the first file whose
   * range covers a character, so ranges must not overlap (see src/virtual-modules.d.ts).
   */
  faces: { url: string; 'unicode-range'?: string[] }[];
}

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

/** The source of the polygon label points; a manifest layer id cannot start with ':'. */
export const LABEL_POINTS_SOURCE_ID = ':label-points';

/**
 * Credits for the shipped data, shown by the map's attribution control. Static text written here,
 * never taken from the dataset: MapLibre renders attribution as HTML (ENGINEERING §9).
 */
export const DATA_ATTRIBUTION =
  '© OpenStreetMap contributors (ODbL 1.0) · GSHHG (LGPL-3.0+) · Natural Earth (public domain) · DataV.GeoAtlas / 高德';

/** A line feature drawn as a river: blue, widening with zoom, named along its course. */
export const IS_RIVER: ExpressionSpecification = ['==', ['get', 'kind'], 'river'];
export const RIVER_COLOR = '#4a90c8';
const RIVER_LABEL_COLOR = '#1d5a8c';

/**
 * River width in pixels by zoom: a thread at the city's scale, a band when zoomed in (the Yangtze
 * here is 600–800 m wide, ≈ 40 px at zoom 13); wider while hovered or selected.
 */
export const RIVER_WIDTH_STOPS: readonly (readonly [zoom: number, width: number])[] = [
  [8, 1.5],
  [10, 2.5],
  [12, 5],
  [14, 12],
  [16, 28],
];

export const BACKGROUND_COLOR = '#f3f1ea';
const HALO_COLOR = '#ffffff';
const TEXT_COLOR = '#222222';
const SELECTED_OUTLINE_COLOR = '#111111';

/** Dash pattern for estimated outlines, in line widths. */
export const APPROXIMATE_DASH = [2, 2];

/** Anything but `high` confidence is an estimate and must look like one. */
export const IS_APPROXIMATE: ExpressionSpecification = ['!=', ['get', 'confidence'], 'high'];
const IS_EXACT: ExpressionSpecification = ['==', ['get', 'confidence'], 'high'];

/** No source locates the feature: its drawing is only a placement, and its label must say so. */
export const IS_POSITION_UNKNOWN: ExpressionSpecification = ['==', ['get', 'position_unknown'], true];

/** Appended to the first line of a label when the position is unknown; the name itself stays the real name. */
export const POSITION_UNKNOWN_SUFFIX: Readonly<Record<'zh' | 'en', string>> = {
  zh: `（${zh.honesty.positionUnknown}）`,
  en: ` (${en.honesty.positionUnknown})`,
};

/** The style layers drawn for one manifest layer, by purpose. Ids are `<layer>:<purpose>`. */
export function styleLayerIds(layer: LayerDefinition): string[] {
  switch (layer.geometry) {
    case 'polygon':
      return [`${layer.id}:fill`, `${layer.id}:outline`, `${layer.id}:outline-approximate`, `${layer.id}:label`];
    case 'line':
      return [`${layer.id}:line`, `${layer.id}:line-approximate`, `${layer.id}:label`];
    case 'point':
      return [`${layer.id}:circle`, `${layer.id}:label`];
  }
}

/** Style layers a click or hover can hit: the ones that draw the feature itself, not its label. */
export function interactiveStyleLayerIds(layer: LayerDefinition): string[] {
  return styleLayerIds(layer).filter((id) => !id.endsWith(':label'));
}

/** The manifest layer a style layer id belongs to. */
export function manifestLayerIdOf(styleLayerId: string): string {
  const separator = styleLayerId.lastIndexOf(':');
  return separator === -1 ? styleLayerId : styleLayerId.slice(0, separator);
}

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

/**
 * Label priority: MapLibre places symbols of higher style layers first, so the planning pattern
 * (core, wings, parks) wins collisions over places, and districts give way to everything.
 */
const LABEL_PRIORITY: Record<LayerRole, number> = {
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

function hoverOrSelected(whenActive: number, otherwise: number): ExpressionSpecification {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    whenActive,
    ['boolean', ['feature-state', 'hover'], false],
    whenActive,
    otherwise,
  ];
}

/**
 * "≈名称" for estimates, "≈名称（位置未知）" where no source gives the position, with the name in
 * the other language smaller underneath.
 */
export function labelText(language: 'zh' | 'en' = 'zh'): DataDrivenPropertyValueSpecification<string> {
  const primary = language === 'zh' ? 'name_zh' : 'name_en';
  const secondary = language === 'zh' ? 'name_en' : 'name_zh';
  return [
    'format',
    [
      'concat',
      ['case', IS_APPROXIMATE, '≈', ''],
      ['get', primary],
      ['case', IS_POSITION_UNKNOWN, POSITION_UNKNOWN_SUFFIX[language], ''],
    ],
    {},
    '\n',
    {},
    ['get', secondary],
    { 'font-scale': 0.78 },
  ] as unknown as DataDrivenPropertyValueSpecification<string>;
}

function polygonLayers(layer: LayerDefinition): LayerSpecification[] {
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

function lineLayers(layer: LayerDefinition): LayerSpecification[] {
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

function pointLayers(layer: LayerDefinition): LayerSpecification[] {
  return [
    {
      id: `${layer.id}:circle`,
      type: 'circle',
      source: layer.id,
      layout: { visibility: layer.visible ? 'visible' : 'none' },
      paint: {
        'circle-radius': hoverOrSelected(8, 5),
        // Estimated positions are hollow rings; known ones are solid dots.
        'circle-color': ['case', IS_APPROXIMATE, '#ffffff', layer.color],
        'circle-stroke-color': layer.color,
        'circle-stroke-width': ['case', IS_APPROXIMATE, 2, 1],
      },
    },
  ];
}

function labelLayer(layer: LayerDefinition, font: MapStyleFont, language: 'zh' | 'en'): LayerSpecification {
  const size = LABEL_SIZE[layer.role];
  const common = {
    visibility: layer.visible ? ('visible' as const) : ('none' as const),
    'text-field': labelText(language),
    'text-font': [font.family],
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
    layout: { ...common, 'symbol-placement': 'point', 'text-anchor': 'top', 'text-offset': [0, 0.7] },
    paint,
  };
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
    } satisfies GeoJSONSourceSpecification;
    if (layer.geometry === 'polygon') geometryLayers.push(...polygonLayers(layer));
    else if (layer.geometry === 'line') geometryLayers.push(...lineLayers(layer));
    else geometryLayers.push(...pointLayers(layer));
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
    'font-faces': { [options.font.family]: options.font.faces.map((face) => ({ ...face })) },
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      ...geometryLayers,
      ...labels,
    ],
  };
}
