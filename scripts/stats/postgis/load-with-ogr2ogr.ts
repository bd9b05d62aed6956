/**
 * `stats --postgis CONNECTION --load FILE --table TABLE [--append]`: loads a GeoJSON file, a Shapefile
 * (`.shp` or zipped) or anything else GDAL reads into a PostGIS table with the field's standard
 * loader, `ogr2ogr` (Debian `gdal-bin`), so the table is exactly what a planner's own ogr2ogr would
 * make. The plain command it runs is:
 *
 *   ogr2ogr -f PostgreSQL PG:"$CONNECTION" FILE -nln TABLE -t_srs EPSG:4326 -nlt GEOMETRY \
 *     -lco GEOMETRY_NAME=geom -lco LAUNDER=NO -lco SPATIAL_INDEX=GIST -overwrite
 *
 * -t_srs EPSG:4326 reprojects a projected Shapefile (its .prj says from what) and stores SRID 4326;
 * -nlt GEOMETRY accepts Polygons and MultiPolygons in one column; LAUNDER=NO keeps property names as
 * written (中文 and capitals), so `--by` takes the same name as for the file.
 */
import { spawnSync } from 'node:child_process';

interface LoadRequest {
  connection: string;
  file: string;
  table: string;
  /** Add to an existing table (new columns added) instead of replacing it. */
  append: boolean;
}

export function ogr2ogrArguments(request: LoadRequest): string[] {
  // GDAL reads a zipped Shapefile through its virtual file system.
  const source = /\.zip$/i.test(request.file) ? `/vsizip/${request.file}` : request.file;
  return [
    '-f',
    'PostgreSQL',
    `PG:${request.connection}`,
    source,
    '-nln',
    request.table,
    '-t_srs',
    'EPSG:4326',
    '-nlt',
    'GEOMETRY',
    '-lco',
    'GEOMETRY_NAME=geom',
    '-lco',
    'LAUNDER=NO',
    '-lco',
    'SPATIAL_INDEX=GIST',
    ...(request.append ? ['-append', '-addfields'] : ['-overwrite']),
  ];
}

type LoadOutcome = { ok: true } | { ok: false; message: string };

/** Runs ogr2ogr; a failure is one line naming the file and ogr2ogr's own reason. */
export function loadWithOgr2ogr(request: LoadRequest): LoadOutcome {
  const result = spawnSync('ogr2ogr', ogr2ogrArguments(request), { encoding: 'utf8' });
  if (result.error) {
    const missing = (result.error as { code?: string }).code === 'ENOENT';
    return {
      ok: false,
      message: missing
        ? 'ogr2ogr is not installed (Debian: apt-get install gdal-bin)'
        : `ogr2ogr could not run: ${result.error.message}`,
    };
  }
  if (result.status !== 0) {
    const reason =
      result.stderr
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .find((line) => /^ERROR/.test(line)) ??
      result.stderr.trim().split('\n').pop() ??
      `exit code ${result.status}`;
    return {
      ok: false,
      message: `${request.file}: ogr2ogr could not load it into ${request.table} (${redact(reason, request.connection)})`,
    };
  }
  return { ok: true };
}

/** A connection string may hold a password: never echo it. */
export function redact(text: string, connection: string): string {
  return connection ? text.replaceAll(connection, '<connection>') : text;
}
