/**
 * The real context after a cold load, in chromium: the Yangtze and the Tuo drawn as rivers (blue,
 * wider as you zoom in, named along their course), OpenStreetMap stations one click from their
 * source, each polygon named once however many tiles it spans, and the credits for the shipped
 * data on screen. Nothing leaves the origin.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/data/dataset-types.ts';
import { openApp, waitForMapIdle, type AppPage } from './harness.ts';
import { openAppTab } from './app-tabs.ts';

const geodataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const manifest = JSON.parse(readFileSync(join(geodataDirectory, 'manifest.json'), 'utf8')) as Manifest;
const polygonLabelLayers = manifest.layers
  .filter((layer) => layer.geometry === 'polygon')
  .map((layer) => `${layer.id}:label`);

/** The Yangtze's DataV stretch below the confluence runs north–south here (≈ 105.4845, 28.892). */
const RIVER_CROSSING: [number, number] = [105.4845, 28.892];
const CONFLUENCE: [number, number] = [105.441, 28.8976];
const LUZHOU_EAST: [number, number] = [105.63608, 29.060834];

async function jumpAndSettle(app: AppPage, center: [number, number], zoom: number): Promise<void> {
  await app.page.evaluate(({ center, zoom }) => window.__zoneMap!.jumpTo({ center, zoom, bearing: 0 }), {
    center,
    zoom,
  });
  await waitForMapIdle(app);
}

/**
 * How many pixels of river blue a horizontal scan line crosses at `position`: the river's drawn
 * width (the stretch here runs nearly north–south). Read from a real screenshot of the page,
 * decoded in the page with createImageBitmap (no URL, so no request and no CSP question).
 */
async function riverPixelsAcross(app: AppPage, position: [number, number]): Promise<number> {
  const png = await app.page.screenshot({ type: 'png' });
  return app.page.evaluate(
    async ({ bytes, position }) => {
      const map = window.__zoneMap!;
      const point = map.project(position);
      const canvasBox = map.getCanvas().getBoundingClientRect();
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const scale = bitmap.width / window.innerWidth;
      const counts: number[] = [];
      // Several scan lines, the median: a label or an outline may cross one of them.
      for (const offset of [-6, -3, 0, 3, 6]) {
        const y = Math.round((canvasBox.top + point.y + offset) * scale);
        const left = Math.round((canvasBox.left + point.x - 80) * scale);
        const row = context.getImageData(left, y, Math.round(160 * scale), 1).data;
        let blue = 0;
        for (let index = 0; index < row.length; index += 4) {
          const [red, green, blueChannel] = [row[index]!, row[index + 1]!, row[index + 2]!];
          if (blueChannel - red > 60 && blueChannel - green > 15) blue++;
        }
        counts.push(blue / scale);
      }
      counts.sort((first, second) => first - second);
      return counts[2]!;
    },
    { bytes: [...png], position },
  );
}

/** Per polygon label layer: how many times each feature's name is placed on screen now. */
async function placedPolygonLabels(app: AppPage): Promise<Record<string, number>> {
  return app.page.evaluate((layers) => {
    const counts: Record<string, number> = {};
    for (const feature of window.__zoneMap!.queryRenderedFeatures({ layers })) {
      const key = `${feature.layer.id} ${String(feature.properties['id'])}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }, polygonLabelLayers);
}

describe('real context on a cold load', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('draws both rivers, names 长江 along its course, and names each polygon once', async () => {
    await app.screenshot('real-context-default-view');
    const rivers = await app.page.evaluate(() => {
      const map = window.__zoneMap!;
      return {
        lines: [
          ...new Set(map.queryRenderedFeatures({ layers: ['river:line'] }).map((feature) => feature.properties['id'])),
        ].sort(),
        labels: [
          ...new Set(
            map.queryRenderedFeatures({ layers: ['river:label'] }).map((feature) => feature.properties['name_zh']),
          ),
        ],
        dashed: map.getPaintProperty('river:line', 'line-dasharray') ?? null,
      };
    });
    expect(rivers.lines).toEqual(['river-tuo', 'river-yangtze']);
    expect(rivers.labels).toContain('长江');
    expect(rivers.dashed).toBeNull();

    const counts = await placedPolygonLabels(app);
    expect(Object.keys(counts).length).toBeGreaterThan(3);
    expect(Object.entries(counts).filter(([, count]) => count > 1)).toEqual([]);
  });

  it('names each polygon at most once at the zooms a planner works at, over the 江阳 wing', async () => {
    for (const zoom of [11, 12, 13]) {
      await jumpAndSettle(app, [105.515, 28.86], zoom);
      const counts = await placedPolygonLabels(app);
      expect(
        Object.entries(counts).filter(([, count]) => count > 1),
        `zoom ${zoom}`,
      ).toEqual([]);
      if (zoom === 12) expect(counts['wings:label wing-jiangyang'], 'the wing is named at zoom 12').toBe(1);
    }
  });

  it('draws the river wider as the map zooms in', async () => {
    const widths: number[] = [];
    for (const zoom of [11, 13, 15]) {
      await jumpAndSettle(app, RIVER_CROSSING, zoom);
      widths.push(await riverPixelsAcross(app, RIVER_CROSSING));
    }
    expect(widths[0]).toBeGreaterThan(1);
    expect(widths[1]).toBeGreaterThan(widths[0]! * 1.5);
    expect(widths[2]).toBeGreaterThan(widths[1]! * 1.5);
  });

  it('at zoom 13 over the confluence: both rivers meet, named along their course', async () => {
    await jumpAndSettle(app, CONFLUENCE, 13);
    await app.screenshot('real-context-confluence-z13');
    const named = await app.page.evaluate(() =>
      [
        ...new Set(
          window
            .__zoneMap!.queryRenderedFeatures({ layers: ['river:label'] })
            .map((feature) => feature.properties['name_zh']),
        ),
      ].sort(),
    );
    expect(named).toEqual(['沱江', '长江'].sort());
  });

  it("opens a station's panel on a click, with its OpenStreetMap source", async () => {
    await jumpAndSettle(app, LUZHOU_EAST, 13);
    const point = await app.page.evaluate((position) => {
      const map = window.__zoneMap!;
      const projected = map.project(position);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + projected.x, y: box.top + projected.y };
    }, LUZHOU_EAST);
    await app.page.mouse.click(point.x, point.y);
    const panel = app.page.locator('.feature-panel[data-feature-id="station-luzhou-east"]');
    await panel.waitFor({ timeout: 10_000 });
    const text = await panel.innerText();
    expect(text).toContain('泸州东站');
    expect(text).toContain('© OpenStreetMap contributors (ODbL 1.0)');
    await app.screenshot('real-context-station-panel');
  });

  it('plans a trip that arrives at 泸州东站 and leaves from 泸州云龙机场, at their surveyed positions', async () => {
    await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000, state: 'attached' });
    await openAppTab(app.page, 'trip');
    const hubs = app.page.locator('.trip-hubs');
    await hubs.locator('summary').click();
    await hubs.getByRole('button', { name: '从“泸州东站”出发' }).click();
    await app.page.locator('.trip-places summary').click();
    await app.page.locator('.trip-places__list li[data-place-id="place-aegean-mall"] button').click();
    await hubs.getByRole('button', { name: '到“泸州云龙机场”结束' }).click();
    const stops = await app.page
      .locator('.trip-stop')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stop-id')));
    expect(stops).toEqual(['station-luzhou-east', 'place-aegean-mall', 'airport-yunlong']);
    expect(new URL(app.page.url()).searchParams.get('trip')).toContain('station-luzhou-east');
    await app.screenshot('real-context-trip-from-station');
  });

  it('credits OpenStreetMap, GSHHG and Natural Earth on the map, and leaves the origin for nothing', async () => {
    const attribution = app.page.locator('.maplibregl-ctrl-attrib');
    const inner = attribution.locator('.maplibregl-ctrl-attrib-inner');
    if (!(await inner.isVisible())) await attribution.locator('.maplibregl-ctrl-attrib-button').click();
    await expect(inner.isVisible()).resolves.toBe(true);
    const credits = await inner.innerText();
    for (const credit of ['© OpenStreetMap contributors (ODbL 1.0)', 'GSHHG (LGPL-3.0+)', 'Natural Earth'])
      expect(credits).toContain(credit);
    await app.screenshot('real-context-credits');
    expect(app.offOriginRequests()).toEqual([]);
    expect(await app.problems()).toEqual([]);
  });
});
