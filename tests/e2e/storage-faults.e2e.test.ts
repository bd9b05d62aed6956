/**
 * Browser storage failing as it does for real users (issue 12, "Faults a real browser has"), in
 * chromium against the built app: two tabs never undo each other's drawings, trip or language;
 * a trip that cannot be kept says so; stored records that are unreadable, from another version or
 * in a damaged database are set aside, removable or repaired; without IndexedDB or without
 * room the app works and says what will not be kept; a new version never reloads on its own and
 * the work survives the reload the visitor agrees to.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeTrip } from '../../src/trip/trip-url-codec.ts';
import { emptyTrip } from '../../src/trip/trip-state.ts';
import { serveBuiltApp } from './global-setup.ts';
import { builtAppDirectory, launchBrowser, openApp, type AppPage, type BrowserSession } from './harness.ts';

const SHAPES_KEY = 'luzhou-zone-map:drawn-shapes:v1';
const TRIP_KEY = 'luzhou-zone-map:trip:v1';
const LAYERS_DATABASE = 'luzhou-zone-map-imported-layers';
const PLACES = ['place-peoples-hospital-shaxi', 'place-aegean-mall', 'green-zhangba-longan-forest'];

const sessions: BrowserSession[] = [];
async function browser(): Promise<BrowserSession> {
  const session = await launchBrowser();
  sessions.push(session);
  return session;
}
afterAll(async () => {
  for (const session of sessions) await session.close().catch(() => undefined);
});

async function showTab(app: AppPage, tab: 'trip' | 'measure'): Promise<void> {
  const button = app.page.locator(`#app-tab-${tab}`);
  if ((await button.count()) > 0 && (await button.getAttribute('aria-selected')) !== 'true') await button.click();
}

async function openMeasuring(app: AppPage): Promise<void> {
  await showTab(app, 'measure');
  // Before the app's tabs, the planner's tools sat in a closed <details>.
  const summary = app.page.locator('.planner-panel > details:not([open]) > summary');
  if ((await summary.count()) > 0) await summary.click();
  await app.page.locator('.measure-tool[data-tool="polygon"]').waitFor({ timeout: 30_000 });
}

/**
 * Draws a small square by clicks, `shift` pixels right of the map's centre; returns its id.
 * `others`: shapes another tab may bring in meanwhile, which are not this drawing.
 */
async function drawSquare(app: AppPage, shift: number, others: readonly string[] = []): Promise<string> {
  const before = [...(await shapeIds(app)), ...others];
  const box = await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  const x = box.x + box.width / 2 + shift;
  const y = box.y + box.height / 2;
  const tool = app.page.locator('.measure-tool[data-tool="polygon"]');
  // The tool stays on after a shape is finished; clicking it again would switch it off.
  if ((await tool.getAttribute('aria-pressed')) !== 'true') await tool.click();
  for (const [dx, dy] of [
    [0, 0],
    [40, 0],
    [40, 40],
    [0, 40],
    [0, 0],
  ] as const)
    await app.page.mouse.click(x + dx, y + dy);
  const added = async (): Promise<string[]> => (await shapeIds(app)).filter((id) => !before.includes(id));
  await expect.poll(async () => (await added()).length, { timeout: 20_000 }).toBe(1);
  await app.page.keyboard.press('Escape');
  const [id] = await added();
  if (!id) throw new Error('no new shape');
  return id;
}

function shapeIds(app: AppPage): Promise<string[]> {
  return app.page
    .locator('.measure-shape')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-shape-id') ?? ''));
}

async function waitForTrip(app: AppPage): Promise<void> {
  await showTab(app, 'trip');
  await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000 });
}

function tripStopIds(app: AppPage): Promise<string[]> {
  return app.page
    .locator('.trip-stop')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stop-id') ?? ''));
}

function notice(app: AppPage, kind: string) {
  return app.page.locator(`[data-storage-notice="${kind}"]`);
}

/** Reads or writes idb-keyval's default store directly, not through the app. */
function readKey(app: AppPage, key: string): Promise<unknown> {
  return app.page.evaluate(
    (wanted) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('keyval')) return resolve(undefined);
          const request = database.transaction('keyval').objectStore('keyval').get(wanted);
          request.onsuccess = () => {
            database.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    key,
  );
}

function keysOf(app: AppPage): Promise<string[]> {
  return app.page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const request = database.transaction('keyval').objectStore('keyval').getAllKeys();
          request.onsuccess = () => {
            database.close();
            resolve(request.result.map(String));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

function writeKey(app: AppPage, key: string, value: unknown): Promise<void> {
  return app.page.evaluate(
    ([wanted, stored]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const transaction = database.transaction('keyval', 'readwrite');
          transaction.objectStore('keyval').put(stored, wanted as string);
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [key, value] as const,
  );
}

const square = (west: number, south: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + 0.01, south],
      [west + 0.01, south + 0.01],
      [west, south + 0.01],
      [west, south],
    ],
  ],
});

describe('two tabs of the app in one browser', () => {
  it('keeps the shapes drawn in both tabs, in both, after a reload', async () => {
    const session = await browser();
    const first = await openApp({ browser: session });
    const second = await openApp({ browser: session });
    await openMeasuring(first);
    await openMeasuring(second);
    const drawnInFirst = await drawSquare(first, -120);
    // The first tab's shape may reach the second while it draws (the tabs follow each other).
    const drawnInSecond = await drawSquare(second, 80, [drawnInFirst]);
    // The other tab shows it without a reload, and nothing is lost when both reload.
    await expect.poll(() => shapeIds(first), { timeout: 20_000 }).toEqual([drawnInFirst, drawnInSecond]);
    for (const app of [first, second]) {
      await app.page.reload();
      await app.waitForReady();
      await openMeasuring(app);
      await expect
        .poll(async () => (await shapeIds(app)).sort(), { timeout: 20_000 })
        .toEqual([drawnInFirst, drawnInSecond].sort());
    }
    await first.screenshot('storage-two-tabs-drawings');
    expect(await first.problems()).toEqual([]);
    expect(await second.problems()).toEqual([]);
  });

  it('a stop removed in one tab stays removed while the other adds one', async () => {
    const session = await browser();
    const link = encodeTrip({ ...emptyTrip(), stops: PLACES.slice(0, 2).map((id) => ({ id })) });
    const first = await openApp({ browser: session, path: `?trip=${encodeURIComponent(link)}` });
    await waitForTrip(first);
    expect(await tripStopIds(first)).toEqual(PLACES.slice(0, 2));
    await expect.poll(() => readKey(first, TRIP_KEY)).toBe(link);
    const second = await openApp({ browser: session });
    await waitForTrip(second);
    expect(await tripStopIds(second)).toEqual(PLACES.slice(0, 2));

    // Remove the first stop in the first tab.
    await first.page.locator(`.trip-stop[data-stop-id="${PLACES[0]}"] .trip-stop__actions button`).last().click();
    await expect.poll(() => tripStopIds(first)).toEqual([PLACES[1]]);
    // Add another place in the second tab.
    await second.page.locator('details.trip-places > summary').click();
    await second.page.locator(`.trip-places__list li[data-place-id="${PLACES[2]}"] button`).click();
    const expected = [PLACES[1], PLACES[2]];
    await expect.poll(() => tripStopIds(second), { timeout: 20_000 }).toEqual(expected);
    await expect.poll(() => tripStopIds(first), { timeout: 20_000 }).toEqual(expected);
    for (const app of [first, second]) {
      await app.page.reload();
      await app.waitForReady();
      await waitForTrip(app);
      expect(await tripStopIds(app)).toEqual(expected);
    }
    expect(await first.problems()).toEqual([]);
    expect(await second.problems()).toEqual([]);
  });

  it('a language chosen in one tab shows in the other and is not written back over', async () => {
    const session = await browser();
    const first = await openApp({ browser: session });
    const second = await openApp({ browser: session });
    expect(await second.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await first.page.locator('.language-switch__button').filter({ hasText: 'English' }).click();
    await expect.poll(() => first.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => second.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await second.page.reload();
    await second.waitForReady();
    expect(await second.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await second.problems()).toEqual([]);
  });
});

describe('a trip that storage cannot keep', () => {
  it('sets aside a stored trip of the wrong type, with a message, and keeps the copy', async () => {
    const session = await browser();
    const app = await openApp({ browser: session });
    await writeKey(app, TRIP_KEY, { stops: ['not', 'text'] });
    await app.page.reload();
    await app.waitForReady();
    await waitForTrip(app);
    const message = notice(app, 'record-set-aside');
    await message.waitFor({ timeout: 20_000 });
    expect(await message.getAttribute('role')).toBe('status');
    expect(await message.textContent()).toMatch(/行程/);
    const keys = await keysOf(app);
    const copy = keys.find((key) => key.startsWith(`${TRIP_KEY}:set-aside:`));
    expect(copy).toBeDefined();
    expect(await readKey(app, copy!)).toEqual({ stops: ['not', 'text'] });
    // The app still plans a trip and keeps it.
    await app.page.locator('details.trip-places > summary').click();
    await app.page.locator(`.trip-places__list li[data-place-id="${PLACES[0]}"] button`).click();
    await expect.poll(() => readKey(app, TRIP_KEY)).toMatch(new RegExp(PLACES[0]!));
    expect(await app.problems()).toEqual([]);
  });
});

describe('without IndexedDB (a private window, blocked storage)', () => {
  it('works, and says that drawings, imports and the trip will not survive a reload', async () => {
    const session = await browser();
    await session.context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is blocked', 'SecurityError');
      };
    });
    const app = await openApp({ browser: session });
    const message = notice(app, 'persistence-unavailable');
    await message.waitFor({ timeout: 20_000 });
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await message.textContent()).toMatch(/绘制的图形和导入的图层/);
    await waitForTrip(app);
    await notice(app, 'trip-not-saved').waitFor({ timeout: 20_000 });
    // Drawing still works, in this page.
    await openMeasuring(app);
    await drawSquare(app, 0);
    await app.screenshot('storage-no-indexeddb');
    expect(await app.problems()).toEqual([]);
  });
});

describe('stored records that are damaged or from another version', () => {
  it('migrates shapes stored without a version and sets aside ones from a newer version', async () => {
    const session = await browser();
    const app = await openApp({ browser: session });
    const old = [{ id: 'old-shape', tool: 'polygon', name: '旧版本', geometry: square(105.43, 28.88) }];
    await writeKey(app, SHAPES_KEY, old);
    await app.page.reload();
    await app.waitForReady();
    await openMeasuring(app);
    await expect.poll(() => shapeIds(app), { timeout: 20_000 }).toEqual(['old-shape']);
    await notice(app, 'record-migrated').waitFor();

    const newer = { version: 99, shapes: [{ id: 'from-the-future' }], layout: 'unknown' };
    await writeKey(app, SHAPES_KEY, newer);
    await app.page.reload();
    await app.waitForReady();
    await openMeasuring(app);
    await notice(app, 'record-set-aside').waitFor({ timeout: 20_000 });
    expect(await shapeIds(app)).toEqual([]);
    // Drawing now writes over the key, but the newer record was copied aside first.
    await drawSquare(app, 0);
    await expect.poll(async () => ((await readKey(app, SHAPES_KEY)) as { shapes?: unknown[] })?.shapes?.length).toBe(1);
    const copies = (await keysOf(app)).filter((key) => key.startsWith(`${SHAPES_KEY}:set-aside:`));
    expect(copies.length).toBeGreaterThan(0);
    expect(await readKey(app, copies[0]!)).toEqual(newer);
    expect(await app.problems()).toEqual([]);
  });

  it('lets the planner remove a stored layer that cannot be read, which then stays gone', async () => {
    const session = await browser();
    const app = await openApp({ browser: session });
    await app.page.evaluate(
      (databaseName) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(databaseName);
          open.onupgradeneeded = () => open.result.createObjectStore('layers');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const database = open.result;
            const transaction = database.transaction('layers', 'readwrite');
            const layers = transaction.objectStore('layers');
            // A record that looks like a layer but whose file is not one, and one that is not a layer at all.
            layers.put(
              {
                id: 'broken-layer',
                fileName: 'broken.geojson',
                coordinateSystem: 'wgs84',
                importedAt: '2026-01-01T00:00:00.000Z',
                visible: true,
                order: 1,
                file: new Blob(['{"type": "FeatureCollection", "features": [ oops'], { type: 'application/geo+json' }),
              },
              'broken-layer',
            );
            layers.put({ fileName: 'other-build.kml', shape: 'unknown' }, 'odd-record');
            transaction.oncomplete = () => {
              database.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      LAYERS_DATABASE,
    );
    await app.page.reload();
    await app.waitForReady();
    await openMeasuring(app);
    const unreadable = notice(app, 'stored-layer-unreadable');
    await expect.poll(() => unreadable.count(), { timeout: 30_000 }).toBe(2);
    expect(await unreadable.first().getAttribute('role')).toBe('alert');
    await app.screenshot('storage-unreadable-layer');
    // Each removal takes its notice away: always the first that is left.
    for (let left = 2; left > 0; left--) {
      await unreadable.first().locator('.storage-notice__remove').click();
      await expect.poll(() => unreadable.count()).toBe(left - 1);
    }
    await app.page.reload();
    await app.waitForReady();
    await openMeasuring(app);
    // Restoring is done once the planner's import section is idle; nothing unreadable is left to announce.
    await app.page.locator('input[data-import-input]').waitFor({ state: 'attached', timeout: 30_000 });
    await expect.poll(() => app.page.locator('.imported-layer').count()).toBe(0);
    expect(await unreadable.count()).toBe(0);
    expect(await app.page.locator('body').textContent()).not.toMatch(/broken\.geojson/);
    expect(await app.problems()).toEqual([]);
  });

  it('re-creates deleted object stores, so drawings and the trip are kept again', async () => {
    const session = await browser();
    const app = await openApp({ browser: session });
    await openMeasuring(app);
    await drawSquare(app, 0);
    // Something (an extension, a half-done upgrade) deletes the object stores under the open app.
    await app.page.evaluate(
      (databases) =>
        Promise.all(
          databases.map(
            ([name, store]) =>
              new Promise<void>((resolve, reject) => {
                const probe = indexedDB.open(name!);
                probe.onsuccess = () => {
                  const version = probe.result.version;
                  probe.result.close();
                  const open = indexedDB.open(name!, version + 1);
                  open.onupgradeneeded = () => {
                    if (open.result.objectStoreNames.contains(store!)) open.result.deleteObjectStore(store!);
                  };
                  open.onsuccess = () => {
                    open.result.close();
                    resolve();
                  };
                  open.onerror = () => reject(open.error);
                  open.onblocked = () => reject(new Error(`${name} is held open`));
                };
                probe.onerror = () => reject(probe.error);
              }),
          ),
        ),
      [
        ['keyval-store', 'keyval'],
        [LAYERS_DATABASE, 'layers'],
      ],
    );
    const drawn = await drawSquare(app, 100);
    await notice(app, 'storage-repaired').waitFor({ timeout: 20_000 });
    await app.page.reload();
    await app.waitForReady();
    await openMeasuring(app);
    await expect.poll(() => shapeIds(app), { timeout: 20_000 }).toContain(drawn);
    expect(await app.page.locator('.measure-notice[role="alert"]').count()).toBe(0);
    expect(await app.problems()).toEqual([]);
  });
});

describe('storage full', () => {
  it('keeps an import in this page only, says why, and damages nothing stored before', async () => {
    const session = await browser();
    // No offline copy here: its precaching would race the import for the little quota there is.
    await session.context.addInitScript(() => {
      delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
    });
    // The quota is lowered before the app loads (Chrome applies an override reliably then): 1 MB
    // holds drawings and the trip, not a 1.5 MB file.
    const blank = await session.context.newPage();
    const cdp = await session.context.newCDPSession(blank);
    const { previewUrl } = await import('./harness.ts');
    const origin = new URL(previewUrl()).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 * 1024 });
    const app = await openApp({ browser: session });
    await openMeasuring(app);
    const kept = await drawSquare(app, -100);
    await expect.poll(async () => ((await readKey(app, SHAPES_KEY)) as { shapes?: unknown[] })?.shapes?.length).toBe(1);
    // A file far larger than what is left: its copy cannot be stored.
    const features = Array.from({ length: 1500 }, (_, index) => ({
      type: 'Feature',
      properties: { name: `地块 ${index}`, note: 'x'.repeat(900) },
      geometry: square(105.4 + (index % 40) * 0.002, 28.85 + Math.floor(index / 40) * 0.002),
    }));
    const buffer = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
    expect(buffer.byteLength).toBeGreaterThan(1024 * 1024);
    await app.page
      .locator('input[data-import-input]')
      .setInputFiles({ name: 'large-parcels.geojson', mimeType: 'application/geo+json', buffer });
    const message = notice(app, 'import-not-saved');
    await message.waitFor({ timeout: 60_000 });
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await message.textContent()).toMatch(/large-parcels\.geojson/);
    expect(await message.textContent()).toMatch(/存储空间已满/);
    // The layer is on the page all the same.
    expect(await app.page.locator('.imported-layer').count()).toBe(1);
    await app.screenshot('storage-quota-import');

    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await app.page.reload();
    await app.waitForReady();
    await openMeasuring(app);
    await expect.poll(() => shapeIds(app), { timeout: 20_000 }).toEqual([kept]);
    await app.page.locator('input[data-import-input]').waitFor({ state: 'attached' });
    expect(await app.page.locator('.imported-layer').count()).toBe(0);
    expect(await notice(app, 'stored-layer-unreadable').count()).toBe(0);
    expect(await app.problems()).toEqual([]);
  });

  it('says offline use is unavailable when the offline copy cannot fit', async () => {
    const session = await browser();
    const blank = await session.context.newPage();
    const cdp = await session.context.newCDPSession(blank);
    const { previewUrl } = await import('./harness.ts');
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(previewUrl()).origin, quotaSize: 1024 * 1024 });
    const app = await openApp({ browser: session });
    const message = notice(app, 'offline-unavailable');
    await message.waitFor({ timeout: 20_000 });
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await message.textContent()).toMatch(/离线/);
    expect(await app.problems()).toEqual([]);
  });
});

describe('a new version deployed while a visitor works', () => {
  it('asks before reloading, and the drawings and trip survive the reload', async () => {
    // A copy of the build of our own, so "deploying" a new service worker touches no other test.
    const directory = mkdtempSync(join(tmpdir(), 'luzhou-update-'));
    cpSync(builtAppDirectory(), directory, { recursive: true });
    const server = await serveBuiltApp(directory);
    try {
      const session = await browser();
      const app = await openApp({ browser: session, baseUrl: server.url });
      await app.page.waitForFunction(() => window.__offlineReady === true, undefined, { timeout: 60_000 });
      await openMeasuring(app);
      const drawn = await drawSquare(app, 0);
      await waitForTrip(app);
      await app.page.locator('details.trip-places > summary').click();
      await app.page.locator(`.trip-places__list li[data-place-id="${PLACES[0]}"] button`).click();
      await expect.poll(() => tripStopIds(app)).toEqual([PLACES[0]]);

      const worker = join(directory, 'sw.js');
      writeFileSync(worker, `${readFileSync(worker, 'utf8')}\n// a newer version\n`);
      await app.page.evaluate(
        () => window.__storageMarker === undefined && Object.assign(window, { __storageMarker: 1 }),
      );
      await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const prompt = app.page.locator('.update-notice:not(.storage-notice)').filter({ hasText: '新版本' });
      await prompt.waitFor({ timeout: 60_000 });
      // The new worker is installed and waiting; the page has not reloaded by itself.
      await app.page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
      expect(await app.page.evaluate(() => window.__storageMarker)).toBe(1);
      expect(await shapeIds(app)).toEqual([drawn]);

      await Promise.all([
        app.page.waitForEvent('load', { timeout: 60_000 }),
        prompt.locator('button.text-button').click(),
      ]);
      await app.waitForReady();
      expect(await app.page.evaluate(() => window.__storageMarker)).toBeUndefined();
      await openMeasuring(app);
      await expect.poll(() => shapeIds(app), { timeout: 20_000 }).toEqual([drawn]);
      await waitForTrip(app);
      expect(await tripStopIds(app)).toEqual([PLACES[0]]);
      expect(await app.problems()).toEqual([]);
    } finally {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

declare global {
  interface Window {
    __storageMarker?: number;
  }
}
