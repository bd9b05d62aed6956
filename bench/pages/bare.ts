/**
 * The baseline of the first-render benchmark: MapLibre GL JS and nothing else, drawing the same
 * geodata/ layers and label points with the app's own style builder and the same font path
 * (src/map/app-font.ts: the device's CJK font, or the shipped subset fetched where there is
 * none), at the same initial view (the zone layers' bounding box, 24 px padding), signalling `data-map-ready`
 * under the same rule as the app (every source loaded and the map idle).
 *
 * No validation, no UI, no state: whatever the app takes beyond this page is its own overhead.
 */
import { bbox } from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { LabelPointCollection, Manifest } from '../../src/data/dataset-types.ts';
import { chooseAppFont } from '../../src/map/app-font.ts';
import { buildMapStyle } from '../../src/map/style.ts';
import './bare.css';

setWorkerUrl(workerUrl);
// Before the data, as the app does: where the device lacks a CJK font, the subset's download starts now.
const font = chooseAppFont();

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const manifest = await fetchJson<Manifest>('geodata/manifest.json');
const [collections, labelPoints] = await Promise.all([
  Promise.all(
    manifest.layers.map(
      async (layer) => [layer.id, await fetchJson<FeatureCollection>(`geodata/${layer.file}`)] as const,
    ),
  ).then((entries) => new globalThis.Map(entries)),
  // The polygons' label points: without them this page would draw no polygon name, less than the app.
  manifest.labels === undefined ? undefined : fetchJson<LabelPointCollection>(`geodata/${manifest.labels}`),
]);
const style = buildMapStyle(manifest, {
  font: await font.map,
  sourceData: (layer) => collections.get(layer.id) ?? { type: 'FeatureCollection', features: [] },
  ...(labelPoints ? { labelPoints } : {}),
});

const framing = manifest.layers.filter((layer) => layer.role === 'zone');
const [west, south, east, north] = bbox({
  type: 'FeatureCollection',
  features: (framing.length > 0 ? framing : manifest.layers).flatMap(
    (layer) => collections.get(layer.id)?.features ?? [],
  ),
});
const map = new Map({
  container: 'map',
  style,
  bounds: [
    [west, south],
    [east, north],
  ],
  fitBoundsOptions: { padding: 24 },
  attributionControl: false,
});
map.on('load', () => {
  const signalWhenComplete = (): void => {
    if (!manifest.layers.every((layer) => map.isSourceLoaded(layer.id)) || !map.loaded()) return;
    map.off('idle', signalWhenComplete);
    document.documentElement.setAttribute('data-map-ready', '');
  };
  map.on('idle', signalWhenComplete);
});
