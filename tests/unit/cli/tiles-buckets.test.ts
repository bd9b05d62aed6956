/**
 * `npm run tiles` cuts a layer one spatial bucket at a time so a million parcels fit in bounded
 * memory (issue 15 §3). The cut must not show: every tile of the archive is the tile one geojson-vt
 * index over the whole layer makes — parcels crossing a bucket edge kept whole on both sides,
 * none written twice, none dropped at the low zooms where buckets are single tiles.
 */
import { describe, expect, it } from 'vitest';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import type { Feature, Polygon } from 'geojson';
import { runTiles } from '../../../scripts/tiles/run-tiles.ts';
import { tiledFeature } from '../../../scripts/tiles/tiled-feature.ts';
import { parcelFileLines } from '../../../bench/city-parcels.ts';

function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
  };
}

async function archiveOf(text: string, argv: string[]): Promise<Uint8Array> {
  let archive: Uint8Array | undefined;
  let stderr = '';
  const code = await runTiles(['parcels.geojson', ...argv], {
    openStream: () => [new TextEncoder().encode(text)],
    writeParts: async (_path, parts) => {
      archive = new Uint8Array(Buffer.concat([...parts]));
    },
    stdout: () => {},
    stderr: (chunk) => (stderr += chunk),
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return archive!;
}

/** The tiles of one index over every feature, as `npm run tiles` made them before buckets. */
function wholeLayerTiles(features: Feature[], minZoom: number, maxZoom: number): Map<string, Uint8Array> {
  const fields = {};
  const tiled = features.map((feature, index) => tiledFeature(feature, index, undefined, fields)!);
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features: tiled },
    { maxZoom, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 },
  );
  const tiles = new Map<string, Uint8Array>();
  const pending: [number, number, number][] = [[0, 0, 0]];
  while (pending.length > 0) {
    const [z, x, y] = pending.pop()!;
    const tile = index.getTile(z, x, y);
    if (!tile) continue;
    if (z >= minZoom && tile.features.length > 0)
      tiles.set(`${z}/${x}/${y}`, fromGeojsonVt({ parcels: tile }, { version: 2, extent: 4096 }));
    if (z < maxZoom)
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const)
        pending.push([z + 1, 2 * x + dx, 2 * y + dy]);
  }
  return tiles;
}

function idsIn(bytes: Uint8Array): number[] {
  const layer = new VectorTile(new PbfReader(bytes)).layers.parcels!;
  return Array.from({ length: layer.length }, (_, index) => Number(layer.feature(index).properties.id)).sort(
    (first, second) => first - second,
  );
}

describe('npm run tiles in spatial buckets', () => {
  // 3 600 parcels in a 60 × 60 grid of 0.0004°: 0.024° across, over the z12 tile edge at 105.205°E.
  const text = [...parcelFileLines(3600, 17)].join('');
  const features = (JSON.parse(text) as { features: Feature<Polygon>[] }).features;

  it('writes exactly the tiles of one whole-layer index, above, at and below the bucket zoom', async () => {
    const archive = new PMTiles(memorySource(await archiveOf(text, ['--min-zoom', '10', '--max-zoom', '14'])));
    const expected = wholeLayerTiles(features, 10, 14);
    expect(new Set([...expected.keys()].map((key) => key.split('/')[0]))).toEqual(
      new Set(['10', '11', '12', '13', '14']),
    );
    const header = await archive.getHeader();
    expect(header.numAddressedTiles).toBe(expected.size);
    for (const [key, bytes] of expected) {
      const [z, x, y] = key.split('/').map(Number) as [number, number, number];
      const response = await archive.getZxy(z, x, y);
      expect(response, key).toBeDefined();
      // The reader has already inflated the tile (the archive says gzip).
      const written = new Uint8Array(response!.data);
      expect(idsIn(written), key).toEqual(idsIn(bytes));
      expect(Buffer.from(written).equals(Buffer.from(bytes)), key).toBe(true);
    }
  }, 60_000);

  it('draws a parcel that crosses a bucket edge whole in the tiles on both sides', async () => {
    const archive = new PMTiles(memorySource(await archiveOf(text, ['--min-zoom', '12', '--max-zoom', '13'])));
    const edge = (3245 / 4096) * 360 - 180;
    const crossing = features.find((feature) => {
      const longitudes = feature.geometry.coordinates[0]!.map((position) => position[0]!);
      return Math.min(...longitudes) < edge && Math.max(...longitudes) > edge;
    })!;
    expect(crossing).toBeDefined();
    const latitude = crossing.geometry.coordinates[0]![0]![1]!;
    const sine = Math.sin((latitude * Math.PI) / 180);
    const y = Math.floor((0.5 - (0.25 * Math.log((1 + sine) / (1 - sine))) / Math.PI) * 4096);
    for (const x of [3244, 3245]) {
      const response = await archive.getZxy(12, x, y);
      const layer = new VectorTile(new PbfReader(new Uint8Array(response!.data))).layers.parcels!;
      const found = Array.from({ length: layer.length }, (_, index) => layer.feature(index)).filter(
        (feature) => feature.properties.id === crossing.id,
      );
      expect(found, `z12 x=${x}`).toHaveLength(1);
      expect(found[0]!.properties.DLBM).toBe(crossing.properties!.DLBM);
    }
  }, 60_000);
});
