/**
 * A `.pmtiles` by its address on the app's own origin (issue 15 §3), and archives coming back after
 * a reload. The archive is made by `npm run tiles` at test time and put into the served build, so
 * the app reads it as it would from any static host: HTTP range requests through the pmtiles
 * FetchSource. Another host is refused with the reason, and never contacted.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { openAppTab } from './app-tabs.ts';
import { builtAppDirectory, withApp } from './harness.ts';
import {
  jumpAndSettle,
  makeParcelArchive,
  type MapWindow,
  pagePoint,
  parcelCentre,
  popupRows,
  renderedIds,
} from './pmtiles-fixtures.ts';

const SERVED_FOLDER = `e2e-archives-${process.pid}`;
const SERVED_PATH = `/${SERVED_FOLDER}/城区地块.pmtiles`;

let archive: { bytes: Uint8Array; parcels: Feature<Polygon>[] };

beforeAll(async () => {
  archive = await makeParcelArchive(2000, 5, [12, 16]);
  mkdirSync(join(builtAppDirectory(), SERVED_FOLDER), { recursive: true });
  writeFileSync(join(builtAppDirectory(), SERVED_FOLDER, '城区地块.pmtiles'), archive.bytes);
}, 120_000);

afterAll(() => {
  rmSync(join(builtAppDirectory(), SERVED_FOLDER), { recursive: true, force: true });
});

async function openByAddress(page: import('playwright-core').Page, address: string): Promise<void> {
  await page.locator('.pmtiles-url-input').fill(address);
  await page.locator('.pmtiles-url-form button[type="submit"]').click();
}

describe('a PMTiles archive by address', () => {
  it('refuses another host with the reason, then draws one on this site from byte ranges', async () => {
    await withApp({ path: '?lang=en' }, async (app) => {
      const { page } = app;
      await openAppTab(page, 'measure');
      await openByAddress(page, 'https://tiles.example.com/parcels.pmtiles');
      const problem = page.locator('.pmtiles-url-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('tiles.example.com is another host and is not contacted');
      expect(await page.locator('[data-pmtiles-archive]').count()).toBe(0);

      await openByAddress(page, SERVED_PATH);
      await problem.waitFor({ state: 'detached' });
      const item = page.locator('[data-pmtiles-archive]');
      await item.waitFor();
      expect(await item.textContent()).toContain('城区地块.pmtiles');
      await page.waitForFunction(() => Boolean((window as MapWindow).__zoneMap?.getLayer('pmtiles-1-fill')));

      const first = archive.parcels[0]!;
      const centre = parcelCentre(first);
      await jumpAndSettle(page, centre, 19);
      expect(await renderedIds(page, 'pmtiles-1-fill')).toContain(1);
      const point = await pagePoint(page, centre);
      await page.mouse.click(point.x, point.y);
      expect(await popupRows(page)).toMatchObject({
        id: '1',
        DLBM: first.properties!.DLBM,
        areaM2: String(Math.round(ellipsoidalArea(first.geometry) * 100) / 100),
      });
      await app.screenshot('pmtiles-url-click');

      // Read in parts, never whole: every answer for the archive was a 206 of a slice.
      const archiveRequests = app.requests.filter((request) => request.url.includes(SERVED_FOLDER));
      expect(archiveRequests.length).toBeGreaterThan(1);
      const answered = archiveRequests.filter((request) => request.status !== null);
      expect(answered.length).toBeGreaterThan(0);
      expect(answered.every((request) => request.status === 206)).toBe(true);
      expect(app.offOriginRequests()).toEqual([]);
    });
  }, 120_000);

  it('comes back after a reload, as does a small picked file; a removed one does not', async () => {
    await withApp({ path: '?lang=en' }, async (app) => {
      const { page } = app;
      await openAppTab(page, 'measure');
      await page
        .locator('input[data-import-input]')
        .setInputFiles([
          { name: 'picked.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(archive.bytes) },
        ]);
      await openByAddress(page, SERVED_PATH);
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-pmtiles-keeping]')].filter(
            (item) => item.getAttribute('data-pmtiles-keeping') === 'kept',
          ).length === 2,
      );

      await page.reload();
      await app.waitForReady();
      await openAppTab(page, 'measure');
      const items = page.locator('[data-pmtiles-archive]');
      await page.waitForFunction(() => document.querySelectorAll('[data-pmtiles-archive]').length === 2);
      expect(await items.allTextContents()).toEqual([
        expect.stringContaining('picked.pmtiles'),
        expect.stringContaining('城区地块.pmtiles'),
      ]);
      await page.waitForFunction(() => {
        const map = (window as MapWindow).__zoneMap;
        return Boolean(map?.getLayer('pmtiles-1-fill') && map.getLayer('pmtiles-2-fill'));
      });
      await jumpAndSettle(page, parcelCentre(archive.parcels[0]!), 19);
      expect(await renderedIds(page, 'pmtiles-1-fill')).toContain(1);
      expect(await renderedIds(page, 'pmtiles-2-fill')).toContain(1);

      await items.first().locator('button').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-pmtiles-archive]').length === 1);
      // The removal is written to IndexedDB a moment later: reload once it is.
      await page.waitForFunction(
        () =>
          new Promise<boolean>((resolve) => {
            const opening = indexedDB.open('luzhou-zone-map-pmtiles-archives');
            opening.onsuccess = () => {
              const database = opening.result;
              const counting = database.transaction('archives').objectStore('archives').count();
              counting.onsuccess = () => {
                database.close();
                resolve(counting.result === 1);
              };
            };
          }),
      );
      await page.reload();
      await app.waitForReady();
      await openAppTab(page, 'measure');
      await items.first().waitFor();
      await page.waitForFunction(() => Boolean((window as MapWindow).__zoneMap?.getLayer('pmtiles-1-fill')));
      expect(await items.allTextContents()).toEqual([expect.stringContaining('城区地块.pmtiles')]);
    });
  }, 180_000);
});
