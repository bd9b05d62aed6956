/**
 * Tiles the basemap browser tests serve instead of the real hosts, made here, never downloaded:
 * a plain PNG for the raster hosts, and a small Protomaps-shaped vector PMTiles v3 archive
 * (geojson-vt → vt-pbf → a hand-packed archive with an uncompressed directory).
 */
import { deflateSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';
import type { Feature, FeatureCollection } from 'geojson';

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A 256×256 RGB tile of one colour with a darker 2-pixel frame, so the tile grid shows in screenshots. */
export function tilePng(rgb: readonly [number, number, number], frame: readonly [number, number, number]): Buffer {
  const size = 256;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then pixels
    for (let x = 0; x < size; x += 1) {
      const edge = x < 2 || y < 2 || x >= size - 2 || y >= size - 2;
      const colour = edge ? frame : rgb;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The 泸州 frame the README's extract command cuts (lon 105.2–105.8, lat 28.6–29.3). */
export const LUZHOU_BBOX = [105.2, 28.6, 105.8, 29.3] as const;

function lonToTileX(lon: number, zoom: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** zoom);
}

function latToTileY(lat: number, zoom: number): number {
  const radians = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * 2 ** zoom);
}

function writeVarint(value: number, into: number[]): void {
  let rest = value;
  while (rest >= 0x80) {
    into.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  into.push(rest);
}

interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
}

/** PMTiles v3 directory, uncompressed: count, id deltas, run lengths, lengths, offsets. */
function serialiseDirectory(entries: readonly DirectoryEntry[]): Buffer {
  const bytes: number[] = [];
  writeVarint(entries.length, bytes);
  let lastId = 0;
  for (const entry of entries) {
    writeVarint(entry.tileId - lastId, bytes);
    lastId = entry.tileId;
  }
  for (const _entry of entries) writeVarint(1, bytes);
  for (const entry of entries) writeVarint(entry.length, bytes);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    // 0 means "right after the previous tile"; otherwise offset + 1.
    writeVarint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1, bytes);
  });
  return Buffer.from(bytes);
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/**
 * The few Protomaps layers the app's basemap style draws: land ("earth"), the two rivers as water
 * polygons, a major road and the city's name. Shapes are rough on purpose: this is a fixture.
 */
export function luzhouBasemapLayers(): Record<string, FeatureCollection> {
  const [west, south, east, north] = LUZHOU_BBOX;
  return {
    earth: collection([
      {
        type: 'Feature',
        properties: { kind: 'earth' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west - 1, south - 1],
              [east + 1, south - 1],
              [east + 1, north + 1],
              [west - 1, north + 1],
              [west - 1, south - 1],
            ],
          ],
        },
      },
    ]),
    water: collection([
      {
        // A band along the Yangtze (west to east through the city), wide enough to see at every zoom.
        type: 'Feature',
        properties: { kind: 'water' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [105.2, 28.86],
              [105.44, 28.87],
              [105.8, 28.92],
              [105.8, 28.9],
              [105.44, 28.855],
              [105.2, 28.845],
              [105.2, 28.86],
            ],
          ],
        },
      },
    ]),
    roads: collection([
      {
        type: 'Feature',
        properties: { kind: 'major_road', kind_detail: 'primary', name: '酒城大道', min_zoom: 6 },
        geometry: {
          type: 'LineString',
          coordinates: [
            [105.3, 28.95],
            [105.44, 28.9],
            [105.6, 28.8],
          ],
        },
      },
    ]),
    places: collection([
      {
        type: 'Feature',
        properties: {
          kind: 'locality',
          name: '泸州',
          'name:zh-Hans': '泸州',
          'name:en': 'Luzhou',
          min_zoom: 4,
          population_rank: 12,
          sort_key: 1,
        },
        geometry: { type: 'Point', coordinates: [105.443, 28.889] },
      },
    ]),
  };
}

/** Packs the layers into a PMTiles v3 archive of MVT tiles over the 泸州 frame, zooms 0–`maxZoom`. */
export function buildLuzhouPmtiles(maxZoom = 10): Buffer {
  const indexes = Object.entries(luzhouBasemapLayers()).map(
    ([name, features]) =>
      [name, new GeoJSONVT(features, { maxZoom, indexMaxZoom: maxZoom, buffer: 64, extent: 4096 })] as const,
  );
  const tiles: { tileId: number; data: Buffer }[] = [];
  const [west, south, east, north] = LUZHOU_BBOX;
  for (let zoom = 0; zoom <= maxZoom; zoom += 1) {
    for (let x = lonToTileX(west, zoom); x <= lonToTileX(east, zoom); x += 1) {
      for (let y = latToTileY(north, zoom); y <= latToTileY(south, zoom); y += 1) {
        const layers: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(zoom, x, y);
          if (tile) layers[name] = tile;
        }
        tiles.push({
          tileId: zxyToTileId(zoom, x, y),
          data: Buffer.from(fromGeojsonVt(layers, { version: 2, extent: 4096 })),
        });
      }
    }
  }
  tiles.sort((first, second) => first.tileId - second.tileId);
  const entries: DirectoryEntry[] = [];
  let offset = 0;
  for (const tile of tiles) {
    entries.push({ tileId: tile.tileId, offset, length: tile.data.length });
    offset += tile.data.length;
  }
  const directory = serialiseDirectory(entries);
  const metadata = Buffer.from(
    JSON.stringify({
      name: 'luzhou test fixture',
      vector_layers: Object.keys(luzhouBasemapLayers()).map((id) => ({ id, fields: {} })),
    }),
  );
  const tileData = Buffer.concat(tiles.map((tile) => tile.data));

  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const tileDataOffset = metadataOffset + metadata.length;
  const u64 = (position: number, value: number): void => {
    header.writeBigUInt64LE(BigInt(value), position);
  };
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileDataOffset + tileData.length); // no leaf directories
  u64(48, 0);
  u64(56, tileDataOffset);
  u64(64, tileData.length);
  u64(72, tiles.length);
  u64(80, tiles.length);
  u64(88, tiles.length);
  header.writeUInt8(1, 96); // clustered: tiles in id order
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(0, 100);
  header.writeUInt8(maxZoom, 101);
  const e7 = (degrees: number): number => Math.round(degrees * 1e7);
  header.writeInt32LE(e7(west), 102);
  header.writeInt32LE(e7(south), 106);
  header.writeInt32LE(e7(east), 110);
  header.writeInt32LE(e7(north), 114);
  header.writeUInt8(10, 118);
  header.writeInt32LE(e7(105.44), 119);
  header.writeInt32LE(e7(28.89), 123);
  return Buffer.concat([header, directory, metadata, tileData]);
}
