/**
 * What is kept of the `.pmtiles` archives a planner opened (issue 15 §3): an address survives a
 * moment offline, the "something is kept" marker shared by all tabs follows what is stored, and an
 * address with a stray '%' is opened, not thrown out of the form. The browser's storage is stood
 * in for by a record map (IndexedDB) and a key map (localStorage), as two tabs would share them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredPmtilesArchive } from '../../../src/data/storage/pmtiles-archives-persistence.ts';

const records = new Map<string, StoredPmtilesArchive>();
const localItems = new Map<string, string>();
const KEPT_MARKER = 'luzhou-zone-map:pmtiles-archives-kept';
const PAGE = 'https://map.example.cn/luzhou/index.html';

vi.mock('../../../src/data/storage/pmtiles-archives-persistence.ts', () => ({
  KEEP_FILE_LIMIT_BYTES: 50_000_000,
  loadStoredArchives: async () => [...records.values()].sort((first, second) => first.openedAt - second.openedAt),
  storeArchive: async (record: StoredPmtilesArchive) => {
    records.set(record.key, record);
  },
  deleteStoredArchive: async (key: string) => {
    records.delete(key);
  },
}));

/** A fresh copy of the module: each test is one page load. */
async function loadPage() {
  vi.resetModules();
  return import('../../../src/state/pmtiles-archives.ts');
}

/** Lets the stores' promises (all already resolved) run to their end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  records.clear();
  localItems.clear();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => localItems.get(key) ?? null,
    setItem: (key: string, value: string) => void localItems.set(key, value),
    removeItem: (key: string) => void localItems.delete(key),
  });
  vi.stubGlobal('location', new URL(PAGE));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an archive that cannot be drawn', () => {
  it('keeps an address that could not be reached, and says so', async () => {
    const page = await loadPage();
    const archive = page.addPmtilesUrl(`${new URL(PAGE).origin}/data/parcels.pmtiles`, 'parcels.pmtiles');
    await settle();
    expect(page.pmtilesArchives.value[0]?.keeping).toBe('kept');

    page.setPmtilesProblem(archive.id, 'parcels.pmtiles: could not be reached (Failed to fetch)', 'unreachable');
    await settle();
    expect(page.pmtilesArchives.value[0]).toMatchObject({
      keeping: 'kept',
      problem: 'parcels.pmtiles: could not be reached (Failed to fetch)',
    });
    expect([...records.values()].map((record) => record.url)).toEqual([`${new URL(PAGE).origin}/data/parcels.pmtiles`]);

    // The next page load brings it back to try again.
    const reloaded = await loadPage();
    await reloaded.restorePmtilesArchives();
    expect(reloaded.pmtilesArchives.value.map((restored) => restored.name)).toEqual(['parcels.pmtiles']);
  });

  it('forgets one whose bytes are not a vector archive, even when found so while it was being stored', async () => {
    const page = await loadPage();
    const kept = page.addPmtilesUrl(`${new URL(PAGE).origin}/a.pmtiles`, 'a.pmtiles');
    await settle();
    const saving = page.addPmtilesUrl(`${new URL(PAGE).origin}/b.pmtiles`, 'b.pmtiles');
    page.setPmtilesProblem(saving.id, 'b.pmtiles: holds no vector layer to draw', 'format');
    page.setPmtilesProblem(kept.id, 'a.pmtiles: not a PMTiles archive (Wrong magic number)', 'format');
    await settle();
    expect(page.pmtilesArchives.value.map((archive) => archive.keeping)).toEqual(['unreadable', 'unreadable']);
    expect(records.size).toBe(0);
  });
});

describe('the marker that something is kept', () => {
  it('stays while another tab still keeps an archive this one removed all of its own', async () => {
    const firstTab = await loadPage();
    firstTab.addPmtilesUrl(`${new URL(PAGE).origin}/kept-elsewhere.pmtiles`, 'kept-elsewhere.pmtiles');
    await settle();
    const secondTab = await loadPage();
    const own = secondTab.addPmtilesUrl(`${new URL(PAGE).origin}/own.pmtiles`, 'own.pmtiles');
    await settle();

    secondTab.removePmtilesArchive(own.id);
    await settle();
    await settle();
    expect(localItems.has(KEPT_MARKER)).toBe(true);
    const reloaded = await loadPage();
    await reloaded.restorePmtilesArchives();
    expect(reloaded.pmtilesArchives.value.map((archive) => archive.name)).toEqual(['kept-elsewhere.pmtiles']);
  });

  it('goes once nothing at all is kept', async () => {
    const page = await loadPage();
    const only = page.addPmtilesUrl(`${new URL(PAGE).origin}/only.pmtiles`, 'only.pmtiles');
    await settle();
    expect(localItems.has(KEPT_MARKER)).toBe(true);
    page.removePmtilesArchive(only.id);
    await settle();
    await settle();
    expect(localItems.has(KEPT_MARKER)).toBe(false);
  });
});

describe('an address with a stray percent sign', () => {
  it('is opened under the name as typed instead of throwing', async () => {
    const { checkArchiveUrl } = await loadPage();
    expect(checkArchiveUrl('/x%zz.pmtiles', PAGE)).toEqual({
      ok: true,
      url: 'https://map.example.cn/x%zz.pmtiles',
      name: 'x%zz.pmtiles',
    });
    expect(checkArchiveUrl('/data/%E5%9F%8E%zz.pmtiles', PAGE)).toMatchObject({
      ok: true,
      name: '%E5%9F%8E%zz.pmtiles',
    });
  });
});
