/**
 * City scale in PostGIS (issue 15 §2): the same N generated parcels as the city bench
 * (bench/city-parcels.ts, 1 000 000 by default), loaded into a throwaway PostgreSQL 15 + PostGIS 3
 * with `stats --load` (ogr2ogr), then `stats --postgis --table parcels --by district --json` timed
 * against the streaming CLI `stats FILE --by district --json` on the file, each a process of its own,
 * alternating. Prints the load time once, the median wall times and their ratio, and checks the two
 * reports agree (same groups, areas within 1e-6).
 *
 *   npm run bench -- postgis                              1 000 000 parcels, 3 runs
 *   POSTGIS_PARCELS=50000 POSTGIS_RUNS=3 npm run bench -- postgis
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '../tests/postgis/postgres-cluster.ts';
import { median } from './bench-support.ts';
import { writeParcelFile } from './city-parcels.ts';

const parcelCount = Number(process.env.POSTGIS_PARCELS ?? 1_000_000);
const runs = Number(process.env.POSTGIS_RUNS ?? 3);

interface Report {
  totalAreaM2: number;
  featureCount: number;
  groups: { key: string | null; areaM2: number; count: number }[];
}

/** Runs the stats CLI in a process of its own, as `npm run --silent stats -- …` would. */
function stats(argv: string[]): { milliseconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/stats.ts', ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const milliseconds = performance.now() - started;
  if (result.status !== 0) throw new Error(`stats ${argv.join(' ')} failed: ${result.stderr}`);
  return { milliseconds, stdout: result.stdout };
}

function agree(postgis: Report, file: Report): string | null {
  if (postgis.featureCount !== file.featureCount)
    return `feature counts ${postgis.featureCount} vs ${file.featureCount}`;
  const relative = Math.abs(postgis.totalAreaM2 / file.totalAreaM2 - 1);
  if (relative > 1e-6) return `total areas differ by ${relative.toExponential(2)}`;
  for (const group of file.groups) {
    const other = postgis.groups.find((candidate) => candidate.key === group.key);
    if (!other || other.count !== group.count || Math.abs(other.areaM2 / group.areaM2 - 1) > 1e-6)
      return `group ${group.key} differs`;
  }
  return null;
}

const directory = mkdtempSync(join(tmpdir(), 'postgis-bench-'));
const file = join(directory, 'parcels.geojson');
const cluster = await startCluster();
try {
  const bytes = await writeParcelFile(file, parcelCount);
  console.log(`${parcelCount} parcels, ${(bytes / 1e6).toFixed(0)} MB of GeoJSON`);
  const load = stats(['--postgis', cluster.connection, '--load', file, '--table', 'parcels']);
  console.log(`load with ogr2ogr (once): ${(load.milliseconds / 1000).toFixed(1)} s`);
  const postgisTimes: number[] = [];
  const fileTimes: number[] = [];
  let reports: { postgis?: Report; file?: Report } = {};
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? (['file', 'postgis'] as const) : (['postgis', 'file'] as const);
    for (const side of order) {
      const result =
        side === 'file'
          ? stats([file, '--by', 'district', '--json'])
          : stats(['--postgis', cluster.connection, '--table', 'parcels', '--by', 'district', '--json']);
      (side === 'file' ? fileTimes : postgisTimes).push(result.milliseconds);
      reports = { ...reports, [side]: JSON.parse(result.stdout) as Report };
    }
    console.log(
      `run ${run + 1}: streaming CLI ${fileTimes[run]!.toFixed(0)} ms, PostGIS ${postgisTimes[run]!.toFixed(0)} ms`,
    );
  }
  const problem = agree(reports.postgis!, reports.file!);
  console.log(
    `median wall: streaming CLI ${median(fileTimes).toFixed(0)} ms, PostGIS ${median(postgisTimes).toFixed(0)} ms → PostGIS/CLI ${(median(postgisTimes) / median(fileTimes)).toFixed(2)}×`,
  );
  console.log(problem ? `FAIL: the reports disagree: ${problem}` : 'the two reports agree (groups, areas within 1e-6)');
  if (problem) process.exitCode = 1;
} finally {
  cluster.stop();
  rmSync(directory, { recursive: true, force: true });
}
