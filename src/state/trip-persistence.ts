/**
 * Keeps the current trip in IndexedDB so it survives a reload. It is stored in the same compact
 * text as the link, so a stored trip from an older dataset is checked by the same decoder and its
 * losses are reported the same way. A stored value of another type is copied aside, not dropped.
 */
import { get, set, update } from 'idb-keyval';
import { isQuotaExceeded } from '../data/storage/resilient-store.ts';
import { keyValueStore } from './storage-notices.ts';
import { setAsideKey, upgradeTripRecord } from './storage-records.ts';

const STORAGE_KEY = 'luzhou-zone-map:trip:v1';

export type StoredTrip =
  | { kind: 'none' }
  | { kind: 'trip'; text: string }
  | { kind: 'set-aside'; reason: 'newer-version' | 'unknown-format' }
  /** IndexedDB cannot be read (private mode, blocked). */
  | { kind: 'unavailable' };

/** The stored trip text; a value that is not one is copied under a key of its own first. */
export async function loadStoredTrip(): Promise<StoredTrip> {
  let stored: unknown;
  try {
    stored = await get(STORAGE_KEY, keyValueStore);
  } catch {
    return { kind: 'unavailable' };
  }
  const upgraded = upgradeTripRecord(stored);
  if (upgraded.kind === 'empty') return { kind: 'none' };
  if (upgraded.kind === 'set-aside') {
    await setTripAside(stored);
    return { kind: 'set-aside', reason: upgraded.reason };
  }
  return { kind: 'trip', text: upgraded.value };
}

/** Keeps a copy of a stored trip this build could not (fully) read, before it is written over. */
export async function setTripAside(stored: unknown): Promise<void> {
  await set(setAsideKey(STORAGE_KEY, new Date()), stored, keyValueStore).catch(() => undefined);
}

export type TripSaveResult = { saved: true; text: string | null } | { saved: false; reason: 'quota' | 'unavailable' };

/**
 * Saves what `next` makes of the stored text (null: the stored one is unreadable or absent) in one
 * transaction, so another tab's save cannot land between the read and the write. Failures only
 * cost persistence, so they are returned, not thrown.
 */
export async function storeTrip(next: (stored: string | null) => string | null): Promise<TripSaveResult> {
  let written: string | null = null;
  try {
    await update(
      STORAGE_KEY,
      (stored: unknown) => {
        written = next(typeof stored === 'string' && stored !== '' ? stored : null);
        return written ?? undefined;
      },
      keyValueStore,
    );
    return { saved: true, text: written };
  } catch (error) {
    return { saved: false, reason: isQuotaExceeded(error) ? 'quota' : 'unavailable' };
  }
}
