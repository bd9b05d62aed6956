/**
 * Issue 12, fuzzing instead of examples: zipped Shapefiles and the capped unzip under them. Random
 * valid zips (polygons built from known rectangles, a DBF whose field names include the prototype
 * names) measure what GeographicLib measures; zips cut, bit-flipped or lying about their sizes give
 * a result or one message naming the file, never an exception, and never inflate more than the
 * smaller of the declared size and the limit, plus the documented overshoot.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { INFLATE_OVERSHOOT_BYTES, unzipMember } from '../../../src/data/import/capped-unzip.ts';
import { readZipDirectory } from '../../../src/data/import/zip-directory.ts';
import { buildZip, type ZipEntry } from '../../fixtures/import/build-zip.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';
import { FUZZ_TIMEOUT_MS, fuzzParameters, prototypeKeys, thrownBy } from './fuzz-settings.ts';
import { applyByteMutation, byteMutation } from './mutations.ts';

const RELATIVE_ACCURACY = 1e-6;
const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A polygon .shp (type 5), one clockwise ring per record, as ESRI's whitepaper lays it out. */
function shpOf(boxes: Box[]): Uint8Array {
  const recordBytes = 8 + 44 + 4 + 5 * 16;
  const bytes = new Uint8Array(100 + boxes.length * recordBytes);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, bytes.length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  const bounds = [
    Math.min(...boxes.map((box) => box.west)),
    Math.min(...boxes.map((box) => box.south)),
    Math.max(...boxes.map((box) => box.east)),
    Math.max(...boxes.map((box) => box.north)),
  ];
  bounds.forEach((value, index) => view.setFloat64(36 + index * 8, value, true));
  boxes.forEach((box, index) => {
    const offset = 100 + index * recordBytes;
    view.setInt32(offset, index + 1, false);
    view.setInt32(offset + 4, (recordBytes - 8) / 2, false);
    view.setInt32(offset + 8, 5, true);
    [box.west, box.south, box.east, box.north].forEach((value, corner) =>
      view.setFloat64(offset + 12 + corner * 8, value, true),
    );
    view.setInt32(offset + 44, 1, true);
    view.setInt32(offset + 48, 5, true);
    view.setInt32(offset + 52, 0, true);
    const clockwise = [
      [box.west, box.south],
      [box.west, box.north],
      [box.east, box.north],
      [box.east, box.south],
      [box.west, box.south],
    ];
    clockwise.forEach(([x, y], point) => {
      view.setFloat64(offset + 56 + point * 16, x!, true);
      view.setFloat64(offset + 64 + point * 16, y!, true);
    });
  });
  return bytes;
}

/** A dBASE III table of character fields (ASCII names up to 10 characters, UTF-8 values). */
function dbfOf(fieldNames: string[], rows: string[][]): Uint8Array {
  const width = 20;
  const headerBytes = 32 + fieldNames.length * 32 + 1;
  const recordBytes = 1 + fieldNames.length * width;
  const bytes = new Uint8Array(headerBytes + rows.length * recordBytes + 1).fill(0);
  const view = new DataView(bytes.buffer);
  bytes[0] = 3;
  bytes[1] = 126;
  bytes[2] = 1;
  bytes[3] = 1;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerBytes, true);
  view.setUint16(10, recordBytes, true);
  fieldNames.forEach((name, index) => {
    const offset = 32 + index * 32;
    bytes.set(new TextEncoder().encode(name).subarray(0, 10), offset);
    bytes[offset + 11] = 'C'.charCodeAt(0);
    bytes[offset + 16] = width;
  });
  bytes[headerBytes - 1] = 0x0d;
  rows.forEach((row, rowIndex) => {
    const offset = headerBytes + rowIndex * recordBytes;
    bytes[offset] = 0x20;
    row.forEach((value, column) => {
      const cell = new Uint8Array(width).fill(0x20);
      cell.set(new TextEncoder().encode(value).subarray(0, width));
      bytes.set(cell, offset + 1 + column * width);
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

const box: fc.Arbitrary<Box> = fc
  .record({
    west: fc.double({ min: 105, max: 106, noNaN: true }),
    south: fc.double({ min: 28.5, max: 29.5, noNaN: true }),
    width: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
    height: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
  })
  .map(({ west, south, width, height }) => ({ west, south, east: west + width, north: south + height }));

const fieldName = fc.oneof(
  fc.constantFrom('__proto__', 'prototype', 'name', 'landuse', 'toString'),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,9}$/),
);
/** ASCII values: a DBF without a .cpg is read in a guessed encoding, which is not what is fuzzed here. */
const cellValue = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);

const shapefile = fc
  .record({
    boxes: fc.array(box, { minLength: 1, maxLength: 6 }),
    fields: fc.uniqueArray(fieldName, {
      minLength: 1,
      maxLength: 4,
      comparator: (first, second) => first.toLowerCase() === second.toLowerCase(),
    }),
    method: fc.constantFrom(0 as const, 8 as const),
    seed: fc.array(cellValue, { minLength: 24, maxLength: 24 }),
  })
  .map(({ boxes, fields, method, seed }) => {
    const rows = boxes.map((_, row) => fields.map((__, column) => seed[(row * fields.length + column) % seed.length]!));
    const entries: ZipEntry[] = [
      { name: 'parcels.shp', content: shpOf(boxes), method },
      { name: 'parcels.dbf', content: dbfOf(fields, rows), method },
      { name: 'parcels.prj', content: new TextEncoder().encode(WGS84_PRJ), method },
      { name: 'parcels.cpg', content: new TextEncoder().encode('UTF-8'), method },
    ];
    return { boxes, fields, rows, entries };
  });

describe('zipped Shapefiles into importBytes, fuzzed', () => {
  it('measures random valid Shapefiles as GeographicLib does and keeps every field name as data', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    const prototypeBefore = prototypeKeys();
    await fc.assert(
      fc.asyncProperty(shapefile, async ({ boxes, fields, rows, entries }) => {
        const outcome = await importBytes({
          bytes: buildZip(entries),
          fileName: 'random.zip',
          coordinateSystem: 'wgs84',
          boundaries: null,
        });
        expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.collection.features).toHaveLength(boxes.length);
        boxes.forEach(({ west, south, east, north }, index) => {
          const expected = geographicLibArea(rectangle(west, south, east, north) as Polygon);
          expect(Math.abs(outcome.featureAreasM2[index]! - expected)).toBeLessThanOrEqual(RELATIVE_ACCURACY * expected);
          const properties = outcome.collection.features[index]!.properties!;
          expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
          fields.forEach((field, column) =>
            expect(Object.getOwnPropertyDescriptor(properties, field)?.value, field).toBe(rows[index]![column]),
          );
        });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(prototypeKeys()).toEqual(prototypeBefore);
      }),
      fuzzParameters(0.5),
    );
  });

  it('gives a result or one message naming the file for a cut or bit-flipped zip, never an exception', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(shapefile, byteMutation, async ({ entries }, mutation) => {
        const bytes = applyByteMutation(buildZip(entries), mutation);
        let outcome: Awaited<ReturnType<typeof importBytes>> | undefined;
        const thrown = await thrownBy(async () => {
          outcome = await importBytes({ bytes, fileName: 'damaged.zip', coordinateSystem: 'wgs84', boundaries: null });
        });
        expect(thrown === undefined ? 'no exception' : String(thrown)).toBe('no exception');
        if (outcome && !outcome.ok) {
          expect(outcome.message.startsWith('damaged.zip')).toBe(true);
          expect(outcome.message).not.toMatch(/[\r\n]/);
        }
      }),
      fuzzParameters(),
    );
  });

  it('refuses a zip whose members lie about their sizes, naming the file, never an exception', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        shapefile,
        fc.array(fc.integer({ min: 0, max: 0xfffffffe }), { minLength: 4, maxLength: 4 }),
        async ({ entries }, declared) => {
          const lying = entries.map((entry, index) => ({ ...entry, declaredBytes: declared[index]! }));
          let outcome: Awaited<ReturnType<typeof importBytes>> | undefined;
          const thrown = await thrownBy(async () => {
            outcome = await importBytes({
              bytes: buildZip(lying),
              fileName: 'lying.zip',
              coordinateSystem: 'wgs84',
              boundaries: null,
            });
          });
          expect(thrown === undefined ? 'no exception' : String(thrown)).toBe('no exception');
          if (!outcome) return;
          const truthful = lying.every((entry) => entry.declaredBytes === entry.content.length);
          // A member declaring less than it holds is never read whole.
          if (lying.slice(0, 2).some((entry) => entry.declaredBytes! < entry.content.length))
            expect(outcome.ok).toBe(false);
          if (!outcome.ok) expect(outcome.message.startsWith('lying.zip')).toBe(true);
          else if (truthful) expect(outcome.collection.features.length).toBeGreaterThan(0);
        },
      ),
      fuzzParameters(),
    );
  });
});

describe('the capped unzip, fuzzed', () => {
  const member = fc.record({
    // Large members as a count of zeros, so a failure prints a number, not two million bytes.
    content: fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.record({ zeros: fc.integer({ min: 0, max: 600_000 }) })),
    declaredBytes: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(100)),
    method: fc.constantFrom(0 as const, 8 as const),
  });

  it('never inflates more than the smaller of the declared size and the limit, plus one slice', {
    timeout: FUZZ_TIMEOUT_MS,
  }, () => {
    fc.assert(
      fc.property(
        member,
        fc.integer({ min: 0, max: 1_200_000 }),
        fc.option(byteMutation, { nil: undefined }),
        ({ content: described, declaredBytes, method }, limit, mutation) => {
          const content = described instanceof Uint8Array ? described : new Uint8Array(described.zeros);
          let zip = buildZip([{ name: 'parcels.shp', content, declaredBytes, method }]);
          if (mutation) zip = applyByteMutation(zip, mutation);
          const directory = readZipDirectory(zip);
          if (!directory.ok) return;
          for (const entry of directory.members) {
            const unzipped = unzipMember(zip, entry, limit);
            const cap = Math.min(entry.uncompressedBytes, limit);
            // Counted work: what Deflate produced, not what was claimed. A stored member inflates
            // nothing (its count is its length in the zip), so only its result is bounded.
            if (entry.method === 8) expect(unzipped.inflatedBytes).toBeLessThanOrEqual(cap + INFLATE_OVERSHOOT_BYTES);
            if (unzipped.ok) {
              expect(unzipped.bytes.length).toBeLessThanOrEqual(cap);
              if (!mutation && content.length <= cap) expect(unzipped.bytes).toEqual(content);
            } else {
              expect(unzipped.problem.startsWith(entry.name)).toBe(true);
            }
          }
        },
      ),
      fuzzParameters(0.5),
    );
  });

  it('reads any bytes as a zip directory or says it cannot, never an exception, and lists no more members than fit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const directory = readZipDirectory(bytes);
        if (directory.ok) expect(directory.members.length).toBeLessThanOrEqual(Math.floor(bytes.length / 46));
        else expect(directory.problem.length).toBeGreaterThan(0);
      }),
      fuzzParameters(),
    );
  });
});
