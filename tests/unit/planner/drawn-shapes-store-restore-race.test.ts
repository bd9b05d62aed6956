/**
 * A shape finished while IndexedDB is still answering the restore must neither be lost nor
 * overwrite the stored shapes: the store waits for the restore, then saves both.
 */
import { expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import type { DrawingEvent, MeasureDrawingController } from '../../../src/map/measure-drawing.ts';
import { rectangle } from '../../fixtures/geographiclib-oracle.ts';

const storage = vi.hoisted(() => {
  let release: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (release = resolve));
  return { values: new Map<string, unknown>(), writes: 0, answered, release: () => release() };
});
vi.mock('idb-keyval', () => ({
  get: async (key: string) => {
    await storage.answered;
    return structuredClone(storage.values.get(key));
  },
  set: async (key: string, value: unknown) => {
    storage.writes += 1;
    storage.values.set(key, structuredClone(value));
  },
  del: async (key: string) => {
    storage.writes += 1;
    storage.values.delete(key);
  },
  update: async (key: string, updater: (value: unknown) => unknown) => {
    storage.writes += 1;
    storage.values.set(key, structuredClone(updater(structuredClone(storage.values.get(key)))));
  },
}));
vi.mock('../../../src/workers/drawn-shape-client.ts', () => ({
  analyseDrawnShape: () => new Promise(() => undefined),
}));

const KEY = 'luzhou-zone-map:drawn-shapes:v1';

it('keeps a shape drawn before the restore finished, and the stored ones', async () => {
  const stored = { id: 'stored-1', tool: 'polygon', name: '旧', geometry: rectangle(105.41, 28.81, 105.42, 28.82) };
  storage.values.set(KEY, { version: 1, shapes: [stored] });
  const store = await import('../../../src/state/drawn-shapes-store.ts');
  const { plannerMap } = await import('../../../src/state/planner-map.ts');
  let listener: ((event: DrawingEvent) => void) | null = null;
  const shown: string[][] = [];
  const controller = {
    mode: () => 'polygon',
    setShapes: (shapes: readonly { id: string }[]) => {
      shown.push(shapes.map((shape) => shape.id));
      return [];
    },
    subscribe: (next: (event: DrawingEvent) => void) => {
      listener = next;
      return () => undefined;
    },
  } as unknown as MeasureDrawingController;
  plannerMap.value = { drawing: controller } as never;
  store.connectDrawnShapes();

  listener!({
    type: 'finished',
    shape: { id: 'new-1', tool: 'polygon', geometry: rectangle(105.43, 28.83, 105.44, 28.84) as Polygon },
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(storage.writes).toBe(0);

  storage.release();
  await vi.waitFor(() => expect(store.drawnShapesRestored.value).toBe(true));
  await store.drawnShapesSaved();
  expect(store.drawnShapes.value.map((shape) => shape.id)).toEqual(['stored-1', 'new-1']);
  expect((storage.values.get(KEY) as { shapes: { id: string }[] }).shapes.map((shape) => shape.id)).toEqual([
    'stored-1',
    'new-1',
  ]);
  expect(shown.at(-1)).toEqual(['stored-1', 'new-1']);
});
