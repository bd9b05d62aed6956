/**
 * A planner's file, as bytes, into a WGS84 FeatureCollection with its summary: detect the format,
 * read it (GeoJSON through the same `parseJsonText`/`normaliseGeoJson` the stats CLI uses, KML/GPX
 * through togeojson, Shapefile through shpjs), validate, convert GCJ-02/BD-09 when asked. Measuring
 * is src/analysis's: src/analysis/import-and-measure.ts composes the two for the import worker and
 * the stats CLI. Pure, runs in node. Never throws for a bad file.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { bbox } from '@turf/bbox';
import { ellipsoidalLength } from '../../geo/length.ts';
import { toWgs84, type CoordinateSystem } from '../coordinate-systems.ts';
import { normaliseGeoJson, parseJsonText } from '../parse-geojson.ts';
import { suggestCoordinateSystem, type BoundaryIndex } from './coordinate-suggestion.ts';
import { detectFormat } from './detect-format.ts';
import { fileSizeProblem } from './import-limits.ts';
import type { ImportFailure, ImportFormat, LocalisedNote, ReadSummary } from './import-types.ts';
import { convertZippedShapefile } from './shapefile.ts';
import type { TextEncoding, TextEncodingUsed } from './text-encodings.ts';
import { convertXml } from './xml-formats.ts';
import { convertGeoPackage } from './geopackage.ts';
import { convertCsv, convertXlsx } from './point-table.ts';
import { readZipDirectory } from './zip-directory.ts';
import { convertKmz, fileGeodatabaseRefusal, zipContentsOf } from './zipped-formats.ts';

export type ImportStep = 'parsing' | 'validating' | 'converting' | 'measuring';

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  coordinateSystem: CoordinateSystem;
  /** The planner's choice of text encoding for a Shapefile's table; absent or null: as the file says, else detected. */
  textEncoding?: TextEncoding | null;
  /** The GeoPackage feature table to read; absent or null: the first. */
  table?: string | null;
  /** A point table's coordinate columns as the planner chose them; absent or null: found by name. */
  pointColumns?: { longitude: string; latitude: string } | null;
  /** EPSG code (a CGCS2000 zone) to read a Shapefile without .prj in; absent or null: none. */
  projection?: number | null;
  /** The district boundaries, for noticing a file in GCJ-02/BD-09; null skips the check. */
  boundaries: BoundaryIndex | null;
  onStep?: (step: ImportStep) => void;
}

export type ReadOutcome =
  | {
      ok: true;
      /** Everything about the file but its measurement. */
      summary: ReadSummary;
      /** WGS84, validated: what statistics and export read. */
      collection: FeatureCollection;
      /** The GeoJSON for the map; null when the file's own bytes already are it (WGS84 GeoJSON without a BOM). */
      geoJsonText: string | null;
    }
  | ImportFailure;

function hasByteOrderMark(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Length of a geometry's lines (not polygon perimeters): what a line layer is measured by. */
export function lineLengthOf(geometry: Geometry | null): number {
  if (!geometry) return 0;
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') return ellipsoidalLength(geometry);
  if (geometry.type === 'GeometryCollection') {
    // Explicit stack: nesting depth is bounded by parseGeoJson, but stay iterative anyway.
    let total = 0;
    const pending: Geometry[] = [...geometry.geometries];
    while (pending.length > 0) {
      const member = pending.pop()!;
      if (member.type === 'LineString' || member.type === 'MultiLineString') total += ellipsoidalLength(member);
      else if (member.type === 'GeometryCollection') pending.push(...member.geometries);
    }
    return total;
  }
  return 0;
}

/** Property names by how many features carry them, most first (ties: first seen first). */
function propertyNamesOf(collection: FeatureCollection): string[] {
  const counts = new Map<string, number>();
  for (const feature of collection.features) {
    if (!feature.properties) continue;
    for (const name in feature.properties) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((first, second) => second[1] - first[1]).map(([name]) => name);
}

async function readCollection(
  input: ImportInput,
  format: ImportFormat,
): Promise<
  | {
      ok: true;
      value: unknown;
      notes: LocalisedNote[];
      textEncoding?: TextEncodingUsed | null;
      format?: ImportFormat;
      geoPackageTables?: ReadSummary['geoPackageTables'];
      pointColumns?: ReadSummary['pointColumns'];
    }
  | ImportFailure
> {
  const { bytes, fileName } = input;
  if (format === 'geopackage') {
    const converted = await convertGeoPackage(bytes, fileName, { table: input.table ?? null });
    return converted.ok
      ? {
          ok: true,
          value: converted.collection,
          notes: converted.notes,
          geoPackageTables: { tables: converted.tables, table: converted.table },
        }
      : converted;
  }
  if (format === 'csv') {
    const converted = await convertCsv(bytes, fileName, input.pointColumns ?? null);
    return converted.ok
      ? { ok: true, value: converted.collection, notes: converted.notes, pointColumns: converted.columns }
      : converted;
  }
  if (format === 'shapefile' || format === 'kmz' || format === 'xlsx') {
    // Any zip: what it holds decides the reader (a damaged directory is reported by the Shapefile reader).
    const directory = readZipDirectory(bytes);
    const contents = directory.ok ? zipContentsOf(directory.members) : { kind: 'shapefile' as const };
    if (contents.kind === 'file-geodatabase')
      return { ok: false, message: fileGeodatabaseRefusal(fileName, contents.folder) };
    if (contents.kind === 'xlsx' && directory.ok) {
      const converted = convertXlsx(bytes, fileName, directory.members, input.pointColumns ?? null);
      return converted.ok
        ? {
            ok: true,
            value: converted.collection,
            notes: converted.notes,
            format: 'xlsx',
            pointColumns: converted.columns,
          }
        : converted;
    }
    if (contents.kind === 'kmz') {
      const converted = convertKmz(bytes, fileName, contents);
      return converted.ok
        ? { ok: true, value: converted.collection, notes: converted.notes, format: 'kmz' }
        : converted;
    }
    const converted = await convertZippedShapefile(bytes, fileName, {
      textEncoding: input.textEncoding ?? null,
      projection: input.projection ?? null,
    });
    return converted.ok
      ? { ok: true, value: converted.collection, notes: converted.notes, textEncoding: converted.textEncoding }
      : converted;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (format === 'geojson') {
    const parsed = parseJsonText(text, fileName);
    return parsed.ok ? { ok: true, value: parsed.value, notes: [] } : { ok: false, message: parsed.message };
  }
  const converted = convertXml(text, fileName, format);
  return converted.ok ? { ok: true, value: converted.collection, notes: [] } : converted;
}

/**
 * The file read, validated and in WGS84, with what describes it; measuring is not done here (it
 * belongs to src/analysis, and src/analysis/import-and-measure.ts composes the two).
 * @example
 * const read = await readImportedFile({ bytes, fileName: 'parcels.geojson', coordinateSystem: 'wgs84', boundaries });
 * if (read.ok) read.collection.features.length; else read.message;
 */
export async function readImportedFile(input: ImportInput): Promise<ReadOutcome> {
  const { bytes, fileName, coordinateSystem } = input;
  const tooLarge = fileSizeProblem(fileName, bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  const detected = detectFormat(fileName, bytes.subarray(0, 1024));
  if (!detected.ok) return detected;

  input.onStep?.('parsing');
  const read = await readCollection(input, detected.format);
  if (!read.ok) return read;
  const format = read.format ?? detected.format;

  input.onStep?.('validating');
  const validated = normaliseGeoJson(read.value, fileName);
  if (!validated.ok) {
    const hint =
      format === 'shapefile' && /not longitude\/latitude/.test(validated.message)
        ? ' (the zip has no .prj saying which projection these are in)'
        : '';
    return { ok: false, message: validated.message + hint };
  }
  if (validated.collection.features.length === 0)
    return { ok: false, message: `${fileName}: the file has no features (文件中没有要素)` };

  input.onStep?.('converting');
  // No note for the conversion: the summary's coordinateSystem says it, and the panel shows that.
  const collection = toWgs84(validated.collection, coordinateSystem);
  // Infinite when no feature has a position (all null geometries).
  const box = bbox(collection) as [number, number, number, number];
  const coordinateSystemSuggestion =
    coordinateSystem === 'wgs84' ? suggestCoordinateSystem(collection, input.boundaries) : null;
  const originalUsable = format === 'geojson' && coordinateSystem === 'wgs84' && !hasByteOrderMark(bytes);
  return {
    ok: true,
    collection,
    summary: {
      fileName,
      format,
      coordinateSystem,
      bbox: Number.isFinite(box[0]) ? box : null,
      propertyNames: propertyNamesOf(collection),
      notes: [...read.notes],
      coordinateSystemSuggestion,
      textEncoding: read.textEncoding ?? null,
      geoPackageTables: read.geoPackageTables ?? null,
      pointColumns: read.pointColumns ?? null,
    },
    geoJsonText: originalUsable ? null : JSON.stringify(collection),
  };
}
