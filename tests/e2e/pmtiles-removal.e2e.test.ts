/**
 * A `.pmtiles` archive taken off before it has been read (a slow link: its header still on the way)
 * must leave nothing on the map: no source, no layers that nobody can remove and whose fill would
 * keep swallowing clicks meant for the zone's own features.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppTab } from './app-tabs.ts';
import { builtAppDirectory, waitForMapIdle, withApp } from './harness.ts';
import { makeParcelArchive, type MapWindow } from './pmtiles-fixtures.ts';

const SERVED_FOLDER = `e2e-slow-archives-${process.pid}`;
const SERVED_PATH = `/${SERVED_FOLDER}/slow.pmtiles`;

beforeAll(async () => {
  const archive = await makeParcelArchive(200, 7, [12, 14]);
  mkdirSync(join(builtAppDirectory(), SERVED_FOLDER), { recursive: true });
  writeFileSync(join(builtAppDirectory(), SERVED_FOLDER, 'slow.pmtiles'), archive.bytes);
}, 120_000);

afterAll(() => {
  rmSync(join(builtAppDirectory(), SERVED_FOLDER), { recursive: true, force: true });
});

async function openByAddress(page: Page, address: string): Promise<void> {
  await page.locator('.pmtiles-url-input').fill(address);
  await page.locator('.pmtiles-url-form button[type="submit"]').click();
}

/** Sources drawn through the archives' protocol, and style layers of archives, now in the style. */
function archiveTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const style = (window as MapWindow).__zoneMap!.getStyle();
    const sources = Object.entries(style.sources)
      .filter(([, source]) => JSON.stringify(source).includes('zone-pmtiles://'))
      .map(([id]) => `source ${id}`);
    const layers = style.layers.filter((layer) => layer.id.startsWith('pmtiles-')).map((layer) => `layer ${layer.id}`);
    return [...sources, ...layers];
  });
}

/** A pixel whose top feature (and the only one within the tap tolerance) is one of the zone's own. */
function datasetPixel(page: Page): Promise<{ x: number; y: number; id: string } | null> {
  return page.evaluate(() => {
    const map = (window as MapWindow).__zoneMap!;
    const interactive = map
      .getStyle()
      .layers.map((layer) => layer.id)
      .filter((id) => id.includes(':') && !id.endsWith(':label'));
    const canvas = map.getCanvas().getBoundingClientRect();
    for (let y = 20; y < canvas.height - 20; y += 10) {
      for (let x = 20; x < canvas.width - 20; x += 10) {
        const around = map.queryRenderedFeatures(
          [
            [x - 8, y - 8],
            [x + 8, y + 8],
          ],
          { layers: interactive },
        );
        const under = map.queryRenderedFeatures([x, y], { layers: interactive });
        const id = under[0]?.properties['id'];
        if (typeof id === 'string' && around[0]?.properties['id'] === id)
          return { x: canvas.left + x, y: canvas.top + y, id };
      }
    }
    return null;
  });
}

describe('a PMTiles archive removed while it is still being read', () => {
  it('leaves no source or layer behind, and the zone stays clickable', async () => {
    await withApp({ path: '?lang=en' }, async (app) => {
      const { page } = app;
      const startView = await page.evaluate(() => {
        const map = (window as MapWindow).__zoneMap!;
        return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
      });
      // Every answer for the archive waits until the test lets it through: a link slower than the planner.
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let firstHeld: () => void = () => {};
      const held = new Promise<void>((resolve) => (firstHeld = resolve));
      await page.route(`**/${SERVED_FOLDER}/**`, async (route) => {
        firstHeld();
        await released;
        await route.continue();
      });

      await openAppTab(page, 'measure');
      await openByAddress(page, SERVED_PATH);
      await held;
      await page.locator('[data-pmtiles-archive="pmtiles-1"] button').click();
      await page.locator('[data-pmtiles-archive]').waitFor({ state: 'detached' });
      release();

      // The same address again, read in full: by the time it is drawn, the first read has long come back.
      await openByAddress(page, SERVED_PATH);
      await page.waitForFunction(() => Boolean((window as MapWindow).__zoneMap?.getLayer('pmtiles-2-fill')));
      expect(await archiveTraces(page)).toEqual([
        'source pmtiles-2',
        'layer pmtiles-2-fill',
        'layer pmtiles-2-outline',
      ]);

      await page.locator('[data-pmtiles-archive="pmtiles-2"] button').click();
      await page.locator('[data-pmtiles-archive]').waitFor({ state: 'detached' });
      expect(await archiveTraces(page)).toEqual([]);

      await openAppTab(page, 'explore');
      await page.evaluate((view) => (window as MapWindow).__zoneMap!.jumpTo(view), startView);
      await waitForMapIdle(app);
      const pixel = await datasetPixel(page);
      expect(pixel, 'a pixel on one of the zone’s features').not.toBeNull();
      await page.mouse.click(pixel!.x, pixel!.y);
      await page.locator(`.feature-panel[data-feature-id="${pixel!.id}"]`).waitFor();
      expect(await page.locator('.maplibregl-popup .pmtiles-properties').count()).toBe(0);
    });
  }, 120_000);
});
