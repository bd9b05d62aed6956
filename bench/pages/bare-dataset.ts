/**
 * The shipped dataset as the benches' bare MapLibre pages draw it (bare.ts, frame.ts): fetched from
 * geodata/ without validation, its layers and label points styled by the app's own builder, and
 * framed as the app frames its first view (the zone layers' bounding box). One copy, so both
 * baselines draw what the app draws; a difference between them would be a difference in the bench.
 */
import { bbox } from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import type { LngLatBoundsLike, Map, StyleSpecification } from 'maplibre-gl';
import type { LabelPointCollection, Manifest } from '../../src/data/dataset-types.ts';
import type { MapStyleFont } from '../../src/map/style.ts';
import { buildMapStyle } from '../../src/map/style.ts';

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export interface BareDataset {
  manifest: Manifest;
  style: StyleSpecification;
  /** The first view; the app pads it by 24 px. */
  bounds: LngLatBoundsLike;
}

/** `font` is awaited after the data is fetched, so the font's own downloads overlap it, as in the app. */
export async function loadBareDataset(font: Promise<MapStyleFont>): Promise<BareDataset> {
  const manifest = await fetchJson<Manifest>('geodata/manifest.json');
  const [collections, labelPoints] = await Promise.all([
    Promise.all(
      manifest.layers.map(
        async (layer) => [layer.id, await fetchJson<FeatureCollection>(`geodata/${layer.file}`)] as const,
      ),
    ).then((entries) => new globalThis.Map(entries)),
    // The polygons' label points: without them a page would draw no polygon name, less than the app.
    manifest.labels === undefined ? undefined : fetchJson<LabelPointCollection>(`geodata/${manifest.labels}`),
  ]);
  const style = buildMapStyle(manifest, {
    font: await font,
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
  return {
    manifest,
    style,
    bounds: [
      [west, south],
      [east, north],
    ],
  };
}

/**
 * Sets `attribute` on <html> at the first idle moment at which every source in `sourceIds` is
 * loaded: the app's own ready rule (src/map/zone-map.ts).
 */
export function signalWhenLoaded(map: Map, sourceIds: () => string[], attribute: string): void {
  const signalWhenComplete = (): void => {
    if (!sourceIds().every((sourceId) => map.isSourceLoaded(sourceId)) || !map.loaded()) return;
    map.off('idle', signalWhenComplete);
    document.documentElement.setAttribute(attribute, '');
  };
  map.on('idle', signalWhenComplete);
}
