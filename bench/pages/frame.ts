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
import { bbox } from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { LabelPointCollection, Manifest } from '../../src/data/dataset-types.ts';
import { chooseAppFont } from '../../src/map/app-font.ts';
import { buildMapStyle } from '../../src/map/style.ts';
import { userLayerSourceId, userLayerSpecifications } from '../../src/map/user-layers.ts';
import { importedLayerColour } from '../../src/state/imported-layer-display.ts';
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
const mapFont = await font.map;
const style = buildMapStyle(manifest, {
  font: mapFont,
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
  container,
  style,
  bounds: [
    [west, south],
    [east, north],
  ],
  fitBoundsOptions: { padding: 24 },
  attributionControl: false,
});
Object.assign(window, { __frameMap: map });

/** Sets `attribute` on <html> at the first idle moment at which every source in `sourceIds` is loaded. */
function signalWhenLoaded(sourceIds: () => string[], attribute: string): void {
  const signalWhenComplete = (): void => {
    if (!sourceIds().every((sourceId) => map.isSourceLoaded(sourceId)) || !map.loaded()) return;
    map.off('idle', signalWhenComplete);
    document.documentElement.setAttribute(attribute, '');
  };
  map.on('idle', signalWhenComplete);
}

map.on('load', () => signalWhenLoaded(() => manifest.layers.map((layer) => layer.id), 'data-map-ready'));

document.querySelector<HTMLInputElement>('[data-frame-file]')!.addEventListener('change', (event) => {
  const file = (event.currentTarget as HTMLInputElement).files?.[0];
  if (!file) return;
  const sourceId = userLayerSourceId('bench');
  // As the app's imported layers: MapLibre's worker reads the file from a blob: URL.
  map.addSource(sourceId, { type: 'geojson', data: URL.createObjectURL(file), generateId: true });
  // The app's imported layers label in the font its own labels use.
  for (const specification of userLayerSpecifications(sourceId, importedLayerColour(0), mapFont.textFont))
    map.addLayer(specification);
  signalWhenLoaded(() => [sourceId], 'data-layer-ready');
  map.triggerRepaint();
});
