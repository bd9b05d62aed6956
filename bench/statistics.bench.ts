/**
 * Statistics over 100 000 generated parcels (area per land-use group on the WGS84 ellipsoid, at
 * 1e-6 of GeographicLib) against a bare `@turf/area` loop over the same polygons, in the same
 * process. Prints each run's ratio and the median; the goal is ≤ 2.0×.
 *
 * Timed in process CPU time (user + system), with wall time alongside: these machines are shared,
 * and wall time there mostly measures the neighbours.
 *
 *   npx tsx bench/statistics.bench.ts [polygonCount] [runs]
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { area as sphericalArea } from '@turf/area';
import { measureCollection } from '../src/analysis/measure-collection.ts';
import { ellipsoidalArea } from '../src/geo/area.ts';
import { Geodesic } from '../src/geo/geographiclib.ts';
import { LAND_USES, median, random } from './bench-support.ts';

const polygonCount = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 7);
const GOAL = 2.0;

/** Star-shaped parcels of 5–40 vertices, 30–600 m across, scattered over the zone. */
function generateParcels(count: number): FeatureCollection<Polygon> {
  const next = random(2013);
  const features: Feature<Polygon>[] = [];
  for (let index = 0; index < count; index++) {
    const centreLongitude = 105.2 + next() * 0.5;
    const centreLatitude = 28.7 + next() * 0.5;
    const radiusDegrees = (15 + next() * 285) / 111_000;
    const vertexCount = 5 + Math.floor(next() * 36);
    const ring: Position[] = [];
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      const angle = (vertex / vertexCount) * 2 * Math.PI;
      const radius = radiusDegrees * (0.6 + 0.4 * next());
      ring.push([
        centreLongitude + (radius * Math.cos(angle)) / Math.cos((centreLatitude * Math.PI) / 180),
        centreLatitude + radius * Math.sin(angle),
      ]);
    }
    ring.push(ring[0]!);
    features.push({
      type: 'Feature',
      properties: { use: LAND_USES[index % LAND_USES.length] },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return { type: 'FeatureCollection', features };
}

function time(step: () => number): { milliseconds: number; wallMilliseconds: number; result: number } {
  const wallStart = performance.now();
  const start = process.cpuUsage();
  const result = step();
  const used = process.cpuUsage(start);
  return { milliseconds: (used.user + used.system) / 1000, wallMilliseconds: performance.now() - wallStart, result };
}

const parcels = generateParcels(polygonCount);
const vertexTotal = parcels.features.reduce((sum, feature) => sum + feature.geometry.coordinates[0]!.length, 0);

// Accuracy first: the speed only counts at the required accuracy.
let worstRelativeError = 0;
for (const feature of parcels.features.slice(0, 2000)) {
  const polygon = Geodesic.WGS84.Polygon(false);
  const ring = feature.geometry.coordinates[0]!;
  for (const position of ring.slice(0, -1)) polygon.AddPoint(position[1]!, position[0]!);
  const reference = Math.abs(polygon.Compute(false, true).area!);
  worstRelativeError = Math.max(worstRelativeError, Math.abs(ellipsoidalArea(feature.geometry) / reference - 1));
}

const baseline = () => {
  let total = 0;
  for (const feature of parcels.features) total += sphericalArea(feature);
  return total;
};
const statistics = () => measureCollection(parcels, { by: 'use' }).totalAreaM2;

// Warm both paths so the JIT has compiled them before anything is timed.
baseline();
statistics();

const ratios: number[] = [];
const wallRatios: number[] = [];
const baselineTimes: number[] = [];
const statisticsTimes: number[] = [];
for (let run = 0; run < runs; run++) {
  // Alternate the order so neither side always runs on a warmer cache.
  const first = run % 2 === 0 ? time(baseline) : time(statistics);
  const second = run % 2 === 0 ? time(statistics) : time(baseline);
  const [turf, ours] = run % 2 === 0 ? [first, second] : [second, first];
  baselineTimes.push(turf.milliseconds);
  statisticsTimes.push(ours.milliseconds);
  ratios.push(ours.milliseconds / turf.milliseconds);
  wallRatios.push(ours.wallMilliseconds / turf.wallMilliseconds);
  console.log(
    `run ${run + 1}: @turf/area loop ${turf.milliseconds.toFixed(1)} ms CPU, statistics ${ours.milliseconds.toFixed(1)} ms CPU, ratio ${(ours.milliseconds / turf.milliseconds).toFixed(2)}× (wall ${(ours.wallMilliseconds / turf.wallMilliseconds).toFixed(2)}×)`,
  );
}

const medianRatio = median(ratios);
console.log(
  `${polygonCount} polygons, ${vertexTotal} vertices; worst error vs GeographicLib on 2000 of them: ${worstRelativeError.toExponential(2)}`,
);
console.log(
  `median CPU: @turf/area ${median(baselineTimes).toFixed(1)} ms, statistics by group ${median(statisticsTimes).toFixed(1)} ms → ratio ${medianRatio.toFixed(2)}× (goal ≤ ${GOAL.toFixed(1)}×; wall-time ratio ${median(wallRatios).toFixed(2)}×)`,
);
if (worstRelativeError > 1e-6) {
  console.log('FAIL: accuracy above 1e-6');
  process.exitCode = 1;
}
if (medianRatio > GOAL) console.log('over the goal');
