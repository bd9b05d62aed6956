/**
 * A `.pmtiles` archive made by `npm run tiles` at test time, chosen in the file picker: MapLibre
 * draws it through the pmtiles protocol from the local file (byte ranges, never the whole file,
 * no request off the origin), and a click on a parcel shows its id, class code and measured area.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { runTiles } from '../../scripts/tiles/run-tiles.ts';
import { parcelFileLines } from '../../bench/city-parcels.ts';
import { openAppTab } from './app-tabs.ts';
import { withApp } from './harness.ts';

const PARCEL_COUNT = 2000;

async function makeArchive(): Promise<{ bytes: Uint8Array; parcels: Feature<Polygon>[] }> {
  const text = [...parcelFileLines(PARCEL_COUNT, 5)].join('');
  let bytes: Uint8Array | undefined;
  const code = await runTiles(['parcels.geojson', '--min-zoom', '12', '--max-zoom', '16'], {
    openStream: () => [new TextEncoder().encode(text)],
    writeParts: async (_path, parts) => {
      bytes = new Uint8Array(Buffer.concat([...parts]));
    },
    stdout: () => {},
    stderr: (message) => {
      throw new Error(message);
    },
  });
  if (code !== 0 || !bytes) throw new Error(`tiles exited ${code}`);
  return { bytes, parcels: (JSON.parse(text) as { features: Feature<Polygon>[] }).features };
}

type MapWindow = Window & { __zoneMap?: import('maplibre-gl').Map; __sliceLengths?: number[] };

describe('a PMTiles archive from the file picker', () => {
  it('is drawn from the local file a few ranges at a time and its parcels are clickable', async () => {
    const { bytes, parcels } = await makeArchive();
    await withApp({}, async (app) => {
      const { page } = app;
      // Every read of the picked file goes through Blob.slice: record how much each one asks for.
      await page.evaluate(() => {
        const original = Blob.prototype.slice;
        const lengths: number[] = [];
        (window as MapWindow).__sliceLengths = lengths;
        Blob.prototype.slice = function (this: Blob, start?: number, end?: number, type?: string) {
          lengths.push(Math.min(end ?? this.size, this.size) - (start ?? 0));
          return original.call(this, start, end, type);
        };
      });
      await openAppTab(page, 'measure');
      await page
        .locator('input[data-import-input]')
        .setInputFiles([{ name: 'parcels.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) }]);
      await page.locator('[data-pmtiles-archive]').waitFor();
      await page.waitForFunction(() => Boolean((window as MapWindow).__zoneMap?.getLayer('pmtiles-1-fill')));

      // Parcel 1's cell centre, close enough to fill the screen's middle with it.
      const first = parcels[0]!;
      const ring = first.geometry.coordinates[0]!;
      const centre = [
        ring.slice(0, -1).reduce((sum, position) => sum + position[0]!, 0) / (ring.length - 1),
        ring.slice(0, -1).reduce((sum, position) => sum + position[1]!, 0) / (ring.length - 1),
      ] as [number, number];
      await page.evaluate(
        (at) =>
          new Promise<void>((resolve) => {
            const map = (window as MapWindow).__zoneMap!;
            map.jumpTo({ center: at, zoom: 19 });
            map.once('idle', () => resolve());
          }),
        centre,
      );
      const drawn = await page.evaluate(
        () => (window as MapWindow).__zoneMap!.queryRenderedFeatures({ layers: ['pmtiles-1-fill'] }).length,
      );
      expect(drawn).toBeGreaterThan(0);

      const point = await page.evaluate((at) => {
        const map = (window as MapWindow).__zoneMap!;
        const projected = map.project(at);
        const box = map.getCanvas().getBoundingClientRect();
        return { x: box.left + projected.x, y: box.top + projected.y };
      }, centre);
      await page.mouse.click(point.x, point.y);
      const popup = page.locator('.maplibregl-popup .pmtiles-properties');
      await popup.waitFor();
      const rows = Object.fromEntries(
        await popup
          .locator('tr')
          .evaluateAll((rows) =>
            rows.map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent]),
          ),
      );
      expect(rows).toMatchObject({
        id: '1',
        BSM: first.properties!.BSM,
        DLBM: first.properties!.DLBM,
        district: first.properties!.district,
        areaM2: String(Math.round(ellipsoidalArea(first.geometry) * 100) / 100),
      });
      await app.screenshot('pmtiles-layer-click');

      const lengths = await page.evaluate(() => (window as MapWindow).__sliceLengths ?? []);
      expect(lengths.length).toBeGreaterThan(1);
      expect(Math.max(...lengths)).toBeLessThan(bytes.length);
    });
  }, 120_000);

  it('names a file that is not a PMTiles archive and draws nothing, the app still working', async () => {
    await withApp({}, async (app) => {
      const { page } = app;
      await openAppTab(page, 'measure');
      const name = '<img src=x onerror="window.__pwned=1">.pmtiles';
      await page
        .locator('input[data-import-input]')
        .setInputFiles([{ name, mimeType: 'application/octet-stream', buffer: Buffer.from('not an archive at all') }]);
      const problem = page.locator('[data-pmtiles-archive] .data-error');
      await problem.waitFor();
      expect(await problem.textContent()).toContain(`${name}: not a PMTiles archive`);
      expect(await page.evaluate(() => (window as MapWindow & { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => Boolean((window as MapWindow).__zoneMap?.getSource('pmtiles-1')))).toBe(false);
      await page.locator('[data-pmtiles-archive] button').click();
      await page.locator('[data-pmtiles-archive]').waitFor({ state: 'detached' });
    });
  }, 120_000);
});
