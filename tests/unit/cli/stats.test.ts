/**
 * The stats CLI driven in memory (mapshaper style): arguments in, stdout/stderr/exit code out.
 * Two tests spawn the real script to prove the process wiring (exit code, nothing extra on stdout).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStats } from '../../../scripts/stats/run-stats.ts';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => join(FIXTURES_DIRECTORY, 'in', name);

async function run(argv: string[]) {
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

const datasetArguments = ['--geodata', join(FIXTURES_DIRECTORY, 'dataset')];

describe('stats on the zone dataset', () => {
  it('prints one JSON document with features, summary and the green-space ratio definition', async () => {
    const { code, stdout, stderr } = await run([...datasetArguments, '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout);
    expect(report.features.map((feature: { id: string }) => feature.id)).toEqual([
      'zone',
      'west-wing',
      'east-wing',
      'park-a',
      'park-b',
      'belt-c',
      'gate',
      'lake-park',
    ]);
    const zone = report.features[0];
    expect(Object.keys(zone)).toEqual(
      expect.arrayContaining(['id', 'layer', 'name', 'areaM2', 'statedAreaM2', 'source', 'confidence']),
    );
    expect(Math.abs(zone.areaM2 / geographicLibArea(rectangle(105.4, 28.8, 105.5, 28.9)) - 1)).toBeLessThan(1e-6);
    expect(zone.statedAreaM2).toBe(100e6);
    expect(report.summary).toMatchObject({ statedZoneAreaM2: 100e6, statedGreenShare: 0.4 });
    expect(report.summary.greenSpaceRatio).toBeGreaterThan(0);
    expect(report.greenSpaceRatioDefinition.zh).toContain('绿地率');
    expect(stdout).not.toMatch(/NaN|Infinity/);
  });

  it('prints a table with km², 亩, stated beside measured, approximate marks and the definition', async () => {
    const { code, stdout } = await run(datasetArguments);
    expect(code).toBe(0);
    expect(stdout).toContain('Zone area      measured 108.150 km²');
    expect(stdout).toContain('stated   100.000 km² — test article');
    expect(stdout).toContain('不是绿化覆盖率');
    expect(stdout).toMatch(/west-wing\s+≈ 西翼/);
    expect(stdout).toMatch(/lake-park|湖公园\s+no shape/);
  });

  it('names the broken layer file in one line and exits non-zero', async () => {
    const { code, stdout, stderr } = await run(['--geodata', join(FIXTURES_DIRECTORY, 'in')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/manifest\.json: could not be read \(no such file in /);
  });
});

describe('stats FILE', () => {
  it('gives the total and per-group areas with counts, and what was skipped', async () => {
    const { code, stdout } = await run([fixture('mixed-geometries.geojson'), '--by', 'kind', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const greenExpected =
      geographicLibArea(rectangle(105.49, 28.85, 105.5, 28.86)) +
      geographicLibArea(rectangle(105.5, 28.85, 105.51, 28.86)) +
      geographicLibArea(rectangle(105.51, 28.85, 105.52, 28.86));
    const green = report.groups.find((group: { key: string }) => group.key === 'green');
    expect(green.count).toBe(3);
    expect(Math.abs(green.areaM2 / greenExpected - 1)).toBeLessThan(1e-6);
    expect(report.groups.map((group: { key: string | null }) => group.key)).toEqual(['green', 'industry', null]);
    expect(report.totalAreaM2).toBeCloseTo(
      report.groups.reduce((sum: number, group: { areaM2: number }) => sum + group.areaM2, 0),
      6,
    );
    expect(report.skipped).toEqual({ points: 2, lines: 1, nullGeometries: 1 });
  });

  it('measures without grouping and says what the total means', async () => {
    const { code, stdout } = await run([fixture('polygon-with-hole.geojson')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Total area 2\.974 km² · 4,461 亩/);
    expect(stdout).toContain('overlapping features are not merged');
  });

  it.each([
    ['hostile-truncated.geojson', /hostile-truncated\.geojson: not valid JSON: .*truncated.* at line 9, column 17/],
    ['hostile-unclosed-ring.geojson', /not closed .* at coordinates\[0\]$/],
    ['hostile-deep-geometry-collections.geojson', /nested more than 8 deep/],
    ['hostile-empty.geojson', /the file is empty$/],
    ['does-not-exist.geojson', /does-not-exist\.geojson: could not be read \(no such file\)$/],
  ])('refuses %s with one line on stderr', async (name, pattern) => {
    const { code, stdout, stderr } = await run([fixture(name), '--by', 'kind']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(pattern);
  });

  it('converts 高德 (GCJ-02) coordinates to WGS84 before measuring with --from gcj02', async () => {
    const plain = JSON.parse((await run([fixture('polygon-with-hole.geojson'), '--json'])).stdout);
    const converted = await run([fixture('polygon-with-hole.geojson'), '--from', 'GCJ-02', '--json']);
    expect(converted.code).toBe(0);
    const report = JSON.parse(converted.stdout);
    expect(report.coordinateSystem).toBe('gcj02');
    // Same shape moved ≈ 500 m; GCJ-02's offset also stretches locally, by about 0.1–0.2 % in area.
    expect(report.totalAreaM2).not.toBe(plain.totalAreaM2);
    expect(Math.abs(report.totalAreaM2 / plain.totalAreaM2 - 1)).toBeLessThan(0.005);
    expect(await run([fixture('polygon-with-hole.geojson'), '--from', 'mars'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--from must be one of wgs84, gcj02, bd09/),
    });
  });

  it('rejects unknown options and a --by without a file with usage, exit 2', async () => {
    expect(await run(['--frobnicate'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^stats: unknown option --frobnicate\nusage:/),
    });
    expect(await run(['--by', 'kind'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--by applies to a FILE/),
    });
  });
});

describe('stats as a process', () => {
  const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
  it('writes only the JSON document to stdout and exits 0', () => {
    const result = spawnSync(tsx, ['scripts/stats.ts', fixture('multipolygon.geojson'), '--json'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).measuredCount).toBe(1);
  });

  it('exits 1 with one line and no stack trace for a broken file', () => {
    const result = spawnSync(tsx, ['scripts/stats.ts', fixture('hostile-nan-coordinate.geojson')], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringContaining('NaN and Infinity are not allowed in JSON'),
    ]);
  });
});

describe('stats on the other formats the app imports', () => {
  const importFixture = (name: string) => join(FIXTURES_DIRECTORY, 'import', name);

  it("measures a zipped Shapefile exactly as the app's import does, grouped by a property", async () => {
    const path = importFixture('parcels-utm48n.zip');
    const { code, stdout, stderr } = await run([path, '--by', 'LAND_USE', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const imported = await importBytes({
      bytes: new Uint8Array(await readFile(path)),
      fileName: path,
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    if (!imported.ok) throw new Error(imported.message);
    const report = JSON.parse(stdout);
    expect(report.totalAreaM2).toBe(measureCollection(imported.collection).totalAreaM2);
    expect(report.groups).toEqual(measureCollection(imported.collection, { by: 'LAND_USE' }).groups);
    expect(report.totalAreaM2).toBeGreaterThan(0);
    expect(report.groups.map((group: { key: string }) => group.key).sort()).toEqual([
      'green',
      'industrial',
      'residential',
    ]);
  });

  it('counts a GPX track and waypoint as a line and a point, with no area', async () => {
    const { code, stdout } = await run([importFixture('track.gpx'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ totalAreaM2: 0, measuredCount: 0, skipped: { points: 1, lines: 1 } });
  });

  it('refuses a broken KML in one line that says where, with exit code 1', async () => {
    const { code, stdout, stderr } = await run([importFixture('broken.kml')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/broken\.kml.*line \d+, column \d+/);
  });
});
