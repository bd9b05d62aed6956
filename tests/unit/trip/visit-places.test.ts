import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, test } from 'vitest';
import { PLACE_CATEGORIES, placeCategory, TRANSPORT_KINDS, visitPlaces } from '../../../src/trip/visit-places.ts';
import { sampleDataset } from '../../fixtures/trip/sample-dataset.ts';

describe('visitPlaces', () => {
  const { places, skipped } = visitPlaces(sampleDataset);
  const byId = new Map(places.map((place) => [place.id, place]));

  test('takes green areas and places, not other layers, in manifest order', () => {
    expect(places.map((place) => place.id)).toEqual([
      'zhangba-longan-forest',
      'yuzixi-wetland-park',
      'taian-riverside-belt',
      'aegean-mall',
      'jiangyang-government',
      'innovation-centre',
    ]);
  });

  test('an area without a stated entrance is visited at a point inside it, marked approximate', () => {
    const forest = byId.get('zhangba-longan-forest')!;
    expect(forest.visitPoint).toBe('centre');
    expect(forest.approximate).toBe(true);
    const polygon = sampleDataset.layers[1]!.features.features[0]!.geometry;
    expect(booleanPointInPolygon([...forest.point], polygon as never)).toBe(true);
  });

  test('a stated entrance is used, and a high-confidence area entered there is not approximate', () => {
    const park = byId.get('yuzixi-wetland-park')!;
    expect(park.visitPoint).toBe('entrance');
    expect(park.point).toEqual([105.505, 28.855]);
    expect(park.entranceSource).toBe('test: a stated gate');
    expect(park.approximate).toBe(false);
  });

  test('points are used as they are; confidence below high is approximate', () => {
    expect(byId.get('aegean-mall')).toMatchObject({
      point: [105.496, 28.863],
      visitPoint: 'position',
      approximate: true,
      category: 'shopping',
    });
    expect(byId.get('jiangyang-government')).toMatchObject({ approximate: false, category: 'public-service' });
  });

  test('durations come from the category table and are flagged as estimates', () => {
    for (const place of places) {
      expect(place.visitMinutesIsEstimate).toBe(true);
      expect(place.visitMinutes).toBe(PLACE_CATEGORIES[place.category].typicalVisitMinutes);
    }
    expect(byId.get('zhangba-longan-forest')!.category).toBe('scenic');
  });

  test('reports every feature it leaves out, and why', () => {
    expect(skipped.map((entry) => [entry.id, entry.reason])).toEqual([
      ['yangqiao-lake-park', 'position-unknown'],
      ['a-road', 'unsupported-geometry'],
      ['broken', 'invalid-coordinates'],
      ['aegean-mall', 'duplicate-id'],
      ['', 'missing-id'],
    ]);
    expect(skipped[0]!.message.zh).toContain('杨桥湖生态公园');
  });

  test('a hostile kind such as "constructor" or "__proto__" falls to other, not to a prototype property', () => {
    expect(placeCategory('constructor')).toBe('other');
    expect(placeCategory('__proto__')).toBe('other');
    expect(placeCategory('toString')).toBe('other');
  });

  test('carries no invented attributes', () => {
    for (const place of places) {
      expect(Object.keys(place).some((key) => /hour|price|phone|ticket/i.test(key))).toBe(false);
    }
  });
});

describe('visitPlaces on the shipped dataset', async () => {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { loadDataset } = await import('../../../src/data/load-dataset.ts');
  const geodata = join(import.meta.dirname, '../../../geodata');
  const loaded = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));

  test('offers the OpenStreetMap stations and the current airport as places to arrive at, at their surveyed positions; not the former airport', () => {
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const { places } = visitPlaces(loaded.dataset);
    const hubs = places.filter((place) => place.category === 'transport');
    expect(hubs.map((place) => place.id)).toContain('station-luzhou-east');
    expect(hubs.map((place) => place.id)).toContain('airport-yunlong');
    expect(hubs.map((place) => place.id)).not.toContain('airport-lantian-former');
    expect(hubs).toHaveLength(13);
    const east = hubs.find((place) => place.id === 'station-luzhou-east')!;
    expect(east).toMatchObject({
      nameZh: '泸州东站',
      point: [105.63608, 29.060834],
      approximate: false,
      positionIsSchematic: false,
      confidence: 'high',
      visitMinutes: 0,
    });
  });

  test('every green area and place becomes a visit place or is reported, none silently lost', () => {
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const { places, skipped } = visitPlaces(loaded.dataset);
    const candidates = loaded.dataset.layers.flatMap((layer) =>
      layer.features.features.filter(
        (feature) =>
          layer.definition.role === 'green' ||
          layer.definition.role === 'place' ||
          TRANSPORT_KINDS.has(feature.properties.kind),
      ),
    );
    expect(candidates.length).toBeGreaterThan(0);
    expect(places.length + skipped.length).toBe(candidates.length);
    for (const place of places) {
      expect(Number.isFinite(place.point[0]) && Number.isFinite(place.point[1])).toBe(true);
      expect(place.positionIsSchematic).toBe(place.confidence === 'schematic');
      if (place.confidence !== 'high') expect(place.approximate).toBe(true);
    }
  });

  test('a green area the dataset flags as position unknown is not offered, though it is drawn schematically', () => {
    if (!loaded.ok) return;
    const unknown = loaded.dataset.layers
      .flatMap((layer) => layer.features.features)
      .filter((feature) => feature.properties.position_unknown === true && feature.geometry !== null);
    expect(unknown.length).toBeGreaterThan(0);
    const { places, skipped } = visitPlaces(loaded.dataset);
    for (const feature of unknown) {
      expect(places.some((place) => place.id === feature.properties.id)).toBe(false);
      expect(skipped.find((entry) => entry.id === feature.properties.id)?.reason).toBe('position-unknown');
    }
  });

  test('every kind in the dataset has a deliberate category', () => {
    if (!loaded.ok) return;
    // Kinds that belong in `other` on purpose; a new kind must be added to the table or here.
    const deliberatelyOther = new Set(['residential']);
    const { places } = visitPlaces(loaded.dataset);
    const unplaced = places
      .filter((place) => place.category === 'other' && !deliberatelyOther.has(place.kind))
      .map((place) => place.kind);
    expect(unplaced).toEqual([]);
  });
});
