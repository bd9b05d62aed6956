/**
 * `npm run tiles` (issue 15 §3): the archive is read back with the `pmtiles` package the app uses,
 * its tiles decoded as MVT, and checked against the features they came from.
 */
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import type { Feature, Polygon } from 'geojson';
import { ellipsoidalArea } from '../../../src/geo/area.ts';
import { runTiles } from '../../../scripts/tiles/run-tiles.ts';
import { writePmtiles } from '../../../scripts/tiles/pmtiles-writer.ts';
import { parcelFileLines } from '../../../bench/city-parcels.ts';

/** The archive's bytes as a `pmtiles` Source, as FileSource serves a picked file in the browser. */
function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
  };
}

function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function tile(argv: string[], text: string) {
  const written = new Map<string, Uint8Array>();
  let stdout = '';
  let stderr = '';
  const code = await runTiles(argv, {
    openStream: () => chunksOf(new TextEncoder().encode(text), 4096),
    writeParts: async (path, parts) => {
      written.set(path, new Uint8Array(Buffer.concat([...parts])));
    },
    stdout: (chunk) => (stdout += chunk),
    stderr: (chunk) => (stderr += chunk),
  });
  return { code, stdout, stderr, written };
}

/** Slippy-map tile of a position (Web Mercator), as MapLibre addresses tiles. */
function tileOf(longitude: number, latitude: number, zoom: number): { x: number; y: number } {
  const scale = 2 ** zoom;
  const latitudeRadians = (latitude * Math.PI) / 180;
  return {
    x: Math.floor(((longitude + 180) / 360) * scale),
    y: Math.floor(((1 - Math.log(Math.tan(latitudeRadians) + 1 / Math.cos(latitudeRadians)) / Math.PI) / 2) * scale),
  };
}

const parcelsText = [...parcelFileLines(400, 11)].join('');
const parcels = (JSON.parse(parcelsText) as { features: Feature<Polygon>[] }).features;

describe('npm run tiles', () => {
  it('writes a PMTiles v3 archive whose header has the zooms, bounds and tile type asked for', async () => {
    const { code, stdout, stderr, written } = await tile(
      ['parcels.geojson', '--out', 'parcels.pmtiles', '--min-zoom', '12', '--max-zoom', '15'],
      parcelsText,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^parcels\.pmtiles: \d+ tiles, z12–z15, 400 features in layer "parcels"/);
    const archive = new PMTiles(memorySource(written.get('parcels.pmtiles')!));
    const header = await archive.getHeader();
    const positions = parcels.flatMap((feature) => feature.geometry.coordinates[0]!);
    const longitudes = positions.map((position) => position[0]!);
    const latitudes = positions.map((position) => position[1]!);
    expect(header).toMatchObject({ specVersion: 3, minZoom: 12, maxZoom: 15, tileType: 1, tileCompression: 2 });
    expect(header.minLon).toBeCloseTo(Math.min(...longitudes), 6);
    expect(header.minLat).toBeCloseTo(Math.min(...latitudes), 6);
    expect(header.maxLon).toBeCloseTo(Math.max(...longitudes), 6);
    expect(header.maxLat).toBeCloseTo(Math.max(...latitudes), 6);
    expect(header.centerZoom).toBe(12);
    const metadata = (await archive.getMetadata()) as {
      vector_layers: { id: string; fields: Record<string, string> }[];
    };
    expect(metadata.vector_layers).toEqual([
      expect.objectContaining({
        id: 'parcels',
        fields: expect.objectContaining({ id: 'Number', DLBM: 'String', areaM2: 'Number' }),
      }),
    ]);
    // No tile above the minimum zoom, and none outside the data.
    expect(await archive.getZxy(11, tileOf(105.2, 28.6, 11).x, tileOf(105.2, 28.6, 11).y)).toBeUndefined();
    expect(await archive.getZxy(15, 0, 0)).toBeUndefined();
  });

  it('round trip: a tile read back holds the parcels with id, class code and measured area', async () => {
    const { written } = await tile(['parcels.geojson', '--min-zoom', '13', '--max-zoom', '15'], parcelsText);
    const archive = new PMTiles(memorySource(written.get('parcels.pmtiles')!));
    const first = parcels[0]!;
    const [longitude, latitude] = first.geometry.coordinates[0]![0]!;
    for (const zoom of [13, 15]) {
      const { x, y } = tileOf(longitude!, latitude!, zoom);
      const response = await archive.getZxy(zoom, x, y);
      expect(response).toBeDefined();
      const decoded = new VectorTile(new PbfReader(new Uint8Array(response!.data)));
      const layer = decoded.layers.parcels!;
      expect(layer.length).toBeGreaterThan(0);
      const byId = new Map<unknown, Record<string, unknown>>();
      for (let index = 0; index < layer.length; index++) {
        const feature = layer.feature(index);
        byId.set(feature.properties.id, feature.properties);
        expect(feature.type).toBe(3); // polygon
      }
      const properties = byId.get(first.id);
      expect(properties).toMatchObject({
        id: first.id,
        BSM: first.properties!.BSM,
        DLBM: first.properties!.DLBM,
        district: first.properties!.district,
      });
      expect(properties!.areaM2).toBeCloseTo(ellipsoidalArea(first.geometry), 1);
    }
  });

  it('keeps only the properties named with --properties, plus id and areaM2', async () => {
    const { written } = await tile(
      ['p.geojson', '--properties', 'DLBM', '--min-zoom', '14', '--max-zoom', '14'],
      parcelsText,
    );
    const archive = new PMTiles(memorySource(written.get('p.pmtiles')!));
    const [longitude, latitude] = parcels[0]!.geometry.coordinates[0]![0]!;
    const { x, y } = tileOf(longitude!, latitude!, 14);
    const decoded = new VectorTile(new PbfReader(new Uint8Array((await archive.getZxy(14, x, y))!.data)));
    expect(Object.keys(decoded.layers.p!.feature(0).properties).sort()).toEqual(['DLBM', 'areaM2', 'id']);
  });

  it('splits a directory too big for the first 16 KiB into leaf directories the reader follows', async () => {
    const tiles = [];
    // Lengths and gaps that look random, so the directory does not compress to nothing.
    const scrambled = (x: number, y: number) => (Math.imul(x * 1031 + y, 2_654_435_761) >>> 0) % 997;
    const text = (x: number, y: number) => `tile ${x}/${y}${'.'.repeat(scrambled(x, y) % 300)}`;
    for (let x = 0; x < 400; x++)
      for (let y = 0; y < 400; y++)
        if (scrambled(x, y) % 4 === 0) tiles.push({ z: 10, x, y, bytes: new TextEncoder().encode(text(x, y)) });
    const bytes = writePmtiles(tiles, {
      tileType: 1,
      tileCompression: 1,
      minZoom: 10,
      maxZoom: 10,
      bounds: [-180, 0, -39, 79],
      center: { longitude: -150, latitude: 30, zoom: 10 },
      metadata: {},
    });
    const archive = new PMTiles(memorySource(bytes));
    const header = await archive.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(16_384 - 127);
    expect(header).toMatchObject({ numAddressedTiles: tiles.length, numTileContents: tiles.length });
    for (const { x, y } of [tiles[0]!, tiles[tiles.length - 1]!, tiles[12_345]!, tiles[777]!]) {
      const response = await archive.getZxy(10, x, y);
      expect(new TextDecoder().decode(new Uint8Array(response!.data))).toBe(text(x, y));
    }
    const missing = [...Array(400).keys()].find((y) => scrambled(5, y) % 4 !== 0)!;
    expect(await archive.getZxy(10, 5, missing)).toBeUndefined();
  });

  it('stores identical tiles once and addresses each', async () => {
    const same = new TextEncoder().encode('same bytes');
    const bytes = writePmtiles(
      [0, 1, 2, 3].map((x) => ({ z: 2, x, y: 1, bytes: same })),
      {
        tileType: 1,
        tileCompression: 1,
        minZoom: 2,
        maxZoom: 2,
        bounds: [-180, -85, 180, 85],
        center: { longitude: 0, latitude: 0, zoom: 2 },
        metadata: {},
      },
    );
    const archive = new PMTiles(memorySource(bytes));
    expect(await archive.getHeader()).toMatchObject({ numAddressedTiles: 4, numTileContents: 1 });
    for (const x of [0, 1, 2, 3])
      expect(new TextDecoder().decode(new Uint8Array((await archive.getZxy(2, x, 1))!.data))).toBe('same bytes');
  });

  it.each([
    [
      ['cut.geojson'],
      parcelsText.slice(0, 5000),
      /^cut\.geojson: not valid JSON: text ends early \(truncated file\?\) at line \d+, column \d+$/,
      1,
    ],
    [
      ['x.geojson', '--min-zoom', '15', '--max-zoom', '12'],
      parcelsText,
      /^tiles: --min-zoom 15 is above --max-zoom 12$/m,
      2,
    ],
    [
      ['x.geojson', '--max-zoom', '30'],
      parcelsText,
      /^tiles: --max-zoom must be a whole number from 0 to 18, not 30$/m,
      2,
    ],
    [
      ['empty.geojson'],
      '{"type":"FeatureCollection","features":[]}',
      /^empty\.geojson: no feature with a geometry to tile$/,
      1,
    ],
  ])('refuses %j with one message and writes nothing', async (argv, text, pattern, exitCode) => {
    const { code, stdout, stderr, written } = await tile(argv, text);
    expect({ code, stdout, written: written.size }).toEqual({ code: exitCode, stdout: '', written: 0 });
    expect(stderr.trimEnd()).toMatch(pattern);
  });
});
