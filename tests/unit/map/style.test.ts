import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { describe, expect, it } from 'vitest';
import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LabelPointCollection, LayerDefinition, Manifest } from '../../../src/data/dataset-types.ts';
import { mapStyleFont, SYSTEM_CJK_FONT_FAMILIES } from '../../../src/map/font-choice.ts';
import {
  APPROXIMATE_DASH,
  buildMapStyle,
  DATA_ATTRIBUTION,
  LABEL_POINTS_SOURCE_ID,
  RIVER_COLOR,
  RIVER_WIDTH_STOPS,
  interactiveStyleLayerIds,
  labelText,
  manifestLayerIdOf,
  styleLayerIds,
} from '../../../src/map/style.ts';

function layer(
  id: string,
  role: LayerDefinition['role'],
  geometry: LayerDefinition['geometry'],
  color: string,
): LayerDefinition {
  return {
    id,
    role,
    title: { zh: id, en: id },
    description: { zh: '', en: '' },
    file: `${id}.geojson`,
    color,
    geometry,
    green: role === 'green',
    unit: role === 'zone' || role === 'core' || role === 'wing',
    visible: id !== 'hidden-places',
  };
}

const manifest: Manifest = deepFreeze({
  version: 1,
  name: { zh: '泸州国家高新区', en: 'Luzhou National High-tech Zone' },
  stated: {
    zoneArea: { value: 202, unit: 'km2', source: 'article' },
    greenShare: { value: 40, unit: 'percent', source: 'article', qualifier: 'over', covers: { zh: '', en: '' } },
  },
  layers: [
    layer('districts', 'context', 'polygon', '#cccccc'),
    layer('river', 'context', 'line', '#4a90d9'),
    layer('zone', 'zone', 'polygon', '#d0021b'),
    layer('wings', 'wing', 'polygon', '#f5a623'),
    layer('core', 'core', 'polygon', '#b00020'),
    layer('parks', 'park', 'polygon', '#7b61ff'),
    layer('green', 'green', 'polygon', '#2e9e44'),
    layer('places', 'place', 'point', '#333333'),
    layer('hidden-places', 'place', 'point', '#999999'),
  ],
  credits: [{ zh: 'DataV.GeoAtlas / 高德', en: 'DataV.GeoAtlas / AutoNavi' }],
} satisfies Manifest);

const labelPoints: LabelPointCollection = deepFreeze({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [105.5, 28.86] },
      properties: {
        id: 'wing-a',
        layer: 'wings',
        name_zh: '江阳片区',
        name_en: 'Jiangyang wing',
        kind: 'label-point',
        source: 'polylabel',
        confidence: 'schematic',
        label_rank: 2,
      },
    },
  ],
} satisfies LabelPointCollection);

const shipped = {
  family: 'Noto Sans SC',
  faces: [
    { url: '/assets/noto-sans-sc-subset.woff2', 'unicode-range': ['U+4E00-4E01'] },
    { url: '/assets/noto-sans-sc-fallback.woff2', 'unicode-range': ['U+4E02-9FFF'] },
  ],
};
/** A device without a CJK font: the shipped files draw the text. */
const font = mapStyleFont(shipped, false);
const style = buildMapStyle(manifest, {
  font,
  sourceData: () => ({ type: 'FeatureCollection', features: [] }),
});

function layersOf(manifestLayerId: string): LayerSpecification[] {
  return style.layers.filter((styleLayer) => styleLayer.id.startsWith(`${manifestLayerId}:`));
}

/** The label MapLibre would draw for a feature with these properties, as plain text. */
function renderedLabel(language: 'zh' | 'en', properties: Record<string, unknown>): string {
  const specification = {
    type: 'formatted',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  };
  const parsed = createExpression(
    labelText(language),
    'text-field',
    specification as unknown as StylePropertySpecification,
  );
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const feature = { type: 'Point', properties } as unknown as Parameters<typeof parsed.value.evaluate>[1];
  return String(parsed.value.evaluate({ zoom: 12 }, feature));
}

describe('label text', () => {
  const lake = { name_zh: '杨桥湖生态公园', name_en: 'Yangqiao Lake Ecological Park', confidence: 'schematic' };

  it('says "position unknown" after the name, in the page language, when the feature is flagged', () => {
    expect(renderedLabel('zh', { ...lake, position_unknown: true })).toBe(
      '≈杨桥湖生态公园（位置未知）\nYangqiao Lake Ecological Park',
    );
    expect(renderedLabel('en', { ...lake, position_unknown: true })).toBe(
      '≈Yangqiao Lake Ecological Park (position unknown)\n杨桥湖生态公园',
    );
  });

  it('adds nothing to a located feature, whether the flag is absent or false', () => {
    expect(renderedLabel('zh', lake)).toBe('≈杨桥湖生态公园\nYangqiao Lake Ecological Park');
    expect(renderedLabel('zh', { ...lake, position_unknown: false })).toBe(
      '≈杨桥湖生态公园\nYangqiao Lake Ecological Park',
    );
    expect(renderedLabel('en', { ...lake, confidence: 'high' })).toBe('Yangqiao Lake Ecological Park\n杨桥湖生态公园');
  });

  it('does not take a text flag for true: only the boolean marks a position unknown', () => {
    expect(renderedLabel('zh', { ...lake, position_unknown: 'false' })).toBe(
      '≈杨桥湖生态公园\nYangqiao Lake Ecological Park',
    );
  });
});

describe('buildMapStyle', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('asks for no glyph server, so text never leaves the origin', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('names no URL on another host anywhere in the style', () => {
    const urls = JSON.stringify(style).match(/[a-z][a-z0-9+.-]*:\/\/[^"\\]*/gi) ?? [];
    expect(urls).toEqual([]);
  });

  it('draws text with the shipped font through font-faces on a device without a CJK font', () => {
    expect(style['font-faces']).toEqual({ 'Noto Sans SC': shipped.faces });
    const symbols = style.layers.filter((styleLayer) => styleLayer.type === 'symbol');
    // One label layer per manifest layer, plus the count in each place layer's bubbles.
    expect(symbols.filter((symbol) => symbol.id.endsWith(':label')).length).toBe(manifest.layers.length);
    for (const symbol of symbols) {
      expect(symbol.layout?.['text-font']).toEqual([...SYSTEM_CJK_FONT_FAMILIES, 'Noto Sans SC']);
    }
  });

  it('declares no font file on a device with a CJK font, so MapLibre fetches none and draws with it', () => {
    const systemStyle = buildMapStyle(manifest, {
      font: mapStyleFont(shipped, true),
      sourceData: () => ({ type: 'FeatureCollection', features: [] }),
    });
    expect(systemStyle).not.toHaveProperty('font-faces');
    expect(validateStyleMin(systemStyle)).toEqual([]);
    const symbols = systemStyle.layers.filter((styleLayer) => styleLayer.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(0);
    for (const symbol of symbols) {
      expect(symbol.layout?.['text-font']).toEqual([...SYSTEM_CJK_FONT_FAMILIES, 'Noto Sans SC']);
    }
  });

  it('gives every manifest layer a source and all of its style layers, in manifest order', () => {
    for (const definition of manifest.layers) {
      expect(style.sources[definition.id]).toMatchObject({ type: 'geojson', promoteId: 'id' });
      expect(
        layersOf(definition.id)
          .map((styleLayer) => styleLayer.id)
          .sort(),
      ).toEqual(styleLayerIds(definition).sort());
    }
    const firstFillIndex = (id: string) => style.layers.findIndex((styleLayer) => styleLayer.id.startsWith(`${id}:`));
    expect(firstFillIndex('districts')).toBeLessThan(firstFillIndex('zone'));
    expect(firstFillIndex('zone')).toBeLessThan(firstFillIndex('green'));
  });

  it('takes colours from the manifest, not from code', () => {
    const wingFill = style.layers.find((styleLayer) => styleLayer.id === 'wings:fill');
    expect(wingFill?.type === 'fill' && wingFill.paint?.['fill-color']).toBe('#f5a623');
    const greenOutline = style.layers.find((styleLayer) => styleLayer.id === 'green:outline');
    expect(JSON.stringify(greenOutline?.paint)).toContain('#2e9e44');
  });

  it('draws estimated outlines dashed and known ones solid, split by confidence', () => {
    const exact = style.layers.find((styleLayer) => styleLayer.id === 'parks:outline');
    const approximate = style.layers.find((styleLayer) => styleLayer.id === 'parks:outline-approximate');
    expect(exact && 'filter' in exact && exact.filter).toEqual(['==', ['get', 'confidence'], 'high']);
    expect(approximate && 'filter' in approximate && approximate.filter).toEqual(['!=', ['get', 'confidence'], 'high']);
    expect(exact?.type === 'line' && exact.paint?.['line-dasharray']).toBeFalsy();
    expect(approximate?.type === 'line' && approximate.paint?.['line-dasharray']).toEqual(APPROXIMATE_DASH);
  });

  it('prefixes the labels of estimated features with ≈', () => {
    const label = style.layers.find((styleLayer) => styleLayer.id === 'parks:label');
    const field = JSON.stringify(label?.type === 'symbol' ? label.layout?.['text-field'] : null);
    expect(field).toContain('["case",["!=",["get","confidence"],"high"],"≈",""]');
    expect(field).toContain('["get","name_zh"]');
    expect(field).toContain('["get","name_en"]');
  });

  it('puts the English name first when the page is in English, Chinese still underneath', () => {
    const english = buildMapStyle(manifest, {
      font,
      sourceData: () => ({ type: 'FeatureCollection', features: [] }),
      language: 'en',
    });
    const label = english.layers.find((styleLayer) => styleLayer.id === 'core:label');
    const field = JSON.stringify(label?.type === 'symbol' ? label.layout?.['text-field'] : null);
    expect(field.indexOf('name_en')).toBeLessThan(field.indexOf('name_zh'));
    expect(field).toContain('"≈"');
  });

  it('starts hidden layers hidden', () => {
    for (const styleLayer of layersOf('hidden-places')) expect(styleLayer.layout?.visibility).toBe('none');
    for (const styleLayer of layersOf('places')) expect(styleLayer.layout?.visibility).toBe('visible');
  });

  it('puts every label above every shape, and places them by importance: core and wings, zone, parks, green, districts', () => {
    const firstLabel = style.layers.findIndex((styleLayer) => styleLayer.type === 'symbol');
    const lastShape = style.layers.map((styleLayer) => styleLayer.type).lastIndexOf('line');
    expect(firstLabel).toBeGreaterThan(lastShape);
    // MapLibre places the labels of higher style layers first: they win collisions.
    const index = (id: string) => style.layers.findIndex((styleLayer) => styleLayer.id === id);
    expect(index('core:label')).toBeGreaterThan(index('zone:label'));
    expect(index('wings:label')).toBeGreaterThan(index('zone:label'));
    expect(index('zone:label')).toBeGreaterThan(index('parks:label'));
    expect(index('parks:label')).toBeGreaterThan(index('green:label'));
    expect(index('core:label')).toBeGreaterThan(index('places:label'));
    expect(index('places:label')).toBeGreaterThan(index('districts:label'));
  });

  it('maps style layer ids back to their manifest layer, and labels are not click targets', () => {
    const parks = manifest.layers.find((definition) => definition.id === 'parks')!;
    expect(interactiveStyleLayerIds(parks)).not.toContain('parks:label');
    for (const id of styleLayerIds(parks)) expect(manifestLayerIdOf(id)).toBe('parks');
  });

  it('labels each polygon from its one build-time label point, never from the polygon itself', () => {
    const labelled = buildMapStyle(manifest, {
      font,
      sourceData: () => ({ type: 'FeatureCollection', features: [] }),
      labelPoints,
    });
    expect(labelled.sources[LABEL_POINTS_SOURCE_ID]).toMatchObject({ type: 'geojson', data: labelPoints });
    for (const definition of manifest.layers.filter((item) => item.geometry === 'polygon')) {
      const label = labelled.layers.find((styleLayer) => styleLayer.id === `${definition.id}:label`);
      expect(label?.type === 'symbol' && label.source).toBe(LABEL_POINTS_SOURCE_ID);
      expect(label && 'filter' in label && label.filter).toEqual(['==', ['get', 'layer'], definition.id]);
      expect(label?.type === 'symbol' && label.layout?.['symbol-sort-key']).toEqual(['get', 'label_rank']);
    }
    // No symbol layer reads a polygon layer's own source: that is what wrote a name once per tile.
    const polygonSources = new Set(
      manifest.layers.filter((item) => item.geometry === 'polygon').map((item) => item.id),
    );
    for (const symbol of labelled.layers.filter((styleLayer) => styleLayer.type === 'symbol')) {
      expect(polygonSources.has((symbol as { source: string }).source), symbol.id).toBe(false);
    }
    expect(validateStyleMin(labelled)).toEqual([]);
  });

  it('draws a river as a blue line that widens with zoom, never dashed, named along its course', () => {
    const line = style.layers.find((styleLayer) => styleLayer.id === 'river:line');
    const approximate = style.layers.find((styleLayer) => styleLayer.id === 'river:line-approximate');
    // An estimated river course is still drawn by the solid layer; the dashed one leaves rivers out.
    const riverFeature = { type: 'LineString', properties: { kind: 'river', confidence: 'low' } };
    const evaluate = (
      expression: unknown,
      zoom: number,
      properties: Record<string, unknown>,
      property = 'line-width',
    ) => {
      const specification = {
        type: 'number',
        'property-type': 'data-driven',
        expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
      };
      const parsed = createExpression(expression, property, specification as unknown as StylePropertySpecification);
      if (parsed.result !== 'success') throw new Error(`${property}: ${JSON.stringify(parsed.value)}`);
      return parsed.value.evaluate({ zoom }, { type: 'LineString', properties } as unknown as Parameters<
        typeof parsed.value.evaluate
      >[1]) as number;
    };
    const width = line?.type === 'line' ? line.paint?.['line-width'] : undefined;
    const widths = [9, 11, 13, 15].map((zoom) => evaluate(width, zoom, riverFeature.properties));
    for (let index = 1; index < widths.length; index++) expect(widths[index]).toBeGreaterThan(widths[index - 1]!);
    for (const [zoom, stopWidth] of RIVER_WIDTH_STOPS)
      expect(evaluate(width, zoom, riverFeature.properties)).toBeCloseTo(stopWidth, 9);
    // Other lines in the layer keep their width at every zoom.
    expect(evaluate(width, 9, { kind: 'runway', confidence: 'high' })).toBe(
      evaluate(width, 15, { kind: 'runway', confidence: 'high' }),
    );
    const filterOf = (layer: LayerSpecification | undefined) =>
      createExpression((layer as { filter: unknown }).filter, 'filter', {
        type: 'boolean',
        'property-type': 'data-driven',
        expression: { interpolated: false, parameters: ['zoom', 'feature'] },
      } as unknown as StylePropertySpecification);
    const matches = (layer: LayerSpecification | undefined, properties: Record<string, unknown>) => {
      const parsed = filterOf(layer);
      if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
      return parsed.value.evaluate({ zoom: 12 }, { type: 'LineString', properties } as unknown as Parameters<
        typeof parsed.value.evaluate
      >[1]);
    };
    expect(matches(line, riverFeature.properties)).toBe(true);
    expect(matches(approximate, riverFeature.properties)).toBe(false);
    expect(matches(approximate, { kind: 'boundary', confidence: 'low' })).toBe(true);
    expect(JSON.stringify(line?.type === 'line' && line.paint?.['line-color'])).toContain(RIVER_COLOR);
    const label = style.layers.find((styleLayer) => styleLayer.id === 'river:label');
    expect(label?.type === 'symbol' && label.layout?.['symbol-placement']).toBe('line');
    expect(label?.type === 'symbol' && label.source).toBe('river');
  });

  it('credits the shipped data with static text on its sources, naming each licence and no address', () => {
    expect(DATA_ATTRIBUTION).toMatch(/© OpenStreetMap contributors \(ODbL 1\.0\)/);
    expect(DATA_ATTRIBUTION).toMatch(/GSHHG \(LGPL-3\.0\+\)/);
    expect(DATA_ATTRIBUTION).toMatch(/Natural Earth/);
    for (const definition of manifest.layers)
      expect(style.sources[definition.id]).toMatchObject({ attribution: DATA_ATTRIBUTION });
    // The credit is this module's constant: a manifest cannot put its own text (HTML) there.
    expect(JSON.stringify(style)).not.toContain(manifest.credits[0]!.en);
  });
});
