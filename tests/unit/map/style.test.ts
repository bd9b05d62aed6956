import { describe, expect, it } from 'vitest';
import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerDefinition, Manifest } from '../../../src/data/dataset-types.ts';
import {
  APPROXIMATE_DASH,
  buildMapStyle,
  interactiveStyleLayerIds,
  labelText,
  manifestLayerIdOf,
  styleLayerIds,
} from '../../../src/map/style.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function layer(id: string, role: LayerDefinition['role'], geometry: LayerDefinition['geometry'], color: string): LayerDefinition {
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

const font = {
  family: 'Noto Sans SC',
  faces: [
    { url: '/assets/noto-sans-sc-subset.woff2', 'unicode-range': ['U+4E00-4E01'] },
    { url: '/assets/noto-sans-sc-fallback.woff2', 'unicode-range': ['U+4E02-9FFF'] },
  ],
};
const style = buildMapStyle(manifest, {
  font,
  sourceData: () => ({ type: 'FeatureCollection', features: [] }),
});

function layersOf(manifestLayerId: string): LayerSpecification[] {
  return style.layers.filter((styleLayer) => styleLayer.id.startsWith(`${manifestLayerId}:`));
}

/** The label MapLibre would draw for a feature with these properties, as plain text. */
function renderedLabel(language: 'zh' | 'en', properties: Record<string, unknown>): string {
  const specification = { type: 'formatted', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } };
  const parsed = createExpression(labelText(language), 'text-field', specification as unknown as StylePropertySpecification);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const feature = { type: 'Point', properties } as unknown as Parameters<typeof parsed.value.evaluate>[1];
  return String(parsed.value.evaluate({ zoom: 12 }, feature));
}

describe('label text', () => {
  const lake = { name_zh: '杨桥湖生态公园', name_en: 'Yangqiao Lake Ecological Park', confidence: 'schematic' };

  it('says "position unknown" after the name, in the page language, when the feature is flagged', () => {
    expect(renderedLabel('zh', { ...lake, position_unknown: true })).toBe('≈杨桥湖生态公园（位置未知）\nYangqiao Lake Ecological Park');
    expect(renderedLabel('en', { ...lake, position_unknown: true })).toBe('≈Yangqiao Lake Ecological Park (position unknown)\n杨桥湖生态公园');
  });

  it('adds nothing to a located feature, whether the flag is absent or false', () => {
    expect(renderedLabel('zh', lake)).toBe('≈杨桥湖生态公园\nYangqiao Lake Ecological Park');
    expect(renderedLabel('zh', { ...lake, position_unknown: false })).toBe('≈杨桥湖生态公园\nYangqiao Lake Ecological Park');
    expect(renderedLabel('en', { ...lake, confidence: 'high' })).toBe('Yangqiao Lake Ecological Park\n杨桥湖生态公园');
  });

  it('does not take a text flag for true: only the boolean marks a position unknown', () => {
    expect(renderedLabel('zh', { ...lake, position_unknown: 'false' })).toBe('≈杨桥湖生态公园\nYangqiao Lake Ecological Park');
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

  it('draws text with the shipped font through font-faces', () => {
    expect(style['font-faces']).toEqual({ 'Noto Sans SC': font.faces });
    const symbols = style.layers.filter((styleLayer) => styleLayer.type === 'symbol');
    expect(symbols.length).toBe(manifest.layers.length);
    for (const symbol of symbols) expect(symbol.layout?.['text-font']).toEqual(['Noto Sans SC']);
  });

  it('gives every manifest layer a source and all of its style layers, in manifest order', () => {
    for (const definition of manifest.layers) {
      expect(style.sources[definition.id]).toMatchObject({ type: 'geojson', promoteId: 'id' });
      expect(layersOf(definition.id).map((styleLayer) => styleLayer.id).sort()).toEqual(styleLayerIds(definition).sort());
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
    const english = buildMapStyle(manifest, { font, sourceData: () => ({ type: 'FeatureCollection', features: [] }), language: 'en' });
    const label = english.layers.find((styleLayer) => styleLayer.id === 'core:label');
    const field = JSON.stringify(label?.type === 'symbol' ? label.layout?.['text-field'] : null);
    expect(field.indexOf('name_en')).toBeLessThan(field.indexOf('name_zh'));
    expect(field).toContain('"≈"');
  });

  it('starts hidden layers hidden', () => {
    for (const styleLayer of layersOf('hidden-places')) expect(styleLayer.layout?.visibility).toBe('none');
    for (const styleLayer of layersOf('places')) expect(styleLayer.layout?.visibility).toBe('visible');
  });

  it('puts every label above every shape, pattern labels above park and place labels', () => {
    const firstLabel = style.layers.findIndex((styleLayer) => styleLayer.type === 'symbol');
    const lastShape = style.layers.map((styleLayer) => styleLayer.type).lastIndexOf('line');
    expect(firstLabel).toBeGreaterThan(lastShape);
    const index = (id: string) => style.layers.findIndex((styleLayer) => styleLayer.id === id);
    expect(index('core:label')).toBeGreaterThan(index('zone:label'));
    expect(index('wings:label')).toBeGreaterThan(index('zone:label'));
    expect(index('parks:label')).toBeGreaterThan(index('green:label'));
    expect(index('core:label')).toBeGreaterThan(index('places:label'));
    expect(index('places:label')).toBeGreaterThan(index('districts:label'));
  });

  it('maps style layer ids back to their manifest layer, and labels are not click targets', () => {
    const parks = manifest.layers.find((definition) => definition.id === 'parks')!;
    expect(interactiveStyleLayerIds(parks)).not.toContain('parks:label');
    for (const id of styleLayerIds(parks)) expect(manifestLayerIdOf(id)).toBe('parks');
  });
});
