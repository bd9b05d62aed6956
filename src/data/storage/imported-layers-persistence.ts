/**
 * Imported layers in IndexedDB (idb-keyval, which works in the page and in workers alike): the
 * original file as a Blob, so a reload re-imports exactly what the planner chose, plus the little
 * the planner decided about it (coordinate system, visibility, order). Written only after an import
 * succeeds, so a failed import never touches what is stored; removed only when the planner asks.
 */
import { del, entries, get, set, update, type UseStore } from 'idb-keyval';
import { isCoordinateSystem, type CoordinateSystem } from '../coordinate-systems.ts';
import type { TextEncoding } from '../import/text-encodings.ts';
import { createResilientStore } from './resilient-store.ts';

export interface StoredImportedLayer {
  id: string;
  fileName: string;
  coordinateSystem: CoordinateSystem;
  /** The text encoding the planner chose for a Shapefile's table; absent: as the file says, else detected. */
  chosenTextEncoding?: TextEncoding;
  /** The GeoPackage feature table the planner chose; absent: the first. */
  chosenTable?: string;
  /** A point table's coordinate columns the planner chose; absent: found by name. */
  chosenPointColumns?: { longitude: string; latitude: string };
  /** The EPSG code (a CGCS2000 zone) the planner chose for a Shapefile without .prj. */
  chosenProjection?: number;
  importedAt: string;
  visible: boolean;
  /** Position in the panel; layers are restored in this order. */
  order: number;
  file: Blob;
}

/**
 * A layer is stored while its file is still being imported (storing overlaps parsing), under a
 * small marker written first and deleted when the import succeeds. A marker found on load is an
 * import that never finished (the tab closed or crashed mid-way): its layer is deleted, never
 * shown. A separate key, because rewriting the record would copy the file's Blob again.
 */
const PENDING_PREFIX = 'pending:';

let store: UseStore | null = null;

/**
 * A database of its own, so `entries()` lists only imported layers. Its object store is re-created
 * when something deleted it, instead of every load failing from then on.
 */
function layerStore(): UseStore {
  store ??= createResilientStore('luzhou-zone-map-imported-layers', 'layers');
  return store;
}

function isStoredLayer(value: unknown): value is StoredImportedLayer {
  const record = value as Partial<StoredImportedLayer> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.id === 'string' &&
    typeof record.fileName === 'string' &&
    // Any other string was read as BD-09 and silently moved the layer by ~500 m (found by the fuzzer, issue 12).
    isCoordinateSystem(record.coordinateSystem) &&
    record.file instanceof Blob
  );
}

/**
 * Every stored layer in the planner's order. Unreadable records are left in place and skipped;
 * records of imports that never finished are deleted.
 */
export async function loadStoredLayers(): Promise<StoredImportedLayer[]> {
  const all = await entries(layerStore());
  const unfinished = new Set(
    all
      .map(([key]) => String(key))
      .filter((key) => key.startsWith(PENDING_PREFIX))
      .map((key) => key.slice(PENDING_PREFIX.length)),
  );
  await Promise.all(
    [...unfinished].map((id) =>
      Promise.all([del(id, layerStore()), del(PENDING_PREFIX + id, layerStore())]).catch(() => undefined),
    ),
  );
  return all
    .map(([, value]) => value)
    .filter(isStoredLayer)
    .filter((layer) => !unfinished.has(layer.id))
    .sort((first, second) => (first.order ?? 0) - (second.order ?? 0));
}

/**
 * Records under a layer's key that are not layers this build can read (another build's format, a
 * damaged value): listed by id with whatever file name they carry, so the planner can remove them.
 */
export async function loadUnreadableStoredLayers(): Promise<{ id: string; fileName: string }[]> {
  const all = await entries(layerStore());
  return all
    .filter(([key, value]) => !String(key).startsWith(PENDING_PREFIX) && !isStoredLayer(value))
    .map(([key, value]) => {
      const fileName = (value as { fileName?: unknown } | null)?.fileName;
      return { id: String(key), fileName: typeof fileName === 'string' ? fileName.slice(0, 200) : String(key) };
    });
}

export async function loadStoredLayer(id: string): Promise<StoredImportedLayer | null> {
  const value: unknown = await get(id, layerStore());
  if (!isStoredLayer(value)) return null;
  return (await get(PENDING_PREFIX + id, layerStore())) === undefined ? value : null;
}

/** Stores a layer whose import is still running: invisible to loads until `confirmStoredLayer`. */
export async function storePendingLayer(layer: StoredImportedLayer): Promise<void> {
  await set(PENDING_PREFIX + layer.id, true, layerStore());
  await set(layer.id, layer, layerStore());
}

export async function confirmStoredLayer(id: string): Promise<void> {
  await del(PENDING_PREFIX + id, layerStore());
}

/** Changes what the planner decided (visibility, coordinate system) without rewriting the file. */
export async function updateStoredLayer(
  id: string,
  change: Partial<Omit<StoredImportedLayer, 'id' | 'file'>>,
): Promise<void> {
  await update(id, (value: unknown) => (isStoredLayer(value) ? { ...value, ...change } : value), layerStore());
}

export async function deleteStoredLayer(id: string): Promise<void> {
  await del(id, layerStore());
  await del(PENDING_PREFIX + id, layerStore());
}

/** Deliberate only: called from the panel's "clear" button after the planner confirms. */
export async function deleteAllStoredLayers(): Promise<void> {
  const all = await entries(layerStore());
  await Promise.all(all.map(([key]) => del(key, layerStore())));
}
