/**
 * `.pmtiles` archives across a lost WebGL context (forced with WEBGL_lose_context in real chromium):
 * MapLibre rebuilds the style from a snapshot of the moment it was lost, so the map must then show
 * the archives the planner has now: one opened before is drawn still, one opened meanwhile is drawn,
 * one removed meanwhile is gone, and a parcel click still shows its properties.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { openAppTab } from './app-tabs.ts';
import { withApp } from './harness.ts';
import {
  jumpAndSettle,
  makeParcelArchive,
  type MapWindow,
  pagePoint,
  parcelCentre,
  popupRows,
  renderedIds,
} from './pmtiles-fixtures.ts';

let archive: { bytes: Uint8Array; parcels: Feature<Polygon>[] };

beforeAll(async () => {
  archive = await makeParcelArchive(300, 11, [12, 16]);
}, 120_000);

async function pick(page: Page, name: string): Promise<void> {
  await page
    .locator('input[data-import-input]')
    .setInputFiles([{ name, mimeType: 'application/octet-stream', buffer: Buffer.from(archive.bytes) }]);
}

/** Archive sources and layers in the style, as `source <id>` / `layer <id>`. */
function archiveTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const style = (window as MapWindow).__zoneMap!.getStyle();
    const sources = Object.entries(style.sources)
      .filter(([, source]) => JSON.stringify(source).includes('zone-pmtiles://'))
      .map(([id]) => `source ${id}`);
    const layers = style.layers.filter((layer) => layer.id.startsWith('pmtiles-')).map((layer) => `layer ${layer.id}`);
    return [...sources, ...layers].sort();
  });
}

describe('PMTiles archives and a lost WebGL context', () => {
  it('draws the archives wanted when the context comes back, not those of the moment it was lost', async () => {
    await withApp({ path: '?lang=en' }, async (app) => {
      const { page } = app;
      await openAppTab(page, 'measure');
      await pick(page, 'kept.pmtiles');
      await page.waitForFunction(() => Boolean((window as MapWindow).__zoneMap?.getLayer('pmtiles-1-fill')));
      await pick(page, 'removed.pmtiles');
      await page.waitForFunction(() => Boolean((window as MapWindow).__zoneMap?.getLayer('pmtiles-2-fill')));

      await page.evaluate(() => {
        (window as unknown as { __zoneMapTest: { contextRestoreWaitMs: number } }).__zoneMapTest = {
          contextRestoreWaitMs: 120_000,
        };
        const canvas = (window as MapWindow).__zoneMap!.getCanvas();
        const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
        const extension = context?.getExtension('WEBGL_lose_context');
        if (!extension) throw new Error('WEBGL_lose_context is not offered');
        (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = extension;
        extension.loseContext();
      });
      await page.locator('.app.app--map-context-lost').waitFor({ timeout: 10_000 });

      await pick(page, 'opened-meanwhile.pmtiles');
      await page.waitForFunction(() => document.querySelectorAll('[data-pmtiles-archive]').length === 3);
      await page.locator('[data-pmtiles-archive="pmtiles-2"] button').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-pmtiles-archive]').length === 2);

      await page.evaluate(() =>
        (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext(),
      );
      await page.locator('.app.app--map-ready').waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => Boolean((window as MapWindow).__zoneMap?.getLayer('pmtiles-3-fill')));
      expect(await archiveTraces(page)).toEqual([
        'layer pmtiles-1-fill',
        'layer pmtiles-1-outline',
        'layer pmtiles-3-fill',
        'layer pmtiles-3-outline',
        'source pmtiles-1',
        'source pmtiles-3',
      ]);

      const first = archive.parcels[0]!;
      const centre = parcelCentre(first);
      await jumpAndSettle(page, centre, 17);
      expect(await renderedIds(page, 'pmtiles-1-fill')).toContain(1);
      expect(await renderedIds(page, 'pmtiles-3-fill')).toContain(1);
      const point = await pagePoint(page, centre);
      await page.mouse.click(point.x, point.y);
      expect(await popupRows(page)).toMatchObject({ id: '1', DLBM: first.properties!.DLBM });
    });
  }, 120_000);
});
