/**
 * Lazy by intent (issue 14): the import worker — the parsers for Shapefile, KML, GeoPackage, … —
 * is downloaded only when a visitor shows they mean to import: opening the planners' toolkit or
 * dragging a file over the page. A visit that only looks at the map never fetches it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { openApp, type AppPage } from './harness.ts';

const isImportWorker = (url: string) => /\/import\.worker[^/]*\.js(\?|$)/.test(new URL(url).pathname);

/** The toolkit's code has loaded and connected (its panel is in the page). */
async function plannerLoaded(app: AppPage): Promise<void> {
  await app.page.locator('.planner-panel').waitFor({ state: 'attached', timeout: 30_000 });
}

describe('the import worker loads on intent only', () => {
  let app: AppPage | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('a visit that looks at the map never fetches it, and a file dragged over the page does', async () => {
    app = await openApp();
    await plannerLoaded(app);
    // The page has settled: statistics shown, trip and toolkit connected.
    await app.page.waitForFunction(() => performance.getEntriesByName('zone:statistics-computed').length > 0);
    await app.page.waitForLoadState('networkidle');
    expect(app.requests.filter((request) => isImportWorker(request.url))).toEqual([]);

    await app.page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{"type":"FeatureCollection","features":[]}'], 'parcels.geojson'));
      document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
    });
    await expect
      .poll(() => app!.requests.filter((request) => isImportWorker(request.url)).length, { timeout: 30_000 })
      .toBe(1);
    expect(await app.problems()).toEqual([]);
  });
});
