/**
 * The `.pmtiles` archives a planner opened, kept in IndexedDB so they come back after a reload: an
 * address on the app's own origin always (a few bytes), a picked file only up to
 * KEEP_FILE_LIMIT_BYTES, because the browser's storage is shared with everything else the planner
 * keeps here and a city archive can be hundreds of MB (that one is opened again from the disk).
 * Records are checked on the way out like any other stored input.
 */
import { del, entries, set, type UseStore } from 'idb-keyval';
import { createResilientStore } from './resilient-store.ts';

/** Picked files up to this size are kept; larger ones are read from the disk each session. */
export const KEEP_FILE_LIMIT_BYTES = 50_000_000;

export interface StoredPmtilesArchive {
  key: string;
  name: string;
  /** Milliseconds since 1970: archives come back in the order they were opened. */
  openedAt: number;
  /** Exactly one of the two. */
  file?: Blob;
  url?: string;
}

let store: UseStore | null = null;

function archiveStore(): UseStore {
  store ??= createResilientStore('luzhou-zone-map-pmtiles-archives', 'archives');
  return store;
}

function isStoredArchive(value: unknown): value is StoredPmtilesArchive {
  const record = value as Partial<StoredPmtilesArchive> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.key === 'string' &&
    typeof record.name === 'string' &&
    typeof record.openedAt === 'number' &&
    (record.file instanceof Blob ? record.url === undefined : typeof record.url === 'string')
  );
}

/** The kept archives, oldest first; a record that is not one is skipped, not trusted. */
export async function loadStoredArchives(): Promise<StoredPmtilesArchive[]> {
  const stored = await entries(archiveStore());
  return stored
    .map(([, value]) => value)
    .filter(isStoredArchive)
    .sort((first, second) => first.openedAt - second.openedAt);
}

export async function storeArchive(record: StoredPmtilesArchive): Promise<void> {
  await set(record.key, record, archiveStore());
}

export async function deleteStoredArchive(key: string): Promise<void> {
  await del(key, archiveStore());
}
