/**
 * A `.pmtiles` address that cannot be reached for a moment (offline, the server briefly down) is
 * not a broken archive: the list says it was not reached, the address is kept, and the next load
 * that reaches it draws it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppTab } from './app-tabs.ts';
import { builtAppDirectory, openApp } from './harness.ts';
import { makeParcelArchive, type MapWindow } from './pmtiles-fixtures.ts';

const SERVED_FOLDER = `e2e-unreachable-archives-${process.pid}`;
const SERVED_PATH = `/${SERVED_FOLDER}/parcels.pmtiles`;

beforeAll(async () => {
  const archive = await makeParcelArchive(200, 3, [12, 14]);
  mkdirSync(join(builtAppDirectory(), SERVED_FOLDER), { recursive: true });
  writeFileSync(join(builtAppDirectory(), SERVED_FOLDER, 'parcels.pmtiles'), archive.bytes);
}, 120_000);

afterAll(() => {
  rmSync(join(builtAppDirectory(), SERVED_FOLDER), { recursive: true, force: true });
});

describe('a PMTiles address that cannot be reached', () => {
  it('is kept with the reason, and drawn after a reload that reaches it', async () => {
    const app = await openApp({ path: '?lang=en' });
    try {
      const { page } = app;
      await page.route(`**/${SERVED_FOLDER}/**`, (route) => route.abort('internetdisconnected'));
      await openAppTab(page, 'measure');
      await page.locator('.pmtiles-url-input').fill(SERVED_PATH);
      await page.locator('.pmtiles-url-form button[type="submit"]').click();
      const problem = page.locator('[data-pmtiles-archive] .data-error');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('could not be reached');
      await page.locator('[data-pmtiles-archive][data-pmtiles-keeping="kept"]').waitFor();
      expect(await page.evaluate(() => Boolean((window as MapWindow).__zoneMap?.getSource('pmtiles-1')))).toBe(false);

      await page.unroute(`**/${SERVED_FOLDER}/**`);
      await page.reload();
      await app.waitForReady();
      await page.waitForFunction(() => Boolean((window as MapWindow).__zoneMap?.getLayer('pmtiles-1-fill')));
      await openAppTab(page, 'measure');
      expect(await page.locator('[data-pmtiles-archive]').textContent()).toContain('parcels.pmtiles');
      expect(await page.locator('[data-pmtiles-archive] .data-error').count()).toBe(0);
      // Only the refused reads themselves were reported, nothing thrown.
      const problems = (await app.problems()).filter((line) => !line.includes('ERR_INTERNET_DISCONNECTED'));
      expect(problems).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);
});
