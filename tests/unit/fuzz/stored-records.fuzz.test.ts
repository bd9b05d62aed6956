/**
 * Issue 12, fuzzing instead of examples: what the app reads back from IndexedDB, which may be a
 * copy from an older build, half-written, or anything an extension put there. The stored drawn
 * shapes and the stored imported-layer records decode to good entries plus a count of bad ones,
 * never an exception; valid shapes come back unchanged and measure what GeographicLib measures;
 * prototype names stay data; and whatever a stored record holds, the import it drives gives a
 * result or a message.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import {
  decodeShapes,
  encodeShapes,
  MAXIMUM_NAME_LENGTH,
  shapesAsGeoJson,
  type StoredDrawnShape,
} from '../../../src/state/drawn-shapes-codec.ts';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { COORDINATE_SYSTEMS } from '../../../src/data/coordinate-systems.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';
import { FUZZ_TIMEOUT_MS, fuzzParameters, prototypeKeys, thrownBy, utf8 } from './fuzz-settings.ts';
import { oddText } from './mutations.ts';

/** idb-keyval over a Map: the persistence module's logic, without a browser's IndexedDB. */
const database = vi.hoisted(() => new Map<IDBValidKey, unknown>());
vi.mock('idb-keyval', () => ({
  createStore: () => ({}),
  entries: async () => [...database.entries()],
  get: async (key: IDBValidKey) => database.get(key),
  set: async (key: IDBValidKey, value: unknown) => void database.set(key, value),
  del: async (key: IDBValidKey) => void database.delete(key),
  update: async (key: IDBValidKey, change: (value: unknown) => unknown) =>
    void database.set(key, change(database.get(key))),
}));
const { loadStoredLayers } = await import('../../../src/data/storage/imported-layers-persistence.ts');

const RELATIVE_ACCURACY = 1e-6;

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const box = fc.record({
  west: fc.double({ min: 105, max: 106, noNaN: true }),
  south: fc.double({ min: 28.5, max: 29.5, noNaN: true }),
  width: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
  height: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
});
const validShape: fc.Arbitrary<StoredDrawnShape> = fc
  .record({
    id,
    tool: fc.constantFrom('polygon' as const, 'rectangle' as const, 'line' as const),
    box,
    name: fc.oneof(fc.string({ maxLength: MAXIMUM_NAME_LENGTH }), oddText),
  })
  .map(({ id: shapeId, tool, box: { west, south, width, height }, name }) => {
    const ring = (rectangle(west, south, west + width, south + height) as Polygon).coordinates[0]!;
    return {
      id: shapeId,
      tool,
      name,
      geometry:
        tool === 'line'
          ? { type: 'LineString' as const, coordinates: ring.slice(0, 3) }
          : { type: 'Polygon' as const, coordinates: [ring] },
    };
  });
const validShapes = fc.uniqueArray(validShape, { maxLength: 8, selector: (shape) => shape.id });

/** Damage to one stored entry: a field removed, replaced by any value, or the entry replaced. */
const entryDamage = fc.record({
  field: fc.constantFrom('id', 'tool', 'geometry', 'name', 'type', 'coordinates', '__proto__', 'constructor'),
  value: fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.constantFrom(
      Number.NaN,
      Infinity,
      -Infinity,
      Number.MAX_VALUE,
      -0,
      '',
      [],
      {},
      [[]],
      [[[Number.NaN, 1]]],
      [[[200, 100]]],
    ),
  ),
  remove: fc.boolean(),
});

function damage(shape: StoredDrawnShape, change: { field: string; value: unknown; remove: boolean }): unknown {
  const copy = structuredClone(shape) as unknown as Record<string, unknown>;
  const target =
    change.field === 'type' || change.field === 'coordinates' ? (copy.geometry as Record<string, unknown>) : copy;
  if (change.remove) delete target[change.field];
  else
    Object.defineProperty(target, change.field, {
      value: change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

describe('stored drawn shapes, fuzzed', () => {
  it('come back exactly as stored, and measure what GeographicLib measures', () => {
    fc.assert(
      fc.property(validShapes, (shapes) => {
        const decoded = decodeShapes(structuredClone(encodeShapes(shapes)));
        expect(decoded).toEqual({
          shapes: shapes.map((shape) => ({ ...shape, name: shape.name.slice(0, MAXIMUM_NAME_LENGTH) })),
          dropped: 0,
          unreadable: false,
        });
        const exported = shapesAsGeoJson(decoded.shapes);
        exported.features.forEach((feature, index) => {
          if (shapes[index]!.tool === 'line') return;
          const expected = geographicLibArea(shapes[index]!.geometry);
          expect(Math.abs((feature.properties!.area_m2 as number) - expected)).toBeLessThanOrEqual(
            RELATIVE_ACCURACY * expected + 0.001,
          );
        });
      }),
      fuzzParameters(),
    );
  });

  it('keep every good entry and count every bad one, whatever storage holds, never an exception', () => {
    const prototypeBefore = prototypeKeys();
    const stored = fc.oneof(
      fc.anything({ maxDepth: 4 }),
      fc
        .tuple(
          validShapes,
          fc.array(fc.tuple(fc.nat(), entryDamage), { maxLength: 4 }),
          fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
        )
        .map(([shapes, damages, junk]) => {
          const entries: unknown[] = [...shapes];
          for (const [index, change] of damages)
            if (entries.length > 0) entries[index % entries.length] = damage(shapes[index % shapes.length]!, change);
          return { version: 1, shapes: [...entries, ...junk] };
        }),
    );
    fc.assert(
      fc.property(stored, (value) => {
        const decoded = decodeShapes(value);
        const entries = (value as { shapes?: unknown })?.shapes;
        if (!decoded.unreadable && Array.isArray(entries))
          expect(decoded.shapes.length + decoded.dropped).toBe(entries.length);
        expect(new Set(decoded.shapes.map((shape) => shape.id)).size).toBe(decoded.shapes.length);
        for (const shape of decoded.shapes) {
          expect(Object.getPrototypeOf(shape)).toBe(Object.prototype);
          const positions =
            shape.geometry.type === 'Polygon' ? shape.geometry.coordinates[0]! : shape.geometry.coordinates;
          for (const [longitude, latitude] of positions) {
            expect(Math.abs(longitude!)).toBeLessThanOrEqual(180);
            expect(Math.abs(latitude!)).toBeLessThanOrEqual(90);
          }
          expect(shape.name.length).toBeLessThanOrEqual(MAXIMUM_NAME_LENGTH);
        }
        // Measuring what was kept never throws either.
        expect(() => shapesAsGeoJson(decoded.shapes)).not.toThrow();
        expect(prototypeKeys()).toEqual(prototypeBefore);
      }),
      fuzzParameters(),
    );
  });
});

const validRecord = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  fileName: fc.oneof(fc.string({ maxLength: 20 }), oddText),
  coordinateSystem: fc.constantFrom(...COORDINATE_SYSTEMS),
  importedAt: fc.constant('2026-12-01T00:00:00.000Z'),
  visible: fc.boolean(),
  order: fc.integer({ min: 0, max: 100 }),
});

/** A record as storage may really hold it: valid, or with a field missing or of any type. */
const storedRecord = fc
  .tuple(
    validRecord,
    fc.option(
      fc.record({
        field: fc.constantFrom('id', 'fileName', 'coordinateSystem', 'order', 'file', 'visible', '__proto__'),
        value: fc.anything({ maxDepth: 2 }),
        remove: fc.boolean(),
      }),
    ),
  )
  .map(([record, change]) => {
    const value: Record<string, unknown> = {
      ...record,
      file: new Blob(['{"type":"Point","coordinates":[105.4,28.9]}']),
    };
    if (change) {
      if (change.remove) delete value[change.field];
      else
        Object.defineProperty(value, change.field, {
          value: change.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return value;
  });

describe('stored imported layers, fuzzed', () => {
  beforeEach(() => database.clear());

  it('load only records the import can restore, in the planner order, never an exception', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(storedRecord, { maxLength: 6 }),
        fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 2 }),
        fc.array(fc.nat(), { maxLength: 2 }),
        async (records, junk, pendingIndexes) => {
          database.clear();
          records.forEach((record, index) =>
            database.set(typeof record.id === 'string' ? record.id : `record-${index}`, record),
          );
          junk.forEach((value, index) => database.set(`junk-${index}`, value));
          const pending = new Set(
            pendingIndexes
              .filter((index) => index < records.length)
              .map((index) => records[index]!.id)
              .filter((key): key is string => typeof key === 'string'),
          );
          for (const key of pending) database.set(`pending:${key}`, true);
          let layers: Awaited<ReturnType<typeof loadStoredLayers>> = [];
          const thrown = await thrownBy(async () => {
            layers = await loadStoredLayers();
          });
          expect(thrown === undefined ? 'no exception' : String(thrown)).toBe('no exception');
          for (const layer of layers) {
            expect(typeof layer.id).toBe('string');
            expect(typeof layer.fileName).toBe('string');
            expect(COORDINATE_SYSTEMS).toContain(layer.coordinateSystem);
            expect(layer.file).toBeInstanceOf(Blob);
            expect(pending.has(layer.id)).toBe(false);
          }
          const orders = layers.map((layer) => layer.order);
          if (orders.every((order) => typeof order === 'number' && Number.isFinite(order)))
            expect(orders).toEqual([...orders].sort((first, second) => first - second));
          for (const key of pending) expect(database.has(key)).toBe(false);
        },
      ),
      fuzzParameters(0.5),
    );
  });

  it('drive an import that gives a result or a message whatever choices the record holds', {
    timeout: FUZZ_TIMEOUT_MS,
  }, async () => {
    const geojson = utf8(
      '{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[105.4,28.9],[105.41,28.9],[105.41,28.91],[105.4,28.91],[105.4,28.9]]]},"properties":{"name":"地块"}}',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          coordinateSystem: fc.constantFrom(...COORDINATE_SYSTEMS),
          textEncoding: fc.oneof(fc.constant(null), fc.anything({ maxDepth: 1 })),
          table: fc.oneof(fc.constant(null), fc.anything({ maxDepth: 1 })),
          pointColumns: fc.oneof(fc.constant(null), fc.anything({ maxDepth: 2 })),
          projection: fc.oneof(fc.constant(null), fc.anything({ maxDepth: 1 }), fc.integer()),
        }),
        fc.constantFrom('layer.geojson', 'layer.zip', 'layer.csv', 'layer.gpkg'),
        async (choices, fileName) => {
          const thrown = await thrownBy(() =>
            importBytes({
              bytes: geojson,
              fileName,
              boundaries: null,
              ...(choices as unknown as { coordinateSystem: 'wgs84' }),
            }),
          );
          expect(thrown === undefined ? 'no exception' : String(thrown)).toBe('no exception');
        },
      ),
      fuzzParameters(0.5),
    );
  });
});
