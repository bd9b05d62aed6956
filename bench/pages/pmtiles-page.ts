/**
 * The baseline of the PMTiles frame-time benchmark (bench/pmtiles-frame.bench.ts): MapLibre GL JS
 * and the `pmtiles` protocol, nothing else, drawing the archive named by `?archive=` with the app's
 * fill and outline paint, in a map of `?width=`×`?height=` CSS pixels (the app's map size, so both
 * draw the same number of pixels). The map is `window.__benchMap`; `data-map-ready` once the archive's
 * header is read and the map is idle.
 */
import { Map, addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { PMTiles, Protocol } from 'pmtiles';

setWorkerUrl(workerUrl);

const query = new URLSearchParams(location.search);
const archiveUrl = new URL(query.get('archive') ?? '', location.href).href;
const container = document.getElementById('map')!;
container.style.width = `${Number(query.get('width') ?? 800)}px`;
container.style.height = `${Number(query.get('height') ?? 600)}px`;

const protocol = new Protocol();
addProtocol('pmtiles', protocol.tile);
const archive = new PMTiles(archiveUrl);
protocol.add(archive);
const header = await archive.getHeader();
const sourceLayer = ((await archive.getMetadata()) as { vector_layers: { id: string }[] }).vector_layers[0]!.id;

const map = new Map({
  container,
  attributionControl: false,
  center: [header.centerLon, header.centerLat],
  zoom: header.centerZoom,
  style: {
    version: 8,
    sources: { parcels: { type: 'vector', url: `pmtiles://${archiveUrl}` } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#fbfaf6' } },
      {
        id: 'parcels-fill',
        type: 'fill',
        source: 'parcels',
        'source-layer': sourceLayer,
        paint: { 'fill-color': '#7c3aed', 'fill-opacity': 0.35 },
      },
      {
        id: 'parcels-outline',
        type: 'line',
        source: 'parcels',
        'source-layer': sourceLayer,
        paint: { 'line-color': '#7c3aed', 'line-width': 0.8 },
      },
    ],
  },
});
(window as unknown as { __benchMap: Map }).__benchMap = map;
map.once('idle', () => document.documentElement.setAttribute('data-map-ready', ''));
