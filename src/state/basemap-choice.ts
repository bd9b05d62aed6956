/**
 * Which basemap is drawn, and the visitor's consent and 天地图 key. The default is none: nothing
 * leaves this origin until the visitor picks an online basemap and agrees to contact its host.
 *
 * Remembered in this browser (localStorage): the basemap last chosen with consent, and the key.
 * A link may carry `basemap=<id>`; opening it asks first unless this browser already chose that
 * basemap. The key is never written to the address bar, a link, an export or the console: it only
 * goes into the tile requests to the 天地图 host that needs it (src/map/basemaps/).
 */
import { effect, signal } from '@preact/signals';
import { BASEMAPS, type Basemap } from '../../basemaps.config.ts';

export const NO_BASEMAP = 'none';
const URL_KEY = 'basemap';
const CHOICE_STORAGE_KEY = 'luzhou.basemap';
const TIANDITU_KEY_STORAGE_KEY = 'luzhou.basemap.tianditu-key';
/** 天地图 keys are 32 hex characters; anything printable and short is accepted, the host judges. */
const KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;

export type BasemapProblem = 'tiles-failed' | 'archive-unreadable';

/** The basemap drawn under the dataset, or NO_BASEMAP. */
export const activeBasemapId = signal<string>(NO_BASEMAP);
/** An online basemap the visitor (or a link) asked for, waiting for consent. */
export const consentRequest = signal<string | null>(null);
/** Set once when tiles fail; the switch shows one calm notice. */
export const basemapProblem = signal<BasemapProblem | null>(null);
/** Whether the deployer put a PMTiles archive at the configured path (probed after the first frame). */
export const localArchiveAvailable = signal<boolean>(false);

export function basemapById(id: string): Basemap | undefined {
  return BASEMAPS.find((basemap) => basemap.id === id);
}

/** An online basemap contacts another host: it needs consent. An archive served with the app does not. */
export function needsConsent(basemap: Basemap): boolean {
  return basemap.kind === 'raster';
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the choice lasts for this page only
  }
}

function stored(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // Full or refused storage only means the choice is not remembered.
  }
}

export function tiandituKey(): string | null {
  const key = stored(TIANDITU_KEY_STORAGE_KEY);
  return key && KEY_PATTERN.test(key) ? key : null;
}

export function isAcceptableKey(key: string): boolean {
  return KEY_PATTERN.test(key.trim());
}

function show(id: string): void {
  basemapProblem.value = null;
  activeBasemapId.value = id;
  store(CHOICE_STORAGE_KEY, id === NO_BASEMAP ? null : id);
}

/** The switch changed: none and the served archive apply at once, an online basemap asks first. */
export function requestBasemap(id: string): void {
  const basemap = basemapById(id);
  if (!basemap) {
    consentRequest.value = null;
    show(NO_BASEMAP);
    return;
  }
  if (needsConsent(basemap)) consentRequest.value = id;
  else {
    consentRequest.value = null;
    show(id);
  }
}

/** The visitor agreed to contact the host (and, for 天地图, gave a key, kept in this browser only). */
export function grantConsent(id: string, key?: string): void {
  const basemap = basemapById(id);
  if (!basemap) return;
  if (key !== undefined && isAcceptableKey(key)) store(TIANDITU_KEY_STORAGE_KEY, key.trim());
  consentRequest.value = null;
  show(id);
}

/**
 * Nothing of the basemap could be drawn (offline, a wrong key, a refusal): the switch shows none
 * again, beside the notice. The remembered choice stays, for the next visit.
 */
export function withdrawBasemap(problem: BasemapProblem): void {
  basemapProblem.value = problem;
  activeBasemapId.value = NO_BASEMAP;
}

export function declineConsent(): void {
  consentRequest.value = null;
}

/** Reads the link and the remembered choice; call once at start, before the map draws. */
export function initialiseBasemapChoice(search: string): void {
  const remembered = stored(CHOICE_STORAGE_KEY);
  let linked: string | null = null;
  try {
    linked = new URLSearchParams(search).get(URL_KEY);
  } catch {
    linked = null;
  }
  const linkedBasemap = linked ? basemapById(linked) : undefined;
  if (linkedBasemap) {
    // A link is someone else's choice: it may show an online basemap only after this visitor agrees.
    if (!needsConsent(linkedBasemap) || linkedBasemap.id === remembered) activeBasemapId.value = linkedBasemap.id;
    else consentRequest.value = linkedBasemap.id;
    return;
  }
  if (remembered && basemapById(remembered)) activeBasemapId.value = remembered;
}

/** The query with `basemap=<id>` set or removed; every other parameter kept verbatim and in order. */
export function searchWithBasemap(search: string, id: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=', 1)[0] !== URL_KEY);
  if (id !== NO_BASEMAP) pairs.push(`${URL_KEY}=${encodeURIComponent(id)}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** Keeps `basemap=` in the address bar in step with the drawn basemap (never the key). */
export function connectBasemapUrl(): () => void {
  return effect(() => {
    const search = searchWithBasemap(window.location.search, activeBasemapId.value);
    if (search === window.location.search) return;
    history.replaceState(history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  });
}

/** The archive's URL in this site, or null if this deployment offers none. */
export function localArchiveUrl(baseUrl: string): string | null {
  const archive = BASEMAPS.find((basemap) => basemap.kind === 'pmtiles');
  return archive && archive.kind === 'pmtiles' ? new URL(archive.path, baseUrl).href : null;
}

/**
 * Asks this origin for the archive's first bytes: a PMTiles v3 file starts with "PMTiles" and 3.
 * Checking the bytes, not only the status, because a server with a single-page fallback answers
 * any path with index.html.
 */
export async function probeLocalArchive(baseUrl: string): Promise<boolean> {
  const url = localArchiveUrl(baseUrl);
  if (!url || new URL(url).origin !== window.location.origin) return false;
  try {
    // Kept for offline on an earlier visit: there, and asking would only fail without a network.
    if ('caches' in window && (await caches.match(url, { ignoreVary: true }))) {
      localArchiveAvailable.value = true;
      return true;
    }
    if (!navigator.onLine) return false;
    const response = await fetch(url, { headers: { Range: 'bytes=0-7' }, cache: 'no-store' });
    if (!response.ok || !response.body) return false;
    // A server that ignores Range sends the whole archive: read the first chunk and stop.
    const reader = response.body.getReader();
    const { value } = await reader.read();
    void reader.cancel().catch(() => undefined);
    const bytes = (value ?? new Uint8Array()).slice(0, 8);
    const found = String.fromCharCode(...bytes.slice(0, 7)) === 'PMTiles' && bytes[7] === 3;
    localArchiveAvailable.value = found;
    return found;
  } catch {
    return false;
  }
}
