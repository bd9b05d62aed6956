/**
 * Imported layers in IndexedDB (idb-keyval, which works in the page and in workers alike): the
 * original file as a Blob, so a reload re-imports exactly what the planner chose, plus the little
 * the planner decided about it (coordinate system, visibility, order). Written only after an import
 * succeeds, so a failed import never touches what is stored; removed only when the planner asks.
 */
import { createStore, del, entries, get, set, update, type UseStore } from 'idb-keyval';
import type { CoordinateSystem } from '../data/coordinate-systems.ts';

export interface StoredImportedLayer {
  id: string;
  fileName: string;
  coordinateSystem: CoordinateSystem;
  importedAt: string;
  visible: boolean;
  /** Position in the panel; layers are restored in this order. */
  order: number;
  file: Blob;
}

let store: UseStore | null = null;

/** A database of its own, so `entries()` lists only imported layers. */
function layerStore(): UseStore {
  store ??= createStore('luzhou-zone-map-imported-layers', 'layers');
  return store;
}

function isStoredLayer(value: unknown): value is StoredImportedLayer {
  const record = value as Partial<StoredImportedLayer> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.id === 'string' &&
    typeof record.fileName === 'string' &&
    typeof record.coordinateSystem === 'string' &&
    record.file instanceof Blob
  );
}

/** Every stored layer in the planner's order; unreadable records are left in place and skipped. */
export async function loadStoredLayers(): Promise<StoredImportedLayer[]> {
  const all = await entries(layerStore());
  return all
    .map(([, value]) => value)
    .filter(isStoredLayer)
    .sort((first, second) => (first.order ?? 0) - (second.order ?? 0));
}

export async function loadStoredLayer(id: string): Promise<StoredImportedLayer | null> {
  const value: unknown = await get(id, layerStore());
  return isStoredLayer(value) ? value : null;
}

export async function storeLayer(layer: StoredImportedLayer): Promise<void> {
  await set(layer.id, layer, layerStore());
}

/** Changes what the planner decided (visibility, coordinate system) without rewriting the file. */
export async function updateStoredLayer(id: string, change: Partial<Omit<StoredImportedLayer, 'id' | 'file'>>): Promise<void> {
  await update(id, (value: unknown) => (isStoredLayer(value) ? { ...value, ...change } : value), layerStore());
}

export async function deleteStoredLayer(id: string): Promise<void> {
  await del(id, layerStore());
}

/** Deliberate only: called from the panel's "clear" button after the planner confirms. */
export async function deleteAllStoredLayers(): Promise<void> {
  const all = await entries(layerStore());
  await Promise.all(all.map(([key]) => del(key, layerStore())));
}
