/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Offline use: registers the service worker a while after the map has drawn (so its precaching
 * never competes with the first load or the first minutes of use), says when the app can work offline, and when a newer version
 * has been downloaded offers to reload into it — never reloading on its own.
 */
import { useEffect, useState } from 'preact/hooks';
import { messages } from '../i18n/index.ts';
import { mapStatus } from '../state/app-state.ts';
import { allWritesDone } from '../state/storage-channel.ts';
import { showStorageNotice } from '../state/storage-notices.ts';
import { tooLittleSpaceForOffline } from '../state/storage-space.ts';
import { StorageNotices } from './StorageNotices.tsx';

type Notice = { kind: 'none' } | { kind: 'offline-ready' } | { kind: 'update'; reload: () => void };

declare global {
  interface Window {
    /** Set once the service worker has precached everything: browser tests wait on it. */
    __offlineReady?: boolean;
  }
}

/**
 * Precaching downloads about 1.3 MB: on a weak connection that must not compete with what the
 * visitor does first (statistics, search, the trip panel), so it waits until the page has been
 * in use for a while. A visit shorter than this stays online-only.
 */
const REGISTER_DELAY_MS = 10_000;

/** Must match the runtime cache of fallback fonts in scripts/vite/offline-plugin.ts. */
const FALLBACK_FONT_CACHE = 'fallback-fonts';

/**
 * Fallback font files load when a character first needs one, and this visit's ones loaded before
 * the service worker existed: put them in its cache now, or the next visit offline would draw
 * those characters as boxes.
 */
async function cacheFontsInUse(): Promise<void> {
  try {
    const fonts = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => url.startsWith(window.location.origin) && new URL(url).pathname.endsWith('.woff2'));
    if (fonts.length === 0) return;
    const cache = await caches.open(FALLBACK_FONT_CACHE);
    await cache.addAll([...new Set(fonts)]);
  } catch (error) {
    console.warn('Fonts could not be kept for offline use:', error);
  }
}

/**
 * The visitor agreed: saves land first, then the waiting worker takes over and the page reloads.
 * vite-plugin-pwa reloads on its own only when a worker already controlled the page when it
 * registered; a first visit's page (controlled only since this visit's install) would otherwise
 * swap workers and never reload, so the button would seem to do nothing.
 */
async function reloadIntoNewVersion(activate: (reload: boolean) => Promise<void>): Promise<void> {
  await allWritesDone();
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  await activate(true);
}

export function UpdateNotice() {
  const text = messages.value.explorer.update;
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const status = mapStatus.value;
  const [registered, setRegistered] = useState(false);

  // Known at once, not after the registration delay: whether the offline copy can fit at all.
  const [roomForOffline, setRoomForOffline] = useState<boolean | null>(null);
  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const estimate = navigator.storage?.estimate?.().catch(() => undefined) ?? Promise.resolve(undefined);
    void estimate.then((found) => {
      const fits = !tooLittleSpaceForOffline(found);
      if (!fits) showStorageNotice({ kind: 'offline-unavailable', reason: 'storage' });
      setRoomForOffline(fits);
    });
  }, []);

  useEffect(() => {
    // Without a map (no WebGL) the list still works offline: register once the page has settled either way.
    if (registered || status === 'starting' || !roomForOffline) return;
    const timer = window.setTimeout(() => {
      setRegistered(true);
      register();
    }, REGISTER_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [status, registered, roomForOffline]);

  const register = (): void => {
    let ready = false;
    import('virtual:pwa-register')
      .then(({ registerSW }) => {
        const update = registerSW({
          immediate: true,
          onOfflineReady: () => {
            ready = true;
            void cacheFontsInUse().finally(() => {
              window.__offlineReady = true;
              setNotice({ kind: 'offline-ready' });
            });
          },
          onRegisteredSW: (_url, registration) => {
            // A first install that fails (storage filled meanwhile, a file gone) leaves no offline copy: say so.
            const installing = registration?.installing;
            installing?.addEventListener('statechange', () => {
              if (installing.state === 'redundant' && !ready && !navigator.serviceWorker.controller)
                showStorageNotice({ kind: 'offline-unavailable', reason: 'failed' });
            });
          },
          // Reloads only on the visitor's click, and only once every pending save has landed.
          onNeedRefresh: () => setNotice({ kind: 'update', reload: () => void reloadIntoNewVersion(update) }),
          onRegisterError: (error: unknown) => {
            console.warn('Offline use is unavailable:', error);
            showStorageNotice({ kind: 'offline-unavailable', reason: 'failed' });
          },
        });
      })
      .catch((error: unknown) => {
        console.warn('Offline use is unavailable:', error);
        showStorageNotice({ kind: 'offline-unavailable', reason: 'failed' });
      });
  };

  if (notice.kind === 'none') return <StorageNotices />;
  return (
    <>
      <StorageNotices />
      <div class="update-notice" role="status">
        <span>{notice.kind === 'update' ? text.ready : text.offlineReady}</span>
        {notice.kind === 'update' ? (
          <button type="button" class="text-button" onClick={notice.reload}>
            {text.reload}
          </button>
        ) : null}
        <button
          type="button"
          class="icon-button"
          aria-label={messages.value.feature.close}
          onClick={() => setNotice({ kind: 'none' })}
        >
          ×
        </button>
      </div>
    </>
  );
}
