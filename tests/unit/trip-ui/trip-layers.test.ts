import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { numberedTripFeatures, tripLayerSpecifications, TRIP_SOURCE_ID } from '../../../src/map/trip-layers.ts';
import { planTrip } from '../../../src/trip/plan-trip.ts';
import { tripToGeoJson } from '../../../src/trip/trip-geojson.ts';
import { emptyTrip } from '../../../src/trip/trip-state.ts';
import type { VisitPlace } from '../../../src/trip/visit-places.ts';

function place(id: string, point: [number, number], approximate: boolean): VisitPlace {
  return {
    id,
    layerId: 'places',
    nameZh: id,
    nameEn: id,
    kind: 'park',
    category: 'park',
    point,
    visitPoint: 'position',
    approximate,
    confidence: approximate ? 'low' : 'high',
    positionIsSchematic: false,
    source: 'test',
    visitMinutes: 60,
    visitMinutesIsEstimate: true,
  };
}
const places = [
  place('a', [105.47, 28.89], true),
  place('b', [105.5, 28.86], false),
  place('c', [105.52, 28.85], true),
];
const trip = { ...emptyTrip(), stops: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };

describe('trip map layers', () => {
  it('number the places 1, 2, 3 as the panel does, and leave a start position unnumbered', () => {
    const numbers = (here: [number, number] | null, start = trip.start) =>
      numberedTripFeatures(tripToGeoJson(planTrip({ ...trip, start }, places, here)))
        .features.filter((feature) => feature.properties?.['role'] === 'stop')
        .map((feature) => feature.properties?.['number']);
    expect(numbers(null)).toEqual(['1', '2', '3']);
    expect(numbers([105.44, 28.88], { kind: 'here' })).toEqual(['', '1', '2', '3']);
  });

  it('draw legs dashed (straight-line estimates) and form a valid MapLibre style', () => {
    const layers = tripLayerSpecifications();
    const legs = layers.find((layer) => layer.type === 'line');
    expect(legs?.paint).toHaveProperty('line-dasharray');
    for (const layer of layers) expect(layer.id).not.toContain(':');
    const errors = validateStyleMin({
      version: 8,
      sources: { [TRIP_SOURCE_ID]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers,
    });
    expect(errors).toEqual([]);
  });
});
