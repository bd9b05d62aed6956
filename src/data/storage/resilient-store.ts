/**
 * An idb-keyval store that mends itself. idb-keyval's own `createStore` creates its object store
 * only when the database is new: once the object store is gone (cleared by an extension, a
 * half-done upgrade, a tester) every read and write fails with NotFoundError for good. This one
 * re-creates the object store in a version upgrade and carries on, and it closes its connection
 * when another tab (or worker) upgrades the database, so it never blocks a repair made elsewhere.
 * Works in the page and in workers alike (no DOM).
 */
import type { UseStore } from 'idb-keyval';

/** Told once per repair (the page shows a message; a worker may ignore it). */
type RepairListener = (databaseName: string) => void;
const repairListeners = new Set<RepairListener>();

export function onStoreRepaired(listener: RepairListener): () => void {
  repairListeners.add(listener);
  return () => repairListeners.delete(listener);
}

function requestResult<Value>(request: IDBRequest<Value>): Promise<Value> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function isMissingStore(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError';
}

export function isQuotaExceeded(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

export function createResilientStore(databaseName: string, storeName: string): UseStore {
  let connection: Promise<IDBDatabase> | undefined;

  const open = (version?: number): Promise<IDBDatabase> => {
    const request = version === undefined ? indexedDB.open(databaseName) : indexedDB.open(databaseName, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
    };
    return requestResult(request).then((database) => {
      const forget = (): void => {
        database.close();
        connection = undefined;
      };
      database.onclose = forget;
      database.onversionchange = forget;
      return database;
    });
  };

  /** Re-creates the store if it is missing; true when this call did. */
  const repair = async (): Promise<boolean> => {
    const database = await (connection ?? open());
    const version = database.version;
    const missing = !database.objectStoreNames.contains(storeName);
    database.close();
    connection = undefined;
    if (!missing) return false;
    const repaired = open(version + 1);
    connection = repaired;
    await repaired;
    return true;
  };

  const store = async <Value>(
    mode: IDBTransactionMode,
    callback: (objectStore: IDBObjectStore) => Value | PromiseLike<Value>,
  ): Promise<Value> => {
    const attempt = async (): Promise<Value> => {
      connection ??= open();
      const database = await connection;
      return callback(database.transaction(storeName, mode).objectStore(storeName));
    };
    try {
      return await attempt();
    } catch (error) {
      if (!isMissingStore(error)) throw error;
      const repaired = await repair();
      const value = await attempt();
      // Told only once the write that found the store missing is done: the page then says the
      // drawings are kept again, and a visitor who reloads at that word must find this one kept.
      if (repaired) for (const listener of repairListeners) listener(databaseName);
      return value;
    }
  };
  return store;
}

/** True when IndexedDB can be opened at all (false in some private windows and with storage blocked). */
export async function indexedDbAvailable(): Promise<boolean> {
  try {
    if (typeof indexedDB === 'undefined') return false;
    const database = await requestResult(indexedDB.open('luzhou-zone-map-probe'));
    database.close();
    return true;
  } catch {
    return false;
  }
}
