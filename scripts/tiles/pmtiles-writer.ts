/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) from
 * tiles already encoded and compressed: a 127-byte header, the root directory, the JSON metadata,
 * the leaf directories and the tile data, in that order. Directories are varint-encoded and gzipped
 * (`fflate`); tile ids come from the `pmtiles` package's own Hilbert ordering, so the reader the app
 * uses and this writer cannot disagree on where a tile lives. Identical tiles are stored once, and
 * tile data is read from wherever it waits only as it is written out.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'fflate';
import { zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** Encoded and already compressed as `tileCompression` says. */
  bytes: Uint8Array;
}

export interface ArchiveOptions {
  /** PMTiles TileType: 1 = Mapbox Vector Tile. */
  tileType: number;
  /** PMTiles Compression of each tile's bytes: 2 = gzip. */
  tileCompression: number;
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in degrees. */
  bounds: [number, number, number, number];
  center: { longitude: number; latitude: number; zoom: number };
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  /** Consecutive tile ids with the same bytes; 0 marks a pointer to a leaf directory. */
  runLength: number;
}

const HEADER_BYTES = 127;
/** The spec's limit: header and root directory fit in the first 16 KiB a client fetches. */
const ROOT_DIRECTORY_LIMIT = 16_384 - HEADER_BYTES;
const GZIP = 2;

class ByteWriter {
  private bytes = new Uint8Array(1024);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Unsigned LEB128; numbers up to 2^53, so division rather than 32-bit shifts. */
  varint(value: number): void {
    this.reserve(10);
    let remaining = value;
    while (remaining >= 0x80) {
      this.bytes[this.length++] = (remaining % 0x80) | 0x80;
      remaining = Math.floor(remaining / 0x80);
    }
    this.bytes[this.length++] = remaining;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** The spec's directory encoding: count, then id deltas, run lengths, lengths, offsets (0 = right after the previous). */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const writer = new ByteWriter();
  writer.varint(entries.length);
  let lastId = 0;
  for (const entry of entries) {
    writer.varint(entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) writer.varint(entry.runLength);
  for (const entry of entries) writer.varint(entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    writer.varint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return gzipSync(writer.result());
}

/** Root and leaves: everything in the root if it fits, else leaves of a growing size until the root fits. */
function buildDirectories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const whole = serializeDirectory(entries);
  if (whole.length <= ROOT_DIRECTORY_LIMIT) return { root: whole, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    const rootEntries: Entry[] = [];
    const leafParts: Uint8Array[] = [];
    let leafOffset = 0;
    for (let start = 0; start < entries.length; start += leafSize) {
      const leaf = serializeDirectory(entries.slice(start, start + leafSize));
      rootEntries.push({ tileId: entries[start]!.tileId, offset: leafOffset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      leafOffset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= ROOT_DIRECTORY_LIMIT) return { root, leaves: concatenate(leafParts) };
  }
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

function writeHeader(fields: {
  rootOffset: number;
  rootLength: number;
  metadataOffset: number;
  metadataLength: number;
  leavesOffset: number;
  leavesLength: number;
  dataOffset: number;
  dataLength: number;
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  options: ArchiveOptions;
}): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  const sixtyFour = [
    fields.rootOffset,
    fields.rootLength,
    fields.metadataOffset,
    fields.metadataLength,
    fields.leavesOffset,
    fields.leavesLength,
    fields.dataOffset,
    fields.dataLength,
    fields.addressedTiles,
    fields.tileEntries,
    fields.tileContents,
  ];
  sixtyFour.forEach((value, index) => view.setBigUint64(8 + index * 8, BigInt(value), true));
  const { options } = fields;
  header[96] = 1; // clustered: tile data in tile-id order
  header[97] = GZIP; // internal (directory and metadata) compression
  header[98] = options.tileCompression;
  header[99] = options.tileType;
  header[100] = options.minZoom;
  header[101] = options.maxZoom;
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = options.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  header[118] = options.center.zoom;
  view.setInt32(119, e7(options.center.longitude), true);
  view.setInt32(123, e7(options.center.latitude), true);
  return header;
}

/** A tile already encoded, wherever its bytes wait (memory or a spool file), read when written out. */
export interface StoredTile {
  tileId: number;
  length: number;
  /** A digest of the bytes, to store identical tiles (ocean, a uniform field of parcels) once. */
  digest: string;
  read: () => Uint8Array;
}

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/**
 * The archive as a sequence of byte parts: header, root directory, metadata and leaf directories
 * in one part, then each distinct tile in tile-id order, read only when its turn comes, so an
 * archive of any size is written with the memory of its directory.
 *
 * @example
 * for (const part of archiveParts(spool.tiles, options)) writeSync(descriptor, part)
 */
export function* archiveParts(tiles: readonly StoredTile[], options: ArchiveOptions): Generator<Uint8Array> {
  const ordered = [...tiles].sort((first, second) => first.tileId - second.tileId);
  const entries: Entry[] = [];
  const offsets = new Map<string, number>();
  const data: StoredTile[] = [];
  let dataLength = 0;
  for (const tile of ordered) {
    const existing = offsets.get(tile.digest);
    const offset = existing ?? dataLength;
    const last = entries[entries.length - 1];
    if (last && existing !== undefined && last.offset === offset && last.tileId + last.runLength === tile.tileId) {
      last.runLength += 1;
      continue;
    }
    if (existing === undefined) {
      offsets.set(tile.digest, offset);
      data.push(tile);
      dataLength += tile.length;
    }
    entries.push({ tileId: tile.tileId, offset, length: tile.length, runLength: 1 });
  }
  const { root, leaves } = buildDirectories(entries);
  const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(options.metadata)));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const header = writeHeader({
    rootOffset,
    rootLength: root.length,
    metadataOffset,
    metadataLength: metadata.length,
    leavesOffset,
    leavesLength: leaves.length,
    dataOffset,
    dataLength,
    addressedTiles: ordered.length,
    tileEntries: entries.length,
    tileContents: data.length,
    options,
  });
  yield concatenate([header, root, metadata, leaves]);
  for (const tile of data) yield tile.read();
}

/**
 * The whole archive in memory, for small layers and tests.
 *
 * @example
 * const archive = writePmtiles([{ z: 0, x: 0, y: 0, bytes: gzipSync(mvt) }], { tileType: 1, tileCompression: 2, … })
 */
export function writePmtiles(tiles: readonly ArchiveTile[], options: ArchiveOptions): Uint8Array {
  const stored = tiles.map((tile) => ({
    tileId: zxyToTileId(tile.z, tile.x, tile.y),
    length: tile.bytes.length,
    digest: digestOf(tile.bytes),
    read: () => tile.bytes,
  }));
  return concatenate([...archiveParts(stored, options)]);
}
