/**
 * A visitor's own list of places becomes trip stops, in real chromium against the built app: a
 * GBK CSV of places in GCJ-02 is imported as GCJ-02, two of its points go into the trip from their
 * feature panels, the day plan shows them (marked as from the file) with distances, and they come
 * back after a reload and in the trip link opened in a fresh browser profile.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWgs84 } from '../../src/data/coordinate-systems.ts';
import { customStopId } from '../../src/trip/trip-state.ts';
import { launchBrowser, openApp, type AppPage, type BrowserSession, withApp } from './harness.ts';
import { openAppTab } from './app-tabs.ts';

const fixtureDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');
const FILE_NAME = 'places-gcj02-gbk.csv';
const csvBytes = readFileSync(join(fixtureDirectory, FILE_NAME));

/** The fixture's rows, read in node (GBK) and converted GCJ-02 → WGS84 with the app's own converter. */
function expectedPlaces(): { name: string; stopId: string }[] {
  const rows = new TextDecoder('gbk')
    .decode(csvBytes)
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map(([name, , longitude, latitude]) => ({
      type: 'Feature',
      properties: { name },
      geometry: { type: 'Point', coordinates: [Number(longitude), Number(latitude)] },
    })),
  };
  return toWgs84(collection, 'gcj02').features.map((feature) => {
    const [longitude, latitude] = (feature.geometry as { coordinates: number[] }).coordinates as [number, number];
    return { name: String(feature.properties!['name']), stopId: customStopId([longitude, latitude]) };
  });
}

async function waitForTripRestored(app: AppPage): Promise<void> {
  await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000, state: 'attached' });
}

async function waitForMapIdle(app: AppPage): Promise<void> {
  await app.page.waitForFunction(() => !window.__zoneMap!.isMoving() && window.__zoneMap!.loaded(), undefined, {
    timeout: 30_000,
  });
}

async function panelStopIds(app: AppPage): Promise<string[]> {
  return app.page
    .locator('.trip-stop')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stop-id') ?? ''));
}

async function openPlanner(app: AppPage): Promise<void> {
  await openAppTab(app.page, 'measure');
  await app.page.locator('input[data-import-input]').waitFor({ state: 'attached' });
}

/** Clicks the imported point whose 名称 is `name` on the map, where MapLibre drew it. */
async function clickImportedPoint(app: AppPage, layerId: string, name: string): Promise<void> {
  const position = await app.page.evaluate(
    ({ sourceId, wanted }) => {
      const map = window.__zoneMap!;
      const feature = map.querySourceFeatures(sourceId).find((candidate) => candidate.properties['名称'] === wanted);
      if (feature?.geometry.type !== 'Point') return null;
      const pixel = map.project(feature.geometry.coordinates as [number, number]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + pixel.x, y: box.top + pixel.y };
    },
    { sourceId: `user-layer-${layerId}`, wanted: name },
  );
  expect(position).not.toBeNull();
  await app.page.mouse.click(position!.x, position!.y);
  await app.page.locator('.imported-feature-properties td', { hasText: name }).waitFor({ timeout: 30_000 });
  await app.page.locator('.imported-feature-panel .add-imported-point').waitFor({ timeout: 30_000 });
}

describe('trip stops from an imported point table', () => {
  let browser: BrowserSession;
  let app: AppPage;
  const places = expectedPlaces();
  const chosen = [places[1]!, places[3]!];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp({ browser });
    await waitForTripRestored(app);
  });

  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('adds two points of a GCJ-02 CSV to the trip, shown with their names, distances and where they come from', async () => {
    await openPlanner(app);
    await app.page.locator('select.import-coordinate-system').selectOption('gcj02');
    await app.page
      .locator('input[data-import-input]')
      .setInputFiles([{ name: FILE_NAME, mimeType: 'text/csv', buffer: csvBytes }]);
    const item = app.page.locator('.imported-layer', { hasText: FILE_NAME });
    await item.waitFor({ timeout: 60_000 });
    const layerId = (await item.getAttribute('data-imported-layer'))!;
    expect(await item.locator('.add-imported-points button').textContent()).toMatch(/7/);
    await item.getByRole('button', { name: /定位|Zoom to/ }).click();
    await waitForMapIdle(app);

    for (const place of chosen) {
      await clickImportedPoint(app, layerId, place.name);
      await app.page.locator('.imported-feature-panel .add-imported-point button').click();
      await app.page.locator(`.trip-stop[data-stop-id="${place.stopId}"]`).waitFor({ timeout: 30_000 });
      expect(
        await app.page.locator('.imported-feature-panel .add-imported-point button').getAttribute('aria-pressed'),
      ).toBe('true');
      await app.page.keyboard.press('Escape');
      await app.page.locator('.imported-feature-panel').waitFor({ state: 'detached' });
    }
    // The stop ids encode the WGS84 position (to 1e-5°): the GCJ-02 rows were converted, not taken raw.
    expect(await panelStopIds(app)).toEqual(chosen.map((place) => place.stopId));
    expect(await app.page.locator('.trip-stop__name').allTextContents()).toEqual(chosen.map((place) => place.name));
    const distance = await app.page.locator('.trip-leg__distance').first().textContent();
    expect(distance).toMatch(/\d/);
    // 纳溪区 to 泸县 is about 53 km in a straight line.
    expect(distance).toMatch(/5\d(\.\d+)?\s*(km|公里)/);
    const note = app.page.locator('.trip-file-stops');
    expect(await note.textContent()).toMatch(/来自您的文件|from your file/);
    expect(await note.locator('.trip-file-stops__name').allTextContents()).toEqual(
      chosen.map((place, index) => `${index > 0 ? '、' : ''}${place.name}`),
    );
    // Each of the day plan's rows for a file stop says so too, not only the note above them.
    expect(await app.page.locator('.trip-stop__from-file').count()).toBe(chosen.length);
    await app.page.locator('.trip-panel').scrollIntoViewIfNeeded();
    await app.screenshot('trip-imported-stops');
    expect(await app.problems()).toEqual([]);
  });

  it('keeps them through a reload, and the trip link opens them in a fresh profile', async () => {
    const ids = await panelStopIds(app);
    const times = await app.page.locator('.trip-stop__times').allTextContents();
    const link = new URL(app.page.url());
    expect(link.searchParams.get('trip')).toMatch(/^2/);

    await app.page.goto(new URL('index.html', app.baseUrl).href, { waitUntil: 'domcontentloaded' });
    await app.waitForReady();
    await waitForTripRestored(app);
    await expect.poll(() => panelStopIds(app), { timeout: 30_000 }).toEqual(ids);
    expect(await app.page.locator('.trip-stop__name').allTextContents()).toEqual(chosen.map((place) => place.name));

    await withApp({ path: `index.html${link.search}` }, async (fresh) => {
      await waitForTripRestored(fresh);
      expect(await panelStopIds(fresh)).toEqual(ids);
      expect(await fresh.page.locator('.trip-stop__name').allTextContents()).toEqual(chosen.map((place) => place.name));
      expect(await fresh.page.locator('.trip-stop__times').allTextContents()).toEqual(times);
      expect(await fresh.page.locator('.trip-restore-report').count()).toBe(0);
      // 高德 links carry the position, converted back to GCJ-02 (close to the file's own numbers).
      const amap = await fresh.page
        .locator(`.trip-stop[data-stop-id="${ids[0]}"] a[href*="uri.amap.com/marker"]`)
        .getAttribute('href');
      const [longitude, latitude] = new URL(amap!).searchParams.get('position')!.split(',').map(Number) as [
        number,
        number,
      ];
      expect(Math.abs(longitude - 105.397322)).toBeLessThan(2e-5);
      expect(Math.abs(latitude - 28.644102)).toBeLessThan(2e-5);
    });
  });
});
