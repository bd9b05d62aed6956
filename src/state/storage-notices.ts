/**
 * What the app tells the visitor about browser storage: work that will not be kept, records set
 * aside or repaired, offline use that is unavailable. One list for the whole page (shown by
 * src/ui/StorageNotices.tsx); each kind appears at most once and stays until dismissed or solved.
 */
import { signal } from '@preact/signals';
import { createResilientStore, indexedDbAvailable, onStoreRepaired } from '../data/storage/resilient-store.ts';

export type StorageNotice =
  /** IndexedDB cannot be opened (private window, blocked storage): drawings and imports last this visit only. */
  | { kind: 'persistence-unavailable' }
  | { kind: 'trip-not-saved'; reason: 'quota' | 'unavailable' }
  /** A stored record this build cannot read was copied aside (never deleted). */
  | { kind: 'record-set-aside'; record: 'trip' | 'drawn-shapes'; reason: 'newer-version' | 'unknown-format' }
  | { kind: 'record-migrated'; record: 'drawn-shapes'; fromVersion: number }
  | { kind: 'drawing-not-saved'; reason: 'quota' }
  | { kind: 'import-not-saved'; fileName: string; reason: 'quota' | 'unavailable' }
  | { kind: 'stored-layer-unreadable'; layerId: string; fileName: string }
  | { kind: 'storage-repaired' }
  | { kind: 'offline-unavailable'; reason: 'storage' | 'failed' };

export type StorageNoticeKind = StorageNotice['kind'];

export const storageNotices = signal<readonly StorageNotice[]>([]);

function sameNotice(first: StorageNotice, second: StorageNotice): boolean {
  if (first.kind !== second.kind) return false;
  // One notice per unreadable layer; every other kind once.
  if (first.kind === 'stored-layer-unreadable' && second.kind === 'stored-layer-unreadable')
    return first.layerId === second.layerId;
  return true;
}

export function showStorageNotice(notice: StorageNotice): void {
  const others = storageNotices.peek().filter((candidate) => !sameNotice(candidate, notice));
  storageNotices.value = [...others, notice];
}

export function dismissStorageNotice(notice: StorageNotice): void {
  storageNotices.value = storageNotices.peek().filter((candidate) => !sameNotice(candidate, notice));
}

export function dismissStorageNoticeKind(kind: StorageNoticeKind): void {
  if (storageNotices.peek().some((candidate) => candidate.kind === kind))
    storageNotices.value = storageNotices.peek().filter((candidate) => candidate.kind !== kind);
}

/** idb-keyval's default database, opened through a store that re-creates a deleted object store. */
export const keyValueStore = createResilientStore('keyval-store', 'keyval');

let checked = false;
/** Once per page: says so when nothing can be kept, and when a broken store was repaired. */
export function watchPersistentStorage(): void {
  if (checked) return;
  checked = true;
  onStoreRepaired(() => showStorageNotice({ kind: 'storage-repaired' }));
  void indexedDbAvailable().then((available) => {
    if (!available) showStorageNotice({ kind: 'persistence-unavailable' });
  });
}
