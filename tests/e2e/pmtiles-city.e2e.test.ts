/**
 * City scale in the browser (issue 15 §3): 1 000 000 generated parcels tiled by `npm run tiles` in
 * its own process at test time (never checked in), the archive picked in the file picker. The map
 * draws parcels at a district-sized view and at a street-sized one; a click on a parcel shows its
 * id, class code and measured area, and only that: the district under it stays closed. A click
 * between parcels still opens the district, so the quiet is the parcel's doing.
 *
 * Zooms 13–15: a z13 tile holds ≈ 12 000 of these parcels (≈ 40 m apart), the densest MapLibre
 * still draws briskly on a software renderer; deeper zooms overzoom z15.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { KEEP_FILE_LIMIT_BYTES } from '../../src/data/storage/pmtiles-archives-persistence.ts';
import { parcelFileLines } from '../../bench/city-parcels.ts';
import { openAppTab } from './app-tabs.ts';
import { withApp } from './harness.ts';
import {
  jumpAndSettle,
  makeParcelArchiveFile,
  type MapWindow,
  pagePoint,
  parcelCentre,
  popupRows,
  renderedIds,
} from './pmtiles-fixtures.ts';

const PARCEL_COUNT = 1_000_000;
const ZOOMS: [number, number] = [13, 15];
const FILL = 'pmtiles-1-fill';

/** The first two parcels of the generated file (the grid's south-west corner, side by side). */
function firstParcels(): [Feature<Polygon>, Feature<Polygon>] {
  const lines = parcelFileLines(PARCEL_COUNT);
  lines.next();
  const parse = (line: string) => JSON.parse(line.trim().replace(/,$/, '')) as Feature<Polygon>;
  return [parse(lines.next().value!), parse(lines.next().value!)];
}

async function nextFrames(page: import('playwright-core').Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

describe('a 1 000 000-parcel PMTiles archive', () => {
  let directory = '';
  let archive = { path: '', report: '' };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'pmtiles-city-'));
    const started = performance.now();
    archive = await makeParcelArchiveFile(directory, PARCEL_COUNT, ZOOMS);
    // Printed, not asserted: how long the set-up takes on this machine, for CI's budget.
    console.log(`${archive.report} (generated and tiled in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }, 900_000);

  afterAll(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('is drawn at two zooms, and a click shows the parcel, not the district under it', async () => {
    expect(archive.report).toMatch(new RegExp(`${PARCEL_COUNT} features in layer "parcels"`));
    const [first, second] = firstParcels();
    await withApp({}, async (app) => {
      const { page } = app;
      await openAppTab(page, 'measure');
      await page.locator('input[data-import-input]').setInputFiles(archive.path);
      const item = page.locator('[data-pmtiles-archive]');
      await item.waitFor();
      await page.waitForFunction((layer) => Boolean((window as MapWindow).__zoneMap?.getLayer(layer)), FILL);
      // A city archive is too big to keep in the browser: the list says so rather than pretend.
      const size = statSync(archive.path).size;
      await page.waitForFunction(
        () => document.querySelector('[data-pmtiles-keeping]')?.getAttribute('data-pmtiles-keeping') !== 'saving',
      );
      expect(await item.getAttribute('data-pmtiles-keeping')).toBe(size > KEEP_FILE_LIMIT_BYTES ? 'too-big' : 'kept');

      // A district-sized view in the middle of the grid: thousands of parcels from z13 tiles.
      await jumpAndSettle(page, [105.4, 28.8], 13.2);
      const wide = await renderedIds(page, FILL);
      expect(wide.length).toBeGreaterThan(5000);
      expect(wide.every((id) => typeof id === 'number' && id >= 1 && id <= PARCEL_COUNT)).toBe(true);
      await app.screenshot('pmtiles-city-z13');

      // A street-sized view at the first parcel: a few dozen parcels, overzoomed from z15.
      const centre = parcelCentre(first);
      await jumpAndSettle(page, centre, 18);
      const near = await renderedIds(page, FILL);
      expect(near).toContain(1);
      expect(near).toContain(2);
      expect(near.length).toBeLessThan(200);

      // Between the first two parcels lies only the district: a click there opens it…
      const gapLongitude =
        (Math.max(...first.geometry.coordinates[0]!.map((position) => position[0]!)) +
          Math.min(...second.geometry.coordinates[0]!.map((position) => position[0]!))) /
        2;
      const gap = await pagePoint(page, [gapLongitude, centre[1]]);
      await page.mouse.click(gap.x, gap.y);
      await page.locator('.feature-panel').waitFor();

      // …and a click on the parcel shows the parcel's own properties, and closes the district.
      const point = await pagePoint(page, centre);
      await page.mouse.click(point.x, point.y);
      expect(await popupRows(page)).toMatchObject({
        id: '1',
        BSM: first.properties!.BSM,
        DLBM: first.properties!.DLBM,
        areaM2: String(Math.round(ellipsoidalArea(first.geometry) * 100) / 100),
      });
      await nextFrames(page);
      expect(await page.locator('.feature-panel').count()).toBe(0);
      await app.screenshot('pmtiles-city-click');
    });
  }, 300_000);
});
