/**
 * The planned trip on the map: numbered stops and the legs between them, drawn above the dataset.
 * Legs are dashed because they are straight lines between stops, not routes; stops whose position
 * is an estimate are hollow, like the dataset's own approximate points.
 */
import type { FeatureCollection } from 'geojson';
import { Marker } from 'maplibre-gl';
import { bbox } from '@turf/bbox';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { TripLegProperties, TripStopProperties } from '../trip/trip-geojson.ts';
import { isStyleEditable } from './editable-map.ts';

export const TRIP_SOURCE_ID = 'trip';
// No ':' in these ids: the app reads `<manifest layer>:<part>` ids as dataset layers.
export const TRIP_LEG_LAYER_ID = 'trip-legs';
export const TRIP_STOP_LAYER_ID = 'trip-stops';
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
      return {
        ...feature,
        properties: { ...properties, number: isStart ? '' : String(number), is_start_position: isStart },
      };
    }),
  };
}

export function tripLayerSpecifications(): LayerSpecification[] {
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
  ];
}

/**
 * Keeps the trip's source and layers on the map: `setTrip` records the trip and applies it when the
 * style can take it; every loaded style (the first, and one rebuilt after a lost WebGL context) gets
 * the latest trip again, so a stop added while the map could not draw is there when it can.
 * Stop numbers are HTML markers over the circles rather than a symbol layer: they are language-free
 * digits, need no glyphs, and the page's text rules (textContent, never markup) apply to them.
 */
export function connectTripLayers(map: MapLibreMap): {
  setTrip: (collection: TripCollection) => void;
  /** Fits the view to the trip, leaving `padding` pixels (a panel's cover plus a margin) on each side. */
  frameTrip: (padding: { top: number; right: number; bottom: number; left: number }) => void;
} {
  let latest: FeatureCollection = { type: 'FeatureCollection', features: [] };
  let markers: Marker[] = [];
  const showNumbers = (): void => {
    for (const marker of markers) marker.remove();
    markers = [];
    for (const feature of latest.features) {
      const properties = feature.properties ?? {};
      if (properties['role'] !== 'stop' || !properties['number'] || feature.geometry.type !== 'Point') continue;
      const element = document.createElement('div');
      element.className =
        properties['approximate'] === true ? 'trip-stop-marker trip-stop-marker--approximate' : 'trip-stop-marker';
      element.textContent = String(properties['number']);
      element.setAttribute('aria-hidden', 'true');
      const [longitude, latitude] = feature.geometry.coordinates;
      markers.push(new Marker({ element }).setLngLat([longitude!, latitude!]).addTo(map));
    }
  };
  const apply = (): void => {
    if (!isStyleEditable(map)) return;
    const source = map.getSource(TRIP_SOURCE_ID) as GeoJSONSource | undefined;
    if (source) source.setData(latest);
    else map.addSource(TRIP_SOURCE_ID, { type: 'geojson', data: latest });
    for (const layer of tripLayerSpecifications()) if (!map.getLayer(layer.id)) map.addLayer(layer);
  };
  map.on('style.load', apply);
  apply();
  return {
    setTrip(collection) {
      latest = numberedTripFeatures(collection);
      apply();
      // HTML markers live outside the style: they follow the trip even while the map cannot draw.
      showNumbers();
    },
    frameTrip(padding) {
      if (latest.features.length === 0) return;
      const [west, south, east, north] = bbox(latest);
      if (![west, south, east, north].every(Number.isFinite)) return;
      if (west === east && south === north)
        map.flyTo({ center: [west!, south!], zoom: Math.max(map.getZoom(), 14), padding });
      else
        map.fitBounds(
          [
            [west!, south!],
            [east!, north!],
          ],
          { padding, maxZoom: 16 },
        );
    },
  };
}
