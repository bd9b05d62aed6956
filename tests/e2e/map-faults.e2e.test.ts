/**
 * A lost WebGL context, as phones and GPU resets cause it, forced with WEBGL_lose_context in real
 * chromium. While the map cannot draw, a visitor keeps working in the panels: hides a layer, adds
 * a trip stop, deletes a drawn shape, imports a file. None of that may throw, and when the context
 * comes back the map must show all of it, at the same view. When it never comes back, the list view
 * takes over for good and says why.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/data/dataset-types.ts';
import { zh } from '../../src/i18n/zh.ts';
import { square } from '../fixtures/square.ts';
import { type AppPage, openApp, waitForMapIdle } from './harness.ts';

type Pixel = [x: number, y: number];

const geodataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const manifest = JSON.parse(readFileSync(join(geodataDirectory, 'manifest.json'), 'utf8')) as Manifest;
const greenLayerId = manifest.layers.find((layer) => layer.role === 'green')!.id;
const STOP_ID = 'place-peoples-hospital-shaxi';

/** Two small parcels inside the zone's first view, so the map draws them without moving. */
const parcels: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '地块 A' },
      geometry: { type: 'Polygon', coordinates: square(105.43, 28.88, 0.01) },
    },
    {
      type: 'Feature',
      properties: { name: '地块 B' },
      geometry: { type: 'Polygon', coordinates: square(105.45, 28.88, 0.01) },
    },
  ],
};

interface MapView {
  center: [number, number];
  zoom: number;
  bearing: number;
}

function view(app: AppPage): Promise<MapView> {
  return app.page.evaluate(() => {
    const map = window.__zoneMap!;
    return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom(), bearing: map.getBearing() };
  });
}

/**
 * Loses the map canvas's WebGL context the way a browser does; the handle to give it back is kept on
 * the page. `restoreWaitMs` is how long the map waits for it (the test build lets a test set it, so
 * the edits below never race the app's own wait).
 */
async function loseContext(app: AppPage, restoreWaitMs: number): Promise<void> {
  await app.page.evaluate((wait) => {
    window.__zoneMapTest = { contextRestoreWaitMs: wait };
    const canvas = window.__zoneMap!.getCanvas();
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const extension = context?.getExtension('WEBGL_lose_context');
    if (!extension) throw new Error('WEBGL_lose_context is not offered');
    (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = extension;
    extension.loseContext();
  }, restoreWaitMs);
  await app.page.locator('.app.app--map-context-lost').waitFor({ timeout: 10_000 });
}

async function restoreContext(app: AppPage): Promise<void> {
  await app.page.evaluate(() =>
    (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext(),
  );
  await app.page.locator('.app.app--map-ready').waitFor({ timeout: 10_000 });
}

/** Two frames: what the map modules schedule for the next frame has run. */
async function nextFrames(app: AppPage): Promise<void> {
  await app.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Brings a part of the sidebar into view where the app shows one at a time (tabs), a no-op where it shows all. */
async function showTab(app: AppPage, tab: 'explore' | 'trip' | 'measure'): Promise<void> {
  const button = app.page.locator(`#app-tab-${tab}`);
  if ((await button.count()) > 0 && (await button.isVisible())) await button.click();
}

/** What the map draws, read from the map itself (its style and its rendered features). */
async function mapState(app: AppPage, importedLayerId: string) {
  return app.page.evaluate(
    ({ greenLayerId, importedLayerId }) => {
      const map = window.__zoneMap!;
      const style = map.getStyle();
      const greenParts = style.layers
        .filter((layer) => layer.id.startsWith(`${greenLayerId}:`))
        .map((layer) => layer.id);
      const trip = style.sources['trip'] as { data: GeoJSON.FeatureCollection } | undefined;
      const importedFill = `user-layer-${importedLayerId}-fill`;
      return {
        greenVisibility: [...new Set(greenParts.map((id) => map.getLayoutProperty(id, 'visibility') ?? 'visible'))],
        greenRendered: map.queryRenderedFeatures({ layers: greenParts }).length,
        tripStopIds: (trip?.data.features ?? [])
          .filter((feature) => feature.properties?.['role'] === 'stop')
          .map((feature) => String(feature.properties?.['id'])),
        drawnPolygonsRendered: map.getLayer('td-polygon')
          ? map.queryRenderedFeatures({ layers: ['td-polygon'] }).length
          : -1,
        importedRendered: map.getLayer(importedFill)
          ? map.queryRenderedFeatures({ layers: [importedFill] }).length
          : -1,
      };
    },
    { greenLayerId, importedLayerId },
  );
}

describe('a lost WebGL context', () => {
  let app: AppPage;
  let shapeId: string;

  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1280, height: 860 } });
    await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000, state: 'attached' });
    // The planner's tools: draw one polygon in the middle of the map.
    await showTab(app, 'measure');
    // Folded in a <details> where the sidebar shows every panel at once; open it if so.
    const folded = app.page.locator('.planner-panel > details:not([open]) > summary');
    if ((await folded.count()) > 0) await folded.click();
    await app.page.locator('.measure-tool[data-tool="polygon"]').waitFor({ timeout: 30_000 });
    await waitForMapIdle(app);
    const box = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
    const centre: Pixel = [box.x + box.width / 2, box.y + box.height / 2];
    const corners: Pixel[] = [
      [centre[0] - 100, centre[1] - 80],
      [centre[0] + 100, centre[1] - 80],
      [centre[0] + 60, centre[1] + 90],
    ];
    await app.page.locator('.measure-tool[data-tool="polygon"]').click();
    for (const [x, y] of corners) await app.page.mouse.click(x, y);
    await app.page.mouse.click(corners[0]![0], corners[0]![1]);
    const shape = app.page.locator('.measure-shape[data-shape-tool="polygon"]');
    await shape.waitFor();
    shapeId = (await shape.getAttribute('data-shape-id'))!;
    // Leave the drawing tool, so the map is as a visitor leaves it after measuring.
    await app.page.keyboard.press('Escape');
    await waitForMapIdle(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('comes back at the same view, with a layer hidden while it was lost hidden on the map', async () => {
    const before = await view(app);
    const drawnBefore = await mapState(app, 'none');
    expect(drawnBefore.greenRendered).toBeGreaterThan(0);

    await loseContext(app, 600_000);
    // The list view stands in for the map meanwhile, saying why.
    expect(await app.page.locator('.map-fallback').textContent()).toContain(zh.fallback.contextLost);
    await showTab(app, 'explore');
    await app.page.locator(`.layer-item[data-layer-id="${greenLayerId}"] input[type="checkbox"]`).uncheck();
    await nextFrames(app);
    expect(app.pageErrors).toEqual([]);

    await restoreContext(app);
    await expect
      .poll(
        async () => {
          await waitForMapIdle(app);
          const state = await mapState(app, 'none');
          return { visibility: state.greenVisibility, rendered: state.greenRendered };
        },
        { timeout: 30_000 },
      )
      .toEqual({ visibility: ['none'], rendered: 0 });
    const after = await view(app);
    expect(after.center[0]).toBeCloseTo(before.center[0], 9);
    expect(after.center[1]).toBeCloseTo(before.center[1], 9);
    expect(after.zoom).toBeCloseTo(before.zoom, 9);
    expect(after.bearing).toBeCloseTo(before.bearing, 9);
    expect(await app.page.locator('.map-fallback').count()).toBe(0);
    expect(await app.problems()).toEqual([]);
  });

  it('keeps a trip stop, a deleted shape and an import made while it is lost, and draws them once it is back', async () => {
    const drawnBefore = await mapState(app, 'none');
    expect(drawnBefore.drawnPolygonsRendered).toBeGreaterThan(0);
    expect(drawnBefore.tripStopIds).not.toContain(STOP_ID);

    await loseContext(app, 600_000);
    await showTab(app, 'trip');
    await app.page.locator('.trip-places summary').click();
    await app.page.locator(`.trip-places__list li[data-place-id="${STOP_ID}"] button`).click();
    await app.page.locator(`.trip-stop[data-stop-id="${STOP_ID}"]`).waitFor();
    await showTab(app, 'measure');
    await app.page.locator(`.measure-shape[data-shape-id="${shapeId}"] .measure-delete`).click();
    await expect.poll(() => app.page.locator(`.measure-shape[data-shape-id="${shapeId}"]`).count()).toBe(0);
    await app.page.locator('input[data-import-input]').setInputFiles({
      name: 'parcels.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(parcels)),
    });
    const imported = app.page.locator('.imported-layer');
    await imported.waitFor({ timeout: 30_000 });
    const importedLayerId = (await imported.getAttribute('data-imported-layer'))!;
    // The frames in which terra-draw used to throw (setData of undefined) and MapLibre's calls failed.
    await nextFrames(app);
    expect(app.pageErrors).toEqual([]);

    await restoreContext(app);
    await expect
      .poll(
        async () => {
          await waitForMapIdle(app);
          const state = await mapState(app, importedLayerId);
          return { ...state, importedRendered: state.importedRendered > 0 };
        },
        { timeout: 30_000 },
      )
      .toEqual({
        // Still hidden from before: every rebuilt style gets the visitor's choices again.
        greenVisibility: ['none'],
        greenRendered: 0,
        tripStopIds: expect.arrayContaining([STOP_ID]),
        drawnPolygonsRendered: 0,
        importedRendered: true,
      });
    // The trip's numbered markers follow too.
    expect(await app.page.locator('.trip-stop-marker').count()).toBeGreaterThan(0);
    // A new import is framed (asked for while the map could not draw, finished once it could).
    const inView = await app.page.evaluate(() => {
      const bounds = window.__zoneMap!.getBounds();
      return bounds.contains([105.435, 28.885]) && bounds.contains([105.455, 28.885]);
    });
    expect(inView).toBe(true);
    await app.screenshot('map-faults-context-restored');
    expect(await app.problems()).toEqual([]);

    // The map answers the pointer again: hovering and clicking empty map after the restore throw nothing.
    const box = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.click(box.x + box.width - 40, box.y + box.height - 60);
    expect(await app.problems()).toEqual([]);
  });
  it('gives the map up for the list view, with a message, when the context never comes back', async () => {
    await loseContext(app, 1000);
    const fallback = app.page.locator('.map-fallback');
    // The map waits a few seconds for the browser to give the context back, then stops waiting.
    await app.page.locator('.app.app--map-unavailable').waitFor({ timeout: 30_000 });
    expect(await fallback.textContent()).toContain(zh.fallback.contextFailed);
    expect(await app.page.locator('.map-area canvas.maplibregl-canvas').count()).toBe(0);
    // The visitor's work is all still in the panels.
    await showTab(app, 'trip');
    expect(await app.page.locator(`.trip-stop[data-stop-id="${STOP_ID}"]`).count()).toBe(1);
    await showTab(app, 'measure');
    expect(await app.page.locator('.imported-layer').count()).toBe(1);
    expect(await fallback.locator('tbody tr, li').count()).toBeGreaterThan(0);
    await app.screenshot('map-faults-context-never-restored');
    expect(await app.problems()).toEqual([]);
  });
});
