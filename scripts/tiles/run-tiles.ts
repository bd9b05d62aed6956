/**
 * `npm run tiles -- FILE [--out layer.pmtiles] [--min-zoom Z] [--max-zoom Z] [--layer NAME]
 * [--properties A,B]`: a big GeoJSON layer as a vector PMTiles v3 archive the app (or any MapLibre
 * map with the `pmtiles` protocol) draws without loading it whole. As a function, so tests drive it
 * in memory; every failure is one line on stderr and a non-zero exit code.
 *
 * Memory stays bounded by one spatial bucket, not the layer: the file is read as a stream, each
 * feature parked in the temporary bucket files of the tiles it reaches (make-tiles.ts), each
 * finished tile in a temporary spool file; the archive is then written part by part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamGeoJsonFeatures } from '../../src/data/stream-geojson.ts';
import { BucketFiles } from './bucket-files.ts';
import { bucketFeature, tileBuckets } from './make-tiles.ts';
import { archiveParts } from './pmtiles-writer.ts';
import { TileSpool } from './tile-spool.ts';
import { type Bounds, type FieldTypes, placeGeometry, tiledFeature } from './tiled-feature.ts';

export interface TilesIo {
  openStream: (path: string) => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Writes the archive from its parts, in order (the tile data is read from the spool as they come). */
  writeParts: (path: string, parts: Iterable<Uint8Array>) => Promise<void>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const TILES_USAGE =
  'usage: npm run --silent tiles -- FILE [--out LAYER.pmtiles] [--min-zoom Z] [--max-zoom Z] [--layer NAME] [--properties A,B,…]';

/** City parcels read from district scale (z10) to single parcels (z15); deeper zooms overzoom z15. */
const DEFAULT_MIN_ZOOM = 10;
const DEFAULT_MAX_ZOOM = 15;
/** MapLibre draws vector tiles to z22 at most; beyond z16 a tile is smaller than any parcel. */
const DEEPEST_ZOOM = 18;
/** PMTiles' tile type for Mapbox Vector Tiles, and its gzip compression. */
const MVT = 1;
const GZIP = 2;
/** Above this, MapLibre stalls on a tile (its guidance is ≈ 500 KB): say so and how to avoid it. */
const LARGE_TILE_BYTES = 500 * 1024;

class UsageError extends Error {}

interface Options {
  file: string;
  out: string;
  minZoom: number;
  maxZoom: number;
  layerName: string;
  properties?: string[];
}

function parseArguments(argv: readonly string[]): Options | 'help' {
  let file: string | undefined;
  let out: string | undefined;
  let minZoom = DEFAULT_MIN_ZOOM;
  let maxZoom = DEFAULT_MAX_ZOOM;
  let layerName: string | undefined;
  let properties: string[] | undefined;
  const valueOf = (name: string, index: number): string => {
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return value;
  };
  const zoom = (name: string, value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > DEEPEST_ZOOM)
      throw new UsageError(`${name} must be a whole number from 0 to ${DEEPEST_ZOOM}, not ${value}`);
    return parsed;
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--help' || argument === '-h') return 'help';
    if (argument === '--out') out = valueOf(argument, index++);
    else if (argument === '--min-zoom') minZoom = zoom(argument, valueOf(argument, index++));
    else if (argument === '--max-zoom') maxZoom = zoom(argument, valueOf(argument, index++));
    else if (argument === '--layer') layerName = valueOf(argument, index++);
    else if (argument === '--properties')
      properties = valueOf(argument, index++)
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else if (file !== undefined) throw new UsageError(`one file at a time (got ${file} and ${argument})`);
    else file = argument;
  }
  if (file === undefined) throw new UsageError('which GeoJSON file?');
  if (minZoom > maxZoom) throw new UsageError(`--min-zoom ${minZoom} is above --max-zoom ${maxZoom}`);
  const base = file.replace(/\.(geo)?json$/i, '');
  return {
    file,
    out: out ?? `${base}.pmtiles`,
    minZoom,
    maxZoom,
    layerName: layerName ?? (base.split(/[\\/]/).pop() || 'layer'),
    ...(properties ? { properties } : {}),
  };
}

function readProblem(path: string, error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : error instanceof Error
          ? error.message
          : String(error);
  return `${path}: could not be read (${reason})`;
}

export async function runTiles(argv: readonly string[], io: TilesIo): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`tiles: ${error.message}\n${TILES_USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(`${TILES_USAGE}\n`);
    return 0;
  }
  const { file, out, minZoom, maxZoom, layerName } = options;
  const plan = { layerName, minZoom, maxZoom };
  const workDirectory = mkdtempSync(join(tmpdir(), 'tiles-'));
  try {
    const buckets = new BucketFiles(workDirectory);
    const fields: FieldTypes = {};
    const bounds: Bounds = [180, 90, -180, -90];
    let featureCount = 0;
    try {
      const read = await streamGeoJsonFeatures(io.openStream(file), file, (feature, index) => {
        const tiled = tiledFeature(feature, index, options.properties, fields);
        if (!tiled?.geometry) return;
        bucketFeature(tiled, placeGeometry(tiled.geometry, bounds), plan, buckets);
        featureCount += 1;
      });
      if (!read.ok) {
        io.stderr(`${read.message}\n`);
        return 1;
      }
    } catch (error) {
      io.stderr(`${readProblem(file, error)}\n`);
      return 1;
    }
    buckets.flush();
    const spool = new TileSpool(join(workDirectory, 'tiles.spool'));
    try {
      for (const tile of tileBuckets(plan, buckets)) spool.add(tile);
      if (spool.tiles.length === 0) {
        io.stderr(`${file}: no feature with a geometry to tile\n`);
        return 1;
      }
      const [west, south, east, north] = bounds;
      const parts = archiveParts(spool.tiles, {
        tileType: MVT,
        tileCompression: GZIP,
        minZoom,
        maxZoom,
        bounds,
        center: { longitude: (west + east) / 2, latitude: (south + north) / 2, zoom: minZoom },
        metadata: {
          name: layerName,
          format: 'pbf',
          description: `${file}: ${featureCount} features; areaM2 measured on the WGS84 ellipsoid`,
          vector_layers: [{ id: layerName, fields, minzoom: minZoom, maxzoom: maxZoom }],
        },
      });
      let archiveBytes = 0;
      const counted = (function* () {
        for (const part of parts) {
          archiveBytes += part.length;
          yield part;
        }
      })();
      try {
        await io.writeParts(out, counted);
      } catch (error) {
        io.stderr(`${out}: could not be written (${error instanceof Error ? error.message : String(error)})\n`);
        return 1;
      }
      io.stdout(
        `${out}: ${spool.tiles.length} tiles, z${minZoom}–z${maxZoom}, ${featureCount} features in layer "${layerName}", ${(archiveBytes / 1e6).toFixed(1)} MB\n`,
      );
      const largest = spool.largest!;
      if (largest.length > LARGE_TILE_BYTES)
        io.stderr(
          `tiles: warning: tile ${largest.z}/${largest.x}/${largest.y} is ${(largest.length / 1024).toFixed(0)} KB gzipped; MapLibre draws tiles over ~500 KB slowly (raise --min-zoom)\n`,
        );
      return 0;
    } finally {
      spool.close();
    }
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}
