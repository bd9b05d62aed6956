/**
 * Golden areas for `tests/fixtures/area/`: every `in/*.geojson` gets an `out/*.json` whose areas come
 * from GeographicLib's C++ `Planimeter` (Debian `geographiclib-tools`), an implementation apart from
 * `src/geo/area.ts` — which uses the authalic sphere and, for long edges, GeographicLib's JavaScript
 * port, so the JavaScript port alone would partly check the code against itself.
 *
 *   REGEN=1 npx tsx scripts/area-oracle.ts   rewrites out/*.json from the tool (read the diff)
 *   npx tsx scripts/area-oracle.ts           checks out/*.json against the tool, writes nothing
 *
 * Each output records the tool, its version and the exact command, so a golden number can be traced
 * and re-made. The test (`tests/unit/geo/area-golden.test.ts`) reads the outputs and never needs the tool.
 *
 * Nothing here reads `src/`: the fixture's GeoJSON is parsed with `JSON.parse` alone, so a bug in the
 * app's parsing or ring handling cannot leak into the expected numbers. Each ring is one Planimeter
 * polygon (geodesic edges on WGS84); a polygon's area is |exterior| − Σ|holes|, a multipolygon's the
 * sum of its members, as GeoJSON means them. Geometry without area (points, lines, null) is listed
 * with area 0 and says why, so nothing is left out in silence.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const AREA_FIXTURES_DIRECTORY = join(import.meta.dirname, '..', 'tests', 'fixtures', 'area');
const PLANIMETER = 'Planimeter';
/**
 * -w: longitude first, as GeoJSON. -p 10, the most Planimeter prints: perimeter to 1e-10 m, area to 1e-5 m²
 * (prec − 5 decimals), finer than the algorithm's own absolute noise of a few 1e-5 m².
 */
const PLANIMETER_ARGUMENTS = ['-w', '-p', '10'];

type Position = number[];
interface GeometryInput {
  type: string;
  coordinates?: unknown;
  geometries?: GeometryInput[];
}

export interface GoldenRing {
  /** Member of a MultiPolygon (0 for a Polygon). */
  polygon: number;
  /** 0 is the exterior, the rest are holes. */
  ring: number;
  vertices: number;
  perimeterM: number;
  /** Planimeter's sign: positive counter-clockwise. */
  signedAreaM2: number;
}

export interface GoldenFeature {
  index: number;
  id: string | null;
  geometryType: string | null;
  areaM2: number;
  rings: GoldenRing[];
  /** Why a feature has no area (a point, a line, no geometry). */
  note?: string;
}

export interface GoldenFile {
  input: string;
  /** SHA-256 of the input's bytes: a changed input without REGEN=1 is caught by the test. */
  inputSha256: string;
  oracle: { tool: string; version: string; debianPackage: string; command: string; ellipsoid: string };
  generatedBy: string;
  features: GoldenFeature[];
  totalAreaM2: number;
}

/** Decimal degrees as Planimeter's reader takes them: never exponent notation. */
function decimal(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/0+$/, '') : text;
}

function openRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

interface RingJob {
  feature: number;
  polygon: number;
  ring: number;
  vertices: Position[];
}

function collectRings(geometry: GeometryInput | null, feature: number, jobs: RingJob[], polygonOffset = 0): string[] {
  if (!geometry) return ['no geometry'];
  const polygon = (rings: Position[][], member: number) =>
    rings.forEach((ring, index) => jobs.push({ feature, polygon: member, ring: index, vertices: openRing(ring) }));
  switch (geometry.type) {
    case 'Polygon':
      polygon(geometry.coordinates as Position[][], polygonOffset);
      return [];
    case 'MultiPolygon':
      (geometry.coordinates as Position[][][]).forEach((rings, member) => polygon(rings, polygonOffset + member));
      return [];
    case 'GeometryCollection': {
      const notes: string[] = [];
      let offset = polygonOffset;
      for (const member of geometry.geometries ?? []) {
        notes.push(...collectRings(member, feature, jobs, offset));
        offset = jobs.reduce((highest, job) => Math.max(highest, job.polygon + 1), offset);
      }
      return notes;
    }
    default:
      return [`${geometry.type}: no area`];
  }
}

function runPlanimeter(jobs: RingJob[]): { perimeterM: number; signedAreaM2: number }[] {
  // One polygon per ring, separated by blank lines: one process per fixture file.
  const input = jobs
    .map((job) => job.vertices.map((position) => `${decimal(position[0]!)} ${decimal(position[1]!)}`).join('\n'))
    .join('\n\n');
  const result = spawnSync(PLANIMETER, PLANIMETER_ARGUMENTS, { input: `${input}\n`, encoding: 'utf8' });
  if (result.error || result.status !== 0)
    throw new Error(
      `${PLANIMETER} failed (${result.error?.message ?? result.stderr.trim()}); install it with: apt-get install geographiclib-tools`,
    );
  const lines = result.stdout.trim().split('\n').filter(Boolean);
  if (lines.length !== jobs.length)
    throw new Error(`${PLANIMETER} answered ${lines.length} polygons for ${jobs.length}`);
  return lines.map((line, index) => {
    const [count, perimeter, area] = line.trim().split(/\s+/).map(Number);
    if (count !== jobs[index]!.vertices.length || !Number.isFinite(perimeter) || !Number.isFinite(area))
      throw new Error(
        `${PLANIMETER}: unexpected answer "${line}" for a ring of ${jobs[index]!.vertices.length} vertices`,
      );
    return { perimeterM: perimeter!, signedAreaM2: area! };
  });
}

function toolVersion(): { version: string; debianPackage: string } {
  const version = spawnSync(PLANIMETER, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template.
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Version}', 'geographiclib-tools'], { encoding: 'utf8' });
  return { version: version.replace(/^Planimeter:\s*/, ''), debianPackage: dpkg.stdout?.trim() || 'unknown' };
}

function goldenFor(fileName: string, text: string, tool = toolVersion()): GoldenFile {
  const collection = JSON.parse(text) as {
    features: { properties?: { id?: unknown } | null; geometry: GeometryInput | null }[];
  };
  const jobs: RingJob[] = [];
  const notes = collection.features.map((feature, index) => collectRings(feature.geometry, index, jobs));
  const answers = jobs.length > 0 ? runPlanimeter(jobs) : [];
  const features: GoldenFeature[] = collection.features.map((feature, index) => {
    const rings: GoldenRing[] = [];
    let areaM2 = 0;
    jobs.forEach((job, jobIndex) => {
      if (job.feature !== index) return;
      const answer = answers[jobIndex]!;
      rings.push({ polygon: job.polygon, ring: job.ring, vertices: job.vertices.length, ...answer });
      areaM2 += (job.ring === 0 ? 1 : -1) * Math.abs(answer.signedAreaM2);
    });
    const id = feature.properties?.id;
    const golden: GoldenFeature = {
      index,
      id: id === undefined || id === null ? null : String(id),
      geometryType: feature.geometry?.type ?? null,
      areaM2,
      rings,
    };
    if (notes[index]!.length > 0) golden.note = notes[index]!.join('; ');
    return golden;
  });
  return {
    input: fileName,
    inputSha256: createHash('sha256').update(text).digest('hex'),
    oracle: {
      tool: 'GeographicLib Planimeter (C++)',
      version: tool.version,
      debianPackage: tool.debianPackage,
      command: [PLANIMETER, ...PLANIMETER_ARGUMENTS].join(' '),
      ellipsoid: 'WGS84, a = 6378137 m, f = 1/298.257223563 (Planimeter default)',
    },
    generatedBy: 'REGEN=1 npx tsx scripts/area-oracle.ts',
    features,
    totalAreaM2: features.reduce((sum, feature) => sum + feature.areaM2, 0),
  };
}

function main(): number {
  const regenerate = process.env['REGEN'] === '1';
  const inputDirectory = join(AREA_FIXTURES_DIRECTORY, 'in');
  const outputDirectory = join(AREA_FIXTURES_DIRECTORY, 'out');
  const tool = toolVersion();
  let stale = 0;
  for (const name of readdirSync(inputDirectory).filter((file) => file.endsWith('.geojson'))) {
    const text = readFileSync(join(inputDirectory, name), 'utf8');
    const golden = `${JSON.stringify(goldenFor(name, text, tool), null, 2)}\n`;
    const outputPath = join(outputDirectory, `${basename(name, '.geojson')}.json`);
    if (regenerate) {
      writeFileSync(outputPath, golden);
      console.log(`wrote ${outputPath}`);
      continue;
    }
    let current = '';
    try {
      current = readFileSync(outputPath, 'utf8');
    } catch {}
    if (current !== golden) {
      stale += 1;
      console.error(`${outputPath}: differs from what ${PLANIMETER} says now (REGEN=1 rewrites it)`);
    }
  }
  if (!regenerate) console.log(stale === 0 ? 'every golden file matches the tool' : `${stale} golden file(s) stale`);
  return stale === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exitCode = main();
