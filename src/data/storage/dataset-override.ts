/**
 * A dataset package the planner loaded, kept in IndexedDB so the app opens with it after a reload
 * (issue 11). A small localStorage flag says whether one exists, so a visit with none — nearly
 * every visit — never opens IndexedDB on its way to the first frame.
 *
 * "Back to the shipped data" does not delete the package at once: it moves it aside, and the page
 * after the reload can undo that until the tab is left (a sessionStorage flag); the next visit
 * without the flag discards it.
 */
import { del, get, set, type UseStore, update } from 'idb-keyval';
import { createResilientStore } from './resilient-store.ts';

export interface StoredDataset {
  format: 1;
  /** The zip's name, for the banner. */
  fileName: string;
  /** ISO 8601. */
  storedAt: string;
  /** Path → text, as in the package (manifest, layers, labels, CHANGES.json). */
  files: [string, string][];
}

const ACTIVE_KEY = 'active';
const SET_ASIDE_KEY = 'set-aside';
const ACTIVE_FLAG = 'luzhou.dataset.active';
const SET_ASIDE_FLAG = 'luzhou.dataset.set-aside';
const UNDO_FLAG = 'luzhou.dataset.undo-reset';

let store: UseStore | undefined;
const datasetStore = (): UseStore => {
  store ??= createResilientStore('luzhou-dataset', 'packages');
  return store;
};

function isStoredDataset(value: unknown): value is StoredDataset {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoredDataset>;
  return (
    record.format === 1 &&
    typeof record.fileName === 'string' &&
    typeof record.storedAt === 'string' &&
    Array.isArray(record.files) &&
    record.files.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string')
  );
}

function flag(storage: () => Storage, key: string): boolean {
  try {
    return storage().getItem(key) === '1';
  } catch {
    return false;
  }
}

function setFlag(storage: () => Storage, key: string, on: boolean): void {
  try {
    if (on) storage().setItem(key, '1');
    else storage().removeItem(key);
  } catch {
    // Storage blocked: the flag is an optimisation; IndexedDB (if any) still holds the truth.
  }
}

const local = () => window.localStorage;
const session = () => window.sessionStorage;

export type StoredDatasetRead =
  | { kind: 'none' }
  | { kind: 'stored'; dataset: StoredDataset }
  /** A record is there but cannot be used (another version, damaged, or storage failing). */
  | { kind: 'unreadable'; reason: string };

/** The package the app should open with, if the planner loaded one. */
export async function readStoredDataset(): Promise<StoredDatasetRead> {
  if (!flag(local, ACTIVE_FLAG)) {
    if (flag(local, SET_ASIDE_FLAG) && !flag(session, UNDO_FLAG)) {
      // The tab that could undo "back to the shipped data" is gone: the set-aside package goes too.
      setFlag(local, SET_ASIDE_FLAG, false);
      await del(SET_ASIDE_KEY, datasetStore()).catch(() => undefined);
    }
    return { kind: 'none' };
  }
  try {
    const value = await get(ACTIVE_KEY, datasetStore());
    if (value === undefined) {
      setFlag(local, ACTIVE_FLAG, false);
      return { kind: 'none' };
    }
    return isStoredDataset(value)
      ? { kind: 'stored', dataset: value }
      : { kind: 'unreadable', reason: 'the stored record is not a dataset package of this version' };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Keeps the package; rejects (quota, storage blocked) with the browser's reason, storing nothing. */
export async function storeDataset(dataset: StoredDataset): Promise<void> {
  await set(ACTIVE_KEY, dataset, datasetStore());
  setFlag(local, ACTIVE_FLAG, true);
}

/** Another tab stored (or set aside) a dataset since this page loaded the one it would replace. */
export class DatasetChangedElsewhere extends Error {
  constructor() {
    super('the dataset was changed in another tab');
    this.name = 'DatasetChangedElsewhere';
  }
}

/**
 * Keeps a package built from the dataset this page loaded — `loadedStoredAt` is that package's
 * `storedAt`, null for the shipped data, undefined when it could not read the stored one (which is
 * then replaced, as there is nothing of the planner's in it to keep) — and refuses (DatasetChangedElsewhere, storing nothing)
 * when the stored one is no longer it: writing anyway would silently drop another tab's save.
 * Read and write are one IndexedDB transaction, so two tabs saving at once cannot both pass.
 */
export async function storeDatasetReplacing(
  dataset: StoredDataset,
  loadedStoredAt: string | null | undefined,
): Promise<void> {
  await update(
    ACTIVE_KEY,
    (stored: unknown) => {
      if (loadedStoredAt !== undefined) {
        const storedAt = isStoredDataset(stored) ? stored.storedAt : stored === undefined ? null : undefined;
        if (storedAt !== loadedStoredAt) throw new DatasetChangedElsewhere();
      }
      return dataset;
    },
    datasetStore(),
  );
  setFlag(local, ACTIVE_FLAG, true);
}

/** Back to the shipped data: the package is set aside, undoable from this tab. */
export async function setStoredDatasetAside(): Promise<void> {
  const value = await get(ACTIVE_KEY, datasetStore()).catch(() => undefined);
  if (value !== undefined) {
    await set(SET_ASIDE_KEY, value, datasetStore());
    setFlag(local, SET_ASIDE_FLAG, true);
    setFlag(session, UNDO_FLAG, true);
  }
  await del(ACTIVE_KEY, datasetStore()).catch(() => undefined);
  setFlag(local, ACTIVE_FLAG, false);
}

/** Whether this tab may still undo "back to the shipped data". */
export function canUndoReset(): boolean {
  return flag(session, UNDO_FLAG) && flag(local, SET_ASIDE_FLAG);
}

/** Undoes "back to the shipped data": the set-aside package is the active one again. */
export async function restoreSetAsideDataset(): Promise<boolean> {
  const value = await get(SET_ASIDE_KEY, datasetStore());
  if (!isStoredDataset(value)) return false;
  await set(ACTIVE_KEY, value, datasetStore());
  await del(SET_ASIDE_KEY, datasetStore());
  setFlag(local, ACTIVE_FLAG, true);
  setFlag(local, SET_ASIDE_FLAG, false);
  setFlag(session, UNDO_FLAG, false);
  return true;
}

/** Removes an unreadable record for good (the planner chose to). */
export async function discardStoredDataset(): Promise<void> {
  await del(ACTIVE_KEY, datasetStore()).catch(() => undefined);
  setFlag(local, ACTIVE_FLAG, false);
}
