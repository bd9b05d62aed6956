/** What the app says about browser storage (src/ui/StorageNotices.tsx). */
export interface StorageMessages {
  /** IndexedDB cannot be opened at all. */
  persistenceUnavailable: string;
  tripNotSaved: (reason: 'quota' | 'unavailable') => string;
  recordSetAside: (record: 'trip' | 'drawn-shapes', reason: 'newer-version' | 'unknown-format') => string;
  recordMigrated: string;
  drawingNotSaved: string;
  importNotSaved: (fileName: string, reason: 'quota' | 'unavailable') => string;
  storedLayerUnreadable: (fileName: string) => string;
  removeStoredLayer: (fileName: string) => string;
  storageRepaired: string;
  offlineUnavailable: (reason: 'storage' | 'failed') => string;
  dismiss: string;
}
