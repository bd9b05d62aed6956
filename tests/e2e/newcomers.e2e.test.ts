/**
 * What newcomers hit on their first visits (issue 16), in real chromium against the built app:
 * a shared link's layers and feature drawn as the link says on a cold load, Chinese names found by
 * the words people type, Escape giving the focus back, the phone hint, and navigation links for
 * estimated places.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import decodeQR from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import type { Manifest, ZoneFeatureCollection } from '../../src/data/dataset-types.ts';
import { launchBrowser, openApp, waitForMapIdle, type AppPage, withApp } from './harness.ts';
import { openAppTab } from './app-tabs.ts';

const geodataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const manifest = JSON.parse(readFileSync(join(geodataDirectory, 'manifest.json'), 'utf8')) as Manifest;
const featuresOf = (layerId: string) =>
  (
    JSON.parse(
      readFileSync(join(geodataDirectory, manifest.layers.find((layer) => layer.id === layerId)!.file), 'utf8'),
    ) as ZoneFeatureCollection
  ).features;
const allFeatures = manifest.layers.flatMap((layer) => featuresOf(layer.id));
const named = (nameZh: string) => allFeatures.find((feature) => feature.properties.name_zh === nameZh)!;

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/**
 * Pixels of the map area whose colour lies within `tolerance` of one of `colours`, counted in the
 * page from a screenshot's PNG bytes (the WebGL canvas keeps no drawing buffer to read back).
 */
async function mapPixelsNear(app: AppPage, colours: Rgb[], tolerance: number): Promise<number[]> {
  const png = await app.page.locator('.map-canvas').screenshot();
  return app.page.evaluate(
    async ({ base64, targets, limit }) => {
      const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const counts = targets.map(() => 0);
      for (let index = 0; index < pixels.length; index += 4) {
        targets.forEach(([red, green, blue], target) => {
          if (Math.hypot(pixels[index]! - red, pixels[index + 1]! - green, pixels[index + 2]! - blue) <= limit)
            counts[target]! += 1;
        });
      }
      return counts;
    },
    { base64: png.toString('base64'), targets: colours, limit: tolerance },
  );
}

/** Runs axe in the page (or on the part `within` selects); returns the serious and critical findings. */
async function seriousFindings(app: AppPage, within?: string): Promise<string[]> {
  await app.page.evaluate(axeSource);
  return app.page.evaluate(async (selector) => {
    type Rule = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[] }> } }
    ).axe;
    const result = await axe.run(selector ? document.querySelector(selector) : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, within);
}

async function searchFor(app: AppPage, query: string): Promise<void> {
  const input = app.page.locator('#search-input');
  await input.click();
  await input.fill(query);
  await app.page.locator('#search-results [role="option"]').first().waitFor();
}

describe('a link that names its layers and feature, opened in a fresh browser', () => {
  const shown = ['districts', 'zone', 'wings'];
  // Layers whose colour no shown layer shares: their pixels can only come from them.
  const hidden = manifest.layers.filter(
    (layer) => !shown.includes(layer.id) && ['polygon', 'line'].includes(layer.geometry),
  );

  it('draws only the layers the link names, from the first frame on', async () => {
    await withApp({ path: `?view=105.47,28.88,12,0&layers=${shown.join(',')}` }, async (app) => {
      await waitForMapIdle(app);
      for (const layer of manifest.layers) {
        expect(await app.page.locator(`[data-layer-id="${layer.id}"] input`).isChecked()).toBe(
          shown.includes(layer.id),
        );
      }
      const hiddenColours = hidden.map((layer) => rgbOf(layer.color));
      const shownColours = shown.map((id) => rgbOf(manifest.layers.find((layer) => layer.id === id)!.color));
      const [hiddenCounts, shownCounts] = [
        await mapPixelsNear(app, hiddenColours, 6),
        await mapPixelsNear(app, shownColours, 6),
      ];
      await app.screenshot('newcomers-link-layers');
      // The outlines of the shown layers are drawn in their own colours, so the count can see them…
      expect(shownCounts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(200);
      // …and sees none of the hidden ones.
      expect(Object.fromEntries(hidden.map((layer, index) => [layer.id, hiddenCounts[index]]))).toEqual(
        Object.fromEntries(hidden.map((layer) => [layer.id, 0])),
      );

      // Ticking a hidden layer draws it, so the count above could have failed.
      const green = hidden.find((layer) => layer.id === 'green') ?? hidden[0]!;
      await app.page.locator(`[data-layer-id="${green.id}"] input`).check();
      await waitForMapIdle(app);
      const [greenAfter] = await mapPixelsNear(app, [rgbOf(green.color)], 6);
      expect(greenAfter).toBeGreaterThan(20);
    });
  });

  it('outlines the feature a #feature= link opens', async () => {
    const park = named('渔子溪生态湿地公园');
    const view = '?view=105.501,28.858,14,0';
    // The selection outline (#111111) is darker than anything else the style draws (text is #222222).
    const selectionOutline: Rgb = [0x11, 0x11, 0x11];
    const withoutSelection = await openApp({ path: view });
    let before = 0;
    try {
      await waitForMapIdle(withoutSelection);
      before = (await mapPixelsNear(withoutSelection, [selectionOutline], 8))[0]!;
    } finally {
      await withoutSelection.close();
    }
    await withApp({ path: `${view}#feature=${park.properties.layer}/${park.properties.id}` }, async (app) => {
      await app.page.locator(`.feature-panel[data-feature-id="${park.properties.id}"]`).waitFor();
      await waitForMapIdle(app);
      const state = await app.page.evaluate(({ source, id }) => window.__zoneMap!.getFeatureState({ source, id }), {
        source: park.properties.layer,
        id: park.properties.id,
      });
      expect(state['selected']).toBe(true);
      const [after] = await mapPixelsNear(app, [selectionOutline], 8);
      await app.screenshot('newcomers-link-feature');
      expect(after).toBeGreaterThan(before + 100);
    });
  });
});

describe('Chinese search by the words people type', () => {
  it('finds 渔子溪生态湿地公园 from 渔子溪公园 and 华为(四川)大数据中心 from 华为大数据, best first', async () => {
    await withApp({}, async (app) => {
      const firstOption = app.page.locator('#search-results [role="option"]').first();
      for (const [query, expected] of [
        ['渔子溪公园', '渔子溪生态湿地公园'],
        ['渔子溪生态公园', '渔子溪生态湿地公园'],
        ['渔子溪湿地', '渔子溪生态湿地公园'],
        ['华为大数据', '华为(四川)大数据中心'],
      ] as const) {
        await searchFor(app, query);
        await app.page.waitForFunction(
          ([text]) => document.querySelector('#search-results [role="option"]')?.textContent?.includes(text!),
          [expected],
        );
        expect(await firstOption.locator('.search-result__name').textContent()).toContain(expected);
        // The parts found are marked in the name.
        expect(
          (await firstOption.locator('.search-result__name mark').allTextContents()).length,
        ).toBeGreaterThanOrEqual(2);
      }
      await app.screenshot('newcomers-search-parts');
      await app.page.keyboard.press('Enter');
      await app.page
        .locator(`.feature-panel[data-feature-id="${named('华为(四川)大数据中心').properties.id}"]`)
        .waitFor();
    });
  });
});

/** Where the keyboard focus is: the element's id, class and accessible name, or 'body'. */
async function focusedElement(app: AppPage): Promise<string> {
  return app.page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    return `${element.tagName.toLowerCase()}#${element.id}.${element.getAttribute('class') ?? ''}`;
  });
}

describe('Escape gives the focus back to what opened the panel', () => {
  it('to the search box, the list toggle that held the row, and the map', async () => {
    await withApp({ path: '?view=105.501,28.858,14,0' }, async (app) => {
      const panel = app.page.locator('.feature-panel');
      // From the search box.
      await searchFor(app, 'yzx');
      await app.page.keyboard.press('Enter');
      await panel.waitFor();
      await app.page.waitForFunction(() => document.activeElement?.id === 'feature-panel-heading');
      await app.page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await focusedElement(app)).toContain('#search-input');

      // From a row of the list of all features: the list closes for the map, so its toggle takes the focus back.
      await app.page.locator('.list-toggle').click();
      const row = app.page.locator(`.map-fallback tr[data-feature-id="${named('张坝桂圆林').properties.id}"] button`);
      await row.focus();
      await app.page.keyboard.press('Enter');
      await panel.waitFor();
      await app.page.waitForFunction(() => document.activeElement?.id === 'feature-panel-heading');
      await app.page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await focusedElement(app)).toContain('list-toggle');

      // From a click on the map, and with the close button.
      await app.page.evaluate(() => window.__zoneMap!.jumpTo({ center: [105.501, 28.858], zoom: 14, bearing: 0 }));
      await waitForMapIdle(app);
      const box = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
      const point = await app.page.evaluate(() => window.__zoneMap!.project([105.501, 28.858]));
      await app.page.mouse.click(box.x + point.x, box.y + point.y);
      await panel.waitFor();
      // As above: the panel listens for Escape from its effect, which has run once its heading has the focus.
      await app.page.waitForFunction(() => document.activeElement?.id === 'feature-panel-heading');
      await app.page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await focusedElement(app)).toContain('maplibregl-canvas');
      await app.page.mouse.click(box.x + point.x, box.y + point.y);
      await panel.waitFor();
      await panel.getByRole('button', { name: '关闭' }).click();
      await panel.waitFor({ state: 'detached' });
      expect(await focusedElement(app)).toContain('maplibregl-canvas');
    });
  });

  it('to the map when the panel came from a link', async () => {
    const park = named('渔子溪生态湿地公园');
    await withApp({ path: `#feature=${park.properties.layer}/${park.properties.id}` }, async (app) => {
      await app.page.locator('.feature-panel').waitFor();
      await app.page.keyboard.press('Escape');
      await app.page.locator('.feature-panel').waitFor({ state: 'detached' });
      expect(await focusedElement(app)).toContain('maplibregl-canvas');
    });
  });
});

async function openMeasuring(app: AppPage): Promise<string> {
  await openAppTab(app.page, 'measure');
  await app.page.locator('.measure-tool[data-tool="polygon"]').click();
  return (await app.page.locator('.measure-hint').textContent()) ?? '';
}

describe('the measuring hint', () => {
  it('says Esc with a mouse and what to tap on a touch screen', async () => {
    await withApp({}, async (desktop) => {
      const hint = await openMeasuring(desktop);
      expect(hint).toContain('Esc');
    });
    await withApp({ viewport: { width: 390, height: 844 }, waitForReady: false }, async (phone) => {
      // A touch screen: chromium then reports a coarse pointer and no hover (what the page feature-detects).
      const cdp = await phone.page.context().newCDPSession(phone.page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await phone.page.reload({ waitUntil: 'domcontentloaded' });
      await phone.waitForReady();
      expect(await phone.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      const hint = await openMeasuring(phone);
      expect(hint).not.toContain('Esc');
      expect(hint).toContain('轻点“结束量算”');
      await phone.page.getByRole('button', { name: 'English' }).click();
      // The English messages are fetched the first time English is chosen.
      await phone.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      expect(await phone.page.locator('.measure-hint').textContent()).toContain('Tap “Stop measuring”');
      await phone.screenshot('newcomers-phone-measure-hint');
    });
  });
});

describe('a trip leg to a place whose position is an estimate', () => {
  it('has 导航 links that find the place by name', async () => {
    const huawei = named('华为(四川)大数据中心');
    await withApp({ path: `?trip=1wo0900h.place-aegean-mall.${huawei.properties.id}` }, async (app) => {
      await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000 });
      const leg = app.page.locator(`.trip-leg[data-to="${huawei.properties.id}"]`);
      await leg.waitFor();
      const links = await leg
        .locator('a.external-link')
        .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
      expect(links).toHaveLength(2);
      const baidu = new URL(links.find((link) => link.includes('baidu'))!);
      expect(baidu.pathname).toBe('/direction');
      expect(baidu.searchParams.get('destination')).toBe(huawei.properties.name_zh);
      const amap = new URL(links.find((link) => link.includes('amap'))!);
      expect(amap.searchParams.get('keyword')).toBe(huawei.properties.name_zh);
      expect(await leg.textContent()).toContain('按名称搜索');
    });
  });
});

describe('language on a first visit', () => {
  it('follows an English browser until the visitor chooses, and the search box follows the language', async () => {
    const browser = await launchBrowser();
    // A browser set to English (the suite's browser is zh-CN).
    await browser.context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['en-GB', 'en'] });
      Object.defineProperty(Navigator.prototype, 'language', { get: () => 'en-GB' });
    });
    const app = await openApp({ browser });
    try {
      await app.page.locator('h1', { hasText: 'Luzhou' }).waitFor();
      expect(await app.page.getAttribute('html', 'lang')).toBe('en');
      expect(await app.page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

      // A chosen place's name in the box changes with the language.
      await searchFor(app, 'yzx');
      await app.page.keyboard.press('Enter');
      await app.page.locator('.feature-panel').waitFor();
      expect(await app.page.locator('#search-input').inputValue()).toBe('Yuzixi Ecological Wetland Park');
      await app.page.getByRole('button', { name: '中文' }).click();
      await app.page.locator('h1', { hasText: '泸州' }).waitFor();
      // The box is renamed by an effect after the language switch has re-rendered the page.
      await expect.poll(() => app.page.locator('#search-input').inputValue()).toBe('渔子溪生态湿地公园');
      // Typed text stays, and its results show in the new language.
      await searchFor(app, 'wetland');
      await app.page.getByRole('button', { name: 'English' }).click();
      expect(await app.page.locator('#search-input').inputValue()).toBe('wetland');
      // The click on the switch closed the list; back in the box, it lists names in English first.
      await app.page.locator('#search-input').click();
      const option = app.page.locator('#search-results [role="option"]').first();
      await option.waitFor();
      expect(await option.locator('.search-result__name').textContent()).toMatch(/^≈?Yuzixi Ecological Wetland Park$/);
      await app.page.getByRole('button', { name: '中文' }).click();
      expect(await app.problems()).toEqual([]);

      // Chosen once, the choice wins over the browser's language on the next visit.
      const again = await browser.context.newPage();
      await again.goto(app.baseUrl);
      await again.locator('h1', { hasText: '泸州' }).waitFor();
      expect(await again.getAttribute('html', 'lang')).toBe('zh-CN');
      await again.close();
    } finally {
      await app.close();
      await browser.close();
    }
  });
});

/** The link a QR code drawn on a canvas holds, read from the canvas and decoded in node. */
async function qrCodeText(app: AppPage, canvasSelector: string): Promise<string> {
  await app.page.waitForFunction(
    (selector) => (document.querySelector(selector) as HTMLCanvasElement | null)!.width > 1,
    canvasSelector,
  );
  const image = await app.page.locator(canvasSelector).evaluate((element) => {
    const drawn = element as HTMLCanvasElement;
    const pixels = drawn.getContext('2d')!.getImageData(0, 0, drawn.width, drawn.height);
    return { width: pixels.width, height: pixels.height, data: [...pixels.data] };
  });
  return decodeQR({ width: image.width, height: image.height, data: Uint8Array.from(image.data) });
}

describe('share', () => {
  it('copies the view, the feature and the trip links, with a confirmation and a QR code that scans to the link', async () => {
    const browser = await launchBrowser();
    // This chromium has no share sheet; make sure of it, so the copy path is the one tested.
    await browser.context.addInitScript(() => {
      delete (Navigator.prototype as Partial<Navigator>).share;
      delete (Navigator.prototype as Partial<Navigator>).canShare;
    });
    const app = await openApp({ browser, path: '?view=105.47,28.88,12,0&layers=districts,zone,wings,green' });
    try {
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(app.baseUrl).origin,
      });
      const clipboard = () => app.page.evaluate(() => navigator.clipboard.readText());

      // The view: camera, layers and language, without the open feature.
      await app.page.locator('.share--view .share__button').click();
      await app.page.locator('.share--view .share__status', { hasText: '链接已复制' }).waitFor();
      const viewLink = await clipboard();
      expect(new URL(viewLink).searchParams.get('layers')).toBe('districts,zone,wings,green');
      expect(new URL(viewLink).searchParams.get('view')).toMatch(/^105\.47/);
      expect(new URL(viewLink).hash).toBe('');
      expect(await qrCodeText(app, '.share--view canvas.share__qr')).toBe(viewLink);
      expect(await seriousFindings(app)).toEqual([]);
      await app.screenshot('newcomers-share-view');
      await app.page.locator('.share--view').getByRole('button', { name: '关闭分享' }).click();
      expect(await app.page.locator('.share--view .share__panel').count()).toBe(0);

      // The open feature: its link keeps #feature=.
      await searchFor(app, 'zhangba');
      await app.page.keyboard.press('Enter');
      const forest = named('张坝桂圆林');
      const featurePanel = app.page.locator(`.feature-panel[data-feature-id="${forest.properties.id}"]`);
      await featurePanel.waitFor();
      await featurePanel.locator('.share__button').click();
      await featurePanel.locator('.share__status', { hasText: '链接已复制' }).waitFor();
      const featureLink = await clipboard();
      expect(decodeURIComponent(new URL(featureLink).hash)).toBe(
        `#feature=${forest.properties.layer}/${forest.properties.id}`,
      );
      expect(await qrCodeText(app, '.feature-panel canvas.share__qr')).toBe(featureLink);
      // Escape closes the share panel alone and hands the focus back to its button.
      await featurePanel.locator('.share__panel input').focus();
      await app.page.keyboard.press('Escape');
      expect(await featurePanel.locator('.share__panel').count()).toBe(0);
      expect(await featurePanel.isVisible()).toBe(true);
      expect(await app.page.evaluate(() => document.activeElement?.classList.contains('share__button'))).toBe(true);
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
      await browser.close();
    }
  });

  it('opens the system share sheet where there is one, and shares the trip with its stops', async () => {
    const browser = await launchBrowser();
    await browser.context.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.defineProperty(window, '__shared', { value: shared });
      Navigator.prototype.share = async (data?: ShareData) => {
        shared.push(data ?? {});
      };
      Navigator.prototype.canShare = (data?: ShareData) => typeof data?.url === 'string';
    });
    const trip = `1wo0900h.place-aegean-mall.${named('张坝桂圆林').properties.id}`;
    const app = await openApp({ browser, path: `?trip=${trip}` });
    try {
      await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000 });
      const share = app.page.locator('.share--trip');
      await share.locator('.share__button').click();
      await share.locator('.share__status', { hasText: '已打开系统分享' }).waitFor();
      const shared = await app.page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
      expect(shared).toHaveLength(1);
      expect(new URL(shared[0]!.url!).searchParams.get('trip')).toBe(trip);
      // No camera in a trip's link: the receiver's screen frames the stops.
      expect(new URL(shared[0]!.url!).searchParams.has('view')).toBe(false);
      expect(shared[0]!.title).toContain('行程');
      expect(await qrCodeText(app, '.share--trip canvas.share__qr')).toBe(shared[0]!.url);
      await share.scrollIntoViewIfNeeded();
      await app.screenshot('newcomers-share-trip');
      expect(await seriousFindings(app, '.share--trip')).toEqual([]);
      expect(await app.problems()).toEqual([]);

      // Opened on a phone, the shared link shows both stops on the map.
      const phone = await openApp({
        browser,
        path: shared[0]!.url!.slice(shared[0]!.url!.indexOf('?')),
        viewport: { width: 390, height: 844 },
      });
      try {
        await phone.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000 });
        await phone.page.waitForFunction(
          () => !window.__zoneMap!.isMoving() && window.__zoneMap!.getZoom() > 12,
          undefined,
          { timeout: 15_000 },
        );
        const stops = [named('爱琴海购物公园'), named('张坝桂圆林')].map((feature) => feature.properties.id);
        const inView = await phone.page.evaluate(() => {
          const map = window.__zoneMap!;
          const source = map.getStyle().sources['trip'] as { data: GeoJSON.FeatureCollection };
          const bounds = map.getBounds();
          return source.data.features
            .filter((feature) => feature.properties?.['role'] === 'stop' && feature.geometry.type === 'Point')
            .map((feature) => [
              feature.properties?.['id'],
              bounds.contains((feature.geometry as GeoJSON.Point).coordinates as [number, number]),
            ]);
        });
        expect(inView).toEqual(expect.arrayContaining(stops.map((id) => [id, true])));
        await phone.screenshot('newcomers-shared-trip-phone');
        expect(await phone.problems()).toEqual([]);
      } finally {
        await phone.close();
      }
    } finally {
      await app.close();
      await browser.close();
    }
  });
});

describe('crowded place markers', () => {
  it('asks which place was meant when a tap lands on several, and opens the one chosen', async () => {
    const places = featuresOf('places').filter((feature) => feature.geometry.type === 'Point');
    await withApp({}, async (app) => {
      await waitForMapIdle(app);
      // The shipped places merge into count bubbles when crowded (markers-print.e2e.test.ts); points
      // that are not merged can still lie under one tap, so the chooser is asked with merging off.
      await app.page.evaluate(() =>
        (
          window.__zoneMap!.getSource('places') as unknown as {
            setClusterOptions: (options: { cluster: boolean }) => Promise<void>;
          }
        ).setClusterOptions({ cluster: false }),
      );
      await waitForMapIdle(app);
      // Two markers (5 px radius) whose centres lie within 12 px at the first view: a tap between them hits both.
      const crowded = await app.page.evaluate(
        (points) => {
          const map = window.__zoneMap!;
          const projected = points.map(({ id, point }) => ({ id, pixel: map.project(point as [number, number]) }));
          for (const first of projected) {
            for (const second of projected) {
              if (first.id >= second.id) continue;
              if (Math.hypot(first.pixel.x - second.pixel.x, first.pixel.y - second.pixel.y) <= 12) {
                return {
                  ids: [first.id, second.id],
                  x: (first.pixel.x + second.pixel.x) / 2,
                  y: (first.pixel.y + second.pixel.y) / 2,
                };
              }
            }
          }
          return null;
        },
        places.map((feature) => ({
          id: feature.properties.id,
          point: (feature.geometry as GeoJSON.Point).coordinates,
        })),
      );
      expect(crowded, 'two overlapping markers at the first view').not.toBeNull();
      const box = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
      await app.page.mouse.click(box.x + crowded!.x, box.y + crowded!.y);

      const chooser = app.page.locator('.feature-chooser');
      await chooser.waitFor();
      const offered = await chooser
        .locator('.feature-chooser__option')
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-feature-id')));
      expect(offered.length).toBeGreaterThanOrEqual(2);
      expect(offered).toEqual(expect.arrayContaining(crowded!.ids));
      // Only markers are offered, never the areas they sit in.
      expect(offered.every((id) => places.some((place) => place.properties.id === id))).toBe(true);
      expect(await app.page.locator('.feature-panel').count()).toBe(0);
      // The focus moves into the list (after its first paint), so a keyboard or screen reader finds it.
      await app.page.waitForFunction(
        () => document.activeElement?.classList.contains('feature-chooser__option'),
        undefined,
        { timeout: 5_000 },
      );
      expect(await seriousFindings(app, '.feature-chooser')).toEqual([]);
      await app.screenshot('newcomers-marker-chooser');

      // Escape dismisses it and the focus goes back to the map.
      await app.page.keyboard.press('Escape');
      await chooser.waitFor({ state: 'detached' });
      expect(await focusedElement(app)).toContain('maplibregl-canvas');

      // Asked again, the second one is chosen and opens.
      await app.page.mouse.click(box.x + crowded!.x, box.y + crowded!.y);
      await chooser.waitFor();
      const second = offered[1]!;
      await chooser.locator(`.feature-chooser__option[data-feature-id="${second}"]`).click();
      await app.page.locator(`.feature-panel[data-feature-id="${second}"]`).waitFor();
      await chooser.waitFor({ state: 'detached' });
    });
  });
});

describe('the printed day plan', () => {
  it('ends with a QR code that opens the trip', async () => {
    const trip = `1wo0900h.place-aegean-mall.${named('张坝桂圆林').properties.id}`;
    await withApp({ path: `?trip=${trip}` }, async (app) => {
      await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000 });
      const figure = app.page.locator('.trip-print-qr');
      expect(await figure.isVisible()).toBe(false);
      await app.page.emulateMedia({ media: 'print' });
      await figure.waitFor();
      const link = (await figure.getAttribute('data-link'))!;
      expect(new URL(link).searchParams.get('trip')).toBe(trip);
      expect(await qrCodeText(app, '.trip-print-qr canvas')).toBe(link);
      await figure.scrollIntoViewIfNeeded();
      await app.screenshot('newcomers-print-qr');
    });
  });
});
