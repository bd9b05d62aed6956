/**
 * What the app says about browser storage, for the whole page: work that will not be kept (an
 * alert), records set aside, migrated or repaired (a status). Each notice stays until dismissed
 * or until the problem is gone; an unreadable stored layer can be removed from here.
 */
import { useEffect } from 'preact/hooks';
import { messages } from '../i18n/index.ts';
import type { StorageMessages } from '../i18n/storage-messages.ts';
import { followLanguageOfOtherTabs } from '../state/language-preference.ts';
import {
  dismissStorageNotice,
  type StorageNotice,
  storageNotices,
  watchPersistentStorage,
} from '../state/storage-notices.ts';

/** The imports' store belongs to the planner's lazy chunk: loaded only when this button is used. */
function removeStoredLayer(layerId: string): Promise<void> {
  return import('../state/imported-layers-store.ts').then((store) => store.removeUnreadableStoredLayer(layerId));
}

function noticeText(notice: StorageNotice, text: StorageMessages): string {
  switch (notice.kind) {
    case 'persistence-unavailable':
      return text.persistenceUnavailable;
    case 'trip-not-saved':
      return text.tripNotSaved(notice.reason);
    case 'record-set-aside':
      return text.recordSetAside(notice.record, notice.reason);
    case 'record-migrated':
      return text.recordMigrated;
    case 'drawing-not-saved':
      return text.drawingNotSaved;
    case 'import-not-saved':
      return text.importNotSaved(notice.fileName, notice.reason);
    case 'stored-layer-unreadable':
      return text.storedLayerUnreadable(notice.fileName);
    case 'storage-repaired':
      return text.storageRepaired;
    case 'offline-unavailable':
      return text.offlineUnavailable(notice.reason);
  }
}

/** Work will not be kept, or cannot be read: said at once (alert). The rest is information (status). */
function isAlert(notice: StorageNotice): boolean {
  return !(
    notice.kind === 'record-set-aside' ||
    notice.kind === 'record-migrated' ||
    notice.kind === 'storage-repaired'
  );
}

export function StorageNotices() {
  useEffect(() => {
    watchPersistentStorage();
    return followLanguageOfOtherTabs();
  }, []);
  const text = messages.value.storage;
  const notices = storageNotices.value;
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((notice) => (
        <div
          key={notice.kind === 'stored-layer-unreadable' ? `${notice.kind}:${notice.layerId}` : notice.kind}
          class="update-notice storage-notice"
          data-storage-notice={notice.kind}
          role={isAlert(notice) ? 'alert' : 'status'}
        >
          <span>{noticeText(notice, text)}</span>
          {notice.kind === 'stored-layer-unreadable' ? (
            <button
              type="button"
              class="text-button storage-notice__remove"
              onClick={() => void removeStoredLayer(notice.layerId)}
            >
              {text.removeStoredLayer(notice.fileName)}
            </button>
          ) : null}
          <button
            type="button"
            class="icon-button"
            aria-label={text.dismiss}
            onClick={() => dismissStorageNotice(notice)}
          >
            ×
          </button>
        </div>
      ))}
    </>
  );
}
