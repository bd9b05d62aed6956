/**
 * City scale (issue 15 §1): N generated parcels (1 000 000 by default, ≈ 0.3 GB of GeoJSON written to
 * a temporary file, deleted after) measured by `stats FILE --by district` against a plain streaming
 * loop of `@turf/area` over the same file with the same JSON parser. Each side runs in its own
 * process, alternating, so wall time and peak RSS are each side's own. Goal: ≤ 1.5× the loop's wall
 * time, peak RSS under 500 MB.
 *
 *   npm run bench -- city                       1 000 000 parcels, 3 runs
 *   CITY_PARCELS=50000 CITY_RUNS=5 npm run bench -- city
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './bench-support.ts';
import { writeParcelFile } from './city-parcels.ts';

const parcelCount = Number(process.env.CITY_PARCELS ?? 1_000_000);
const runs = Number(process.env.CITY_RUNS ?? 3);
const WALL_GOAL = 1.5;
const RSS_GOAL_BYTES = 500e6;

interface Side {
  wallMilliseconds: number;
  cpuMilliseconds: number;
  maxRssBytes: number;
  stdout: string;
}

const directory = mkdtempSync(join(tmpdir(), 'city-bench-'));
const file = join(directory, 'parcels.geojson');
const usageFile = join(directory, 'usage.json');

function runSide(argumentsAfterScript: string[]): Side {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/city-child.ts', ...argumentsAfterScript], {
    encoding: 'utf8',
    env: { ...process.env, CITY_USAGE_FILE: usageFile },
    maxBuffer: 64 << 20,
  });
  const wallMilliseconds = performance.now() - started;
  if (result.status !== 0) throw new Error(`${argumentsAfterScript[0]} failed: ${result.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssBytes: number; cpuMilliseconds: number };
  return { wallMilliseconds, ...usage, stdout: result.stdout };
}

const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

try {
  const bytes = await writeParcelFile(file, parcelCount);
  console.log(`${parcelCount} parcels, ${megabytes(bytes)} of GeoJSON in ${file}`);
  const stats: Side[] = [];
  const baseline: Side[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate the order so neither side always runs on a warmer page cache.
    const order = run % 2 === 0 ? (['baseline', 'stats'] as const) : (['stats', 'baseline'] as const);
    for (const side of order) {
      if (side === 'baseline') baseline.push(runSide(['baseline', file]));
      else stats.push(runSide(['stats', file, 'district']));
    }
    const ours = stats[run]!;
    const theirs = baseline[run]!;
    console.log(
      `run ${run + 1}: loop ${theirs.wallMilliseconds.toFixed(0)} ms (${megabytes(theirs.maxRssBytes)}), stats --by ${ours.wallMilliseconds.toFixed(0)} ms (${megabytes(ours.maxRssBytes)}), ratio ${(ours.wallMilliseconds / theirs.wallMilliseconds).toFixed(2)}×`,
    );
  }
  const report = JSON.parse(stats[0]!.stdout) as { featureCount: number; measuredCount: number; groups: unknown[] };
  const loop = JSON.parse(baseline[0]!.stdout) as { featureCount: number };
  if (report.featureCount !== parcelCount || loop.featureCount !== parcelCount) {
    console.log(`FAIL: counted ${report.featureCount} (stats) and ${loop.featureCount} (loop) of ${parcelCount}`);
    process.exitCode = 1;
  }
  const ratios = stats.map((side, run) => side.wallMilliseconds / baseline[run]!.wallMilliseconds);
  const peakRss = Math.max(...stats.map((side) => side.maxRssBytes));
  console.log(
    `median wall: loop ${median(baseline.map((side) => side.wallMilliseconds)).toFixed(0)} ms (spread ${spread(baseline.map((side) => side.wallMilliseconds))}), stats ${median(stats.map((side) => side.wallMilliseconds)).toFixed(0)} ms (spread ${spread(stats.map((side) => side.wallMilliseconds))}) → ratio ${median(ratios).toFixed(2)}× (goal ≤ ${WALL_GOAL}×; CPU ratio ${median(stats.map((side, run) => side.cpuMilliseconds / baseline[run]!.cpuMilliseconds)).toFixed(2)}×)`,
  );
  console.log(
    `peak RSS: stats ${megabytes(peakRss)} (goal < ${megabytes(RSS_GOAL_BYTES)}), loop ${megabytes(Math.max(...baseline.map((side) => side.maxRssBytes)))}; ${report.groups.length} groups`,
  );
  if (median(ratios) > WALL_GOAL) console.log('over the time goal');
  if (peakRss >= RSS_GOAL_BYTES) {
    console.log('FAIL: peak RSS over the goal');
    process.exitCode = 1;
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
