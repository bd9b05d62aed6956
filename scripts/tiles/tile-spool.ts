/**
 * Encoded tiles parked in a temporary file as they are made, in whatever order the buckets give
 * them, with only their address, length and digest kept in memory; `archiveParts` reads each back
 * in tile-id order when the archive is written. So the archive is never held whole either.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { zxyToTileId } from 'pmtiles';
import { type ArchiveTile, digestOf, type StoredTile } from './pmtiles-writer.ts';

export class TileSpool {
  private readonly descriptor: number;
  private length = 0;
  readonly tiles: StoredTile[] = [];
  /** The biggest tile, to warn about one MapLibre would draw slowly. */
  largest: { z: number; x: number; y: number; length: number } | null = null;

  constructor(path: string) {
    this.descriptor = openSync(path, 'w+');
  }

  add({ z, x, y, bytes }: ArchiveTile): void {
    const offset = this.length;
    writeSync(this.descriptor, bytes, 0, bytes.length, offset);
    this.length += bytes.length;
    // Only numbers in the closure: holding `bytes` would keep every tile in memory after all.
    const { descriptor } = this;
    const length = bytes.length;
    this.tiles.push({
      tileId: zxyToTileId(z, x, y),
      length,
      digest: digestOf(bytes),
      read: () => {
        const read = new Uint8Array(length);
        readSync(descriptor, read, 0, read.length, offset);
        return read;
      },
    });
    if (!this.largest || bytes.length > this.largest.length) this.largest = { z, x, y, length: bytes.length };
  }

  close(): void {
    closeSync(this.descriptor);
  }
}
