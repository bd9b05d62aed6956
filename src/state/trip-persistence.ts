/**
 * Keeps the current trip in IndexedDB so it survives a reload. It is stored in the same compact
 * text as the link, so a stored trip from an older dataset is checked by the same decoder and its
 * losses are reported the same way.
 */
import { del, get, set } from 'idb-keyval';

const STORAGE_KEY = 'luzhou-zone-map:trip:v1';

/** The stored trip text, or null when there is none or storage is unavailable (private mode, blocked). */
export async function loadStoredTrip(): Promise<string | null> {
  try {
    const value: unknown = await get(STORAGE_KEY);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Saves (or, for an empty trip, forgets) the trip; failures only cost persistence, so they are reported, not thrown. */
export async function storeTrip(encoded: string | null): Promise<boolean> {
  try {
    if (encoded === null) await del(STORAGE_KEY);
    else await set(STORAGE_KEY, encoded);
    return true;
  } catch {
    return false;
  }
}
