/**
 * A layer cut into vector tiles one spatial bucket at a time, so a million parcels never sit in
 * memory together: `@maplibre/geojson-vt` slices and simplifies, `@maplibre/vt-pbf` encodes each
 * tile as MVT, `fflate` gzips it.
 *
 * Buckets are tiles. From the bucket zoom down, one bucket is one tile with all its descendants:
 * a geojson-vt index over the bucket's features drills down to the deepest zoom. Above it, each
 * tile is a bucket of its own, cut with geojson-vt's one-tile `geoJSONToTile` a few thousand
 * features at a time (each feature's part of a tile depends on that feature alone), so such a
 * tile costs the memory of its own content, not of the parsed features behind it. A feature goes
 * into every bucket whose tile (with the tile buffer around it) its box touches, and only the
 * bucket's own tiles are written, so a feature crossing a bucket edge is drawn whole on both
 * sides and no tile is written twice. What geojson-vt would drop at a zoom anyway (a polygon
 * smaller than the simplification tolerance) is not bucketed there, which keeps the low zooms of
 * a dense layer small.
 */
import type { Feature } from 'geojson';
import { GeoJSONVT, type GeoJSONVTTile, geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { gzipSync } from 'fflate';
import type { BucketFiles, TileAddress } from './bucket-files.ts';
import type { WorldBox } from './tiled-feature.ts';
import type { ArchiveTile } from './pmtiles-writer.ts';

/** Tile extent and buffer as MapLibre expects them; 3 px of simplification at each zoom, not more. */
const EXTENT = 4096;
const BUFFER = 64;
const TOLERANCE = 3;
/**
 * Deepest zoom at which each tile is its own bucket. A z12 tile is ≈ 9 km across at 泸州: a few
 * tens of thousands of parcels, a few tens of MB while its subtree is cut.
 */
const BUCKET_ZOOM = 12;

export interface TilePlan {
  layerName: string;
  minZoom: number;
  maxZoom: number;
}

function bucketZoomOf(plan: TilePlan): number {
  return Math.min(plan.maxZoom, Math.max(plan.minZoom, BUCKET_ZOOM));
}

/** Whether geojson-vt drops every ring of a polygonal feature at zoom `z` (its box is under the tolerance). */
function vanishesAt(box: WorldBox, z: number, plan: TilePlan, polygonal: boolean): boolean {
  if (!polygonal || z === plan.maxZoom) return false;
  const scale = 2 ** z * EXTENT;
  return (box[2] - box[0]) * scale * ((box[3] - box[1]) * scale) < TOLERANCE * TOLERANCE;
}

/** Puts a tiled feature into the bucket of each tile it may reach, from the minimum to the bucket zoom. */
export function bucketFeature(feature: Feature, box: WorldBox, plan: TilePlan, buckets: BucketFiles): void {
  const line = JSON.stringify(feature);
  const type = feature.geometry?.type;
  const polygonal = type === 'Polygon' || type === 'MultiPolygon';
  const last = bucketZoomOf(plan);
  const margin = BUFFER / EXTENT;
  for (let z = plan.minZoom; z <= last; z++) {
    if (z < last && vanishesAt(box, z, plan, polygonal)) continue;
    const count = 2 ** z;
    const first = (value: number) => Math.max(0, Math.floor(value * count - margin));
    const final = (value: number) => Math.min(count - 1, Math.floor(value * count + margin));
    for (let x = first(box[0]); x <= final(box[2]); x++)
      for (let y = first(box[1]); y <= final(box[3]); y++) buckets.add({ z, x, y }, line);
  }
}

function encode(plan: TilePlan, z: number, x: number, y: number, tile: GeoJSONVTTile): ArchiveTile {
  const encoded = fromGeojsonVt({ [plan.layerName]: tile }, { version: 2, extent: EXTENT });
  return { z, x, y, bytes: gzipSync(encoded) };
}

/** Features cut into one tile per call above the bucket zoom. */
const SINGLE_TILE_BATCH = 2048;

/** One tile above the bucket zoom, its features cut a batch at a time and joined in input order. */
function singleTile(plan: TilePlan, address: TileAddress, features: Iterable<Feature>): GeoJSONVTTile | null {
  const options = { maxZoom: plan.maxZoom, tolerance: TOLERANCE, extent: EXTENT, buffer: BUFFER, clip: true };
  let joined: GeoJSONVTTile | null = null;
  let batch: Feature[] = [];
  const cut = () => {
    const tile = geoJSONToTile(
      { type: 'FeatureCollection', features: batch },
      address.z,
      address.x,
      address.y,
      options,
    );
    batch = [];
    if (joined === null) joined = tile;
    else for (const feature of tile.features) joined.features.push(feature);
  };
  for (const feature of features) {
    batch.push(feature);
    if (batch.length === SINGLE_TILE_BATCH) cut();
  }
  if (batch.length > 0) cut();
  return joined;
}

/** The tiles of one bucket: the tile itself above the bucket zoom, the tile and its subtree at it. */
function* bucketTiles(plan: TilePlan, address: TileAddress, features: Iterable<Feature>): Generator<ArchiveTile> {
  if (address.z < bucketZoomOf(plan)) {
    const tile = singleTile(plan, address, features);
    if (tile && tile.features.length > 0) yield encode(plan, address.z, address.x, address.y, tile);
    return;
  }
  const options = { maxZoom: plan.maxZoom, tolerance: TOLERANCE, extent: EXTENT, buffer: BUFFER };
  const collection = { type: 'FeatureCollection' as const, features: [...features] };
  const index = new GeoJSONVT(collection, { ...options, indexMaxZoom: address.z });
  // Depth first: only children of a tile with features can hold any.
  const pending: TileAddress[] = [address];
  while (pending.length > 0) {
    const { z, x, y } = pending.pop()!;
    const tile = index.getTile(z, x, y);
    // A tile can be empty where its parcels simplify to nothing at this zoom, yet hold them deeper.
    if (!tile) continue;
    if (tile.features.length > 0) yield encode(plan, z, x, y, tile);
    if (z < plan.maxZoom)
      for (const [childX, childY] of [
        [2 * x, 2 * y],
        [2 * x + 1, 2 * y],
        [2 * x, 2 * y + 1],
        [2 * x + 1, 2 * y + 1],
      ] as const)
        pending.push({ z: z + 1, x: childX, y: childY });
  }
}

/**
 * @example
 * for (const tile of tileBuckets(plan, buckets)) spool.add(tile)
 */
export function* tileBuckets(plan: TilePlan, buckets: BucketFiles): Generator<ArchiveTile> {
  for (const address of buckets.list()) yield* bucketTiles(plan, address, buckets.take(address));
}
