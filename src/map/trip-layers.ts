/**
 * The planned trip on the map: numbered stops and the legs between them, drawn above the dataset.
 * Legs are dashed because they are straight lines between stops, not routes; stops whose position
 * is an estimate are hollow, like the dataset's own approximate points.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { TripLegProperties, TripStopProperties } from '../trip/trip-geojson.ts';

export const TRIP_SOURCE_ID = 'trip';
// No ':' in these ids: the app reads `<manifest layer>:<part>` ids as dataset layers.
export const TRIP_LEG_LAYER_ID = 'trip-legs';
export const TRIP_STOP_LAYER_ID = 'trip-stops';
export const TRIP_NUMBER_LAYER_ID = 'trip-stop-numbers';
const START_POSITION_ID = '@start';
const TRIP_COLOR = '#b00020';

type TripCollection = FeatureCollection<GeoJSON.Point | GeoJSON.LineString, TripStopProperties | TripLegProperties>;

/**
 * Adds `number` to each place stop (1, 2, …, counting places only, so a start position does not
 * shift the numbers the panel shows) and `is_start_position` to the start.
 */
export function numberedTripFeatures(collection: TripCollection): FeatureCollection {
  let number = 0;
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => {
      const properties = feature.properties;
      if (properties.role !== 'stop') return feature;
      const isStart = properties.id === START_POSITION_ID;
      if (!isStart) number += 1;
      return { ...feature, properties: { ...properties, number: isStart ? '' : String(number), is_start_position: isStart } };
    }),
  };
}

export function tripLayerSpecifications(fontFamily: string): LayerSpecification[] {
  const isApproximate: ExpressionSpecification = ['==', ['get', 'approximate'], true];
  return [
    {
      id: TRIP_LEG_LAYER_ID,
      type: 'line',
      source: TRIP_SOURCE_ID,
      filter: ['==', ['get', 'role'], 'leg'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': TRIP_COLOR, 'line-width': 2.5, 'line-dasharray': [2, 2], 'line-opacity': 0.9 },
    },
    {
      id: TRIP_STOP_LAYER_ID,
      type: 'circle',
      source: TRIP_SOURCE_ID,
      filter: ['==', ['get', 'role'], 'stop'],
      paint: {
        'circle-radius': ['case', ['==', ['get', 'is_start_position'], true], 6, 10],
        'circle-color': ['case', isApproximate, '#ffffff', TRIP_COLOR],
        'circle-stroke-color': TRIP_COLOR,
        'circle-stroke-width': 2,
      },
    },
    {
      id: TRIP_NUMBER_LAYER_ID,
      type: 'symbol',
      source: TRIP_SOURCE_ID,
      filter: ['==', ['get', 'role'], 'stop'],
      layout: {
        'text-field': ['get', 'number'],
        'text-font': [fontFamily],
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': ['case', isApproximate, TRIP_COLOR, '#ffffff'] },
    },
  ];
}

/** Adds the trip's source and layers once the style has loaded; `setTrip` may be called before that. */
export function connectTripLayers(map: MapLibreMap, fontFamily: string): { setTrip: (collection: TripCollection) => void } {
  let latest: FeatureCollection = { type: 'FeatureCollection', features: [] };
  let added = false;
  const add = (): void => {
    if (added) return;
    added = true;
    map.addSource(TRIP_SOURCE_ID, { type: 'geojson', data: latest });
    for (const layer of tripLayerSpecifications(fontFamily)) map.addLayer(layer);
  };
  if (map.isStyleLoaded()) add();
  else map.once('load', add);
  return {
    setTrip(collection) {
      latest = numberedTripFeatures(collection);
      if (added) (map.getSource(TRIP_SOURCE_ID) as GeoJSONSource | undefined)?.setData(latest);
    },
  };
}
