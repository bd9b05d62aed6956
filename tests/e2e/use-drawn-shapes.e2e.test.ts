/**
 * "Use as a dataset layer…" from drawn shapes (issue 11 §1), in a real browser: a planner draws
 * three rectangles in the measure tab, names one (with a name that looks like HTML), and uses them
 * as the parks, naming the unnamed two in the form. After the reload the dataset banner, the
 * overview's counts, the legend (count, area, what replaced the layer) and the change list follow;
 * the map labels the new parks with their names and draws them solid; the drawn shapes are kept;
 * in English the legend and banner say the same.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openAppTab } from './app-tabs.ts';
import { openApp, waitForMapIdle, type AppPage } from './harness.ts';

type Pixel = [x: number, y: number];

const HOSTILE_NAME = '<img src=x onerror="window.__hacked=1">';
const SOURCE = '泸州高新区管委会 2026 年园区规划图（屏幕描绘）';

async function drawRectangle(app: AppPage, origin: Pixel, from: Pixel, to: Pixel, count: number): Promise<void> {
  await app.page.mouse.click(origin[0] + from[0], origin[1] + from[1]);
  // The rectangle follows the pointer between the clicks, as a hand would move it.
  await app.page.mouse.move(origin[0] + to[0], origin[1] + to[1], { steps: 6 });
  await app.page.mouse.click(origin[0] + to[0], origin[1] + to[1]);
  await expect.poll(() => app.page.locator('.measure-shape').count(), { timeout: 20_000 }).toBe(count);
}

describe('drawn shapes used as the parks', () => {
  let app: AppPage;
  const corners: Pixel[][] = [];
  let drawnAreaM2 = 0;
  /** The rectangles' corners as [longitude, latitude], to frame them after the reload. */
  let drawnCorners: number[][] = [];
  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('three drawn rectangles, one named in the list, become the parks', async () => {
    await openAppTab(app.page, 'measure');
    await app.page.locator('.measure-tool[data-tool="rectangle"]').waitFor({ timeout: 30_000 });
    await waitForMapIdle(app);
    const box = await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    const origin: Pixel = [box.x, box.y];
    const centre: Pixel = [Math.round(box.width / 2), Math.round(box.height / 2)];
    for (const offset of [-220, -40, 140]) {
      corners.push([
        [centre[0] + offset, centre[1] - 120],
        [centre[0] + offset + 110, centre[1] - 30],
      ]);
    }
    await app.page.locator('.measure-tool[data-tool="rectangle"]').click();
    for (const [index, [from, to]] of corners.entries()) await drawRectangle(app, origin, from!, to!, index + 1);
    await app.page.locator('.measure-stop').click();
    drawnCorners = await app.page.evaluate(
      (points) => points.map(([x, y]) => window.__zoneMap!.unproject([x!, y!]).toArray()),
      corners.flat(),
    );

    const first = app.page.locator('.measure-shape').first();
    await first.locator('input.measure-name').fill(HOSTILE_NAME);
    await first.locator('input.measure-name').press('Enter');
    await expect.poll(() => first.locator('.measure-shape__title').textContent()).toBe(HOSTILE_NAME);
    const areas = await app.page
      .locator('.measure-shape .measure-area[data-area-m2]')
      .evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-area-m2'))));
    expect(areas).toHaveLength(3);
    drawnAreaM2 = areas.reduce((sum, area) => sum + area, 0);

    const form = app.page.locator('[data-replace-layer="drawn-shapes"]');
    await form.locator('summary').click();
    expect(await form.innerText()).toContain('3');
    await form.locator('select[name="target"]').selectOption('parks');
    // Two shapes have no name in the list: one name for both, numbered.
    await form.locator('input[name="unnamed_name_zh"]').fill('新园区');
    await form.locator('input[name="unnamed_name_en"]').fill('New park');
    expect(await form.innerText()).toContain('新园区 1');
    await form.locator('input[name="source"]').fill(SOURCE);
    // Drawn shapes are offered as schematic: a sketch must not read as surveyed unless the planner says so.
    expect(await form.locator('select[name="confidence"]').inputValue()).toBe('schematic');
    await form.locator('select[name="confidence"]').selectOption('high');
    await app.screenshot('use-drawn-shapes-form');
    const reloaded = app.page.waitForEvent('load');
    await form.locator('button[type="submit"]').click();
    await reloaded;

    await app.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });
    expect(await app.page.locator('[data-dataset-banner]').innerText()).toContain('本应用中绘制的形状');
    expect(await app.problems()).toEqual([]);
  });

  test('after the reload the overview, the legend, the change list and the map follow', async () => {
    await app.page.locator('html[data-map-ready]').waitFor({ timeout: 60_000 });
    await openAppTab(app.page, 'explore');
    const parksTitle = '多园';
    await expect
      .poll(() => app.page.locator('.overview-panel .layer-counts').innerText(), { timeout: 30_000 })
      .toContain(`${parksTitle} 3`);

    // The legend: three parks whose area is the three drawn rectangles' (they do not overlap).
    const figures = app.page.locator('.layer-item[data-layer-id="parks"] .layer-figures');
    await expect.poll(() => figures.innerText(), { timeout: 60_000 }).toContain('km²');
    const [count, area] = (await figures.innerText()).split('·').map((part) => part.trim());
    expect(count).toMatch(/^3\D/);
    const shown = area!.replace(/[^\d.]/g, '');
    // Equal to the figure shown, to half of its last digit.
    const decimals = shown.split('.')[1]?.length ?? 0;
    expect(Math.abs(Number(shown) - drawnAreaM2 / 1e6)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
    const description = await app.page.locator('.layer-item[data-layer-id="parks"] label').getAttribute('title');
    expect(description).toContain('本应用中绘制的形状');
    expect(description).toContain('可信度：高');
    expect(description).toContain(SOURCE);

    // The change list names where the shapes came from.
    await openAppTab(app.page, 'measure');
    const changes = app.page.locator('[data-dataset-changes]');
    await changes.locator('summary').click();
    expect(await changes.innerText()).toMatch(/parks · replaced 3 features from drawn in the app \(high\)/);
    // The drawn shapes themselves are still there to measure or use again.
    await expect.poll(() => app.page.locator('.measure-shape').count(), { timeout: 20_000 }).toBe(3);

    // On the map: each new park labelled with its name, drawn solid (high confidence).
    await openAppTab(app.page, 'explore');
    const longitudes = drawnCorners.map((position) => position[0]!);
    const latitudes = drawnCorners.map((position) => position[1]!);
    await app.page.evaluate(
      (bounds) => window.__zoneMap!.fitBounds(bounds as [number, number, number, number], { padding: 80, duration: 0 }),
      [Math.min(...longitudes), Math.min(...latitudes), Math.max(...longitudes), Math.max(...latitudes)],
    );
    await waitForMapIdle(app);
    const rendered = () =>
      app.page.evaluate(() => {
        const map = window.__zoneMap!;
        return {
          labels: map
            .queryRenderedFeatures({ layers: ['parks:label'] })
            .map((feature) => String(feature.properties['name_zh']))
            .sort(),
          solid: [
            ...new Set(
              map.queryRenderedFeatures({ layers: ['parks:outline'] }).map((feature) => feature.properties['id']),
            ),
          ].sort(),
          dashed: map.queryRenderedFeatures({ layers: ['parks:outline-approximate'] }).length,
        };
      });
    await expect
      .poll(async () => (await rendered()).labels, { timeout: 20_000 })
      .toEqual([HOSTILE_NAME, '新园区 1', '新园区 2'].sort());
    const drawn = await rendered();
    expect(drawn.solid).toEqual(['parks-1', 'parks-2', 'parks-3']);
    expect(drawn.dashed).toBe(0);
    await app.screenshot('use-drawn-shapes-parks');

    // The name that looks like HTML stayed text everywhere.
    expect(await app.page.locator('img[src="x"]').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();
    expect(await app.problems()).toEqual([]);
  });

  test('in English the legend says the same', async () => {
    await app.page.goto(new URL('?lang=en', app.page.url()).href);
    await app.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });
    expect(await app.page.locator('[data-dataset-banner]').innerText()).toContain('shapes drawn in the app');
    await openAppTab(app.page, 'explore');
    const description = await app.page.locator('.layer-item[data-layer-id="parks"] label').getAttribute('title');
    expect(description).toMatch(
      /^Replaced: 3 features from shapes drawn in the app \(\d{4}-\d\d-\d\d, confidence: high\)/,
    );
    expect(description).toContain(SOURCE);
    expect(await app.problems()).toEqual([]);
  });
});
