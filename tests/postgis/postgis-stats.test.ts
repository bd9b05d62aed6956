/**
 * `stats --postgis` against a real PostgreSQL 15 + PostGIS 3 (started by global-setup.ts): the tables
 * are loaded with the CLI's own `--load` (ogr2ogr), and every number is checked against the
 * in-process file path on the same files, and the area fixtures against GeographicLib's Planimeter.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GoldenFile } from '../../scripts/area-oracle.ts';
import { ogr2ogrArguments } from '../../scripts/stats/postgis/load-with-ogr2ogr.ts';
import { runStats } from '../../scripts/stats/run-stats.ts';

const connection = inject('postgisConnection');
const projectRoot = join(import.meta.dirname, '..', '..');
const AREA_FIXTURES = join(projectRoot, 'tests', 'fixtures', 'area');
/** The bar: PostGIS and the in-process code within 1e-6 relative. */
const AGREEMENT = 1e-6;
/** Below this the comparison is absolute: both sides' rounding noise is a few 1e-5 m². */
const NOISE_M2 = 1e-4;

async function stats(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runStats(argv, {
    readText: (path) => readFile(path, 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

async function statsJson(argv: string[]) {
  const result = await stats([...argv, '--json']);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

async function load(file: string, table: string, append = false) {
  const result = await stats([
    '--postgis',
    connection,
    '--load',
    file,
    '--table',
    table,
    ...(append ? ['--append'] : []),
  ]);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return result.stdout;
}

/** Largest relative difference seen per comparison, printed at the end: the issue asks by how much. */
const worst = new Map<string, number>();
function expectAgree(what: string, postgis: number, inProcess: number) {
  const difference = Math.abs(postgis - inProcess);
  // Relative differences of polygons under 100 m² are the oracles' absolute noise, not agreement.
  if (Math.abs(inProcess) > 100) worst.set(what, Math.max(worst.get(what) ?? 0, difference / Math.abs(inProcess)));
  expect(difference, `${what}: ${postgis} vs ${inProcess}`).toBeLessThanOrEqual(
    Math.max(AGREEMENT * Math.abs(inProcess), NOISE_M2),
  );
}

afterAll(() => {
  for (const [what, ratio] of worst)
    console.log(`agreement ${what}: largest relative difference ${ratio.toExponential(2)}`);
});

interface GroupJson {
  key: string | null;
  areaM2: number;
  count: number;
}

function expectSameMeasurement(what: string, postgis: Record<string, unknown>, file: Record<string, unknown>) {
  expect(postgis['featureCount']).toBe(file['featureCount']);
  expect(postgis['measuredCount']).toBe(file['measuredCount']);
  expect(postgis['skipped']).toEqual(file['skipped']);
  expectAgree(`${what} total`, postgis['totalAreaM2'] as number, file['totalAreaM2'] as number);
  const postgisGroups = (postgis['groups'] ?? []) as GroupJson[];
  const fileGroups = (file['groups'] ?? []) as GroupJson[];
  expect(postgisGroups.map((group) => [group.key, group.count])).toEqual(
    fileGroups.map((group) => [group.key, group.count]),
  );
  fileGroups.forEach((group, index) => expectAgree(`${what} per feature`, postgisGroups[index]!.areaM2, group.areaM2));
}

const ZONE_POLYGON_LAYERS = ['zone', 'wings', 'core', 'parks', 'areas', 'green', 'districts'];

describe('the zone dataset in PostGIS', () => {
  beforeAll(async () => {
    for (const [index, layer] of ZONE_POLYGON_LAYERS.entries())
      await load(join(projectRoot, 'geodata', `${layer}.geojson`), 'zone_dataset', index > 0);
  });

  it('every feature’s area agrees with the in-process zone statistics within 1e-6', async () => {
    const postgis = await statsJson(['--postgis', connection, '--table', 'zone_dataset', '--by', 'id']);
    const zone = await statsJson([]);
    const polygons = (zone.features as { id: string; areaM2: number | null }[]).filter(
      (feature) => feature.areaM2 !== null,
    );
    expect(postgis.table).toBe('zone_dataset');
    expect(postgis.coordinateSystem).toBe('wgs84');
    expect(postgis.measuredCount).toBe(polygons.length);
    for (const feature of polygons) {
      const group = (postgis.groups as GroupJson[]).find((candidate) => candidate.key === feature.id);
      expect(group, feature.id).toBeDefined();
      expectAgree('zone dataset per feature', group!.areaM2, feature.areaM2!);
    }
  });

  it('a layer file gives the same JSON measurement as the file path', async () => {
    const file = join(projectRoot, 'geodata', 'parks.geojson');
    await load(file, 'layer_parks');
    const postgis = await statsJson(['--postgis', connection, '--table', 'layer_parks', '--by', 'kind']);
    expectSameMeasurement('zone dataset, parks by kind', postgis, await statsJson([file, '--by', 'kind']));
  });

  it('dissolves the green land once and gives the zone’s and each unit’s 绿地率 as computeZoneStatistics does', async () => {
    const postgis = await statsJson(['--postgis', connection, '--table', 'zone_dataset', '--by', 'layer']);
    const zone = await statsJson([]);
    const green = postgis.greenSpace;
    expect(green.greenLayers).toEqual(['green']);
    expect(green.definition.zh).toContain('绿地率');
    expectAgree('zone area (ST_Union)', green.zone.areaM2, zone.summary.zoneAreaM2);
    expectAgree('green land in the zone (ST_Union, ST_Intersection)', green.zone.greenAreaM2, zone.summary.greenAreaM2);
    expect(green.zone.greenSpaceRatio).toBeCloseTo(zone.summary.greenSpaceRatio, 6);
    expect(green.units.map((unit: { id: string }) => unit.id).sort()).toEqual(
      zone.units.map((unit: { id: string }) => unit.id).sort(),
    );
    for (const unit of zone.units as { id: string; areaM2: number; greenAreaM2: number }[]) {
      const measured = green.units.find((candidate: { id: string }) => candidate.id === unit.id);
      expectAgree('unit area', measured.areaM2, unit.areaM2);
      expectAgree('green land in a unit (unknown-position green left out)', measured.greenAreaM2, unit.greenAreaM2);
    }
    // The green land of unknown position counts zone-wide only, so the wings hold less than the zone.
    const wingsGreen = green.units
      .filter((unit: { layer: string }) => unit.layer === 'wings')
      .reduce((sum: number, unit: { greenAreaM2: number }) => sum + unit.greenAreaM2, 0);
    expect(wingsGreen).toBeLessThan(green.zone.greenAreaM2);
  });

  it('prints the same table as the file path, then the green land and the units', async () => {
    const { code, stdout, stderr } = await stats(['--postgis', connection, '--table', 'zone_dataset', '--by', 'layer']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^zone_dataset \(PostGIS\): 23 of 23 features have polygon area/);
    expect(stdout).toMatch(/\ndistricts +7 +12\d{3}\.\d{3} /);
    expect(stdout).toContain('ST_Area(geography)');
    expect(stdout).toMatch(/Green land \(layers green\) dissolved once with ST_Union/);
    expect(stdout).toMatch(/绿地率 green-space ratio \d+\.\d %/);
    expect(stdout).toContain('wing-jiangyang');
  });
});

describe('the area fixtures in PostGIS', () => {
  const inputs = readdirSync(join(AREA_FIXTURES, 'in')).filter((name) => name.endsWith('.geojson'));

  it.each(inputs)('%s: PostGIS, the file path and Planimeter agree within 1e-6', async (name) => {
    const file = join(AREA_FIXTURES, 'in', name);
    const table = `area_${basename(name, '.geojson').replaceAll('-', '_')}`;
    await load(file, table);
    const postgis = await statsJson(['--postgis', connection, '--table', table, '--by', 'id']);
    const inProcess = await statsJson([file, '--by', 'id']);
    expectSameMeasurement('area fixtures', postgis, inProcess);
    const golden = JSON.parse(
      readFileSync(join(AREA_FIXTURES, 'out', `${basename(name, '.geojson')}.json`), 'utf8'),
    ) as GoldenFile;
    for (const feature of golden.features) {
      const group = (postgis.groups as GroupJson[]).find((candidate) => candidate.key === feature.id)!;
      expectAgree('PostGIS vs Planimeter', group.areaM2, feature.areaM2);
    }
  });
});

describe('loading with ogr2ogr', () => {
  it('loads a projected, zipped Shapefile reprojected to SRID 4326, with the areas the file path measures', async () => {
    const file = join(projectRoot, 'tests', 'fixtures', 'import', 'districts-epsg4523.zip');
    const said = await load(file, 'districts_shapefile');
    expect(said).toContain('SRID 4326');
    const client = new pg.Client({ connectionString: connection });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT Find_SRID('public', 'districts_shapefile', 'geom') AS srid");
      expect(rows[0].srid).toBe(4326);
    } finally {
      await client.end();
    }
    const postgis = await statsJson(['--postgis', connection, '--table', 'districts_shapefile']);
    const inProcess = await statsJson([file]);
    expectSameMeasurement('Shapefile (EPSG:4523 reprojected by PROJ vs proj4js)', postgis, inProcess);
  });

  it('keeps a table name with capitals and 中文 as written, for loading and for statistics alike', async () => {
    const file = join(projectRoot, 'geodata', 'core.geojson');
    expect(await load(file, 'Core_核心区')).toContain('the table has 1 rows');
    const postgis = await statsJson(['--postgis', connection, '--table', 'Core_核心区']);
    expectSameMeasurement('mixed-case table name', postgis, await statsJson([file]));
  });

  it('the plain ogr2ogr command the README gives makes a table the CLI measures the same', async () => {
    const file = join(projectRoot, 'geodata', 'parks.geojson');
    const result = spawnSync('ogr2ogr', ogr2ogrArguments({ connection, file, table: 'parks_by_hand', append: false }), {
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const postgis = await statsJson(['--postgis', connection, '--table', 'parks_by_hand', '--by', 'kind']);
    expectSameMeasurement('plain ogr2ogr', postgis, await statsJson([file, '--by', 'kind']));
  });
});

describe('problems are one line, and no password is echoed', () => {
  it('names a missing table and a missing column', async () => {
    const missingTable = await stats(['--postgis', connection, '--table', 'no_such_table']);
    expect(missingTable).toMatchObject({ code: 1, stdout: '' });
    expect(missingTable.stderr).toBe('PostGIS: table no_such_table does not exist\n');
    const missingColumn = await stats(['--postgis', connection, '--table', 'layer_parks', '--by', 'no_such_column']);
    expect(missingColumn.code).toBe(1);
    expect(missingColumn.stderr).toBe('PostGIS: table layer_parks has no column "no_such_column" to group by\n');
  });

  it('says nothing listens instead of a stack trace, without the password', async () => {
    const closed = 'postgresql://planner:secret-password@127.0.0.1:1/nowhere';
    const { code, stdout, stderr } = await stats(['--postgis', closed, '--table', 'parcels']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(/^PostGIS: could not connect \(nothing listens there/);
    expect(stderr).not.toContain('secret-password');
  });

  it('refuses a file name and a missing --table with the usage', async () => {
    const withFile = await stats(['--postgis', connection, 'parcels.geojson']);
    expect(withFile.code).toBe(2);
    expect(withFile.stderr).toMatch(/not a file .*--load FILE/);
    const withoutTable = await stats(['--postgis', connection]);
    expect(withoutTable.code).toBe(2);
    expect(withoutTable.stderr).toContain('--postgis needs --table TABLE');
  });

  it('names the file ogr2ogr could not read', async () => {
    const { code, stderr } = await stats([
      '--postgis',
      connection,
      '--load',
      join(projectRoot, 'tests', 'fixtures', 'in', 'hostile-not-json.geojson'),
      '--table',
      'broken',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/hostile-not-json\.geojson: ogr2ogr could not load it into broken \(/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
