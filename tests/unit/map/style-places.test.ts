import { describe, expect, it } from 'vitest';
import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerDefinition, Manifest } from '../../../src/data/dataset-types.ts';
import { mapStyleFont } from '../../../src/map/font-choice.ts';
import {
  PLACE_CLUSTER_MAX_ZOOM,
  buildMapStyle,
  clusterStyleLayerIds,
  interactiveStyleLayerIds,
  styleLayerIds,
} from '../../../src/map/style.ts';

function layer(id: string, role: LayerDefinition['role'], geometry: LayerDefinition['geometry']): LayerDefinition {
  return {
    id,
    role,
    title: { zh: id, en: id },
    description: { zh: '', en: '' },
    file: `${id}.geojson`,
    color: '#d35400',
    geometry,
    green: false,
    unit: false,
    visible: id !== 'hidden-places',
  };
}

const places = layer('places', 'place', 'point');
const stations = layer('stations', 'context', 'point');
const manifest: Manifest = {
  version: 1,
  name: { zh: '高新区', en: 'Zone' },
  stated: {
    zoneArea: { value: 202, unit: 'km2', source: 'article' },
    greenShare: { value: 40, unit: 'percent', source: 'article', qualifier: 'over', covers: { zh: '', en: '' } },
  },
  layers: [layer('zone', 'zone', 'polygon'), places, stations, layer('hidden-places', 'place', 'point')],
  credits: [],
};
const font = mapStyleFont({ family: 'Noto Sans SC', faces: [{ url: '/assets/noto.woff2' }] }, false);
const style = buildMapStyle(manifest, { font, sourceData: () => ({ type: 'FeatureCollection', features: [] }) });

function styleLayer(id: string): LayerSpecification {
  const found = style.layers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no style layer ${id}`);
  return found;
}

/** Evaluates a data-driven paint or layout value of a style layer for one feature's properties. */
function evaluate(id: string, group: 'paint' | 'layout', property: string, properties: Record<string, unknown>) {
  const value = (styleLayer(id) as unknown as Record<string, Record<string, unknown>>)[group]![property];
  const parsed = createExpression(value, property, {
    type: 'color',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  } as unknown as StylePropertySpecification);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const feature = { type: 'Point', properties } as unknown as Parameters<typeof parsed.value.evaluate>[1];
  return parsed.value.evaluate({ zoom: 12 }, feature);
}

describe('crowded places merge into count bubbles', () => {
  it('clusters the place layers and no other points', () => {
    expect(style.sources['places']).toMatchObject({ type: 'geojson', cluster: true, promoteId: 'id' });
    expect(style.sources['stations']).not.toHaveProperty('cluster');
    expect(style.sources['zone']).not.toHaveProperty('cluster');
    expect(clusterStyleLayerIds(stations)).toEqual([]);
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('stops merging before the zoom a chosen place is flown to, so every place stands alone there', () => {
    const source = style.sources['places'] as { clusterMaxZoom: number; clusterRadius: number };
    expect(source.clusterMaxZoom).toBe(PLACE_CLUSTER_MAX_ZOOM);
    // zone-map.ts flies to zoom 14 for a point feature.
    expect(source.clusterMaxZoom).toBeLessThan(14);
    // Wider than two of the largest bubbles, so bubbles never touch: ['step', count, r0, n1, r1, n2, r2].
    const paint = (styleLayer('places:cluster') as { paint: Record<string, unknown> }).paint;
    const radii = (paint['circle-radius'] as unknown[]).filter((_, index) => index >= 2 && index % 2 === 0);
    const largest = Math.max(...(radii as number[])) + Number(paint['circle-stroke-width']);
    expect(source.clusterRadius).toBeGreaterThanOrEqual(2 * largest);
  });

  it('draws single places and their names apart from the bubbles, never a bubble as a place', () => {
    const single = ['!', ['has', 'point_count']];
    expect((styleLayer('places:circle') as { filter?: unknown }).filter).toEqual(single);
    expect((styleLayer('places:label') as { filter?: unknown }).filter).toEqual(single);
    expect((styleLayer('places:cluster') as { filter?: unknown }).filter).toEqual(['has', 'point_count']);
    expect((styleLayer('stations:circle') as { filter?: unknown }).filter).toBeUndefined();
  });

  it('lists the bubbles with the layer so its checkbox hides them, but a bubble opens no feature panel', () => {
    expect(styleLayerIds(places)).toEqual(
      expect.arrayContaining(['places:circle', 'places:cluster', 'places:cluster-count', 'places:label']),
    );
    expect(interactiveStyleLayerIds(places)).toEqual(['places:circle']);
    for (const id of clusterStyleLayerIds(layer('hidden-places', 'place', 'point'))) {
      expect((styleLayer(id) as { layout?: { visibility?: string } }).layout?.visibility).toBe('none');
    }
  });

  it('draws a bubble hollow when any of its places has an estimated position, solid when all are known', () => {
    const source = style.sources['places'] as { clusterProperties: Record<string, unknown> };
    expect(source.clusterProperties['approximate']).toBeDefined();
    const hollow = evaluate('places:cluster', 'paint', 'circle-color', { point_count: 3, approximate: 1 });
    const solid = evaluate('places:cluster', 'paint', 'circle-color', { point_count: 3, approximate: 0 });
    expect(String(hollow)).toBe(String(evaluate('places:cluster', 'paint', 'circle-color', { approximate: 5 })));
    expect(String(hollow)).not.toBe(String(solid));
  });

  it('writes the count on every bubble, in the shipped font, without pushing names aside', () => {
    const count = styleLayer('places:cluster-count') as { layout: Record<string, unknown> };
    expect(count.layout['text-font']).toEqual(font.textFont);
    expect(count.layout['text-allow-overlap']).toBe(true);
    expect(count.layout['text-ignore-placement']).toBe(true);
  });
});
