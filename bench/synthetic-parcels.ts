/**
 * A GeoJSON file of generated parcels for the benchmarks that hand the app a big file: star-shaped
 * polygons of 8–40 vertices, 20–300 m across, scattered over the zone (105.2–105.7° E,
 * 28.7–29.2° N), with an id, a land use and a Chinese name, until the file reaches the size asked.
 * Deterministic for a seed; written under .test-results/, never committed. The import and the
 * frame-time benches both draw their files from here, so their figures are about one kind of file.
 */
import { writeFileSync } from 'node:fs';
import { LAND_USES, random } from './bench-support.ts';

/** The area the parcels are scattered over: [west, south, east, north]. */
export const PARCEL_AREA = [105.2, 28.7, 105.7, 29.2] as const;

/** Writes at least `targetBytes` of parcels to `path`; returns how many polygons it wrote. */
export function writeParcelFile(path: string, targetBytes: number, seed = 2026): number {
  const next = random(seed);
  const [west, south, east, north] = PARCEL_AREA;
  const parts: string[] = [];
  let bytes = 0;
  let count = 0;
  while (bytes < targetBytes) {
    const longitude = west + next() * (east - west);
    const latitude = south + next() * (north - south);
    const radius = (20 + next() * 280) / 111_000;
    const vertexCount = 8 + Math.floor(next() * 33);
    const ring: [number, number][] = [];
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      const angle = (vertex / vertexCount) * 2 * Math.PI;
      const reach = radius * (0.6 + 0.4 * next());
      ring.push([
        +(longitude + (reach * Math.cos(angle)) / Math.cos((latitude * Math.PI) / 180)).toFixed(7),
        +(latitude + reach * Math.sin(angle)).toFixed(7),
      ]);
    }
    ring.push(ring[0]!);
    const feature = JSON.stringify({
      type: 'Feature',
      properties: { id: count, land_use: LAND_USES[count % LAND_USES.length], name: `地块 ${count}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
    parts.push(feature);
    bytes += Buffer.byteLength(feature) + 2;
    count += 1;
  }
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`);
  return count;
}
