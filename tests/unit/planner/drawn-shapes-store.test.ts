/**
 * The drawn-shapes store with IndexedDB replaced by a Map, the worker by the analyser itself and
 * the map's drawing controller by a recording fake: what a planner draws, edits, names and
 * deletes is saved after every finished change; a restore keeps the good entries, pushes them to
 * the map once it exists, and says what was lost.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import type { DrawingEvent, DrawnGeometryShape, MeasureDrawingController } from '../../../src/map/measure-drawing.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { directoryReader } from '../../fixtures/read-fixture.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';

const storage = vi.hoisted(() => ({ values: new Map<string, unknown>(), failing: false }));
vi.mock('idb-keyval', () => ({
  get: async (key: string) => {
    if (storage.failing) throw new Error('blocked');
    return structuredClone(storage.values.get(key));
  },
  set: async (key: string, value: unknown) => {
    if (storage.failing) throw new Error('blocked');
    storage.values.set(key, structuredClone(value));
  },
  del: async (key: string) => {
    if (storage.failing) throw new Error('blocked');
    storage.values.delete(key);
  },
  update: async (key: string, updater: (value: unknown) => unknown) => {
    if (storage.failing) throw new Error('blocked');
    storage.values.set(key, structuredClone(updater(structuredClone(storage.values.get(key)))));
  },
}));
vi.mock('../../../src/workers/drawn-shape-client.ts', async () => {
  const { createDrawnShapeAnalyser } = await import('../../../src/workers/drawn-shape-analyser.ts');
  const analyse = createDrawnShapeAnalyser();
  let sent: unknown = null;
  return {
    analyseDrawnShape: async (dataset: unknown, shapeId: string, geometry: Polygon) => {
      if (sent !== dataset) analyse({ type: 'dataset', dataset: dataset as never });
      sent = dataset;
      const reply = analyse({ type: 'analyse', requestId: 1, shapeId, geometry });
      if (!reply?.ok) throw new Error('failed');
      return reply.result;
    },
  };
});

const KEY = 'luzhou-zone-map:drawn-shapes:v1';

type Store = typeof import('../../../src/state/drawn-shapes-store.ts');
type PlannerMapState = typeof import('../../../src/state/planner-map.ts');
type AppState = typeof import('../../../src/state/app-state.ts');

function fakeController() {
  let listener: ((event: DrawingEvent) => void) | null = null;
  const calls: string[] = [];
  const shown: DrawnGeometryShape[][] = [];
  const controller: MeasureDrawingController = {
    isDrawing: () => false,
    mode: () => 'off',
    setMode: () => undefined,
    cancel: () => undefined,
    setShapes: (shapes) => {
      shown.push([...shapes]);
      return [];
    },
    deleteShape: (id) => void calls.push(`delete ${id}`),
    clear: () => void calls.push('clear'),
    select: () => undefined,
    selectedId: () => null,
    subscribe: (next) => {
      listener = next;
      return () => {
        listener = null;
      };
    },
    destroy: () => undefined,
  };
  return { controller, calls, shown, emit: (event: DrawingEvent) => listener?.(event) };
}

const square = rectangle(105.41, 28.81, 105.44, 28.84) as Polygon;
const GOOD_ID = 'a1b2c3';

let store: Store;
let plannerMapState: PlannerMapState;
let appState: AppState;

async function settled(): Promise<void> {
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setTimeout(resolve, 0));
  await store.drawnShapesSaved();
}

beforeAll(async () => {
  storage.values.set(KEY, {
    version: 1,
    shapes: [
      { id: GOOD_ID, tool: 'rectangle', name: '地块', geometry: square },
      { id: 'bad', tool: 'polygon', geometry: null },
    ],
  });
  store = await import('../../../src/state/drawn-shapes-store.ts');
  plannerMapState = await import('../../../src/state/planner-map.ts');
  appState = await import('../../../src/state/app-state.ts');
  const loaded = await loadDataset(directoryReader('dataset'));
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  appState.setDatasetReady(loaded.dataset);
});

describe('the drawn-shapes store', () => {
  const fake = fakeController();

  beforeEach(async () => {
    await settled();
  });

  it('restores the good stored shapes, drops the bad one and says so', async () => {
    store.connectDrawnShapes();
    await settled();
    expect(store.drawnShapes.value.map((shape) => shape.id)).toEqual([GOOD_ID]);
    expect(store.drawnShapes.value[0]!.name).toBe('地块');
    expect(store.drawnShapesNotice.value).toEqual({ kind: 'restored-with-losses', kept: 1, dropped: 1 });
  });

  it('analyses a restored polygon: its green land and 绿地率', async () => {
    await vi.waitFor(() => expect(store.drawnShapeAnalyses.value[GOOD_ID]?.status).toBe('done'));
    const state = store.drawnShapeAnalyses.value[GOOD_ID];
    if (state?.status !== 'done' || !state.result.ok) throw new Error('not analysed');
    expect(Math.abs(state.result.analysis.areaM2 / geographicLibArea(square) - 1)).toBeLessThan(1e-6);
    expect(state.result.analysis.greenAreaM2).toBeGreaterThan(0);
  });

  it('pushes the restored shapes to the map once the map exists', () => {
    plannerMapState.plannerMap.value = {
      drawing: fake.controller,
      exportImage: async () => new Blob(),
      destroy: () => undefined,
    } as never;
    expect(fake.shown.at(-1)?.map((shape) => shape.id)).toEqual([GOOD_ID]);
  });

  it('saves a newly drawn shape as soon as it is finished', async () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [105.4, 28.8],
        [105.5, 28.9],
      ],
    };
    fake.emit({ type: 'finished', shape: { id: 'line-1', tool: 'line', geometry: line } });
    await settled();
    const stored = storage.values.get(KEY) as { shapes: { id: string }[] };
    expect(stored.shapes.map((shape) => shape.id)).toEqual([GOOD_ID, 'line-1']);
  });

  it('saves an edit, keeping the name, and re-analyses the new outline', async () => {
    const larger = rectangle(105.41, 28.81, 105.45, 28.85) as Polygon;
    fake.emit({ type: 'finished', shape: { id: GOOD_ID, tool: 'rectangle', geometry: larger } });
    await settled();
    const stored = storage.values.get(KEY) as { shapes: { id: string; name: string; geometry: Polygon }[] };
    expect(stored.shapes[0]).toMatchObject({ id: GOOD_ID, name: '地块', geometry: larger });
    const table = await store.drawnLandUseTable(GOOD_ID, 'layer');
    expect(Math.abs(table.denominatorM2 / geographicLibArea(larger) - 1)).toBeLessThan(1e-6);
    await expect(store.drawnLandUseTable(GOOD_ID, 'owner')).rejects.toThrow(/layer or kind/);
    await expect(store.drawnLandUseTable('line-1', 'layer')).rejects.toThrow(/line/);
  });

  it('saves a rename and the live figures follow the pointer', async () => {
    store.renameShape(GOOD_ID, '<b>新名</b>');
    await settled();
    expect((storage.values.get(KEY) as { shapes: { name: string }[] }).shapes[0]!.name).toBe('<b>新名</b>');
    fake.emit({ type: 'live', tool: 'polygon', geometry: square, editingId: null });
    expect(store.liveDrawing.value?.measurement).toMatchObject({ type: 'area' });
    fake.emit({ type: 'live-ended' });
    expect(store.liveDrawing.value).toBeNull();
  });

  it('removes a shape deleted on the map (Delete key) and one deleted from the list, saving each time', async () => {
    fake.emit({ type: 'deleted', id: 'line-1' });
    await settled();
    expect((storage.values.get(KEY) as { shapes: unknown[] }).shapes).toHaveLength(1);
    // Guidance points terra-draw deletes are not shapes: nothing changes.
    fake.emit({ type: 'deleted', id: 'not-a-shape' });
    expect(store.drawnShapes.value).toHaveLength(1);
    store.deleteShape(GOOD_ID);
    await settled();
    expect(fake.calls).toContain(`delete ${GOOD_ID}`);
    expect(store.drawnShapes.value).toEqual([]);
    expect(storage.values.has(KEY)).toBe(false);
    expect(store.drawnShapeAnalyses.value[GOOD_ID]).toBeUndefined();
  });

  it('says so when storage refuses a save, and keeps the shape in the page', async () => {
    storage.failing = true;
    fake.emit({ type: 'finished', shape: { id: 'p-2', tool: 'polygon', geometry: square } });
    await settled();
    expect(store.drawnShapes.value.map((shape) => shape.id)).toEqual(['p-2']);
    expect(store.drawnShapesNotice.value).toEqual({ kind: 'storage-failed' });
    storage.failing = false;
    await store.clearAllShapes();
    expect(fake.calls).toContain('clear');
    expect(store.drawnShapes.value).toEqual([]);
    expect(storage.values.has(KEY)).toBe(false);
    expect(store.drawnShapesNotice.value).toBeNull();
  });

  it('exports the shapes as GeoJSON with their measured figures', async () => {
    fake.emit({ type: 'finished', shape: { id: 'p-3', tool: 'polygon', geometry: square } });
    await vi.waitFor(() => expect(store.drawnShapeAnalyses.value['p-3']?.status).toBe('done'));
    const parsed = JSON.parse(await store.exportDrawnShapes().text());
    expect(parsed.features[0].properties.id).toBe('p-3');
    expect(Math.abs(parsed.features[0].properties.area_m2 / geographicLibArea(square) - 1)).toBeLessThan(1e-6);
    expect(parsed.features[0].properties.green_space_ratio).toBeGreaterThan(0);
  });
});
