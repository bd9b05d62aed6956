/**
 * A GeoPackage (OGC 12-128, what QGIS saves by default) into a GeoJSON FeatureCollection: SQLite in
 * WebAssembly (sql.js), loaded only when a GeoPackage is imported. Every feature table is listed;
 * one is read (the planner's choice, else the first), its geometry blobs decoded (GeoPackage header,
 * then WKB) and reprojected to WGS84 by the table's SRS with proj4.
 *
 * Where the WebAssembly comes from is the caller's business: node finds it beside sql.js, the
 * import worker points at the copy the app ships (setSqlEngine), so no request leaves the origin.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { SqlJsStatic, SqlValue } from 'sql.js';
import proj4 from 'proj4';
import { cgcs2000Definition, datumCaveat } from './chinese-projections.ts';
import type { LocalisedNote } from './import-types.ts';
import { wkbToGeometry } from './wkb.ts';

export type SqlEngineLoader = () => Promise<SqlJsStatic>;

let loadEngine: SqlEngineLoader = async () => (await import('sql.js')).default();
let engine: Promise<SqlJsStatic> | null = null;

/** The import worker's way to load sql.js with the WebAssembly shipped with the app. */
export function setSqlEngine(loader: SqlEngineLoader): void {
  loadEngine = loader;
  engine = null;
}

export type GeoPackageConversion =
  | { ok: true; collection: FeatureCollection; notes: LocalisedNote[]; tables: string[]; table: string }
  | { ok: false; message: string };

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function isSqlite(firstBytes: Uint8Array): boolean {
  return firstBytes.length >= 16 && String.fromCharCode(...firstBytes.subarray(0, 16)) === SQLITE_MAGIC;
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The GeoPackage geometry blob's header (GP, version, flags, srs_id, envelope), then WKB. */
function geometryOf(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw new Error('a geometry without the GeoPackage "GP" header');
  const flags = blob[3]!;
  if (flags & 0x10) return null; // empty geometry
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelope === undefined) throw new Error(`an unknown envelope code ${(flags >> 1) & 0x07}`);
  return wkbToGeometry(blob.subarray(8 + envelope));
}

/** A geometry with every position converted (reprojection), the same shape otherwise. */
export function mapPositions(geometry: Geometry, convert: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: convert(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(convert) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((line) => line.map(convert)) } as Geometry;
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(convert))),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((member) => mapPositions(member, convert)),
      };
  }
}

function rows(
  database: import('sql.js').Database,
  sql: string,
  values: SqlValue[] = [],
): { columns: string[]; rows: SqlValue[][] } {
  const statement = database.prepare(sql);
  try {
    statement.bind(values);
    const result: SqlValue[][] = [];
    while (statement.step()) result.push(statement.get());
    return { columns: statement.getColumnNames(), rows: result };
  } finally {
    statement.free();
  }
}

/**
 * @example
 * await convertGeoPackage(bytes, 'plan.gpkg', { table: null })
 * // { ok: true, collection, tables: ['市辖区', '县'], table: '市辖区', notes: [{ en: 'The GeoPackage has 2 feature tables; read 市辖区 …' }] }
 */
export async function convertGeoPackage(
  bytes: Uint8Array,
  fileName: string,
  options: { table: string | null },
): Promise<GeoPackageConversion> {
  let sql: SqlJsStatic;
  try {
    engine ??= loadEngine();
    sql = await engine;
  } catch (error) {
    engine = null;
    return {
      ok: false,
      message: `${fileName}: the GeoPackage reader (SQLite in WebAssembly) could not be loaded (${error instanceof Error ? error.message : String(error)}) (GeoPackage 读取组件加载失败)`,
    };
  }
  let database: import('sql.js').Database;
  try {
    database = new sql.Database(bytes);
  } catch (error) {
    return {
      ok: false,
      message: `${fileName}: not a readable SQLite database (${error instanceof Error ? error.message : String(error)}) (GeoPackage 文件损坏)`,
    };
  }
  try {
    let tables: { name: string; column: string; srsId: number }[];
    try {
      tables = rows(
        database,
        `SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.rowid`,
      ).rows.map(([name, column, srsId]) => ({ name: String(name), column: String(column), srsId: Number(srsId) }));
    } catch (error) {
      return {
        ok: false,
        message: `${fileName}: an SQLite file without GeoPackage's feature tables (gpkg_contents / gpkg_geometry_columns: ${error instanceof Error ? error.message : String(error)}) (不是 GeoPackage)`,
      };
    }
    if (tables.length === 0)
      return {
        ok: false,
        message: `${fileName}: the GeoPackage has no feature tables (only tiles or attributes) (GeoPackage 中没有要素表)`,
      };
    const chosen = tables.find((table) => table.name === options.table) ?? tables[0]!;
    const notes: LocalisedNote[] = [];
    if (tables.length > 1) {
      const names = tables.map((table) => table.name).join('、');
      notes.push({
        zh: `GeoPackage 有 ${tables.length} 个要素表（${names}），读取了 ${chosen.name}；可在下方改读其他表。`,
        en: `The GeoPackage has ${tables.length} feature tables (${names}); ${chosen.name} was read, and another can be chosen below.`,
      });
    }

    let convert: ((position: Position) => Position) | null = null;
    const srs = rows(
      database,
      'SELECT organization, organization_coordsys_id, definition, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
      [chosen.srsId],
    ).rows[0];
    if (!srs || chosen.srsId === 0 || chosen.srsId === -1) {
      notes.push({
        zh: `表 ${chosen.name} 没有声明坐标系：按 WGS84 经纬度读取。`,
        en: `Table ${chosen.name} declares no coordinate system: read as WGS84 longitude/latitude.`,
      });
    } else {
      const [organization, code, definition, srsName] = srs;
      const epsg = String(organization).toUpperCase() === 'EPSG' ? Number(code) : null;
      if (epsg !== 4326) {
        const source = (epsg !== null ? cgcs2000Definition(epsg) : null) ?? String(definition ?? '');
        try {
          const converter = proj4(source, 'EPSG:4326');
          convert = (position) => {
            const [x, y] = converter.forward([position[0]!, position[1]!]);
            return position.length > 2 ? [x!, y!, position[2]!] : [x!, y!];
          };
        } catch (error) {
          return {
            ok: false,
            message: `${fileName}: table ${chosen.name}'s coordinate system (${String(srsName)}, ${String(organization)}:${String(code)}) could not be read (${error instanceof Error ? error.message : String(error)}) (坐标系无法识别)`,
          };
        }
        const name = String(srsName ?? `${String(organization)}:${String(code)}`);
        notes.push({
          zh: `已按 GeoPackage 的坐标系 ${name} 转换为 WGS84。`,
          en: `Reprojected from ${name} (the GeoPackage's SRS) to WGS84.`,
        });
        const caveat = datumCaveat(String(definition ?? ''));
        if (caveat) notes.push(caveat);
      }
    }

    const table = rows(database, `SELECT * FROM ${quoteIdentifier(chosen.name)}`);
    const geometryIndex = table.columns.indexOf(chosen.column);
    const features: Feature[] = [];
    for (const [rowIndex, row] of table.rows.entries()) {
      const properties: Record<string, unknown> = {};
      table.columns.forEach((column, index) => {
        if (index === geometryIndex) return;
        const value = row[index];
        const plain = value instanceof Uint8Array ? `(${value.length} bytes of binary data)` : value;
        if (column === '__proto__')
          Object.defineProperty(properties, column, {
            value: plain,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else properties[column] = plain;
      });
      let geometry: Geometry | null = null;
      const blob = row[geometryIndex];
      if (blob instanceof Uint8Array) {
        try {
          geometry = geometryOf(blob);
        } catch (error) {
          return {
            ok: false,
            message: `${fileName}: table ${chosen.name}, row ${rowIndex + 1}: ${error instanceof Error ? error.message : String(error)} (几何无法解析)`,
          };
        }
        if (geometry && convert) geometry = mapPositions(geometry, convert);
      }
      features.push({ type: 'Feature', properties, geometry: geometry as Geometry });
    }
    return {
      ok: true,
      collection: { type: 'FeatureCollection', features },
      notes,
      tables: tables.map((entry) => entry.name),
      table: chosen.name,
    };
  } catch (error) {
    // SQLite finds damage only when it reaches the damaged page, which can be any query.
    return {
      ok: false,
      message: `${fileName}: the GeoPackage is damaged (${error instanceof Error ? error.message : String(error)}) (GeoPackage 文件损坏)`,
    };
  } finally {
    database.close();
  }
}
