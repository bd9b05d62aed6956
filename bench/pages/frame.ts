/**
 * The baseline of the frame-time benchmark (bench/frame-time.bench.ts): MapLibre GL JS and nothing
 * else, drawing what the app draws once a planner has imported a file — the geodata/ layers with
 * the app's own style builder and font path (src/map/app-font.ts, as bare.ts), and the chosen file
 * as a GeoJSON source read from a `blob:` URL with the app's own imported-layer style
 * (src/map/user-layers.ts, first import colour).
 *
 *   frame.html?width=W&height=H   the map's size in CSS pixels, the app's map area, so both draw
 *                                 the same number of pixels a frame
 *
 * `data-map-ready` on <html> once the dataset is drawn (the rule of bare.ts); a file chosen in
 * `[data-frame-file]` is added on top, and `data-layer-ready` is set once its source is loaded and
 * the map idle. The map is `window.__frameMap`, as the app's test build hands out `__zoneMap`.
 */
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { chooseAppFont } from '../../src/map/app-font.ts';
import { userLayerSourceId, userLayerSpecifications } from '../../src/map/user-layers.ts';
import { importedLayerColour } from '../../src/state/imported-layer-display.ts';
import { loadBareDataset, signalWhenLoaded } from './bare-dataset.ts';
import './frame.css';

setWorkerUrl(workerUrl);
const font = chooseAppFont();

const container = document.getElementById('map')!;
const query = new URLSearchParams(location.search);
for (const side of ['width', 'height'] as const) {
  const pixels = Number(query.get(side));
  // CSSOM, not a style attribute: allowed under style-src 'self'.
  if (pixels > 0) container.style[side] = `${pixels}px`;
}

const { manifest, style, bounds } = await loadBareDataset(font.map);
const mapFont = await font.map;
const map = new Map({
  container,
  style,
  bounds,
  fitBoundsOptions: { padding: 24 },
  attributionControl: false,
});
Object.assign(window, { __frameMap: map });

map.on('load', () => signalWhenLoaded(map, () => manifest.layers.map((layer) => layer.id), 'data-map-ready'));

document.querySelector<HTMLInputElement>('[data-frame-file]')!.addEventListener('change', (event) => {
  const file = (event.currentTarget as HTMLInputElement).files?.[0];
  if (!file) return;
  const sourceId = userLayerSourceId('bench');
  // As the app's imported layers: MapLibre's worker reads the file from a blob: URL.
  map.addSource(sourceId, { type: 'geojson', data: URL.createObjectURL(file), generateId: true });
  // The app's imported layers label in the font its own labels use.
  for (const specification of userLayerSpecifications(sourceId, importedLayerColour(0), mapFont.textFont))
    map.addLayer(specification);
  signalWhenLoaded(map, () => [sourceId], 'data-layer-ready');
  map.triggerRepaint();
});
