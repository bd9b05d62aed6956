/**
 * Measuring by drawing, as a planner does it in real chromium against the built app: clicks on
 * the map canvas draw a polygon whose area the panel reads out equal (1e-6) to GeographicLib's
 * for the same corners; a line reads its geodesic length; dragging a vertex changes the number to
 * the new shape's; delete removes; the shapes and their numbers come back after a reload; and
 * clicks that place vertices never open the map's info panel.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { pointOnFeature } from '@turf/point-on-feature';
import { analyseDrawnPolygon, prepareZone } from '../../src/analysis/drawn-shape-analysis.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { Geodesic } from '../../src/geo/geographiclib.ts';
import { geographicLibArea } from '../fixtures/geographiclib-oracle.ts';
import { launchBrowser, openApp, waitForMapIdle, withApp, type AppPage, type BrowserSession } from './harness.ts';
import { openAppTab } from './app-tabs.ts';

type Pixel = [x: number, y: number];

async function openMeasuring(app: AppPage): Promise<void> {
  await openAppTab(app.page, 'measure');
  // The tools appear once the map's drawing controller exists.
  await app.page.locator('.measure-tool[data-tool="polygon"]').waitFor({ timeout: 30_000 });
}

async function canvasOrigin(app: AppPage): Promise<Pixel> {
  const box = await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  return [box.x, box.y];
}

/** The map's own reading of container pixels as [longitude, latitude]. */
async function unproject(app: AppPage, pixels: Pixel[]): Promise<number[][]> {
  return app.page.evaluate((points) => points.map(([x, y]) => window.__zoneMap!.unproject([x, y]).toArray()), pixels);
}

async function clickAt(app: AppPage, origin: Pixel, [x, y]: Pixel): Promise<void> {
  await app.page.mouse.click(origin[0] + x, origin[1] + y);
}

function geodesicLength(positions: number[][]): number {
  let total = 0;
  for (let index = 1; index < positions.length; index++) {
    total += Geodesic.WGS84.Inverse(
      positions[index - 1]![1]!,
      positions[index - 1]![0]!,
      positions[index]![1]!,
      positions[index]![0]!,
    ).s12!;
  }
  return total;
}

function polygonThrough(positions: number[][]): Polygon {
  return { type: 'Polygon', coordinates: [[...positions, positions[0]!]] };
}

async function writeStoredShapes(app: AppPage, value: unknown): Promise<void> {
  await app.page.evaluate(
    (stored) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('keyval-store');
        request.onupgradeneeded = () => request.result.createObjectStore('keyval');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction('keyval', 'readwrite');
          transaction.objectStore('keyval').put(stored, 'luzhou-zone-map:drawn-shapes:v1');
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    value,
  );
}

async function storedShapeCount(app: AppPage): Promise<number> {
  return app.page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('keyval-store');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          if (!database.objectStoreNames.contains('keyval')) return resolve(0);
          const get = database.transaction('keyval').objectStore('keyval').get('luzhou-zone-map:drawn-shapes:v1');
          get.onsuccess = () => resolve((get.result as { shapes?: unknown[] } | undefined)?.shapes?.length ?? 0);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

const core = (
  JSON.parse(readFileSync(new URL('../../geodata/core.geojson', import.meta.url), 'utf8')) as FeatureCollection
).features[0]!;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings inside the measuring section (WCAG 2.x A/AA). */
async function seriousFindingsInSection(app: AppPage): Promise<{ id: string; targets: string[] }[]> {
  await app.page.evaluate(axeSource);
  return app.page.evaluate(async () => {
    type Rule = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> };
      }
    ).axe;
    const result = await axe.run(document.querySelector('.measure-section'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    if (result.passes.length < 5) throw new Error(`axe checked only ${result.passes.length} rules`);
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  });
}

const relativeDifference = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe('measuring by drawing', () => {
  let browser: BrowserSession;
  let app: AppPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp({ browser, viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('draws a polygon by clicks and reads its ellipsoidal area, equal to GeographicLib for the clicked corners', async () => {
    await openMeasuring(app);
    await waitForMapIdle(app);
    const origin = await canvasOrigin(app);
    const size = await app.page.evaluate(() => {
      const canvas = window.__zoneMap!.getCanvas();
      return [canvas.clientWidth, canvas.clientHeight] as Pixel;
    });
    const centre: Pixel = [Math.round(size[0] / 2), Math.round(size[1] / 2)];
    const corners: Pixel[] = [
      [centre[0] - 120, centre[1] - 90],
      [centre[0] + 110, centre[1] - 100],
      [centre[0] + 140, centre[1] + 80],
      [centre[0] - 90, centre[1] + 110],
    ];

    await app.page.locator('.measure-tool[data-tool="polygon"]').click();
    expect(await app.page.locator('.measure-tool[data-tool="polygon"]').getAttribute('aria-pressed')).toBe('true');
    for (const corner of corners) await clickAt(app, origin, corner);
    // The outline follows the pointer: the live readout already has an area.
    await app.page.locator('.measure-live .measure-area[data-area-m2]').waitFor();
    // Clicks that placed vertices on the zone's features did not open its info panel.
    expect(await app.page.locator('.feature-panel').count()).toBe(0);
    await clickAt(app, origin, corners[0]!);

    const shape = app.page.locator('.measure-shape[data-shape-tool="polygon"]');
    await shape.waitFor();
    const positions = await unproject(app, corners);
    const expected = geographicLibArea(polygonThrough(positions));
    const shown = Number(await shape.locator('.measure-area').getAttribute('data-area-m2'));
    expect(relativeDifference(shown, expected)).toBeLessThan(1e-6);
    // The figure a planner reads: hectares (or km²) and 亩, from the same number.
    const text = await shape.locator('.measure-area').textContent();
    expect(text).toMatch(/亩/);
    // A screen reader hears the finished figure once, not every pointer move.
    expect(await app.page.locator('.measure-announcement[role="status"]').textContent()).toContain(text!);
    expect(await app.page.locator('.measure-live').getAttribute('aria-live')).toBe('off');
    const perimeter = Number(await shape.locator('.measure-perimeter').getAttribute('data-perimeter-m'));
    // terra-draw keeps 9 decimals of a degree (≈0.1 mm), which is all that separates the two.
    expect(relativeDifference(perimeter, geodesicLength([...positions, positions[0]!]))).toBeLessThan(1e-7);

    // Green land, its ratio and the overlap with the planning units arrive from the worker.
    await shape.locator('.measure-green-ratio').waitFor({ timeout: 20_000 });
    // Clipping against the zone ran in the drawn-shape worker, not on the page's thread.
    expect(app.requests.some((request) => /drawn-shape\.worker/.test(request.url))).toBe(true);
    const overlaps = shape.locator('.measure-overlaps tbody tr, .measure-no-overlap');
    expect(await overlaps.count()).toBeGreaterThan(0);
    await app.screenshot('planner-measure-polygon');
    expect(await app.problems()).toEqual([]);
  });

  it('draws a rectangle around the core and reads the overlap, green land and 绿地率 node computes for the same shape', async () => {
    await app.page.keyboard.press('Escape');
    const origin = await canvasOrigin(app);
    const [west, south, east, north] = (await import('@turf/bbox')).bbox(core);
    const corners = await app.page.evaluate(
      ([southWest, northEast]) =>
        [southWest!, northEast!].map(([longitude, latitude]) => {
          const point = window.__zoneMap!.project([longitude!, latitude!]);
          return [Math.round(point.x), Math.round(point.y)] as [number, number];
        }),
      [
        [west - 0.01, south - 0.01],
        [east + 0.01, north + 0.01],
      ],
    );
    await app.page.locator('.measure-tool[data-tool="rectangle"]').click();
    await clickAt(app, origin, corners[0]!);
    // The rectangle follows the pointer between the clicks, as a hand would move it.
    await app.page.mouse.move(origin[0] + corners[1]![0], origin[1] + corners[1]![1], { steps: 6 });
    await app.page.locator('.measure-live .measure-area[data-area-m2]').waitFor();
    await clickAt(app, origin, corners[1]!);
    const shape = app.page.locator('.measure-shape[data-shape-tool="rectangle"]');
    await shape.waitFor();
    const id = await shape.getAttribute('data-shape-id');
    // The map's source is redrawn on the next frame: wait until it holds the finished rectangle.
    const finishedGeometry = () =>
      app.page.evaluate(async (shapeId) => {
        const source = window.__zoneMap!.getSource('td-polygon') as unknown as {
          getData: () => Promise<GeoJSON.FeatureCollection>;
        };
        const feature = (await source.getData()).features.find((candidate) => candidate.id === shapeId);
        return feature && !feature.properties?.currentlyDrawing ? feature.geometry : null;
      }, id);
    await expect.poll(finishedGeometry).not.toBeNull();
    const geometry = await finishedGeometry();
    expect(geometry?.type).toBe('Polygon');

    const loaded = await loadDataset((path) =>
      Promise.resolve(readFileSync(new URL(`../../geodata/${path}`, import.meta.url), 'utf8')),
    );
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const inNode = analyseDrawnPolygon(id!, geometry as Polygon, prepareZone(loaded.dataset));
    if (!inNode.ok) throw new Error(inNode.problem);
    const coreOverlap = inNode.analysis.overlaps.find((unit) => unit.id === core.properties!.id)!;
    expect(coreOverlap.overlapAreaM2).toBeGreaterThan(0);

    const row = shape.locator(`.measure-overlaps tr[data-unit-id="${core.properties!.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(
      relativeDifference(Number(await row.getAttribute('data-overlap-m2')), coreOverlap.overlapAreaM2),
    ).toBeLessThan(1e-9);
    const ratio = await shape.locator('.measure-green-ratio').getAttribute('data-green-space-ratio');
    expect(Number(ratio)).toBeCloseTo(inNode.analysis.greenSpaceRatio!, 12);
    await shape.scrollIntoViewIfNeeded();
    await app.screenshot('planner-measure-rectangle-core');
    await shape.locator('.measure-delete').click();
    expect(await app.problems()).toEqual([]);
  });

  it('draws a line and reads its geodesic length', async () => {
    const origin = await canvasOrigin(app);
    const points: Pixel[] = [
      [200, 150],
      [420, 260],
      [560, 180],
    ];
    await app.page.locator('.measure-tool[data-tool="line"]').click();
    for (const point of points) await clickAt(app, origin, point);
    await clickAt(app, origin, points[points.length - 1]!);
    const line = app.page.locator('.measure-shape[data-shape-tool="line"]');
    await line.waitFor();
    const expected = geodesicLength(await unproject(app, points));
    const shown = Number(await line.locator('.measure-length').getAttribute('data-length-m'));
    expect(relativeDifference(shown, expected)).toBeLessThan(1e-6);
    expect(await app.problems()).toEqual([]);
  });

  it('drags a vertex of the polygon and reads the new shape’s area', async () => {
    const origin = await canvasOrigin(app);
    const shape = app.page.locator('.measure-shape[data-shape-tool="polygon"]');
    const before = Number(await shape.locator('.measure-area').getAttribute('data-area-m2'));
    // Select the polygon through its list entry, then drag its vertex nearest the map's centre.
    await shape.locator('.measure-edit').click();
    await app.page.locator('.measure-shape--selected[data-shape-tool="polygon"]').waitFor();
    const vertices = await app.page.evaluate(async () => {
      const map = window.__zoneMap!;
      const source = map.getSource('td-polygon') as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> };
      const data = await source.getData();
      const polygon = data.features.find((feature) => feature.geometry.type === 'Polygon');
      if (polygon?.geometry.type !== 'Polygon') return null;
      return polygon.geometry.coordinates[0]!.slice(0, -1).map((position) => {
        const point = map.project(position as [number, number]);
        return [point.x, point.y] as [number, number];
      });
    });
    expect(vertices).not.toBeNull();
    const from = vertices![2]!;
    const to: Pixel = [from[0] + 70, from[1] + 50];
    await app.page.mouse.move(origin[0] + from[0], origin[1] + from[1]);
    await app.page.mouse.down();
    await app.page.mouse.move(origin[0] + to[0], origin[1] + to[1], { steps: 8 });
    await app.page.mouse.up();
    await expect
      .poll(async () => Number(await shape.locator('.measure-area').getAttribute('data-area-m2')))
      .not.toBe(before);
    const after = Number(await shape.locator('.measure-area').getAttribute('data-area-m2'));
    const moved = vertices!.map((vertex, index) => (index === 2 ? to : vertex));
    const expected = geographicLibArea(polygonThrough(await unproject(app, moved)));
    // The vertex lands where the pointer was released, to the adapter's pixel rounding.
    expect(relativeDifference(after, expected)).toBeLessThan(2e-3);
    expect(after).toBeGreaterThan(before);
    await app.screenshot('planner-measure-edited');
    expect(await app.problems()).toEqual([]);
  });

  it('deletes a shape, and the rest come back with the same numbers after a reload', async () => {
    await app.page.locator('.measure-shape[data-shape-tool="line"] .measure-delete').click();
    await expect.poll(() => app.page.locator('.measure-shape').count()).toBe(1);
    await expect.poll(() => storedShapeCount(app)).toBe(1);
    const area = await app.page.locator('.measure-shape .measure-area').getAttribute('data-area-m2');
    const id = await app.page.locator('.measure-shape').getAttribute('data-shape-id');

    await app.page.reload();
    await app.waitForReady();
    await openMeasuring(app);
    const restored = app.page.locator(`.measure-shape[data-shape-id="${id}"]`);
    await restored.waitFor();
    expect(await restored.locator('.measure-area').getAttribute('data-area-m2')).toBe(area);
    await restored.locator('.measure-green-ratio').waitFor({ timeout: 20_000 });
    // Back on the map, too: terra-draw's source holds it.
    await expect
      .poll(() =>
        app.page.evaluate(async () => {
          const source = window.__zoneMap!.getSource('td-polygon') as unknown as
            | { getData: () => Promise<GeoJSON.FeatureCollection> }
            | undefined;
          return source
            ? (await source.getData()).features.filter((feature) => feature.geometry.type === 'Polygon').length
            : 0;
        }),
      )
      .toBe(1);
    await app.screenshot('planner-measure-restored');
    expect(await app.problems()).toEqual([]);
  });

  it('gives clicks on a map feature to the drawing while a tool is on; Escape drops the unfinished shape, then leaves the tool', async () => {
    const origin = await canvasOrigin(app);
    const inside = pointOnFeature(core).geometry.coordinates;
    const pixel = await app.page.evaluate(([longitude, latitude]) => {
      const point = window.__zoneMap!.project([longitude!, latitude!]);
      return [Math.round(point.x), Math.round(point.y)] as [number, number];
    }, inside);
    const shapesBefore = await app.page.locator('.measure-shape').count();
    await app.page.locator('.measure-tool[data-tool="polygon"]').click();
    await clickAt(app, origin, pixel);
    await clickAt(app, origin, [pixel[0] + 90, pixel[1] + 10]);
    await app.page.locator('.measure-live .measure-facts').waitFor();
    expect(await app.page.locator('.feature-panel').count()).toBe(0);

    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.locator('.measure-live .measure-facts').count()).toBe(0);
    expect(await app.page.locator('.measure-tool[data-tool="polygon"]').getAttribute('aria-pressed')).toBe('true');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.locator('.measure-section').getAttribute('data-drawing-mode')).toBe('off');
    expect(await app.page.locator('.measure-shape').count()).toBe(shapesBefore);

    // The same click with no tool on is a question about the map again.
    await clickAt(app, origin, pixel);
    await app.page.locator(`.feature-panel[data-feature-id="${core.properties!.id}"]`).waitFor();
    expect(await app.problems()).toEqual([]);
  });

  it('clears everything only after confirmation', async () => {
    await app.page.locator('.measure-clear').click();
    await app.page.locator('.measure-confirm').waitFor();
    expect(await app.page.locator('.measure-shape').count()).toBe(1);
    await app.page.locator('.measure-clear-confirm').click();
    await expect.poll(() => app.page.locator('.measure-shape').count()).toBe(0);
    await expect.poll(() => storedShapeCount(app)).toBe(0);
    expect(await app.problems()).toEqual([]);
  });

  it('restores the good shapes from partly corrupt storage, says how many were lost, and shows a hostile name as text', async () => {
    const hostileName = '<img src=x onerror="window.__pwned=1">';
    const good = {
      id: 'restored-square',
      tool: 'rectangle',
      name: hostileName,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [105.44, 28.86],
            [105.45, 28.86],
            [105.45, 28.87],
            [105.44, 28.87],
            [105.44, 28.86],
          ],
        ],
      },
    };
    await writeStoredShapes(app, {
      version: 1,
      shapes: [good, { id: 'broken', tool: 'polygon', geometry: { type: 'Polygon', coordinates: 'x' } }, 42],
    });
    await app.page.reload();
    await app.waitForReady();
    await openMeasuring(app);
    const restored = app.page.locator('.measure-shape[data-shape-id="restored-square"]');
    await restored.waitFor();
    expect(await app.page.locator('.measure-shape').count()).toBe(1);
    expect(await restored.locator('.measure-name').inputValue()).toBe(hostileName);
    expect(await restored.locator('.measure-shape__title').textContent()).toBe(hostileName);
    expect(await app.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const notice = app.page.locator('.measure-notice[role="status"]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/2/);
    const area = Number(await restored.locator('.measure-area').getAttribute('data-area-m2'));
    expect(relativeDifference(area, geographicLibArea(good.geometry as Polygon))).toBeLessThan(1e-6);
    await restored.locator('.measure-green-ratio').waitFor({ timeout: 20_000 });
    await restored.scrollIntoViewIfNeeded();
    await app.screenshot('planner-measure-corrupt-storage');
    expect(await seriousFindingsInSection(app)).toEqual([]);
    expect(await app.problems()).toEqual([]);
  });
});

describe('measuring on a phone, in English', () => {
  it('gives every measuring control a 44 px target and draws with taps', async () => {
    await withApp({ path: 'index.html?lang=en', viewport: { width: 390, height: 844 } }, async (phone) => {
      await openMeasuring(phone);
      const sizes = await phone.page.locator('.measure-tools button').evaluateAll((buttons) =>
        buttons.map((button) => {
          const box = button.getBoundingClientRect();
          return [box.width, box.height];
        }),
      );
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      for (const [width, height] of sizes) {
        expect(width).toBeGreaterThanOrEqual(44);
        expect(height).toBeGreaterThanOrEqual(44);
      }
      await phone.page.locator('.measure-tool[data-tool="rectangle"]').click();
      // Choosing a tool lowers the phone's sheet to its tabs; draw once it has stopped moving.
      await phone.page.waitForFunction(() => document.querySelector('.bottom-sheet')?.getAnimations().length === 0);
      const origin = await canvasOrigin(phone);
      const size = await phone.page.evaluate(() => [
        window.__zoneMap!.getCanvas().clientWidth,
        window.__zoneMap!.getCanvas().clientHeight,
      ]);
      const corners: Pixel[] = [
        [Math.round(size[0]! * 0.3), Math.round(size[1]! * 0.3)],
        [Math.round(size[0]! * 0.7), Math.round(size[1]! * 0.6)],
      ];
      // Two clicks, no drag: terra-draw takes the far corner from the second click itself.
      await clickAt(phone, origin, corners[0]!);
      await clickAt(phone, origin, corners[1]!);
      const shape = phone.page.locator('.measure-shape[data-shape-tool="rectangle"]');
      await shape.waitFor();
      const [southWest, northEast] = await unproject(phone, corners);
      const expected = geographicLibArea({
        type: 'Polygon',
        coordinates: [
          [southWest!, [northEast![0]!, southWest![1]!], northEast!, [southWest![0]!, northEast![1]!], southWest!],
        ],
      });
      expect(
        relativeDifference(Number(await shape.locator('.measure-area').getAttribute('data-area-m2')), expected),
      ).toBeLessThan(1e-6);
      expect(await shape.locator('.measure-area').textContent()).toMatch(/km²|ha/);
      await shape.locator('.measure-green-ratio').waitFor({ timeout: 30_000 });
      await shape.scrollIntoViewIfNeeded();
      await phone.screenshot('planner-measure-phone');
      expect(await seriousFindingsInSection(phone)).toEqual([]);
    });
  });
});
