/**
 * `stats --postgis CONNECTION ...`: the file report computed by PostGIS instead of in this process,
 * for parcel tables too big for one (a 三调 file of a whole city). Same report, same JSON:
 *
 *   stats --postgis CONNECTION --table TABLE [--geometry-column COL] [--by PROP] [--json] [--geodata DIR]
 *   stats --postgis CONNECTION --load FILE --table TABLE [--append]
 *
 * CONNECTION is a libpq URI (postgresql://user:password@host:port/database). The database groups and
 * sums; only one row per group comes back. When the table holds the zone dataset (a `layer` column
 * with the manifest's green and zone layers, as `--load` of geodata/ makes it), the report adds the
 * green land dissolved once with ST_Union and the 绿地率 of the zone and of each planning unit, by the
 * rules `computeZoneStatistics` applies to the same files.
 */
import pg from 'pg';
import { GREEN_SPACE_RATIO_DEFINITION } from '../../../src/analysis/green-space-definition.ts';
import type { AreaGroup, CollectionMeasurement } from '../../../src/analysis/measure-collection.ts';
import type { Manifest } from '../../../src/data/dataset-types.ts';
import { validateManifest } from '../../../src/data/validate-manifest.ts';
import { squareMetresToSquareKilometres } from '../../../src/geo/units.ts';
import { formatCollectionReport } from '../format-report.ts';
import { renderTable } from '../text-table.ts';
import { loadWithOgr2ogr, redact } from './load-with-ogr2ogr.ts';
import {
  type GreenColumns,
  greenSpaceSql,
  groupedAreaSql,
  quoteQualifiedName,
  type SourceShape,
} from './postgis-sql.ts';

export interface PostgisIo {
  readText: (path: string) => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const POSTGIS_USAGE = `usage: npm run --silent stats -- --postgis CONNECTION --table TABLE [--geometry-column COL] [--by PROPERTY] [--json] [--geodata DIR]
       npm run --silent stats -- --postgis CONNECTION --load FILE --table TABLE [--append]
       (CONNECTION: postgresql://user:password@host:port/database)`;

const POSTGIS_AREA_METHOD =
  'WGS84 ellipsoidal area of each feature computed by PostGIS, ST_Area(geography) on the spheroid, summed; overlapping features are not merged, so ground they share is counted in each';

/** True when the arguments ask for PostGIS: the stats CLI hands them all over. */
export function wantsPostgis(argv: readonly string[]): boolean {
  return argv.some((argument) => argument === '--postgis' || argument.startsWith('--postgis='));
}

interface PostgisOptions {
  connection: string;
  table: string;
  geometryColumn?: string;
  by?: string;
  json: boolean;
  geodata: string;
  load?: string;
  append: boolean;
}

class UsageError extends Error {}
class HelpRequest extends Error {}

function parsePostgisArguments(argv: readonly string[]): PostgisOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const valued = ['--postgis', '--table', '--geometry-column', '--by', '--geodata', '--load'];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [name, inline] = argument.includes('=')
      ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
      : [argument, undefined];
    if (valued.includes(name!)) {
      const value = inline ?? argv[++index];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`${name} needs a value`);
      values.set(name!, value);
    } else if (argument === '--json' || argument === '--append') flags.add(argument);
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument} with --postgis`);
    else
      throw new UsageError(
        `with --postgis the data is a table (--table), not a file (${argument}); --load FILE loads one`,
      );
  }
  if (flags.has('--help')) throw new HelpRequest();
  const connection = values.get('--postgis');
  const table = values.get('--table');
  if (!connection) throw new UsageError('--postgis needs a connection string');
  if (!table) throw new UsageError('--postgis needs --table TABLE');
  const load = values.get('--load');
  if (load !== undefined && (values.has('--by') || values.has('--geometry-column') || flags.has('--json')))
    throw new UsageError('--load only loads: run the statistics as a second command');
  if (flags.has('--append') && load === undefined) throw new UsageError('--append applies to --load');
  const options: PostgisOptions = {
    connection,
    table,
    json: flags.has('--json'),
    geodata: values.get('--geodata') ?? 'geodata',
    append: flags.has('--append'),
  };
  if (values.has('--geometry-column')) options.geometryColumn = values.get('--geometry-column')!;
  if (values.has('--by')) options.by = values.get('--by')!;
  if (load !== undefined) options.load = load;
  return options;
}

/** A problem the user can act on (no such table, no such column): one line, exit code 1. */
class DataProblem extends Error {}

async function describeSource(
  client: pg.Client,
  options: PostgisOptions,
): Promise<{ source: SourceShape; columns: Set<string> }> {
  // Quoted as the queries quote it, so a name with capitals or 中文 means the same table in both.
  const regclass = quoteQualifiedName(options.table);
  const found = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [regclass]);
  if (!found.rows[0]?.exists) throw new DataProblem(`table ${options.table} does not exist`);
  const columnRows = await client.query<{ name: string }>(
    'SELECT attname AS name FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped',
    [regclass],
  );
  const columns = new Set(columnRows.rows.map((row) => row.name));
  const geometryRows = await client.query<{ column: string; srid: number }>(
    `SELECT f_geometry_column AS column, srid FROM geometry_columns
     WHERE format('%I.%I', f_table_schema, f_table_name)::regclass = to_regclass($1) ORDER BY f_geometry_column`,
    [regclass],
  );
  const geometry = options.geometryColumn
    ? geometryRows.rows.find((row) => row.column === options.geometryColumn)
    : geometryRows.rows[0];
  if (!geometry) {
    throw new DataProblem(
      options.geometryColumn
        ? `table ${options.table} has no geometry column "${options.geometryColumn}" (it has: ${geometryRows.rows.map((row) => row.column).join(', ') || 'none'})`
        : `table ${options.table} has no geometry column`,
    );
  }
  if (geometry.srid === 0)
    throw new DataProblem(
      `${options.table}.${geometry.column} has no SRID: set it (UpdateGeometrySRID) or reload with -t_srs EPSG:4326`,
    );
  if (options.by !== undefined && !columns.has(options.by))
    throw new DataProblem(`table ${options.table} has no column "${options.by}" to group by`);
  return { source: { table: options.table, geometryColumn: geometry.column, srid: geometry.srid }, columns };
}

interface GroupRow {
  key: string | null;
  measured_count: number;
  area_m2: number;
  feature_count: number;
  null_geometries: number;
  points: number;
  lines: number;
}

async function measureTable(client: pg.Client, source: SourceShape, by: string | undefined) {
  const { rows } = await client.query<GroupRow>(groupedAreaSql(source, by));
  const sum = (pick: (row: GroupRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const measurement: CollectionMeasurement = {
    totalAreaM2: sum((row) => row.area_m2),
    featureCount: sum((row) => row.feature_count),
    measuredCount: sum((row) => row.measured_count),
    skipped: {
      points: sum((row) => row.points),
      lines: sum((row) => row.lines),
      nullGeometries: sum((row) => row.null_geometries),
    },
    method: POSTGIS_AREA_METHOD,
  };
  if (by !== undefined) {
    // The file path's order: largest area first, then by key.
    measurement.groups = rows
      .filter((row) => row.measured_count > 0)
      .map((row): AreaGroup => ({ key: row.key, areaM2: row.area_m2, count: row.measured_count }))
      .sort((first, second) => second.areaM2 - first.areaM2 || String(first.key).localeCompare(String(second.key)));
  }
  return measurement;
}

interface GreenSpaceReport {
  definition: typeof GREEN_SPACE_RATIO_DEFINITION;
  greenLayers: string[];
  /** Every green row dissolved once (overlaps count once), inside the zone or not. */
  dissolvedGreenAreaM2: number;
  zone: { areaM2: number; greenAreaM2: number; greenSpaceRatio: number | null };
  units: { id: string; layer: string; areaM2: number; greenAreaM2: number; greenSpaceRatio: number | null }[];
}

interface GreenRow {
  layer: string | null;
  id: string | null;
  area_m2: number;
  green_area_m2: number;
  all_green_area_m2: number | null;
}

async function readManifest(options: PostgisOptions, io: PostgisIo): Promise<Manifest | null> {
  let text: string;
  try {
    text = await io.readText(`${options.geodata}/manifest.json`);
  } catch {
    return null;
  }
  try {
    const result = validateManifest(JSON.parse(text));
    return result.ok ? result.manifest : null;
  } catch {
    return null;
  }
}

/** The dataset's green rules, when the table holds the dataset's layers; null when they do not apply. */
async function measureGreen(
  client: pg.Client,
  source: SourceShape,
  columns: Set<string>,
  manifest: Manifest | null,
): Promise<GreenSpaceReport | null> {
  if (!manifest || !columns.has('layer') || !columns.has('id')) return null;
  const idsWhere = (test: (layer: Manifest['layers'][number]) => boolean) =>
    manifest.layers.filter(test).map((layer) => layer.id);
  const greenLayers = idsWhere((layer) => layer.green);
  const zoneLayers = idsWhere((layer) => layer.role === 'zone');
  const unitLayers = idsWhere((layer) => layer.unit);
  const present = await client.query<{ layer: string }>(
    `SELECT DISTINCT layer::text AS layer FROM ${quoteQualifiedName(source.table)} WHERE layer::text = ANY($1::text[])`,
    [[...greenLayers, ...zoneLayers]],
  );
  const layersPresent = new Set(present.rows.map((row) => row.layer));
  if (!greenLayers.some((id) => layersPresent.has(id)) || !zoneLayers.some((id) => layersPresent.has(id))) return null;
  const greenColumns: GreenColumns = {
    layer: 'layer',
    id: 'id',
    positionUnknown: columns.has('position_unknown') ? 'position_unknown' : undefined,
  };
  const { rows } = await client.query<GreenRow>(greenSpaceSql(source, greenColumns), [
    greenLayers,
    zoneLayers,
    unitLayers,
  ]);
  const ratio = (green: number, area: number) => (area > 0 ? green / area : null);
  const zoneRow = rows.find((row) => row.id === null)!;
  const unitOrder = (row: GreenRow) => unitLayers.indexOf(row.layer ?? '');
  return {
    definition: GREEN_SPACE_RATIO_DEFINITION,
    greenLayers,
    dissolvedGreenAreaM2: zoneRow.all_green_area_m2 ?? 0,
    zone: {
      areaM2: zoneRow.area_m2,
      greenAreaM2: zoneRow.green_area_m2,
      greenSpaceRatio: ratio(zoneRow.green_area_m2, zoneRow.area_m2),
    },
    units: rows
      .filter((row) => row.id !== null)
      .sort((first, second) => unitOrder(first) - unitOrder(second) || first.id!.localeCompare(second.id!))
      .map((row) => ({
        id: row.id!,
        layer: row.layer!,
        areaM2: row.area_m2,
        greenAreaM2: row.green_area_m2,
        greenSpaceRatio: ratio(row.green_area_m2, row.area_m2),
      })),
  };
}

const kilometres = (squareMetres: number) => squareMetresToSquareKilometres(squareMetres).toFixed(3);
const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`);

function formatGreen(green: GreenSpaceReport): string {
  const lines = [
    '',
    `Green land (layers ${green.greenLayers.join(', ')}) dissolved once with ST_Union: ${kilometres(green.dissolvedGreenAreaM2)} km²`,
    `Zone ${kilometres(green.zone.areaM2)} km², green land inside ${kilometres(green.zone.greenAreaM2)} km² → 绿地率 green-space ratio ${percent(green.zone.greenSpaceRatio)}`,
    GREEN_SPACE_RATIO_DEFINITION.zh,
    GREEN_SPACE_RATIO_DEFINITION.en,
    '',
    renderTable(
      ['unit', 'layer', 'km²', 'green km²', '绿地率'],
      green.units.map((unit) => [
        unit.id,
        unit.layer,
        kilometres(unit.areaM2),
        kilometres(unit.greenAreaM2),
        percent(unit.greenSpaceRatio),
      ]),
      ['left', 'left', 'right', 'right', 'right'],
    ),
  ];
  return `${lines.join('\n')}\n`;
}

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

/** Why a connection failed, in words, without the connection string (it may hold a password). */
function connectionProblem(error: unknown, connection: string): string {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'nothing listens there (is PostgreSQL running?)',
    ENOTFOUND: 'no such host',
    '28P01': 'password authentication failed',
    '3D000': 'no such database',
  };
  return `PostGIS: could not connect (${(code && reasons[code]) ?? redact(message, connection)})`;
}

async function runWithClient(options: PostgisOptions, io: PostgisIo): Promise<number> {
  const client = new pg.Client({ connectionString: options.connection });
  try {
    await client.connect();
  } catch (error) {
    io.stderr(`${connectionProblem(error, options.connection)}\n`);
    return 1;
  }
  try {
    const postgis = await client.query<{ version: string | null }>(
      "SELECT (SELECT extversion FROM pg_extension WHERE extname = 'postgis') AS version",
    );
    if (!postgis.rows[0]?.version) {
      io.stderr('PostGIS: the database has no postgis extension (CREATE EXTENSION postgis)\n');
      return 1;
    }
    if (options.load !== undefined) {
      const loaded = loadWithOgr2ogr({
        connection: options.connection,
        file: options.load,
        table: options.table,
        append: options.append,
      });
      if (!loaded.ok) {
        io.stderr(`${loaded.message}\n`);
        return 1;
      }
      const count = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM ${quoteQualifiedName(options.table)}`,
      );
      io.stdout(
        `${options.load}: loaded into ${options.table} (SRID 4326); the table has ${count.rows[0]?.count ?? 0} rows\n`,
      );
      return 0;
    }
    const { source, columns } = await describeSource(client, options);
    const measurement = await measureTable(client, source, options.by);
    const green = await measureGreen(client, source, columns, await readManifest(options, io));
    if (options.json) {
      io.stdout(
        `${toJson({
          table: options.table,
          geometryColumn: source.geometryColumn,
          coordinateSystem: 'wgs84',
          ...measurement,
          ...(green ? { greenSpace: green } : {}),
        })}\n`,
      );
    } else {
      const transformed =
        source.srid === 4326 ? '' : `Geometry stored in SRID ${source.srid}, transformed to 4326 before measuring.\n`;
      io.stdout(
        transformed +
          formatCollectionReport(`${options.table} (PostGIS)`, measurement, options.by) +
          (green ? formatGreen(green) : ''),
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof DataProblem) {
      io.stderr(`PostGIS: ${error.message}\n`);
      return 1;
    }
    io.stderr(`PostGIS: ${redact(error instanceof Error ? error.message : String(error), options.connection)}\n`);
    return 1;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The PostGIS branch of `runStats`: returns the exit code, writes only through `io`, never throws. */
export async function runPostgisStats(argv: readonly string[], io: PostgisIo): Promise<number> {
  let options: PostgisOptions;
  try {
    options = parsePostgisArguments(argv);
  } catch (error) {
    if (error instanceof HelpRequest) {
      io.stdout(`${POSTGIS_USAGE}\n`);
      return 0;
    }
    if (error instanceof UsageError) {
      io.stderr(`stats: ${error.message}\n${POSTGIS_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  return runWithClient(options, io);
}
