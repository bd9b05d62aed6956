/**
 * `stats FILE --landuse FIELD`: the team's parcel file through the CLI in memory, compared with the
 * pure function the app's class table shows, plus the errors a planner can make on the command line.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runStats } from '../../../scripts/stats/run-stats.ts';
import { classifyLandUse } from '../../../src/analysis/land-use-classes.ts';
import { HOSTILE_CODE, PARCELS_PATH } from '../../fixtures/landuse/generate-parcels.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const parcels = JSON.parse(readFileSync(PARCELS_PATH, 'utf8')) as FeatureCollection;

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

describe('stats FILE --landuse FIELD --json', () => {
  it.each([
    { field: 'YDYHFL', level: 1 as const, standard: 'land-sea-use-2023' as const },
    { field: 'YDYHFL', level: 2 as const, standard: 'land-sea-use-2023' as const },
    { field: 'DLBM', level: 2 as const, standard: 'third-national-survey' as const },
  ])(
    'prints the classes, unknown codes and indicators of $field at level $level, as classifyLandUse computes them',
    async ({ field, level, standard }) => {
      const { code, stdout, stderr } = await run([
        PARCELS_PATH,
        '--landuse',
        field,
        '--level',
        String(level),
        '--json',
      ]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const report = JSON.parse(stdout);
      const expected = classifyLandUse(parcels, { field, level, standard });
      expect(report.standard).toBe(standard);
      expect(report.totalAreaM2).toBe(expected.totalAreaM2);
      expect(report.classes).toEqual(
        expected.classes.map(({ code: classCode, name_zh, level: classLevel, areaM2, count }) => ({
          code: classCode,
          name_zh,
          level: classLevel,
          areaM2,
          count,
        })),
      );
      expect(Object.keys(report.classes[0])).toEqual(['code', 'name_zh', 'level', 'areaM2', 'count']);
      expect(report.unknownCodes).toEqual(expected.unknownCodes);
      expect(report.indicators).toEqual(JSON.parse(JSON.stringify(expected.indicators)));
      expect(stdout).not.toMatch(/NaN|Infinity/);
    },
  );

  it('keeps the hostile value as one JSON string among the unknown codes', async () => {
    const { stdout } = await run([PARCELS_PATH, '--landuse', 'YDYHFL', '--json']);
    const report = JSON.parse(stdout);
    expect(report.level).toBe(1);
    expect(report.unknownCodes.filter((entry: { value: string | null }) => entry.value === HOSTILE_CODE)).toHaveLength(
      1,
    );
  });

  it('uses the standard it is told, even against the detection', async () => {
    const { code, stdout } = await run([
      PARCELS_PATH,
      '--landuse',
      'YDYHFL',
      '--standard',
      'gb-t-21010-2017',
      '--json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.standard).toBe('gb-t-21010-2017');
    expect(report.detection.standard).toBe('land-sea-use-2023');
    // 1001 is 铁路用地 in GB/T 21010: the same codes read as another standard give other classes.
    expect(report.classes.find((row: { code: string }) => row.code === '10').name_zh).toBe('交通运输用地');
  });

  it('prints a table with names, unknown codes and each indicator’s definition and denominator', async () => {
    const { code, stdout } = await run([PARCELS_PATH, '--landuse', 'DLBM']);
    expect(code).toBe(0);
    expect(stdout).toContain('第三次全国国土调查工作分类');
    expect(stdout).toMatch(/00\s+湿地/);
    expect(stdout).toContain('Unknown codes');
    expect(stdout).toContain('"011"');
    // 0101K is 三调's 可调整 水田: counted as 0101 and said so, not hidden among the unknown codes.
    expect(stdout).toMatch(/"0101K" → 0101\s+\d+ feature/);
    expect(stdout).toContain('Denominator: sum of the areas of features whose code the standard has');
  });
});

describe('stats --landuse mistakes', () => {
  it.each([
    [['--landuse', 'DLBM'], /--landuse applies to a FILE/],
    [[PARCELS_PATH, '--landuse'], /--landuse needs a value/],
    [[PARCELS_PATH, '--landuse', 'DLBM', '--level', '3'], /--level must be 1 \(一级类\) or 2 \(二级类\), not 3/],
    [
      [PARCELS_PATH, '--landuse', 'DLBM', '--standard', 'gb50137'],
      /--standard must be one of gb-t-21010-2017, third-national-survey, land-sea-use-2023/,
    ],
    [[PARCELS_PATH, '--level', '2'], /--level and --standard apply to --landuse/],
    [[PARCELS_PATH, '--landuse', 'DLBM', '--by', 'id'], /two ways to group/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('says a column of words is no codes, and a missing column has no values (exit 1)', async () => {
    const words = await run([PARCELS_PATH, '--landuse', 'id']);
    expect(words.code).toBe(1);
    expect(words.stderr).toMatch(/"id" does not look like land-use codes .* name one with --standard/);
    const missing = await run([PARCELS_PATH, '--landuse', 'NOPE']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no feature has a value in "NOPE"/);
  });

  it('runs as `npm run --silent stats` with nothing but the JSON on stdout', () => {
    const result = spawnSync(
      'npm',
      ['run', '--silent', 'stats', '--', PARCELS_PATH, '--landuse', 'YDYHFL', '--level', '2', '--json'],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.classes.find((row: { code: string }) => row.code === '1001')).toMatchObject({
      name_zh: '工业用地',
      level: 2,
    });
  }, 60_000);
});
