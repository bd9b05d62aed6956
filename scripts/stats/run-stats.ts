/**
 * The stats CLI as a function, so tests drive it in memory: `runStats(argv, io)` returns the exit
 * code and writes only through `io`. Every failure becomes one line on stderr; nothing throws.
 *
 *   stats                         the zone from geodata/, as a table
 *   stats --json                  the same as one JSON document
 *   stats FILE [--by PROP] [--from gcj02|bd09] [--json]
 *                                 area of any GeoJSON file (or KML, GPX, zipped Shapefile, read by the
 *                                 same code as the app's import), optionally grouped by a property, from
 *                                 高德/DataV (gcj02) or 百度 (bd09) coordinates converted to WGS84 first
 *   stats FILE --landuse FIELD [--level 1|2] [--standard ID] [--json]
 *                                 the file's parcels by the national class their FIELD codes name
 */
import { join } from 'node:path';
import { computeZoneStatistics, GREEN_SPACE_RATIO_DEFINITION } from '../../src/analysis/zone-statistics.ts';
import { auditStatedAreas } from '../../src/analysis/audit-stated-areas.ts';
import { type CollectionMeasurement, measureCollection } from '../../src/analysis/measure-collection.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { parseGeoJson } from '../../src/data/parse-geojson.ts';
import {
  COORDINATE_SYSTEM_NAMES,
  COORDINATE_SYSTEMS,
  isCoordinateSystem,
  toWgs84,
  type CoordinateSystem,
} from '../../src/data/coordinate-systems.ts';
import { formatCollectionReport, formatZoneReport } from './format-report.ts';
import { extensionOf, FORMAT_BY_EXTENSION } from '../../src/data/import/detect-format.ts';
import { importBytes } from '../../src/analysis/import-and-measure.ts';
import { isStandardId, STANDARD_IDS } from '../../src/data/classification/standards.ts';
import type { ClassificationStandardId } from '../../src/data/classification/classification-types.ts';
import { formatLandUseReport, landUseJson, landUseReport } from './land-use-report.ts';
import { createProgress } from './progress.ts';
import { measureStream } from './stream-measurement.ts';
import { runPostgisStats, wantsPostgis } from './postgis/run-postgis-stats.ts';

export interface StatsIo {
  /** Reads a file as UTF-8; rejects with a Node-style error (`code`) when it cannot. */
  readText: (path: string) => Promise<string>;
  /** Reads a file's bytes (KML, GPX, zipped Shapefile); without it only GeoJSON files can be measured. */
  readBytes?: (path: string) => Promise<Uint8Array>;
  /**
   * Opens a file as a stream of byte chunks (the process binds `fs.createReadStream`). Without it a
   * GeoJSON file is read whole through `readText` and then streamed from memory, through the same code.
   */
  openStream?: (path: string) => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** A file's size in bytes, so progress can say how far along it is. */
  fileSize?: (path: string) => Promise<number>;
  /** Progress of long reads on stderr; absent in tests, so their stderr stays the report's alone. */
  progress?: { isTerminal: boolean; columns?: number };
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `usage: npm run --silent stats -- [--json] [--geodata DIR]
       npm run --silent stats -- FILE [--by PROPERTY] [--from wgs84|gcj02|bd09] [--json]
       npm run --silent stats -- FILE --landuse FIELD [--level 1|2] [--standard ${STANDARD_IDS.join('|')}] [--json]
       (FILE: GeoJSON, KML, GPX or a zipped Shapefile)`;

interface Options {
  json: boolean;
  by?: string;
  landUse?: string;
  level?: 1 | 2;
  standard?: ClassificationStandardId;
  from: CoordinateSystem;
  geodata: string;
  file?: string;
  help: boolean;
}

class UsageError extends Error {}

function parseArguments(argv: readonly string[]): Options {
  const options: Options = { json: false, geodata: 'geodata', help: false, from: 'wgs84' };
  const coordinateSystem = (value: string): CoordinateSystem => {
    const normalised = value.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!isCoordinateSystem(normalised))
      throw new UsageError(`--from must be one of ${COORDINATE_SYSTEMS.join(', ')}, not ${value}`);
    return normalised;
  };
  const valueOf = (name: string, index: number): string => {
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return value;
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--json') options.json = true;
    else if (argument === '--help' || argument === '-h') options.help = true;
    else if (argument === '--by') options.by = valueOf('--by', index++);
    else if (argument.startsWith('--by=')) options.by = argument.slice('--by='.length);
    else if (argument === '--landuse') options.landUse = valueOf('--landuse', index++);
    else if (argument.startsWith('--landuse=')) options.landUse = argument.slice('--landuse='.length);
    else if (argument === '--level' || argument.startsWith('--level=')) {
      const value = argument === '--level' ? valueOf('--level', index++) : argument.slice('--level='.length);
      if (value !== '1' && value !== '2')
        throw new UsageError(`--level must be 1 (一级类) or 2 (二级类), not ${value}`);
      options.level = value === '1' ? 1 : 2;
    } else if (argument === '--standard' || argument.startsWith('--standard=')) {
      const value = argument === '--standard' ? valueOf('--standard', index++) : argument.slice('--standard='.length);
      if (!isStandardId(value))
        throw new UsageError(`--standard must be one of ${STANDARD_IDS.join(', ')}, not ${value}`);
      options.standard = value;
    } else if (argument === '--from') options.from = coordinateSystem(valueOf('--from', index++));
    else if (argument.startsWith('--from=')) options.from = coordinateSystem(argument.slice('--from='.length));
    else if (argument === '--geodata') options.geodata = valueOf('--geodata', index++);
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else if (options.file !== undefined)
      throw new UsageError(`one file at a time (got ${options.file} and ${argument})`);
    else options.file = argument;
  }
  if (options.by === '') throw new UsageError('--by needs a property name');
  if (options.by !== undefined && options.file === undefined) throw new UsageError('--by applies to a FILE');
  if (options.landUse === '') throw new UsageError('--landuse needs a property name');
  if (options.landUse !== undefined && options.file === undefined) throw new UsageError('--landuse applies to a FILE');
  if (options.landUse !== undefined && options.by !== undefined)
    throw new UsageError('--by and --landuse are two ways to group: use one');
  if ((options.level !== undefined || options.standard !== undefined) && options.landUse === undefined)
    throw new UsageError('--level and --standard apply to --landuse');
  if (options.from !== 'wgs84' && options.file === undefined)
    throw new UsageError('--from applies to a FILE (geodata/ is WGS84 by contract)');
  return options;
}

/** "no such file" rather than "ENOENT: no such file or directory, open '…'". */
function readProblem(path: string, error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'is a directory, not a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return `${path}: could not be read (${reason})`;
}

/** JSON without NaN or Infinity: a non-finite number in output is a bug, reported as one. */
function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, member) => {
      if (typeof member === 'number' && !Number.isFinite(member))
        throw new Error('a measurement came out as a non-finite number');
      return member;
    },
    2,
  );
}

/**
 * Formats other than GeoJSON, read through the app's import code so both measure the same features.
 * Derived from the import's own extension table, so a format the app learns the CLI reads too.
 */
const IMPORTED_FORMAT_EXTENSIONS = new Set(
  Object.entries(FORMAT_BY_EXTENSION)
    .filter(([, format]) => format !== 'geojson')
    .map(([extension]) => extension),
);

function reportMeasurement(
  options: Options & { file: string },
  collection: Parameters<typeof measureCollection>[0],
  io: StatsIo,
): number {
  if (options.landUse !== undefined) {
    const report = landUseReport(collection, {
      file: options.file,
      field: options.landUse,
      level: options.level ?? 1,
      ...(options.standard ? { standard: options.standard } : {}),
    });
    if (!report.ok) {
      io.stderr(`${report.message}\n`);
      return 1;
    }
    io.stdout(
      options.json
        ? `${toJson({ coordinateSystem: options.from, ...(landUseJson(options.file, report) as object) })}\n`
        : formatLandUseReport(options.file, report),
    );
    return 0;
  }
  return printMeasurement(
    options,
    measureCollection(collection, options.by === undefined ? {} : { by: options.by }),
    io,
  );
}

function printMeasurement(
  options: Options & { file: string },
  measurement: CollectionMeasurement,
  io: StatsIo,
): number {
  if (options.json) {
    io.stdout(`${toJson({ file: options.file, coordinateSystem: options.from, ...measurement })}\n`);
  } else {
    const note =
      options.from === 'wgs84'
        ? ''
        : `Converted from ${COORDINATE_SYSTEM_NAMES[options.from]} to WGS84 before measuring.\n`;
    io.stdout(note + formatCollectionReport(options.file, measurement, options.by));
  }
  return 0;
}

async function measureImportedFormat(options: Options & { file: string }, io: StatsIo): Promise<number> {
  if (!io.readBytes) {
    io.stderr(`${options.file}: only GeoJSON can be read here\n`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(options.file);
  } catch (error) {
    io.stderr(`${readProblem(options.file, error)}\n`);
    return 1;
  }
  const outcome = await importBytes({
    bytes,
    fileName: options.file,
    coordinateSystem: options.from,
    boundaries: null,
  });
  if (!outcome.ok) {
    io.stderr(`${outcome.message}\n`);
    return 1;
  }
  return reportMeasurement(options, outcome.collection, io);
}

async function* readWhole(path: string, io: StatsIo): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(await io.readText(path));
}

/** A GeoJSON file measured as a stream: memory bounded by the groups, whatever the file's size. */
async function measureGeoJsonStream(options: Options & { file: string }, io: StatsIo): Promise<number> {
  let totalBytes: number | null = null;
  if (io.fileSize) totalBytes = await io.fileSize(options.file).catch(() => null);
  const progress = io.progress
    ? createProgress({ totalBytes, isTerminal: io.progress.isTerminal, columns: io.progress.columns, write: io.stderr })
    : null;
  let result: Awaited<ReturnType<typeof measureStream>>;
  try {
    result = await measureStream(
      io.openStream ? io.openStream(options.file) : readWhole(options.file, io),
      options.file,
      {
        ...(options.by === undefined ? {} : { by: options.by }),
        from: options.from,
        ...(progress ? { onProgress: progress.update } : {}),
      },
    );
  } catch (error) {
    progress?.finish();
    io.stderr(`${readProblem(options.file, error)}\n`);
    return 1;
  }
  progress?.finish();
  if (!result.ok) {
    io.stderr(`${result.message}\n`);
    return 1;
  }
  return printMeasurement(options, result.measurement, io);
}

async function measureFile(options: Options & { file: string }, io: StatsIo): Promise<number> {
  if (IMPORTED_FORMAT_EXTENSIONS.has(extensionOf(options.file))) return measureImportedFormat(options, io);
  // --landuse detects the code column's standard from all values first: it reads the file whole.
  if (options.landUse === undefined) return measureGeoJsonStream(options, io);
  let text: string;
  try {
    text = await io.readText(options.file);
  } catch (error) {
    io.stderr(`${readProblem(options.file, error)}\n`);
    return 1;
  }
  const parsed = parseGeoJson(text, options.file);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n`);
    return 1;
  }
  return reportMeasurement(options, toWgs84(parsed.collection, options.from), io);
}

async function measureZone(options: Options, io: StatsIo): Promise<number> {
  const result = await loadDataset(async (relativePath) => {
    try {
      return await io.readText(join(options.geodata, relativePath));
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      throw new Error(code === 'ENOENT' ? `no such file in ${options.geodata}/` : readProblem(relativePath, error));
    }
  });
  if (!result.ok) {
    const [first, ...rest] = result.problems;
    io.stderr(
      `${options.geodata}/${first}${rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : ''}\n`,
    );
    return 1;
  }
  const statistics = computeZoneStatistics(result.dataset);
  if (options.json) {
    io.stdout(
      `${toJson({
        features: statistics.features,
        layers: statistics.layers,
        units: statistics.units,
        summary: statistics.summary,
        audit: auditStatedAreas(result.dataset),
        greenSpaceRatioDefinition: GREEN_SPACE_RATIO_DEFINITION,
        problems: statistics.problems,
      })}\n`,
    );
  } else {
    io.stdout(formatZoneReport(result.dataset.manifest, statistics));
  }
  return 0;
}

export async function runStats(argv: readonly string[], io: StatsIo): Promise<number> {
  try {
    // A table instead of a file: PostGIS parses its own arguments and answers with the same report.
    if (wantsPostgis(argv)) return await runPostgisStats(argv, io);
    const options = parseArguments(argv);
    if (options.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (options.file !== undefined) return await measureFile({ ...options, file: options.file }, io);
    return await measureZone(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`stats: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    // Last resort: still one line, never a stack trace.
    io.stderr(`stats: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
