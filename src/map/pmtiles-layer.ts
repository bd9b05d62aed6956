/**
 * `.pmtiles` vector archives the planner opened, drawn by MapLibre through the `pmtiles` protocol
 * (issue 15 §3). A picked file is read with the `pmtiles` package's FileSource, an address on the
 * app's origin with its FetchSource (HTTP range requests): only the header, the directories and
 * the tiles in view are read, so a city-sized archive is never held whole and nothing is uploaded.
 * A click on a parcel shows its properties in a popup built from text nodes (property values are
 * the file's to choose), and only that (pointer-interaction.ts leaves the dataset beneath quiet).
 */
import { effect } from '@preact/signals';
import { addProtocol, type MapMouseEvent, type Map as MapLibreMap, Popup } from 'maplibre-gl';
import {
  Compression,
  type DecompressFunc,
  FetchSource,
  FileSource,
  type Header,
  PMTiles,
  Protocol,
  type Source,
} from 'pmtiles';
import { gunzipCapped } from '../data/import/capped-gunzip.ts';
import {
  type PmtilesArchive,
  pmtilesArchives,
  restorePmtilesArchives,
  setPmtilesProblem,
} from '../state/pmtiles-archives.ts';
import { isStyleEditable } from './editable-map.ts';
import { pmtilesLayerIds, shownPmtilesFillLayers } from './pmtiles-layer-ids.ts';

/**
 * A scheme of our own, not `pmtiles`: MapLibre keeps one handler per scheme, and the offline basemap
 * (basemaps/basemap-layers.ts) registers its own Protocol for `pmtiles`, which knows none of these
 * archives. Requests are handed to this Protocol under the name it parses.
 */
const PROTOCOL = 'zone-pmtiles';
const FILL_COLOUR = '#7c3aed';
/** Vector tiles, the only kind this layer draws (raster archives are basemaps' business). */
const MVT = 1;

let protocol: Protocol | null = null;

/** One protocol for the page: MapLibre keeps one handler per scheme. */
function sharedProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    const tiles = protocol;
    // pmtiles types its answer's data as `unknown`; it is the tile's bytes (or null for none).
    const handler = ((parameters, abortController) =>
      tiles.tilev4(
        { ...parameters, url: parameters.url.replace(`${PROTOCOL}://`, 'pmtiles://') },
        abortController,
      )) as Parameters<typeof addProtocol>[1];
    addProtocol(PROTOCOL, handler);
  }
  return protocol;
}

/**
 * What a source's read threw: the bytes could not be had at all (offline, a server error, a file
 * gone), as against bytes that are no archive. The errors themselves pass on unchanged: pmtiles
 * retries on its own ETag error, and MapLibre knows an aborted tile by its AbortError.
 */
const readFailures = new WeakSet<object>();

/** Keyed by the archive's id, not the file's name or address: two archives may share either. */
function archiveSource(archive: PmtilesArchive): Source {
  const source = archive.file ? new FileSource(archive.file) : new FetchSource(archive.url!);
  return {
    getKey: () => archive.id,
    getBytes: async (offset, length, signal, etag) => {
      try {
        return await source.getBytes(offset, length, signal, etag);
      } catch (error) {
        if (typeof error === 'object' && error !== null) readFailures.add(error);
        throw error;
      }
    },
  };
}

/** The archive's first vector layer, from its metadata (MapLibre draws a source layer by name). */
function firstVectorLayer(metadata: unknown): string | null {
  const layers = (metadata as { vector_layers?: { id?: unknown }[] } | null)?.vector_layers;
  const id = Array.isArray(layers) ? layers[0]?.id : undefined;
  return typeof id === 'string' && id !== '' ? id : null;
}

function propertiesTable(properties: Record<string, unknown>): HTMLElement {
  const table = document.createElement('table');
  table.className = 'pmtiles-properties';
  for (const [name, value] of Object.entries(properties)) {
    const row = table.insertRow();
    const key = document.createElement('th');
    key.scope = 'row';
    key.textContent = name;
    row.append(key);
    row.insertCell().textContent = String(value);
  }
  return table;
}

/**
 * A planner's archive is outside input: a directory or tile of a few KB could inflate to gigabytes
 * (issue 12). Nothing in a vector tile archive is anywhere near this large once inflated.
 */
const LARGEST_INFLATED_PART_BYTES = 32 * 1024 * 1024;

const cappedDecompress: DecompressFunc = async (buffer, compression) => {
  if (compression === Compression.None || compression === Compression.Unknown) return buffer;
  if (compression !== Compression.Gzip) throw new Error(`compression ${compression} is not supported (gzip only)`);
  const result = gunzipCapped(new Uint8Array(buffer), LARGEST_INFLATED_PART_BYTES);
  if (!result.ok) throw new Error(`a part of the archive ${result.problem}`);
  return result.bytes.buffer.slice(
    result.bytes.byteOffset,
    result.bytes.byteOffset + result.bytes.byteLength,
  ) as ArrayBuffer;
};

type ParcelClick = (event: MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }) => void;

/** An archive read and found drawable: all that drawing it (again, on a rebuilt style) needs. */
interface ReadArchive {
  archive: PmtilesArchive;
  tiles: PMTiles;
  header: Header;
  sourceLayer: string;
}

/**
 * Reads the archive's header and metadata. When it cannot be drawn, says why on the archive (if
 * `stillWanted`: one removed meanwhile is nobody's concern) and answers null.
 */
async function readArchive(archive: PmtilesArchive, stillWanted: () => boolean): Promise<ReadArchive | null> {
  const tiles = new PMTiles(archiveSource(archive), undefined, cappedDecompress);
  let header: Header;
  let sourceLayer: string | null;
  try {
    header = await tiles.getHeader();
    sourceLayer = firstVectorLayer(await tiles.getMetadata());
  } catch (error) {
    if (!stillWanted()) return null;
    const reason = error instanceof Error ? error.message : String(error);
    const where = archive.url ?? archive.name;
    if (typeof error === 'object' && error !== null && readFailures.has(error))
      setPmtilesProblem(
        archive.id,
        `${where}: could not be reached (${reason}); it is kept and tried again after a reload`,
        'unreachable',
      );
    else
      setPmtilesProblem(
        archive.id,
        archive.url
          ? `${archive.url}: could not be read as a PMTiles archive (${reason})`
          : `${archive.name}: not a PMTiles archive (${reason})`,
        'format',
      );
    return null;
  }
  if (!stillWanted()) return null;
  if (header.tileType !== MVT || sourceLayer === null) {
    setPmtilesProblem(archive.id, `${archive.name}: holds no vector layer to draw`, 'format');
    return null;
  }
  return { archive, tiles, header, sourceLayer };
}

/**
 * Keeps the map's archive layers in step with the opened archives; returns the disconnect. What is
 * wanted is kept here and put on the map whenever a style loads: a style rebuilt after a lost WebGL
 * context holds the archives of the moment it was lost, not those opened or removed since.
 */
export function connectPmtilesLayers(map: MapLibreMap): () => void {
  /** Being read or read, by archive id; an archive removed while its header is on the way drops out. */
  const started = new Set<string>();
  const drawable = new Map<string, ReadArchive>();
  const clickListeners = new Map<string, ParcelClick>();
  /** Archives whose source may be in the style (one removed while the style was gone may still be). */
  const onMap = new Set<string>();
  const popup = new Popup({ closeButton: true, maxWidth: '320px' });

  function draw({ archive, header, sourceLayer }: ReadArchive): void {
    if (!isStyleEditable(map)) return;
    const ids = pmtilesLayerIds(archive.id);
    onMap.add(archive.id);
    // Tile addresses, not a TileJSON address: the TileJSON the Protocol would answer names `pmtiles://` tiles.
    if (!map.getSource(archive.id))
      map.addSource(archive.id, {
        type: 'vector',
        tiles: [`${PROTOCOL}://${archive.id}/{z}/{x}/{y}`],
        minzoom: header.minZoom,
        maxzoom: header.maxZoom,
        bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      });
    if (!map.getLayer(ids.fill))
      map.addLayer({
        id: ids.fill,
        type: 'fill',
        source: archive.id,
        'source-layer': sourceLayer,
        paint: { 'fill-color': FILL_COLOUR, 'fill-opacity': 0.35 },
      });
    if (!map.getLayer(ids.outline))
      map.addLayer({
        id: ids.outline,
        type: 'line',
        source: archive.id,
        'source-layer': sourceLayer,
        paint: { 'line-color': FILL_COLOUR, 'line-width': 0.8 },
      });
    shownPmtilesFillLayers.add(ids.fill);
  }

  function undraw(id: string): void {
    if (!isStyleEditable(map)) return;
    const ids = pmtilesLayerIds(id);
    for (const layer of [ids.outline, ids.fill]) if (map.getLayer(layer)) map.removeLayer(layer);
    if (map.getSource(id)) map.removeSource(id);
    onMap.delete(id);
  }

  function forget(id: string): void {
    const ids = pmtilesLayerIds(id);
    started.delete(id);
    drawable.delete(id);
    shownPmtilesFillLayers.delete(ids.fill);
    const listener = clickListeners.get(id);
    if (listener) map.off('click', ids.fill, listener);
    clickListeners.delete(id);
    // The reader holds the file (or the address and its cached directories): let it go with the archive.
    protocol?.tiles.delete(id);
    undraw(id);
  }

  /** Makes the map show exactly the drawable archives; does nothing while there is no style to edit. */
  function sync(): void {
    if (!isStyleEditable(map)) return;
    for (const id of [...onMap]) if (!drawable.has(id)) undraw(id);
    for (const read of drawable.values()) draw(read);
  }
  map.on('style.load', sync);

  async function open(archive: PmtilesArchive): Promise<void> {
    const read = await readArchive(archive, () => started.has(archive.id));
    if (!read || !started.has(archive.id)) return;
    sharedProtocol().add(read.tiles);
    drawable.set(archive.id, read);
    const showProperties: ParcelClick = (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      popup.setLngLat(event.lngLat).setDOMContent(propertiesTable(feature.properties)).addTo(map);
    };
    clickListeners.set(archive.id, showProperties);
    map.on('click', pmtilesLayerIds(archive.id).fill, showProperties);
    // No style to draw on yet (a cold load, a lost context): 'style.load' draws it.
    if (!isStyleEditable(map)) return;
    draw(read);
    // One brought back after a reload leaves the view alone: the address bar says where the planner was.
    const { header } = read;
    if (!archive.restored)
      map.fitBounds(
        [
          [header.minLon, header.minLat],
          [header.maxLon, header.maxLat],
        ],
        { padding: 40, minZoom: header.minZoom, maxZoom: header.maxZoom, duration: 0 },
      );
  }

  const stop = effect(() => {
    const archives = pmtilesArchives.value;
    const wanted = new Set(archives.map((archive) => archive.id));
    for (const id of [...started]) if (!wanted.has(id)) forget(id);
    for (const archive of archives) {
      if (started.has(archive.id) || archive.problem) continue;
      started.add(archive.id);
      void open(archive);
    }
  });
  void restorePmtilesArchives();
  return () => {
    stop();
    map.off('style.load', sync);
    for (const [id, listener] of clickListeners) map.off('click', pmtilesLayerIds(id).fill, listener);
    popup.remove();
  };
}
