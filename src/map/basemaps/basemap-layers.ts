/**
 * Draws the chosen basemap beneath the dataset, and keeps the dataset readable over it. Loaded
 * only when a basemap is chosen (src/map/basemaps/connect-basemaps.ts), so the first load carries
 * none of this, nor pmtiles or the Protomaps layers.
 *
 * Raster basemaps are tiles from the host the visitor agreed to contact; the served archive is a
 * Protomaps vector PMTiles read with range requests from this origin, drawn in the app's own font
 * (the style's `font-faces`, no glyphs URL), so it works offline.
 *
 * A failing basemap (offline, a wrong key, a refusal) reports once and, if not one tile of it ever
 * arrived, is taken off the map so it stops asking: the dataset keeps working alone.
 */
import { addProtocol } from 'maplibre-gl';
import type { ErrorEvent, LayerSpecification, Map, MapSourceDataEvent, SourceSpecification } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { archiveLayers, BASEMAP_PREFIX } from './archive-style.ts';
import {
  expandedTileUrls,
  type Basemap,
  type BasemapAttribution,
  type PmtilesBasemap,
  type RasterBasemap,
} from '../../../basemaps.config.ts';

const ARCHIVE_CACHE = 'basemap-archives';

/** How much of each fill's opacity stays over a basemap: imagery is busy, so fills lighten more. */
const FILL_OPACITY_OVER_MAP = 0.6;
const FILL_OPACITY_OVER_IMAGERY = 0.35;
const LABEL_HALO_OVER_BASEMAP = 2.2;

export interface BasemapFailure {
  /** A tile or the archive could not be read; `removed` when nothing of the basemap ever drew. */
  onFailure: (kind: 'tiles-failed' | 'archive-unreadable', removed: boolean) => void;
}

export interface BasemapLayers {
  show: (basemap: Basemap | null, options: { language: 'zh' | 'en'; key: string | null }) => Promise<void>;
  destroy: () => void;
}

let pmtilesProtocol: Protocol | null = null;

type PaintProperty = Parameters<Map['getPaintProperty']>[1];
type PaintValue = Parameters<Map['setPaintProperty']>[2];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** MapLibre writes attribution as HTML: built here from the config's constants, escaped all the same. */
function attributionHtml(attribution: BasemapAttribution): string {
  return `<a href="${escapeHtml(attribution.url)}" target="_blank" rel="noopener">${escapeHtml(attribution.text)}</a>`;
}

function containsZoom(value: unknown): boolean {
  if (Array.isArray(value)) return value[0] === 'zoom' || value.some(containsZoom);
  return false;
}

/** Call once the style has loaded (the controller starts after the first frame). */
export function createBasemapLayers(map: Map, fontFamily: string, failure: BasemapFailure): BasemapLayers {
  let current: { basemap: Basemap; language: 'zh' | 'en' } | null = null;
  let sourceIds: string[] = [];
  let layerIds: string[] = [];
  let reported = false;
  let anyTileArrived = false;
  const savedPaint = new globalThis.Map<string, { property: PaintProperty; value: PaintValue }[]>();

  /** The dataset's lowest layer: the basemap goes beneath it (and above the plain background). */
  function firstDatasetLayer(): string | undefined {
    return map.getLayersOrder().find((id) => !id.startsWith(BASEMAP_PREFIX) && map.getLayer(id)?.type !== 'background');
  }

  function removeLayers(): void {
    for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
    layerIds = [];
  }

  function removeAll(): void {
    removeLayers();
    for (const id of sourceIds) if (map.getSource(id)) map.removeSource(id);
    sourceIds = [];
  }

  function addLayers(layers: LayerSpecification[]): void {
    const beforeId = firstDatasetLayer();
    for (const layer of layers) {
      map.addLayer(layer, beforeId);
      layerIds.push(layer.id);
    }
  }

  function addSource(id: string, source: SourceSpecification): void {
    map.addSource(id, source);
    sourceIds.push(id);
  }

  function setPaint(layerId: string, property: PaintProperty, value: PaintValue): void {
    if (!savedPaint.has(layerId)) savedPaint.set(layerId, []);
    const saved = savedPaint.get(layerId)!;
    if (!saved.some((entry) => entry.property === property))
      saved.push({ property, value: map.getPaintProperty(layerId, property) as PaintValue });
    map.setPaintProperty(layerId, property, value);
  }

  function restorePaint(): void {
    for (const [layerId, entries] of savedPaint) {
      if (!map.getLayer(layerId)) continue;
      for (const { property, value } of entries) map.setPaintProperty(layerId, property, value);
    }
    savedPaint.clear();
  }

  /** Lighter fills and wider label halos over a basemap; the original values come back with none. */
  function adjustDatasetForBasemap(imagery: boolean): void {
    restorePaint();
    const keep = imagery ? FILL_OPACITY_OVER_IMAGERY : FILL_OPACITY_OVER_MAP;
    for (const id of map.getLayersOrder()) {
      if (id.startsWith(BASEMAP_PREFIX)) continue;
      const type = map.getLayer(id)?.type;
      if (type === 'fill' && id.endsWith(':fill')) {
        const opacity = map.getPaintProperty(id, 'fill-opacity') ?? 1;
        // A zoom expression may only be the outermost one: such a layer keeps its own opacity.
        if (!containsZoom(opacity)) setPaint(id, 'fill-opacity', ['*', keep, opacity] as PaintValue);
      } else if (type === 'symbol' && id.endsWith(':label')) {
        const halo = map.getPaintProperty(id, 'text-halo-width');
        if (typeof halo === 'number' || halo === undefined)
          setPaint(id, 'text-halo-width', Math.max(halo ?? 0, LABEL_HALO_OVER_BASEMAP));
      }
    }
  }

  function reportFailure(kind: 'tiles-failed' | 'archive-unreadable'): void {
    if (reported) return;
    reported = true;
    const removed = !anyTileArrived;
    // Nothing of it ever drew: stop asking a host that does not answer, and show the dataset alone.
    if (removed) {
      current = null;
      removeAll();
      restorePaint();
    }
    failure.onFailure(kind, removed);
  }

  const onError = (event: ErrorEvent & { sourceId?: string }): void => {
    if (typeof event.sourceId === 'string' && event.sourceId.startsWith(BASEMAP_PREFIX)) {
      reportFailure('tiles-failed');
      return;
    }
    // With a listener attached MapLibre no longer logs errors itself: keep its behaviour for the rest.
    console.error(event.error);
  };
  const onData = (event: MapSourceDataEvent): void => {
    if (event.tile && event.sourceId.startsWith(BASEMAP_PREFIX)) anyTileArrived = true;
  };
  map.on('error', onError);
  map.on('sourcedata', onData);

  function showRaster(basemap: RasterBasemap, key: string | null): void {
    expandedTileUrls(basemap).forEach((urls, index) => {
      const id = `${BASEMAP_PREFIX}${basemap.id}:${index}`;
      const tiles = urls.map((url) => url.replaceAll('{key}', encodeURIComponent(key ?? '')));
      addSource(id, {
        type: 'raster',
        tiles,
        tileSize: 256,
        maxzoom: basemap.maxZoom,
        ...(index === 0 ? { attribution: attributionHtml(basemap.attribution) } : {}),
      });
      addLayers([{ id, type: 'raster', source: id }]);
    });
  }

  async function showArchive(basemap: PmtilesBasemap, language: 'zh' | 'en'): Promise<boolean> {
    const url = new URL(basemap.path, document.baseURI).href;
    const sourceId = `${BASEMAP_PREFIX}${basemap.id}`;
    if (!map.getSource(sourceId)) {
      if (!pmtilesProtocol) {
        pmtilesProtocol = new Protocol();
        addProtocol('pmtiles', pmtilesProtocol.tile);
      }
      const archive = pmtilesProtocol.get(url) ?? new PMTiles(url);
      pmtilesProtocol.add(archive);
      try {
        await archive.getHeader();
      } catch {
        return false;
      }
      addSource(sourceId, {
        type: 'vector',
        url: `pmtiles://${url}`,
        attribution: attributionHtml(basemap.attribution),
      });
      void keepArchiveForOffline(url);
    }
    removeLayers();
    addLayers(archiveLayers(sourceId, fontFamily, language));
    return true;
  }

  return {
    async show(basemap, { language, key }) {
      const same = current && basemap && current.basemap.id === basemap.id;
      if (same && (current!.language === language || basemap.kind !== 'pmtiles')) return;
      if (!same) {
        removeAll();
        reported = false;
        anyTileArrived = false;
      }
      current = basemap ? { basemap, language } : null;
      if (!basemap) {
        restorePaint();
        return;
      }
      if (basemap.kind === 'raster') showRaster(basemap, key);
      else if (!(await showArchive(basemap, language))) {
        current = null;
        reportFailure('archive-unreadable');
        return;
      }
      adjustDatasetForBasemap(basemap.kind === 'raster' && basemap.imagery);
    },
    destroy() {
      map.off('error', onError);
      map.off('sourcedata', onData);
    },
  };
}

/**
 * The archive is read in ranges, and a browser cache cannot store a partial answer: the whole file
 * goes into the cache the service worker serves ranges from (scripts/vite/offline-plugin.ts), so
 * the basemap draws after an offline reload too.
 */
async function keepArchiveForOffline(url: string): Promise<void> {
  if (!('caches' in window)) return;
  try {
    const cache = await caches.open(ARCHIVE_CACHE);
    if (!(await cache.match(url, { ignoreVary: true }))) await cache.add(url);
  } catch {
    // Without room in the cache the basemap still draws online.
  }
}
