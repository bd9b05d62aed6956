/**
 * Whether the browser has room for the offline copy of the app. The service worker's precache
 * was 3.9 MB decoded (70 files, measured from the build's sw.js on 2026-12-01); during an update
 * the old and the new copy are kept side by side, so twice that must be free. Pure: tested in node.
 */
export const OFFLINE_CACHE_BYTES = 8 * 1024 * 1024;

/** True when `navigator.storage.estimate()` says the offline copy will not fit; unknown means try. */
export function tooLittleSpaceForOffline(
  estimate: { quota?: number; usage?: number } | undefined,
  requiredBytes = OFFLINE_CACHE_BYTES,
): boolean {
  if (!estimate || typeof estimate.quota !== 'number' || !Number.isFinite(estimate.quota)) return false;
  return estimate.quota - (estimate.usage ?? 0) < requiredBytes;
}
