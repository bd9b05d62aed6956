/**
 * The `.pmtiles` archives the planner opened: a picked file (only the `File` handle is kept; the
 * map reads the byte ranges it needs from it, so a million-parcel archive is never read whole and
 * nothing leaves the machine) or an address on the app's own origin (read with HTTP range
 * requests). Both come back after a reload: the address always, the file when it is small enough
 * to keep in this browser (src/data/storage/pmtiles-archives-persistence.ts); a bigger file is
 * listed as not kept, with the reason.
 */
import { signal } from '@preact/signals';
import {
  deleteStoredArchive,
  KEEP_FILE_LIMIT_BYTES,
  loadStoredArchives,
  type StoredPmtilesArchive,
  storeArchive,
} from '../data/storage/pmtiles-archives-persistence.ts';

/** Whether the archive will come back after a reload, and if not, why. */
export type PmtilesKeeping = 'saving' | 'kept' | 'too-big' | 'storage-failed' | 'unreadable';

export interface PmtilesArchive {
  /** No ':' and no '/': it becomes part of a `pmtiles://` URL and of MapLibre layer ids. */
  id: string;
  name: string;
  /** Exactly one of the two: the picked file, or an absolute address on the app's origin. */
  file?: File;
  url?: string;
  /** The key of its IndexedDB record. */
  storageKey: string;
  keeping: PmtilesKeeping;
  /** Brought back from storage at load (the map then keeps the view the address bar gives). */
  restored?: boolean;
  /** Set by the map once it has read the archive: a line saying why it cannot be drawn. */
  problem?: string;
}

export const pmtilesArchives = signal<readonly PmtilesArchive[]>([]);

let nextNumber = 1;

/** Set in localStorage while anything is kept, so a visitor who never opened an archive never opens the database. */
const KEPT_MARKER = 'luzhou-zone-map:pmtiles-archives-kept';

function markKept(kept: boolean): void {
  try {
    if (kept) localStorage.setItem(KEPT_MARKER, '1');
    else localStorage.removeItem(KEPT_MARKER);
  } catch {
    // Storage refused (private mode, a policy): the database is simply asked every time.
  }
}

function anythingKept(): boolean {
  try {
    return localStorage.getItem(KEPT_MARKER) !== null;
  } catch {
    return true;
  }
}

function newStorageKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function isPmtilesFile(file: File): boolean {
  return /\.pmtiles$/i.test(file.name);
}

function update(id: string, change: Partial<PmtilesArchive>): void {
  pmtilesArchives.value = pmtilesArchives.value.map((archive) =>
    archive.id === id ? { ...archive, ...change } : archive,
  );
}

function current(id: string): PmtilesArchive | undefined {
  return pmtilesArchives.value.find((archive) => archive.id === id);
}

function append(fields: Omit<PmtilesArchive, 'id'>): PmtilesArchive {
  const archive: PmtilesArchive = { id: `pmtiles-${nextNumber++}`, ...fields };
  pmtilesArchives.value = [...pmtilesArchives.value, archive];
  return archive;
}

async function keep(archive: PmtilesArchive, record: StoredPmtilesArchive): Promise<void> {
  try {
    await storeArchive(record);
    markKept(true);
    if (current(archive.id)?.keeping === 'saving') update(archive.id, { keeping: 'kept' });
    // Found unreadable while it was being stored: it must not come back.
    else await deleteStoredArchive(record.key);
  } catch {
    if (current(archive.id)?.keeping === 'saving') update(archive.id, { keeping: 'storage-failed' });
  }
}

export function addPmtilesArchive(file: File): PmtilesArchive {
  const small = file.size <= KEEP_FILE_LIMIT_BYTES;
  const archive = append({ name: file.name, file, storageKey: newStorageKey(), keeping: small ? 'saving' : 'too-big' });
  if (small) void keep(archive, { key: archive.storageKey, name: file.name, openedAt: Date.now(), file });
  return archive;
}

export type ArchiveUrlCheck =
  | { ok: true; url: string; name: string }
  | { ok: false; problem: 'empty' | 'invalid' | 'scheme' | 'credentials' | 'other-host'; detail: string };

/**
 * An address typed by the planner, resolved against the page: only the app's own origin is read
 * (offline by default, and the Content-Security-Policy would refuse any other host anyway).
 *
 * @example
 * checkArchiveUrl('/data/parcels.pmtiles', 'https://map.example/') // { ok: true, url: 'https://map.example/data/parcels.pmtiles', … }
 * checkArchiveUrl('https://elsewhere.example/a.pmtiles', 'https://map.example/') // { ok: false, problem: 'other-host', detail: 'elsewhere.example' }
 */
export function checkArchiveUrl(text: string, pageUrl: string): ArchiveUrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty', detail: '' };
  let url: URL;
  try {
    url = new URL(trimmed, pageUrl);
  } catch {
    return { ok: false, problem: 'invalid', detail: trimmed };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, problem: 'scheme', detail: url.protocol };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials', detail: url.host };
  if (url.origin !== new URL(pageUrl).origin) return { ok: false, problem: 'other-host', detail: url.host };
  url.hash = '';
  return { ok: true, url: url.href, name: fileName(url.pathname) };
}

/** The path's last part as the planner would write it; a stray '%' (`x%zz.pmtiles`) is shown as typed. */
function fileName(pathname: string): string {
  const last = pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || pathname;
  } catch {
    return last;
  }
}

/** Opens an address already checked by `checkArchiveUrl`; addresses are always kept. */
export function addPmtilesUrl(url: string, name: string): PmtilesArchive {
  const archive = append({ name, url, storageKey: newStorageKey(), keeping: 'saving' });
  void keep(archive, { key: archive.storageKey, name, openedAt: Date.now(), url });
  return archive;
}

/**
 * Why an archive is not drawn: its bytes are not a vector PMTiles archive ('format'), or they could
 * not be read at all ('unreachable': offline, the server briefly down, a file gone from the disk).
 */
export type PmtilesProblemKind = 'format' | 'unreachable';

/**
 * An archive the map cannot draw is not kept: it would only come back broken after every reload.
 * One that could not be reached is kept: the next reload may well reach it, and the address the
 * planner typed is not theirs to lose over a moment offline.
 */
export function setPmtilesProblem(id: string, problem: string, kind: PmtilesProblemKind): void {
  const archive = current(id);
  if (kind === 'unreachable') {
    update(id, { problem });
    return;
  }
  update(id, { problem, keeping: 'unreadable' });
  if (archive && archive.keeping !== 'saving') void deleteStoredArchive(archive.storageKey).catch(() => undefined);
}

export function removePmtilesArchive(id: string): void {
  const archive = current(id);
  pmtilesArchives.value = pmtilesArchives.value.filter((candidate) => candidate.id !== id);
  if (!archive) return;
  void deleteStoredArchive(archive.storageKey)
    .then(markKeptFromStorage)
    .catch(() => undefined);
}

/**
 * The marker is shared by every tab of the app, so it follows the stored records, not this tab's
 * list: another tab may have kept an archive this one never opened.
 */
async function markKeptFromStorage(): Promise<void> {
  markKept((await loadStoredArchives()).length > 0);
}

let restored: Promise<void> | null = null;

/** Puts the kept archives back, once per page, before any opened this session. */
export function restorePmtilesArchives(): Promise<void> {
  restored ??= (async () => {
    if (!anythingKept()) return;
    let stored: StoredPmtilesArchive[];
    try {
      stored = await loadStoredArchives();
    } catch {
      return;
    }
    // A kept address is checked again: the record is outside input, and the app may have moved.
    const usable = stored.filter((record) => record.file || checkArchiveUrl(record.url!, location.href).ok);
    const archives = usable.map(
      (record): PmtilesArchive => ({
        id: `pmtiles-${nextNumber++}`,
        name: record.name,
        storageKey: record.key,
        keeping: 'kept',
        restored: true,
        ...(record.file
          ? { file: record.file instanceof File ? record.file : new File([record.file], record.name) }
          : { url: record.url! }),
      }),
    );
    pmtilesArchives.value = [...archives, ...pmtilesArchives.value];
  })();
  return restored;
}
