/**
 * Crowded places and the printed day plan (issue 16 items 12 and 13), in real chromium against the
 * built app: at the first view no two place markers are drawn over each other (crowded ones merge
 * into a bubble with their count), zooming in shows each place on its own, a click on a bubble zooms
 * in; the printed plan carries a map of the route, numbered in visiting order, and the QR code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Manifest, ZoneFeatureCollection } from '../../src/data/dataset-types.ts';
import { SCREENSHOT_DIRECTORY, openApp, waitForMapIdle, type AppPage } from './harness.ts';

const geodataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const manifest = JSON.parse(readFileSync(join(geodataDirectory, 'manifest.json'), 'utf8')) as Manifest;
const placeLayers = manifest.layers.filter((layer) => layer.role === 'place' && layer.geometry === 'point');
const places = placeLayers.flatMap(
  (layer) => (JSON.parse(readFileSync(join(geodataDirectory, layer.file), 'utf8')) as ZoneFeatureCollection).features,
);
const DESKTOP = { width: 1440, height: 900 };

interface DrawnMarker {
  id: string;
  /** Places it stands for: 1 for a single marker, the count for a bubble. */
  count: number;
  x: number;
  y: number;
  /** Drawn radius in CSS pixels, stroke included. */
  radius: number;
}

/**
 * Every place marker and bubble MapLibre drew in the viewport, each with its drawn radius, read from
 * the style's own paint values so a change of size is measured, not assumed.
 */
async function drawnMarkers(app: AppPage, layerIds: string[]): Promise<DrawnMarker[]> {
  return app.page.evaluate((ids) => {
    const map = window.__zoneMap!;
    const drawn: DrawnMarker[] = [];
    const seen = new Set<string>();
    for (const layerId of ids) {
      for (const kind of ['circle', 'cluster'] as const) {
        const styleLayerId = `${layerId}:${kind}`;
        if (!map.getLayer(styleLayerId)) continue;
        for (const feature of map.queryRenderedFeatures({ layers: [styleLayerId] })) {
          const properties = feature.properties as Record<string, unknown>;
          const key = kind === 'cluster' ? `cluster-${properties['cluster_id']}` : String(properties['id']);
          if (seen.has(`${layerId}/${key}`)) continue;
          seen.add(`${layerId}/${key}`);
          const pixel = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
          // MapLibre's evaluated paint values (not in its public types): the size actually drawn.
          const paint = (
            map.getLayer(styleLayerId) as unknown as {
              paint: { get(name: string): { evaluate(feature: unknown, state: unknown): number } };
            }
          ).paint;
          const radius =
            paint.get('circle-radius').evaluate(feature, {}) + paint.get('circle-stroke-width').evaluate(feature, {});
          drawn.push({
            id: key,
            count: kind === 'cluster' ? Number(properties['point_count']) : 1,
            x: pixel.x,
            y: pixel.y,
            radius,
          });
        }
      }
    }
    return drawn;
  }, layerIds) as Promise<DrawnMarker[]>;
}

function overlapping(markers: DrawnMarker[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [index, first] of markers.entries()) {
    for (const second of markers.slice(index + 1)) {
      if (Math.hypot(first.x - second.x, first.y - second.y) < first.radius + second.radius)
        pairs.push([first.id, second.id]);
    }
  }
  return pairs;
}

const placeLayerIds = placeLayers.map((layer) => layer.id);

describe('crowded place markers', () => {
  it('draws no two place markers over each other at the first view and at zoom 12; every place is counted', async () => {
    const app = await openApp({ viewport: DESKTOP });
    try {
      await waitForMapIdle(app);
      const first = await drawnMarkers(app, placeLayerIds);
      expect(overlapping(first)).toEqual([]);
      // The 江阳 wing's crowd is one bubble (or a few), and together the marks stand for every place.
      expect(first.some((marker) => marker.count > 1)).toBe(true);
      expect(first.reduce((sum, marker) => sum + marker.count, 0)).toBe(places.length);
      await app.screenshot('markers-first-view');
      const box = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
      const crowd = first.filter((marker) => marker.count > 1).sort((a, b) => b.count - a.count)[0]!;
      await app.page.screenshot({
        path: join(SCREENSHOT_DIRECTORY, 'markers-bubble-closeup.png'),
        clip: { x: box.x + crowd.x - 90, y: box.y + crowd.y - 60, width: 180, height: 120 },
      });

      // Zoom 12 over the crowd, the zoom the issue names.
      await app.page.evaluate(() => window.__zoneMap!.jumpTo({ center: [105.5, 28.86], zoom: 12 }));
      await waitForMapIdle(app);
      const atTwelve = await drawnMarkers(app, placeLayerIds);
      expect(atTwelve.length).toBeGreaterThan(0);
      expect(overlapping(atTwelve)).toEqual([]);
      await app.screenshot('markers-zoom-12');
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows each place on its own once zoomed in, as a place from the search or list is shown', async () => {
    const app = await openApp({ viewport: DESKTOP });
    try {
      await waitForMapIdle(app);
      // Zoom 14 is where a place chosen in the search or list is shown; one view there covers several.
      const seenAlone = new Set<string>();
      for (const place of places) {
        if (seenAlone.has(place.properties.id)) continue;
        const point = (place.geometry as GeoJSON.Point).coordinates as [number, number];
        await app.page.evaluate((center) => window.__zoneMap!.jumpTo({ center, zoom: 14 }), point);
        await waitForMapIdle(app);
        const markers = await drawnMarkers(app, placeLayerIds);
        expect(markers.filter((marker) => marker.count > 1)).toEqual([]);
        expect(overlapping(markers)).toEqual([]);
        for (const marker of markers) seenAlone.add(marker.id);
        expect(seenAlone.has(place.properties.id), `${place.properties.id} drawn alone at zoom 14`).toBe(true);
      }
      await app.screenshot('markers-zoom-14');
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);

  it('zooms into a bubble on a click, centred on it, and opens no panel for what lies beneath', async () => {
    const app = await openApp({ viewport: DESKTOP });
    try {
      await waitForMapIdle(app);
      const before = await drawnMarkers(app, placeLayerIds);
      const bubble = before.filter((marker) => marker.count > 1).sort((a, b) => b.count - a.count)[0]!;
      const zoomBefore = await app.page.evaluate(() => window.__zoneMap!.getZoom());
      const box = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
      const moved = app.page.evaluate(
        () => new Promise<void>((resolve) => window.__zoneMap!.once('moveend', () => resolve())),
      );
      await app.page.mouse.click(box.x + bubble.x, box.y + bubble.y);
      await moved;
      await waitForMapIdle(app);
      const zoomAfter = await app.page.evaluate(() => window.__zoneMap!.getZoom());
      expect(zoomAfter).toBeGreaterThan(zoomBefore);
      // The bubble's places now show as more, smaller groups or single markers, still none on another.
      const after = await drawnMarkers(app, placeLayerIds);
      expect(after.length).toBeGreaterThan(1);
      expect(Math.max(...after.map((marker) => marker.count))).toBeLessThan(bubble.count);
      expect(overlapping(after)).toEqual([]);
      expect(await app.page.locator('.feature-panel').count()).toBe(0);
      expect(await app.page.locator('.feature-chooser').count()).toBe(0);
      await app.screenshot('markers-bubble-zoomed');
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('the printed day plan', () => {
  const tripPlaceIds = ['place-peoples-hospital-shaxi', 'place-aegean-mall', 'place-huawei-big-data-centre'];

  it('carries a map of the route, stops numbered in visiting order over the zone and rivers, and the QR code', async () => {
    const app = await openApp({ viewport: DESKTOP, path: `?trip=1wo0900h.${tripPlaceIds.join('.')}` });
    try {
      await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000 });
      // The print button lives with the trip: a visitor prints from there (the trip tab, where there are tabs).
      const tripTab = app.page.getByRole('tab', { name: '行程' });
      if ((await tripTab.count()) > 0) await tripTab.click();
      const routeMap = app.page.locator('.trip-route-map');
      // Paper only: the screen has the live map.
      expect(await routeMap.isVisible()).toBe(false);
      await app.page.emulateMedia({ media: 'print' });
      await routeMap.waitFor();
      const sketch = await app.page.evaluate(() => {
        const svg = document.querySelector('.trip-route-map svg')!;
        const box = svg.getBoundingClientRect();
        return {
          width: box.width,
          stops: Array.from(svg.querySelectorAll('.route-sketch__stop')).map((stop) => ({
            number: stop.querySelector('text')!.textContent,
            title: stop.querySelector('title')!.textContent,
            x: Number(stop.querySelector('circle')!.getAttribute('cx')),
          })),
          legs: Array.from(svg.querySelectorAll('.route-sketch__leg')).map((leg) => [
            leg.getAttribute('data-from'),
            leg.getAttribute('data-to'),
          ]),
          zone: svg.querySelectorAll('.route-sketch__zone').length,
          rivers: svg.querySelectorAll('.route-sketch__river').length,
          north: svg.querySelector('.route-sketch__north')?.textContent,
          scale: svg.querySelector('.route-sketch__scale')?.textContent,
          approximate: svg.querySelector('.route-sketch__approximate')?.textContent ?? null,
          scripts: svg.querySelectorAll('script, foreignObject').length,
        };
      });
      expect(sketch.width).toBeGreaterThan(300);
      expect(sketch.stops.map((stop) => stop.number)).toEqual(['1', '2', '3']);
      const names = tripPlaceIds.map((id) => places.find((place) => place.properties.id === id)!.properties.name_zh);
      sketch.stops.forEach((stop, order) => expect(stop.title).toContain(names[order]));
      // West to east, as the three places lie: the drawing puts them where they are.
      expect(sketch.stops[0]!.x).toBeLessThan(sketch.stops[1]!.x);
      expect(sketch.stops[1]!.x).toBeLessThan(sketch.stops[2]!.x);
      expect(sketch.legs.slice(0, 2)).toEqual([
        ['0', '1'],
        ['1', '2'],
      ]);
      expect(sketch.zone).toBeGreaterThan(0);
      expect(sketch.rivers).toBeGreaterThan(0);
      expect(sketch.north).toBe('北');
      expect(sketch.scale).toMatch(/^\d+ (m|km)$/);
      // The mall's and the data centre's positions are estimates: the map says so.
      expect(sketch.approximate).toContain('估计');
      expect(sketch.scripts).toBe(0);
      // The same numbers as the list beside it.
      const listNumbers = await app.page
        .locator('.trip-stop .trip-stop__number')
        .evaluateAll((numbers) => numbers.map((number) => number.textContent));
      expect(listNumbers).toEqual(['1', '2', '3']);
      const qr = app.page.locator('.trip-print-qr');
      expect(await qr.isVisible()).toBe(true);
      expect(new URL((await qr.getAttribute('data-link'))!).searchParams.get('trip')).toContain(tripPlaceIds[0]);
      await app.page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'markers-print.png'), fullPage: true });
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
