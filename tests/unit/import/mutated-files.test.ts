/**
 * Hostile input is normal: the readers added for issues 12 and 17 (capped unzip, DBF, KMZ, XLSX,
 * GeoPackage, CSV) given valid files with bytes flipped or cut at random offsets. The property:
 * a result or one message naming the file, never an uncaught exception. Seeded, so a failure
 * replays: the seed and the mutation are in the test's name and message.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

/** mulberry32: a small seeded generator, so every run mutates the same way. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261201;
const CASES = 30;

describe.each([
  'districts-gbk-cpg.zip',
  'districts-folders.kmz',
  'places-gcj02.xlsx',
  'districts-two-tables.gpkg',
  'places-gcj02-gbk.csv',
])('%s, mutated', (name) => {
  const valid = new Uint8Array(readFileSync(join(FIXTURES_DIRECTORY, 'import', name)));
  it(`gives a result or a message naming the file, never an exception (seed ${SEED}, ${CASES} cases)`, {
    timeout: 60_000,
  }, async () => {
    const next = random(SEED);
    for (let index = 0; index < CASES; index++) {
      const bytes = valid.slice();
      let mutation: string;
      if (index % 3 === 0) {
        const length = Math.floor(next() * bytes.length);
        mutation = `cut at ${length}`;
        const outcome = await importBytes({
          bytes: bytes.subarray(0, length),
          fileName: name,
          coordinateSystem: 'wgs84',
          boundaries: null,
        }).catch((error: unknown) => ({ thrown: error }));
        expect('thrown' in outcome ? `${mutation}: threw ${String(outcome.thrown)}` : 'ok').toBe('ok');
        if ('ok' in outcome && !outcome.ok) expect(outcome.message.startsWith(name)).toBe(true);
        continue;
      }
      const flips = 1 + Math.floor(next() * 8);
      const offsets: number[] = [];
      for (let flip = 0; flip < flips; flip++) {
        const offset = Math.floor(next() * bytes.length);
        bytes[offset] = Math.floor(next() * 256);
        offsets.push(offset);
      }
      mutation = `bytes changed at ${offsets.join(', ')}`;
      const outcome = await importBytes({ bytes, fileName: name, coordinateSystem: 'wgs84', boundaries: null }).catch(
        (error: unknown) => ({ thrown: error }),
      );
      expect('thrown' in outcome ? `${mutation}: threw ${String(outcome.thrown)}` : 'ok').toBe('ok');
      if ('ok' in outcome && !outcome.ok) expect(`${mutation}: ${outcome.message}`.includes(`: ${name}`)).toBe(true);
    }
  });
});
