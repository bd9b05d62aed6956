/**
 * N generated parcels around 泸州 as one GeoJSON FeatureCollection, written as a stream (never held
 * whole, never checked in): a jittered grid of 4–7-vertex polygons about 40 m across, each with an
 * id, a 三调 class code (DLBM, GB/T 21010) and a district to group by. Deterministic for a seed, so
 * every run and every test measures the same parcels.
 *
 *   npx tsx bench/city-parcels.ts N FILE [SEED]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Feature, Polygon, Position } from 'geojson';
import { random } from './bench-support.ts';

/** GB/T 21010-2017 second-level codes a 三调 parcel file carries. */
export const CLASS_CODES = [
  '0101',
  '0103',
  '0201',
  '0301',
  '0404',
  '0601',
  '0701',
  '0702',
  '0810',
  '1003',
  '1101',
  '1203',
];
/** The districts and counties of 泸州市, the property a planner groups a city file by. */
export const DISTRICTS = ['江阳区', '龙马潭区', '纳溪区', '泸县', '合江县', '叙永县', '古蔺县'];

const ORIGIN_LONGITUDE = 105.2;
const ORIGIN_LATITUDE = 28.6;
const CELL_DEGREES = 0.0004;

/** Parcel `index` of a square grid of `columns` columns: a cell's corners jittered, some edges bent. */
export function parcel(index: number, columns: number, next: () => number): Feature<Polygon> {
  const column = index % columns;
  const row = Math.floor(index / columns);
  const west = ORIGIN_LONGITUDE + column * CELL_DEGREES;
  const south = ORIGIN_LATITUDE + row * CELL_DEGREES;
  const jitter = () => (next() - 0.5) * CELL_DEGREES * 0.3;
  const inset = CELL_DEGREES * 0.2;
  const corners: Position[] = [
    [west + inset + jitter(), south + inset + jitter()],
    [west + CELL_DEGREES - inset + jitter(), south + inset + jitter()],
    [west + CELL_DEGREES - inset + jitter(), south + CELL_DEGREES - inset + jitter()],
    [west + inset + jitter(), south + CELL_DEGREES - inset + jitter()],
  ];
  const ring: Position[] = [];
  const bends = Math.floor(next() * 4);
  corners.forEach((corner, side) => {
    ring.push(corner);
    if (side < bends) {
      const following = corners[(side + 1) % 4]!;
      ring.push([(corner[0]! + following[0]!) / 2 + jitter() * 0.3, (corner[1]! + following[1]!) / 2 + jitter() * 0.3]);
    }
  });
  // Six decimals (≈ 0.1 m), as survey exports write them.
  const rounded = ring.map(([longitude, latitude]) => [Number(longitude!.toFixed(6)), Number(latitude!.toFixed(6))]);
  rounded.push(rounded[0]!);
  return {
    type: 'Feature',
    id: index + 1,
    properties: {
      BSM: `5105${String(index + 1).padStart(10, '0')}`,
      DLBM: CLASS_CODES[Math.floor(next() * CLASS_CODES.length)],
      // Districts as west-to-east bands, so each group is a contiguous piece of the grid.
      district: DISTRICTS[Math.floor((column / columns) * DISTRICTS.length)],
    },
    geometry: { type: 'Polygon', coordinates: [rounded] },
  };
}

/** The parcels one at a time, as GeoJSON text lines of one FeatureCollection. */
export function* parcelFileLines(count: number, seed = 2026): Generator<string> {
  const next = random(seed);
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  yield '{"type":"FeatureCollection","features":[\n';
  for (let index = 0; index < count; index++)
    yield `${JSON.stringify(parcel(index, columns, next))}${index + 1 < count ? ',' : ''}\n`;
  yield ']}\n';
}

/** Writes the file in chunks of about 1 MB, waiting for the disk so memory stays flat. */
export async function writeParcelFile(path: string, count: number, seed = 2026): Promise<number> {
  const output = createWriteStream(path);
  let pending = '';
  let bytes = 0;
  for (const line of parcelFileLines(count, seed)) {
    pending += line;
    if (pending.length >= 1 << 20) {
      bytes += Buffer.byteLength(pending);
      if (!output.write(pending)) await once(output, 'drain');
      pending = '';
    }
  }
  bytes += Buffer.byteLength(pending);
  output.end(pending);
  await once(output, 'finish');
  return bytes;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const [count, path, seed] = process.argv.slice(2);
  if (!count || !path) {
    console.error('usage: npx tsx bench/city-parcels.ts N FILE [SEED]');
    process.exit(2);
  }
  const bytes = await writeParcelFile(path, Number(count), seed === undefined ? undefined : Number(seed));
  console.log(`${path}: ${count} parcels, ${(bytes / 1e6).toFixed(1)} MB`);
}
