/**
 * Tells the app's other tabs that something stored has changed, so they read it again instead of
 * later writing their stale copy over it. BroadcastChannel never delivers a message to the tab
 * that posted it; where it does not exist (old browsers) tabs only merge when they save.
 */
export type StorageTopic = 'drawn-shapes' | 'trip' | 'imported-layers';

const CHANNEL_NAME = 'luzhou-zone-map:storage';
let channel: BroadcastChannel | null | undefined;

function storageChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    try {
      channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    } catch {
      channel = null;
    }
  }
  return channel;
}

export function announceStorageChange(topic: StorageTopic): void {
  try {
    storageChannel()?.postMessage({ topic });
  } catch {
    // Another tab will still merge instead of overwriting when it next saves.
  }
}

/** Calls `handler` whenever another tab announces a change to `topic`; returns the unsubscribe. */
export function onStorageChange(topic: StorageTopic, handler: () => void): () => void {
  const current = storageChannel();
  if (!current) return () => undefined;
  const listener = (event: MessageEvent): void => {
    if ((event.data as { topic?: unknown } | null)?.topic === topic) handler();
  };
  current.addEventListener('message', listener);
  return () => current.removeEventListener('message', listener);
}

/** Stores with writes in flight register how to wait for them, so a reload (the update prompt) loses none. */
const pendingWrites = new Set<() => Promise<unknown>>();

export function registerPendingWrites(waitForWrites: () => Promise<unknown>): void {
  pendingWrites.add(waitForWrites);
}

/** Resolves once every write any store has started has finished (or failed). */
export async function allWritesDone(): Promise<void> {
  await Promise.all([...pendingWrites].map((wait) => wait().catch(() => undefined)));
}
