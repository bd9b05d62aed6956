/**
 * The baseline of the first-render benchmark: MapLibre GL JS and nothing else, drawing the same
 * geodata/ layers and label points with the app's own style builder and the same font path
 * (src/map/app-font.ts: the device's CJK font, or the shipped subset fetched where there is
 * none), at the same initial view (the zone layers' bounding box, 24 px padding), signalling
 * `data-map-ready` under the same rule as the app (every source loaded and the map idle); the
 * dataset part is shared with frame.ts (bare-dataset.ts).
 *
 * No validation, no UI, no state: whatever the app takes beyond this page is its own overhead.
 */
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { chooseAppFont } from '../../src/map/app-font.ts';
import { loadBareDataset, signalWhenLoaded } from './bare-dataset.ts';
import './bare.css';

setWorkerUrl(workerUrl);
// Before the data, as the app does: where the device lacks a CJK font, the subset's download starts now.
const font = chooseAppFont();

const { manifest, style, bounds } = await loadBareDataset(font.map);
const map = new Map({
  container: 'map',
  style,
  bounds,
  fitBoundsOptions: { padding: 24 },
  attributionControl: false,
});
map.on('load', () => signalWhenLoaded(map, () => manifest.layers.map((layer) => layer.id), 'data-map-ready'));
