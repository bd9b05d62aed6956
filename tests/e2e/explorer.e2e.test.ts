/**
 * Exploring the map the way visitors do, in real chromium against the built app: searching by
 * pinyin initials, sharing a link that reopens the same view and feature, switching to English,
 * using a phone, and doing all of it from the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Manifest, ZoneFeatureCollection } from '../../src/data/dataset-types.ts';
import { launchBrowser, openApp, type AppPage, waitForMapIdle, withApp } from './harness.ts';

const geodataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const manifest = JSON.parse(readFileSync(join(geodataDirectory, 'manifest.json'), 'utf8')) as Manifest;
const features = manifest.layers.flatMap(
  (layer) => (JSON.parse(readFileSync(join(geodataDirectory, layer.file), 'utf8')) as ZoneFeatureCollection).features,
);
const wetlandPark = features.find((feature) => feature.properties.name_zh === '渔子溪生态湿地公园')!;
const longanForest = features.find((feature) => feature.properties.name_zh === '张坝桂圆林')!;
const manifestLayerCount = (): number => manifest.layers.length;
const hiddenByDefault = manifest.layers.find((layer) => !layer.visible);
const shownByDefault = manifest.layers.filter((layer) => layer.visible);

async function mapAtRest(app: AppPage): Promise<void> {
  await app.page.waitForFunction(() => !window.__zoneMap!.isMoving(), undefined, { timeout: 15_000 });
}

async function searchFor(app: AppPage, query: string): Promise<void> {
  const input = app.page.locator('#search-input');
  await input.click();
  await input.fill(query);
  await app.page.locator('#search-results [role="option"]').first().waitFor();
}

describe('search', () => {
  it('finds the wetland park from "yzx" and opens it where the map flies', async () => {
    await withApp({}, async (app) => {
      // The pinyin dictionary is not part of the first load: only the search box's focus fetches it.
      const scriptsBefore = app.requests.filter((request) => request.resourceType === 'script').length;
      await searchFor(app, 'yzx');
      expect(app.requests.filter((request) => request.resourceType === 'script').length).toBeGreaterThan(scriptsBefore);

      const first = app.page.locator('#search-results [role="option"]').first();
      expect(await first.textContent()).toContain('渔子溪生态湿地公园');
      expect(await first.locator('mark').first().textContent()).toBeTruthy();
      await first.click();

      const panel = app.page.locator(`.feature-panel[data-feature-id="${wetlandPark.properties.id}"]`);
      await panel.waitFor();
      expect(await panel.locator('h2').textContent()).toContain('渔子溪生态湿地公园');
      await mapAtRest(app);
      // The map came to the park: its point or shape is inside the visible map.
      const inView = await app.page.evaluate(
        ([longitude, latitude]) => window.__zoneMap!.getBounds().contains([longitude!, latitude!]),
        parkPoint(),
      );
      expect(inView).toBe(true);
      expect(await app.page.locator('#search-input').getAttribute('aria-expanded')).toBe('false');
      await app.screenshot('explorer-search-yzx');
    });
  });

  it('says so when nothing matches, and finds English names and full pinyin too', async () => {
    await withApp({}, async (app) => {
      await app.page.locator('#search-input').click();
      await app.page.locator('#search-input').fill('qqqqqqqq');
      await app.page.locator('.search-status', { hasText: '没有找到' }).waitFor();
      expect(await app.page.locator('#search-results').isHidden()).toBe(true);

      await searchFor(app, 'zhangba');
      expect(await app.page.locator('#search-results [role="option"]').first().textContent()).toContain('张坝桂圆林');
      await searchFor(app, 'wetland');
      expect(await app.page.locator('#search-results').textContent()).toContain('渔子溪生态湿地公园');
      // Markup typed into the box is text, never HTML.
      await app.page.locator('#search-input').fill('<img src=x onerror=alert(1)>');
      await app.page.locator('.search-status', { hasText: '没有找到' }).waitFor();
      expect(await app.page.locator('.search-box img').count()).toBe(0);
    });
  });
});

function parkPoint(): [number, number] {
  const geometry = wetlandPark.geometry;
  if (geometry.type === 'Point') return geometry.coordinates as [number, number];
  const ring =
    geometry.type === 'Polygon'
      ? geometry.coordinates[0]!
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates[0]![0]!
        : [];
  const longitudes = ring.map((position) => position[0]!);
  const latitudes = ring.map((position) => position[1]!);
  return [
    (Math.min(...longitudes) + Math.max(...longitudes)) / 2,
    (Math.min(...latitudes) + Math.max(...latitudes)) / 2,
  ];
}

describe('links', () => {
  it('a copied link opens the same view, layers, language and feature in a fresh browser', async () => {
    const first = await openApp();
    let shared = '';
    const view = { center: [105.4861, 28.8712] as [number, number], zoom: 12.75, bearing: -33.5 };
    try {
      await searchFor(first, 'zhangba');
      await first.page.locator('#search-results [role="option"]').first().click();
      await first.page.locator(`.feature-panel[data-feature-id="${longanForest.properties.id}"]`).waitFor();
      await mapAtRest(first);
      if (hiddenByDefault) await first.page.locator(`[data-layer-id="${hiddenByDefault.id}"] input`).check();
      await first.page.getByRole('button', { name: 'English' }).click();
      // The English messages are fetched the first time English is chosen.
      await first.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      await first.page.evaluate((target) => window.__zoneMap!.jumpTo(target), view);
      await first.page.waitForFunction(() =>
        new URLSearchParams(window.location.search).get('view')?.endsWith(',-33.5'),
      );
      shared = await first.page.evaluate(() => window.location.href);
      expect(shared).toContain(`#feature=${longanForest.properties.layer}`);
      expect(await first.problems()).toEqual([]);
    } finally {
      await first.close();
    }

    await withApp({ path: shared.slice(shared.indexOf('?')) }, async (second) => {
      await second.page.locator(`.feature-panel[data-feature-id="${longanForest.properties.id}"]`).waitFor();
      expect(await second.page.getAttribute('html', 'lang')).toBe('en');
      const camera = await second.page.evaluate(() => {
        const map = window.__zoneMap!;
        return { center: map.getCenter().toArray(), zoom: map.getZoom(), bearing: map.getBearing() };
      });
      // The link keeps about a metre of position, a hundredth of a zoom level, a tenth of a degree.
      expect(camera.center[0]).toBeCloseTo(view.center[0], 4);
      expect(camera.center[1]).toBeCloseTo(view.center[1], 4);
      expect(camera.zoom).toBeCloseTo(view.zoom, 2);
      expect(camera.bearing).toBeCloseTo(view.bearing, 1);
      if (hiddenByDefault) {
        expect(await second.page.locator(`[data-layer-id="${hiddenByDefault.id}"] input`).isChecked()).toBe(true);
      }
    });
  });

  it('ignores what does not parse and restores the rest; keeps parameters it does not know', async () => {
    const keptLayer = shownByDefault[0]!;
    const path =
      `?view=abc,1e999,NaN&layers=${keptLayer.id},NOT%20A%20LAYER&lang=fr&from=poster%20A` +
      `#feature=${wetlandPark.properties.layer}/${wetlandPark.properties.id}`;
    await withApp({ path }, async (app) => {
      await app.page.locator(`.feature-panel[data-feature-id="${wetlandPark.properties.id}"]`).waitFor();
      // The layers value names an unknown id: the whole value is refused, so defaults stay.
      for (const layer of shownByDefault) {
        expect(await app.page.locator(`[data-layer-id="${layer.id}"] input`).isChecked()).toBe(true);
      }
      expect(await app.page.getAttribute('html', 'lang')).toBe('zh-CN');
      await mapAtRest(app);
      await app.page.waitForFunction(() => new URLSearchParams(window.location.search).has('view'));
      const search = await app.page.evaluate(() => window.location.search);
      expect(search).toContain('from=poster%20A');
      expect(search).not.toContain('abc');
    });
  });

  it('back and forward walk through the features opened', async () => {
    await withApp({}, async (app) => {
      const panelOf = (id: string) => app.page.locator(`.feature-panel[data-feature-id="${id}"]`);
      await searchFor(app, 'yzx');
      await app.page.keyboard.press('Enter');
      await panelOf(wetlandPark.properties.id).waitFor();
      await searchFor(app, 'zhangba');
      await app.page.keyboard.press('Enter');
      await panelOf(longanForest.properties.id).waitFor();

      await app.page.goBack();
      await panelOf(wetlandPark.properties.id).waitFor();
      await app.page.goBack();
      await app.page.locator('.feature-panel').waitFor({ state: 'detached' });
      await app.page.goForward();
      await panelOf(wetlandPark.properties.id).waitFor();
    });
  });
});

describe('中文 / English', () => {
  it('switches the page, the map labels and the map buttons, and remembers the choice', async () => {
    const browser = await launchBrowser();
    const app = await openApp({ browser });
    try {
      const labelFields = () =>
        app.page.evaluate(
          (labelIds) =>
            window
              .__zoneMap!.getStyle()
              .layers.flatMap((layer) =>
                layer.type === 'symbol' && labelIds.includes(layer.id)
                  ? [JSON.stringify(layer.layout?.['text-field'])]
                  : [],
              ),
          manifest.layers.map((layer) => `${layer.id}:label`),
        );
      expect(await labelFields()).toHaveLength(manifest.layers.length);
      for (const label of await labelFields()) expect(label.indexOf('name_zh')).toBeLessThan(label.indexOf('name_en'));
      const cameraBefore = await app.page.evaluate(() => window.__zoneMap!.getCenter().toArray());

      await app.page.getByRole('button', { name: 'English' }).click();
      await app.page.locator('h1', { hasText: 'Luzhou' }).waitFor();
      expect(await app.page.getAttribute('html', 'lang')).toBe('en');
      expect(await app.page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      for (const label of await labelFields()) expect(label.indexOf('name_en')).toBeLessThan(label.indexOf('name_zh'));
      expect(await app.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Zoom in');
      // Relabelled in place: the map was not rebuilt and did not move.
      expect(await app.page.evaluate(() => window.__zoneMap!.getCenter().toArray())).toEqual(cameraBefore);
      await app.page.waitForFunction(() => new URLSearchParams(window.location.search).get('lang') === 'en');
      await waitForMapIdle(app);
      await app.screenshot('explorer-english');

      // A later visit without any language in the address comes back in English.
      const again = await browser.context.newPage();
      await again.goto(app.baseUrl);
      await again.locator('h1', { hasText: 'Luzhou' }).waitFor();
      await again.getByRole('button', { name: '中文' }).click();
      await again.locator('h1', { hasText: '泸州' }).waitFor();
      expect(await again.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('放大');
      await again.close();
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
      await browser.close();
    }
  });
});

describe('phones', () => {
  it('at 390×844: a bottom sheet, 44 px tap targets, and two fingers still rotate and zoom the map', async () => {
    await withApp({ viewport: { width: 390, height: 844 } }, async (app) => {
      await searchFor(app, 'yzx');
      await app.page
        .locator('#search-results [role="option"]')
        .first()
        .tap()
        .catch(() => app.page.locator('#search-results [role="option"]').first().click());
      const panel = app.page.locator('.feature-panel');
      await panel.waitFor();
      await mapAtRest(app);
      // The panel is the top of the bottom sheet's 探索 tab; the sheet spans the map and reaches its bottom.
      expect(await panel.evaluate((element) => element.closest('.bottom-sheet') !== null)).toBe(true);
      const sheet = (await app.page.locator('.bottom-sheet').boundingBox())!;
      const map = (await app.page.locator('.map-canvas').boundingBox())!;
      expect(sheet.width).toBeGreaterThanOrEqual(map.width - 1);
      expect(sheet.y + sheet.height).toBeGreaterThanOrEqual(map.y + map.height - 1);
      await app.screenshot('explorer-phone-sheet');

      const tooSmall = await app.page.evaluate(() => {
        // A visually hidden input (the planner's file picker) is reached through its label, which is checked instead.
        // A checkbox or radio is reached through its label (the layer list, the basemap switch), which is checked instead.
        const controls = [
          ...document.querySelectorAll<HTMLElement>(
            'button, input:not(.visually-hidden), [role="option"], .layer-item label, label.basemap-choice, label.file-button',
          ),
        ];
        return controls
          .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
          .filter(
            (element) =>
              !(element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')),
          )
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 44 - 0.5 || box.height < 44 - 0.5)
          .map(
            ({ element, box }) =>
              `${element.tagName}.${element.className} ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
      });
      expect(tooSmall).toEqual([]);

      // Two fingers turning a quarter turn while spreading: the map rotates and zooms in.
      const before = await app.page.evaluate(() => ({
        bearing: window.__zoneMap!.getBearing(),
        zoom: window.__zoneMap!.getZoom(),
      }));
      const cdp = await app.page.context().newCDPSession(app.page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
      const centre = { x: map.x + map.width / 2, y: map.y + map.height / 4 };
      const fingers = (angle: number, radius: number) => [
        { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle), id: 1 },
        { x: centre.x - radius * Math.cos(angle), y: centre.y - radius * Math.sin(angle), id: 2 },
      ];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(0, 40) });
      for (let step = 1; step <= 12; step += 1) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: fingers((step / 12) * (Math.PI / 4), 40 + step * 5),
        });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await mapAtRest(app);
      const after = await app.page.evaluate(() => ({
        bearing: window.__zoneMap!.getBearing(),
        zoom: window.__zoneMap!.getZoom(),
      }));
      expect(Math.abs(after.bearing - before.bearing)).toBeGreaterThan(10);
      expect(after.zoom).toBeGreaterThan(before.zoom + 0.3);
      await app.screenshot('explorer-phone-rotated');
    });
  });
});

describe('keyboard only', () => {
  it('reaches every control with Tab, each showing where the focus is, the map and its buttons included', async () => {
    await withApp({}, async (app) => {
      const stops: { name: string; visible: boolean }[] = [];
      for (let presses = 0; presses < 120; presses += 1) {
        await app.page.keyboard.press('Tab');
        const stop = await app.page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
          const shadowed = style.boxShadow !== 'none';
          const name = `${element.tagName.toLowerCase()}.${element.className || element.id}|${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 20) ?? ''}`;
          return { name, visible: outlined || shadowed };
        });
        if (!stop) continue;
        if (stops.some((seen) => seen.name === stop.name) && stops[0]?.name === stop.name) break;
        stops.push(stop);
      }
      // The header, search, overview, list toggle, every layer box, the map and its buttons.
      expect(stops.length).toBeGreaterThan(manifestLayerCount() + 6);
      expect(stops.filter((stop) => !stop.visible).map((stop) => stop.name)).toEqual([]);
      const names = stops.map((stop) => stop.name).join('\n');
      for (const expected of ['search-input', 'English', 'maplibregl-canvas', '放大', '缩小'])
        expect(names).toContain(expected);
    });
  });

  it('search → result → panel → close, with the focus always visible', async () => {
    await withApp({}, async (app) => {
      const focused = () =>
        app.page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          return {
            id: element.id,
            role: element.getAttribute('role'),
            label: element.getAttribute('aria-label'),
            outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
          };
        });
      let reached = null;
      for (let presses = 0; presses < 10; presses += 1) {
        await app.page.keyboard.press('Tab');
        reached = await focused();
        if (reached?.id === 'search-input') break;
        // Every stop on the way shows where the keyboard is.
        expect(reached?.outlined, JSON.stringify(reached)).toBe(true);
      }
      expect(reached?.id).toBe('search-input');
      expect(reached?.outlined).toBe(true);

      await app.page.keyboard.type('yzx');
      await app.page.locator('#search-results [role="option"]').first().waitFor();
      await app.page.keyboard.press('ArrowDown');
      const active = await app.page.locator('#search-input').getAttribute('aria-activedescendant');
      expect(await app.page.locator(`#${active}`).textContent()).toContain('渔子溪生态湿地公园');
      await app.page.keyboard.press('Enter');

      const panel = app.page.locator(`.feature-panel[data-feature-id="${wetlandPark.properties.id}"]`);
      await panel.waitFor();
      // Focus moves into the panel, so the next Tab reaches its close button.
      await app.page.waitForFunction(() => document.activeElement?.id === 'feature-panel-heading');
      let closeReached = false;
      for (let presses = 0; presses < 5 && !closeReached; presses += 1) {
        await app.page.keyboard.press('Tab');
        const now = await focused();
        expect(now?.outlined, JSON.stringify(now)).toBe(true);
        closeReached = now?.label === '关闭';
      }
      expect(closeReached).toBe(true);
      await app.page.keyboard.press('Enter');
      await panel.waitFor({ state: 'detached' });
    });
  });
});
