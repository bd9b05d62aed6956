/**
 * The SQL behind `stats --postgis`: one statement per question, grouping and dissolving in the
 * database so only a row per group comes back. Areas are `ST_Area(geography)` on the WGS84 spheroid
 * (PostGIS computes it with GeographicLib's algorithm), the same quantity `src/geo/area.ts` measures.
 *
 * The statements mirror `measureCollection` (src/analysis/measure-collection.ts) rule for rule, so the
 * two give the same JSON: a feature counts when it is a Polygon or MultiPolygon (or a collection
 * with area), overlapping features are summed, points and lines are counted as skipped, and a
 * collection's members are walked one level down for that count.
 */

/** `"schema"."table"` from `schema.table` or `table`, each part quoted so any name is safe. */
export function quoteQualifiedName(name: string): string {
  return name
    .split('.')
    .map((part) => quoteIdentifier(part))
    .join('.');
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export interface SourceShape {
  table: string;
  geometryColumn: string;
  /** The column's SRID; anything but 4326 is transformed to it in the query. */
  srid: number;
}

/** The table's geometries in WGS84 longitude/latitude, whatever SRID the column was loaded with. */
function geometryExpression(source: SourceShape): string {
  const column = quoteIdentifier(source.geometryColumn);
  return source.srid === 4326 ? column : `ST_Transform(${column}, 4326)`;
}

const POINT_TYPES = `('ST_Point', 'ST_MultiPoint')`;
const LINE_TYPES = `('ST_LineString', 'ST_MultiLineString')`;

function membersOfType(types: string): string {
  return `(SELECT count(*) FROM generate_series(1, ST_NumGeometries(geometry)) AS member
            WHERE ST_GeometryType(ST_GeometryN(geometry, member)) IN ${types})`;
}

/**
 * One row per value of `by` (one row in all without it): features, features with area, their summed
 * area, and what had no area. Parameters: none.
 */
export function groupedAreaSql(source: SourceShape, by: string | undefined): string {
  // Values become text as the file path keys them (String(value)); NULL stays the "(no value)" group.
  const key = by === undefined ? 'NULL::text' : `${quoteIdentifier(by)}::text`;
  return `
SELECT key,
       count(*) FILTER (WHERE measured)::int AS measured_count,
       coalesce(sum(area) FILTER (WHERE measured), 0)::float8 AS area_m2,
       count(*)::int AS feature_count,
       count(*) FILTER (WHERE geometry IS NULL)::int AS null_geometries,
       coalesce(sum(points), 0)::int AS points,
       coalesce(sum(lines), 0)::int AS lines
FROM (
  SELECT key, geometry, area,
         (kind IN ('ST_Polygon', 'ST_MultiPolygon') OR (kind = 'ST_GeometryCollection' AND area > 0)) AS measured,
         CASE WHEN kind IN ${POINT_TYPES} THEN 1
              WHEN kind = 'ST_GeometryCollection' THEN ${membersOfType(POINT_TYPES)}
              ELSE 0 END AS points,
         CASE WHEN kind IN ${LINE_TYPES} THEN 1
              WHEN kind = 'ST_GeometryCollection' THEN ${membersOfType(LINE_TYPES)}
              ELSE 0 END AS lines
  FROM (
    SELECT key, geometry, ST_GeometryType(geometry) AS kind, ST_Area(geometry::geography, true) AS area
    FROM (SELECT ${key} AS key, ${geometryExpression(source)} AS geometry FROM ${quoteQualifiedName(source.table)}) AS source
  ) AS typed
) AS classified
GROUP BY key`;
}

export interface GreenColumns {
  /** The column naming each row's layer (`layer` in the zone dataset). */
  layer: string;
  /** The column naming each feature (`id`). */
  id: string;
  /** `position_unknown`, when the table has it: such green land counts zone-wide only. */
  positionUnknown: string | undefined;
}

/**
 * Green land dissolved once (ST_Union of every green row; and once more without the rows whose position
 * is unknown), then clipped to the zone and to each planning unit: the same rules as
 * `computeZoneStatistics`. Parameters: $1 green layer ids, $2 zone layer ids, $3 unit layer ids.
 * Rows: the zone first (`id` NULL), then one per unit feature.
 */
export function greenSpaceSql(source: SourceShape, columns: GreenColumns): string {
  const layer = quoteIdentifier(columns.layer);
  const known = columns.positionUnknown
    ? `AND coalesce(${quoteIdentifier(columns.positionUnknown)}::boolean, false) = false`
    : '';
  const area = (expression: string) => `coalesce(ST_Area(${expression}::geography, true), 0)::float8`;
  const clipped = (first: string, second: string) => `ST_CollectionExtract(ST_Intersection(${first}, ${second}), 3)`;
  return `
WITH source AS MATERIALIZED (
  SELECT ${layer}::text AS layer, ${quoteIdentifier(columns.id)}::text AS id, ${geometryExpression(source)} AS geometry ${
    columns.positionUnknown ? `, ${quoteIdentifier(columns.positionUnknown)}` : ''
  }
  FROM ${quoteQualifiedName(source.table)}
  WHERE ST_Dimension(${geometryExpression(source)}) = 2
),
green AS MATERIALIZED (SELECT ST_Union(geometry) AS geometry FROM source WHERE layer = ANY($1::text[])),
located_green AS MATERIALIZED (
  SELECT ST_Union(geometry) AS geometry FROM source WHERE layer = ANY($1::text[]) ${known}
),
zone AS MATERIALIZED (SELECT ST_Union(geometry) AS geometry FROM source WHERE layer = ANY($2::text[])),
units AS (
  SELECT layer, id, ST_Union(geometry) AS geometry FROM source WHERE layer = ANY($3::text[]) GROUP BY layer, id
)
SELECT NULL::text AS layer, NULL::text AS id, ${area('zone.geometry')} AS area_m2,
       ${area(clipped('zone.geometry', 'green.geometry'))} AS green_area_m2,
       ${area('green.geometry')} AS all_green_area_m2
FROM zone, green
UNION ALL
SELECT units.layer, units.id, ${area('units.geometry')},
       ${area(clipped('units.geometry', 'CASE WHEN units.layer = ANY($2::text[]) THEN green.geometry ELSE located_green.geometry END'))},
       NULL
FROM units, green, located_green`;
}
