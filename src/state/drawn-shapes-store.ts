/**
 * The shapes a planner draws (WGS84), persisted in IndexedDB after every finished change so a
 * reload or a crash loses nothing, and their analysis (green land, overlaps, land use) computed in
 * the drawn-shape worker. The map's drawing controller (src/map/measure-drawing.ts) reports the
 * planner's gestures here; this store pushes restored shapes into it once both exist.
 *
 * `connectDrawnShapes()` is called once when the planner loads.
 *
 * Stays whole (over 350 lines): persistence, the merge with other tabs and the worker analysis all
 * act on the same list of shapes in one order of events; split, the races between them reappear.
 */
import { batch, effect, signal } from '@preact/signals';
import type { LineString, Polygon } from 'geojson';
import { del, get, set, update } from 'idb-keyval';
import type { DrawnPolygonAnalysisResult } from '../analysis/drawn-shape-analysis.ts';
import { measureDrawnGeometry, type DrawnMeasurement } from '../analysis/drawn-shape-measurement.ts';
import type { LandUseTable } from '../analysis/land-use-types.ts';
import type { DrawingEvent, DrawingMode, MeasureDrawingController } from '../map/measure-drawing.ts';
import { analyseDrawnShape } from '../workers/drawn-shape-client.ts';
import { datasetState } from './app-state.ts';
import { decodeShapes, encodeShapes, MAXIMUM_NAME_LENGTH, shapesAsGeoJson } from './drawn-shapes-codec.ts';
import { plannerMap } from './planner-map.ts';
import { isQuotaExceeded } from '../data/storage/resilient-store.ts';
import { announceStorageChange, onStorageChange, registerPendingWrites } from './storage-channel.ts';
import { mergeById } from './storage-merge.ts';
import { keyValueStore, showStorageNotice } from './storage-notices.ts';
import { setAsideKey, upgradeDrawnShapesRecord } from './storage-records.ts';

export interface DrawnShape {
  id: string;
  /** 'rectangle' is a Polygon drawn as a rectangle. */
  tool: 'polygon' | 'rectangle' | 'line';
  geometry: Polygon | LineString;
  /** A name the planner may give it (text, never HTML). */
  name: string;
}

export const STORAGE_KEY = 'luzhou-zone-map:drawn-shapes:v1';

export const drawnShapes = signal<readonly DrawnShape[]>([]);

export type ShapeAnalysisState =
  | { status: 'pending' }
  | { status: 'done'; result: DrawnPolygonAnalysisResult }
  | { status: 'failed'; reason: string };

/** Analyses of finished polygons by shape id (lines have none). */
export const drawnShapeAnalyses = signal<Readonly<Record<string, ShapeAnalysisState>>>({});

/** The shape being drawn or dragged, measured; null when nothing is in progress. */
export const liveDrawing = signal<{
  tool: DrawnShape['tool'];
  measurement: DrawnMeasurement;
  editingId: string | null;
} | null>(null);
export const drawingMode = signal<DrawingMode>('off');
/** The shape most recently drawn or edited, for the one announcement a screen reader hears. */
export const lastFinishedShapeId = signal<string | null>(null);
export const selectedShapeId = signal<string | null>(null);

/** What the panel should tell the planner about storage; null when all is well. */
export type DrawnShapesNotice =
  | { kind: 'restored-with-losses'; kept: number; dropped: number }
  | { kind: 'stored-value-unreadable' }
  | { kind: 'storage-failed' }
  | { kind: 'map-refused'; count: number };
export const drawnShapesNotice = signal<DrawnShapesNotice | null>(null);
/** True once the stored shapes have been read (or found missing). */
export const drawnShapesRestored = signal(false);

/**
 * What storage held when this tab last read or wrote it. Another tab may have saved since: a save
 * applies only this tab's changes since then (storage-merge.ts), inside one IndexedDB transaction,
 * so neither tab's shapes are lost.
 */
let synced: readonly DrawnShape[] = [];

/** The stored value as shapes; a record this build cannot read is copied aside first, then read as empty. */
async function readStoredShapes(): Promise<DrawnShape[]> {
  const stored: unknown = await get(STORAGE_KEY, keyValueStore);
  return (await shapesOfRecord(stored)).shapes;
}

async function shapesOfRecord(stored: unknown): Promise<ReturnType<typeof decodeShapes>> {
  const upgraded = upgradeDrawnShapesRecord(stored);
  if (upgraded.kind === 'empty') return decodeShapes(undefined);
  if (upgraded.kind === 'set-aside') {
    await set(setAsideKey(STORAGE_KEY, new Date()), stored, keyValueStore);
    showStorageNotice({ kind: 'record-set-aside', record: 'drawn-shapes', reason: upgraded.reason });
    return decodeShapes(undefined);
  }
  if (upgraded.kind === 'migrated')
    showStorageNotice({ kind: 'record-migrated', record: 'drawn-shapes', fromVersion: upgraded.fromVersion });
  return decodeShapes(upgraded.value);
}

function sameShapes(first: readonly DrawnShape[], second: readonly DrawnShape[]): boolean {
  return JSON.stringify(first) === JSON.stringify(second);
}

/** Shows `next` (storage's shapes with this tab's unsaved changes) in the list and on the map. */
function adoptShapes(next: DrawnShape[]): void {
  const before = drawnShapes.peek();
  if (sameShapes(before, next)) return;
  batch(() => {
    for (const shape of before) if (!next.some((candidate) => candidate.id === shape.id)) forgetAnalysis(shape.id);
    drawnShapes.value = next;
    if (selectedShapeId.peek() !== null && !next.some((shape) => shape.id === selectedShapeId.peek()))
      selectedShapeId.value = null;
  });
  pushToMap();
}

// Redrawing the map's shapes mid-gesture would cut the planner's drawing short: wait for its end.
let mapBehind = false;
function pushToMap(): void {
  const controller = drawing();
  if (!controller) return;
  if (liveDrawing.peek() !== null) {
    mapBehind = true;
    return;
  }
  mapBehind = false;
  const refused = controller.setShapes(drawnShapes.peek());
  if (refused.length > 0) drawnShapesNotice.value = { kind: 'map-refused', count: refused.length };
}

// Writes are chained so a slow earlier save never lands after a later one.
let saving: Promise<unknown> = Promise.resolve();
function save(): Promise<unknown> {
  // Before the stored shapes are read, a save would overwrite them; the restore saves the merge.
  if (!drawnShapesRestored.peek()) return saving;
  saving = saving.then(async () => {
    const local = drawnShapes.peek();
    try {
      // A record this build cannot read is set aside before the transaction below replaces it.
      await readStoredShapes();
      let merged: DrawnShape[] = [];
      await update(
        STORAGE_KEY,
        (stored: unknown) => {
          const upgraded = upgradeDrawnShapesRecord(stored);
          const current =
            upgraded.kind === 'current' || upgraded.kind === 'migrated' ? decodeShapes(upgraded.value).shapes : [];
          merged = mergeById(synced, local, current, (shape) => shape.id);
          return encodeShapes(merged);
        },
        keyValueStore,
      );
      // Nothing left anywhere: leave no record behind (a tab saving in between merges again on its next save).
      if (merged.length === 0) await del(STORAGE_KEY, keyValueStore);
      synced = merged;
      // Keep anything drawn while the transaction ran on top of what storage now holds.
      adoptShapes(mergeById(local, drawnShapes.peek(), merged, (shape) => shape.id));
      announceStorageChange('drawn-shapes');
      if (drawnShapesNotice.value?.kind === 'storage-failed') drawnShapesNotice.value = null;
    } catch (error) {
      drawnShapesNotice.value = { kind: 'storage-failed' };
      if (isQuotaExceeded(error)) showStorageNotice({ kind: 'drawing-not-saved', reason: 'quota' });
    }
  });
  return saving;
}

/** Another tab saved: read its shapes, keeping this tab's changes not yet saved. */
function refreshFromStorage(): Promise<unknown> {
  if (!drawnShapesRestored.peek()) return saving;
  saving = saving.then(async () => {
    try {
      const current = await readStoredShapes();
      const next = mergeById(synced, drawnShapes.peek(), current, (shape) => shape.id);
      synced = current;
      adoptShapes(next);
    } catch {
      // Not readable now: this tab's next save merges with whatever is there then.
    }
  });
  return saving;
}

/** Resolves once every save asked for so far has finished (tests and the clear button wait on it). */
export function drawnShapesSaved(): Promise<unknown> {
  return saving;
}

function drawing(): MeasureDrawingController | null {
  return plannerMap.value?.drawing ?? null;
}

// The geometry each analysis was computed for, so an edit re-analyses and a stale reply is ignored.
const analysedGeometry = new Map<string, string>();
const analysisPromises = new Map<string, Promise<DrawnPolygonAnalysisResult>>();

function setAnalysis(id: string, state: ShapeAnalysisState | null): void {
  const next = { ...drawnShapeAnalyses.peek() };
  if (state) next[id] = state;
  else delete next[id];
  drawnShapeAnalyses.value = next;
}

function analyse(shape: DrawnShape): void {
  const current = datasetState.value;
  if (shape.geometry.type !== 'Polygon' || current.status !== 'ready') return;
  const key = JSON.stringify(shape.geometry.coordinates);
  if (analysedGeometry.get(shape.id) === key) return;
  analysedGeometry.set(shape.id, key);
  setAnalysis(shape.id, { status: 'pending' });
  const promise = analyseDrawnShape(current.dataset, shape.id, shape.geometry);
  analysisPromises.set(shape.id, promise);
  promise.then(
    (result) => {
      if (analysedGeometry.get(shape.id) === key) setAnalysis(shape.id, { status: 'done', result });
    },
    (error: unknown) => {
      if (analysedGeometry.get(shape.id) === key)
        setAnalysis(shape.id, { status: 'failed', reason: error instanceof Error ? error.message : String(error) });
    },
  );
}

function forgetAnalysis(id: string): void {
  analysedGeometry.delete(id);
  analysisPromises.delete(id);
  setAnalysis(id, null);
}

function handleDrawingEvent(event: DrawingEvent): void {
  switch (event.type) {
    case 'live':
      liveDrawing.value = {
        tool: event.tool,
        measurement: measureDrawnGeometry(event.geometry),
        editingId: event.editingId,
      };
      return;
    case 'live-ended':
      liveDrawing.value = null;
      if (mapBehind) pushToMap();
      return;
    case 'mode':
      drawingMode.value = event.mode;
      return;
    case 'selected':
      selectedShapeId.value = event.id;
      return;
    case 'finished': {
      const shapes = drawnShapes.value;
      const existing = shapes.find((shape) => shape.id === event.shape.id);
      const shape: DrawnShape = existing
        ? { ...existing, geometry: event.shape.geometry }
        : { ...event.shape, name: '' };
      batch(() => {
        drawnShapes.value = existing
          ? shapes.map((candidate) => (candidate.id === shape.id ? shape : candidate))
          : [...shapes, shape];
        lastFinishedShapeId.value = shape.id;
      });
      void save();
      analyse(shape);
      return;
    }
    case 'deleted':
      if (!drawnShapes.value.some((shape) => shape.id === event.id)) return;
      removeFromStore(event.id);
      return;
  }
}

function removeFromStore(id: string): void {
  batch(() => {
    drawnShapes.value = drawnShapes.value.filter((shape) => shape.id !== id);
    if (selectedShapeId.value === id) selectedShapeId.value = null;
    forgetAnalysis(id);
  });
  void save();
}

export function renameShape(id: string, name: string): void {
  const trimmed = name.slice(0, MAXIMUM_NAME_LENGTH);
  drawnShapes.value = drawnShapes.value.map((shape) => (shape.id === id ? { ...shape, name: trimmed } : shape));
  void save();
}

export function deleteShape(id: string): void {
  drawing()?.deleteShape(id);
  removeFromStore(id);
}

/** Empties the list, the map and the stored copy. The caller has asked the planner to confirm. */
export function clearAllShapes(): Promise<unknown> {
  drawing()?.clear();
  batch(() => {
    for (const shape of drawnShapes.value) forgetAnalysis(shape.id);
    drawnShapes.value = [];
    selectedShapeId.value = null;
    liveDrawing.value = null;
  });
  return save();
}

/** Land use inside one drawn polygon: the zone's features it overlaps, grouped by 'layer' or 'kind'. */
export async function drawnLandUseTable(shapeId: string, groupBy: string): Promise<LandUseTable> {
  if (groupBy !== 'layer' && groupBy !== 'kind')
    throw new Error(`drawn shapes are grouped by layer or kind, not ${groupBy}`);
  const shape = drawnShapes.value.find((candidate) => candidate.id === shapeId);
  if (!shape) throw new Error(`no drawn shape ${shapeId}`);
  if (shape.geometry.type !== 'Polygon') throw new Error('a line has no area to break down');
  analyse(shape);
  const promise = analysisPromises.get(shapeId);
  if (!promise) throw new Error('the zone dataset is not loaded yet');
  const result = await promise;
  if (!result.ok) {
    throw new Error(
      result.problem === 'crosses-itself'
        ? 'the outline crosses itself, so it has no single area (轮廓自相交，无法给出面积)'
        : 'the outline has fewer than three points (点数不足，无面积)',
    );
  }
  return groupBy === 'layer' ? result.analysis.landUseByLayer : result.analysis.landUseByKind;
}

/** Drawn shapes as GeoJSON with their measured area / length as properties. */
export function exportDrawnShapes(): Blob {
  const analyses: Record<string, DrawnPolygonAnalysisResult> = {};
  for (const [id, state] of Object.entries(drawnShapeAnalyses.value))
    if (state.status === 'done') analyses[id] = state.result;
  return new Blob([JSON.stringify(shapesAsGeoJson(drawnShapes.value, analyses), null, 1)], {
    type: 'application/geo+json',
  });
}

let connection: (() => void) | null = null;

/**
 * Restores the stored shapes, then keeps the map's drawing controller (when there is a map) and
 * the analyses in step with them. Idempotent; returns the disconnect.
 */
export function connectDrawnShapes(): () => void {
  if (connection) return connection;
  void (async () => {
    let decoded = decodeShapes(undefined);
    try {
      decoded = await shapesOfRecord(await get(STORAGE_KEY, keyValueStore));
    } catch {
      drawnShapesNotice.value = { kind: 'storage-failed' };
    }
    synced = decoded.shapes;
    batch(() => {
      // Anything drawn before storage answered is kept after the restored shapes.
      const drawnMeanwhile = drawnShapes.value.filter(
        (shape) => !decoded.shapes.some((restored) => restored.id === shape.id),
      );
      drawnShapes.value = [...decoded.shapes, ...drawnMeanwhile];
      if (decoded.unreadable) drawnShapesNotice.value = { kind: 'stored-value-unreadable' };
      else if (decoded.dropped > 0)
        drawnShapesNotice.value = {
          kind: 'restored-with-losses',
          kept: decoded.shapes.length,
          dropped: decoded.dropped,
        };
      drawnShapesRestored.value = true;
    });
    if (drawnShapes.peek().length > decoded.shapes.length) void save();
  })();
  const stopFollowingOtherTabs = onStorageChange('drawn-shapes', () => void refreshFromStorage());
  registerPendingWrites(drawnShapesSaved);

  // Listen from the moment the map can draw, so nothing drawn while storage answers is missed.
  const stopListening = effect(() => {
    const controller = drawing();
    if (!controller) return;
    drawingMode.value = controller.mode();
    return controller.subscribe(handleDrawingEvent);
  });
  // Once per map and restore: the map shows what the store holds (restored plus anything drawn since).
  const stopPushing = effect(() => {
    const controller = drawing();
    if (!controller || !drawnShapesRestored.value) return;
    // Read without subscribing: later changes reach the map through the controller's own calls.
    const refused = controller.setShapes(drawnShapes.peek());
    if (refused.length > 0) drawnShapesNotice.value = { kind: 'map-refused', count: refused.length };
  });
  const stopAnalyses = effect(() => {
    if (datasetState.value.status !== 'ready') return;
    for (const shape of drawnShapes.value) analyse(shape);
  });
  connection = () => {
    stopFollowingOtherTabs();
    stopListening();
    stopPushing();
    stopAnalyses();
    connection = null;
  };
  return connection;
}
