/**
 * Spatial buckets on disk: features written as one JSON line each into the file of every bucket
 * (a tile) they may reach, so a city's parcels are read once and then tiled one bucket at a time
 * with only that bucket in memory. Lines wait in memory until a bucket has a few hundred KB or all
 * buckets together a few tens of MB, then are appended; no file stays open, however many buckets
 * a country-sized layer makes.
 */
import { appendFileSync, closeSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** A bucket's lines are appended once they reach this many characters… */
const BUCKET_FLUSH_CHARACTERS = 256 * 1024;
/** …and every bucket's once all of them together hold this many. */
const TOTAL_FLUSH_CHARACTERS = 32 * 1024 * 1024;
const READ_CHUNK_BYTES = 1 << 20;
const NEWLINE = 10;

export class BucketFiles {
  private readonly pending = new Map<string, string[]>();
  private readonly pendingCharacters = new Map<string, number>();
  private readonly addresses = new Map<string, TileAddress>();
  private totalPending = 0;

  constructor(private readonly directory: string) {}

  private fileOf(key: string): string {
    return join(this.directory, `${key}.ndjson`);
  }

  add(address: TileAddress, line: string): void {
    const key = `${address.z}-${address.x}-${address.y}`;
    let lines = this.pending.get(key);
    if (!lines) {
      lines = [];
      this.pending.set(key, lines);
      if (!this.addresses.has(key)) this.addresses.set(key, address);
    }
    lines.push(line);
    const characters = (this.pendingCharacters.get(key) ?? 0) + line.length + 1;
    this.pendingCharacters.set(key, characters);
    this.totalPending += line.length + 1;
    if (characters >= BUCKET_FLUSH_CHARACTERS) this.flushBucket(key);
    if (this.totalPending >= TOTAL_FLUSH_CHARACTERS) this.flush();
  }

  private flushBucket(key: string): void {
    const lines = this.pending.get(key);
    if (!lines || lines.length === 0) return;
    appendFileSync(this.fileOf(key), `${lines.join('\n')}\n`);
    this.totalPending -= this.pendingCharacters.get(key) ?? 0;
    this.pending.delete(key);
    this.pendingCharacters.delete(key);
  }

  flush(): void {
    for (const key of [...this.pending.keys()]) this.flushBucket(key);
  }

  /** Every bucket that received a feature. */
  list(): TileAddress[] {
    return [...this.addresses.values()];
  }

  /** A bucket's features one at a time, read in chunks; its file is deleted once read (each bucket is tiled once). */
  *take(address: TileAddress): Generator<Feature> {
    const key = `${address.z}-${address.x}-${address.y}`;
    this.flushBucket(key);
    const file = this.fileOf(key);
    // Decoded a line at a time: the file as one string could be twice its size on disk.
    const descriptor = openSync(file, 'r');
    try {
      const chunk = Buffer.alloc(READ_CHUNK_BYTES);
      let carried = Buffer.alloc(0);
      for (;;) {
        const read = readSync(descriptor, chunk, 0, chunk.length, null);
        if (read === 0) break;
        const bytes = carried.length > 0 ? Buffer.concat([carried, chunk.subarray(0, read)]) : chunk.subarray(0, read);
        let start = 0;
        for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
          if (end > start) yield JSON.parse(bytes.toString('utf8', start, end)) as Feature;
          start = end + 1;
        }
        carried = Buffer.from(bytes.subarray(start));
      }
    } finally {
      closeSync(descriptor);
      rmSync(file, { force: true });
    }
  }
}
