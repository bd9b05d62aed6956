/**
 * The app as a person meets it, in real chromium against the built app: the map draws every
 * layer with real Chinese text, a click explains a feature, layers toggle, nothing leaves the
 * origin, and without WebGL or data the page still says something useful.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, ZoneFeatureCollection } from '../../src/data/dataset-types.ts';
import { launchBrowser, openApp, type AppPage, waitForMapIdle, withApp } from './harness.ts';

const geodataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const manifest = JSON.parse(readFileSync(join(geodataDirectory, 'manifest.json'), 'utf8')) as Manifest;
const collections = manifest.layers.map(
  (layer) => JSON.parse(readFileSync(join(geodataDirectory, layer.file), 'utf8')) as ZoneFeatureCollection,
);
const totalFeatureCount = collections.reduce((sum, collection) => sum + collection.features.length, 0);
const WETLAND_PARK_NAME = '渔子溪生态湿地公园';
const wetlandPark = collections
  .flatMap((collection) => collection.features)
  .find((feature) => feature.properties.name_zh === WETLAND_PARK_NAME);

/** Style layers (not labels, not background) of each manifest layer in the running map. */
async function drawnFeatureCountsByLayer(app: AppPage): Promise<Record<string, number>> {
  return app.page.evaluate(
    (layerIds) => {
      const map = window.__zoneMap!;
      const styleLayers = map.getStyle().layers.map((layer) => layer.id);
      const counts: Record<string, number> = {};
      for (const layerId of layerIds) {
        const drawing = styleLayers.filter((id) => id.startsWith(`${layerId}:`) && !id.endsWith(':label'));
        counts[layerId] = map.queryRenderedFeatures({ layers: drawing }).length;
      }
      return counts;
    },
    manifest.layers.map((layer) => layer.id),
  );
}

/** A pixel of the page where a click lands on the given feature first, found the way a user's eye would: by looking. */
async function pixelOnTopOf(app: AppPage, featureId: string): Promise<{ x: number; y: number } | null> {
  return app.page.evaluate((wanted) => {
    const map = window.__zoneMap!;
    const interactive = map
      .getStyle()
      .layers.map((layer) => layer.id)
      .filter((id) => id.includes(':') && !id.endsWith(':label'));
    const canvas = map.getCanvas().getBoundingClientRect();
    for (let y = 10; y < canvas.height - 10; y += 6) {
      for (let x = 10; x < canvas.width - 10; x += 6) {
        // Nothing drawn above it within the app's tap tolerance, and the pixel itself on it.
        const around = map.queryRenderedFeatures(
          [
            [x - 8, y - 8],
            [x + 8, y + 8],
          ],
          { layers: interactive },
        );
        const under = map.queryRenderedFeatures([x, y], { layers: interactive });
        if (around[0]?.properties['id'] === wanted && under[0]?.properties['id'] === wanted) {
          return { x: canvas.left + x, y: canvas.top + y };
        }
      }
    }
    return null;
  }, featureId);
}

/** Measurements arrive just after the first frame; wait until no panel says it is still measuring. */
async function waitForStatistics(app: AppPage): Promise<void> {
  await app.page.waitForFunction(() => !document.body.innerText.includes('量算中'), undefined, { timeout: 15_000 });
}

describe('the map app', () => {
  let app: AppPage;

  beforeAll(async () => {
    app = await openApp();
    await waitForStatistics(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('draws every manifest layer, with its labels in the shipped CJK font', async () => {
    await app.screenshot('app-default-view');
    const counts = await drawnFeatureCountsByLayer(app);
    for (const layer of manifest.layers) expect(counts[layer.id], `layer ${layer.id}`).toBeGreaterThan(0);

    // Collision detection drops labels that would overlap; the pattern's own names must survive it.
    const patternLayers = manifest.layers.filter((layer) => layer.role === 'core' || layer.role === 'wing');
    const labels = await app.page.evaluate(
      (layerIds) =>
        window
          .__zoneMap!.queryRenderedFeatures({ layers: layerIds.map((id) => `${id}:label`) })
          .map((feature) => feature.properties['id']),
      patternLayers.map((layer) => layer.id),
    );
    const patternFeatureIds = patternLayers.flatMap((layer) =>
      collections[manifest.layers.indexOf(layer)]!.features.map((feature) => feature.properties.id),
    );
    expect(new Set(labels)).toEqual(new Set(patternFeatureIds));

    const fonts = await app.page.evaluate(() => ({
      // MapLibre registers each font-faces file under a family of its own making.
      mapFacesLoaded: [...document.fonts].filter(
        (face) => face.family.startsWith('maplibre-gl-font-face') && face.status === 'loaded',
      ).length,
      pageFontCoversLabels: document.fonts.check('16px "Noto Sans SC"', '泸州国家高新区一核两翼'),
    }));
    expect(fonts.mapFacesLoaded).toBeGreaterThan(0);
    expect(fonts.pageFontCoversLabels).toBe(true);
  });

  it('shows the overview with the stated and the measured zone area side by side', async () => {
    const overview = app.page.locator('.overview-panel');
    await expect(overview.locator('h2').textContent()).resolves.toContain('一核、两翼、多园');
    const statedText = await overview.locator('.zone-area .stated-value').textContent();
    const measuredText = await overview.locator('.zone-area .measured-value').textContent();
    expect(statedText).toContain('202 km²');
    expect(measuredText).toMatch(/^[\d,.]+ km²$/);
    expect(await overview.locator('.green-share .stated-value').textContent()).toContain('40');
    expect(await overview.locator('.green-share .measured-value').textContent()).toMatch(/[\d.]+ %/);
  });

  it('highlights the feature under the pointer and explains it on click', async () => {
    expect(wetlandPark, `${WETLAND_PARK_NAME} in geodata`).toBeDefined();
    const featureId = wetlandPark!.properties.id;
    // Frame the park as a user zooming in would, then look for it on screen.
    await app.page.evaluate(
      (id) => {
        const map = window.__zoneMap!;
        const source = map.getSource(id.layer);
        if (!source) throw new Error(`no source ${id.layer}`);
        map.jumpTo({ center: id.center, zoom: 13.5 });
      },
      { layer: wetlandPark!.properties.layer, center: centreOf(wetlandPark!.geometry) },
    );
    await waitForMapIdle(app);
    const pixel = await pixelOnTopOf(app, featureId);
    expect(pixel, 'a pixel where the wetland park is the top feature').not.toBeNull();

    await app.page.mouse.move(pixel!.x, pixel!.y, { steps: 4 });
    await app.page.waitForFunction(
      (id) => window.__zoneMap!.getFeatureState({ source: id.layer, id: id.featureId })['hover'] === true,
      { layer: wetlandPark!.properties.layer, featureId },
      { timeout: 5000 },
    );

    await app.page.mouse.click(pixel!.x, pixel!.y);
    const panel = app.page.locator('.feature-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-feature-id')).toBe(featureId);
    expect(await panel.locator('h2').textContent()).toContain(WETLAND_PARK_NAME);
    expect(await panel.locator('.measured-area').textContent()).toMatch(/[\d.]+ km²[\d,.]+ 公顷[\d,]+ 亩/);
    const stated = await panel.locator('.stated-area').textContent();
    expect(stated).toContain('1,800 亩');
    expect(stated).toContain(wetlandPark!.properties.stated_area_source ?? '');
    // The park was drawn to its 1,800 亩, so the panel says the match is by construction instead of printing a percentage.
    expect(await panel.locator('.difference').textContent()).toContain('不是核对');
    expect(await panel.textContent()).toContain(wetlandPark!.properties.source);
    await app.screenshot('app-feature-panel');

    // "Zoom to" frames the park where the panel does not hide it.
    await app.page.evaluate(() => window.__zoneMap!.jumpTo({ zoom: 10 }));
    await panel.getByRole('button', { name: /缩放至此|Zoom to/ }).click();
    await app.page.waitForFunction(() => !window.__zoneMap!.isMoving() && window.__zoneMap!.getZoom() > 12, undefined, {
      timeout: 10_000,
    });
    await expectFramedBesidePanel(app, wetlandPark!.geometry);

    await app.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('gives the core its measured green-space ratio with the definition of the ratio', async () => {
    const coreLayer = manifest.layers.find((layer) => layer.role === 'core')!;
    const core = collections[manifest.layers.indexOf(coreLayer)]!.features[0]!;
    await app.page.evaluate((center) => window.__zoneMap!.jumpTo({ center, zoom: 12.5 }), centreOf(core.geometry));
    await waitForMapIdle(app);
    const pixel = await pixelOnTopOf(app, core.properties.id);
    expect(pixel, 'a pixel where the core is the top feature').not.toBeNull();
    await app.page.mouse.click(pixel!.x, pixel!.y);
    const panel = app.page.locator(`.feature-panel[data-feature-id="${core.properties.id}"]`);
    await panel.waitFor();
    const ratio = await panel.locator('.green-ratio').textContent();
    expect(ratio).toMatch(/^([\d.]+ %|无法计算)/);
    expect(ratio).toContain('绿地率');
    expect(ratio).toContain('绿化覆盖率');
    expect(await panel.locator('.stated-area').textContent()).toContain('4.62 km²');
    await app.page.locator('.feature-panel .icon-button').click();
    await panel.waitFor({ state: 'detached' });
  });

  it('hides a layer when its box is unticked and shows it again', async () => {
    await app.page.evaluate(() => window.__zoneMap!.jumpTo({ zoom: 10.5 }));
    const green = manifest.layers.find((layer) => layer.role === 'green')!;
    const checkbox = app.page.locator(`.layer-item[data-layer-id="${green.id}"] input[type="checkbox"]`);
    await waitForMapIdle(app);
    expect((await drawnFeatureCountsByLayer(app))[green.id]).toBeGreaterThan(0);

    await checkbox.uncheck();
    await waitForMapIdle(app);
    expect((await drawnFeatureCountsByLayer(app))[green.id]).toBe(0);
    await app.screenshot('app-green-hidden');

    await checkbox.check();
    await waitForMapIdle(app);
    expect((await drawnFeatureCountsByLayer(app))[green.id]).toBeGreaterThan(0);
  });

  it('offers the same information as a list over the map; a row shows its feature on the map', async () => {
    await app.page.locator('.list-toggle').click();
    const list = app.page.locator('.feature-list');
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBe(totalFeatureCount);
    expect(await app.page.locator('.fallback-message').count()).toBe(0);
    await list.locator('input[type="search"]').fill(WETLAND_PARK_NAME);
    await list.locator(`tr[data-feature-id="${wetlandPark!.properties.id}"] button`).click();
    await list.waitFor({ state: 'detached' });
    await app.page.locator(`.feature-panel[data-feature-id="${wetlandPark!.properties.id}"]`).waitFor();
    // The camera starts moving a frame after the click; wait for it to arrive close in.
    await app.page.waitForFunction(() => !window.__zoneMap!.isMoving() && window.__zoneMap!.getZoom() > 12, undefined, {
      timeout: 10_000,
    });
    await expectFramedBesidePanel(app, wetlandPark!.geometry);
    await app.page.keyboard.press('Escape');
  });

  it('shows the list when the WebGL context is lost and the map again when it returns', async () => {
    await app.page.evaluate(() => {
      const gl =
        window.__zoneMap!.getCanvas().getContext('webgl2') ?? window.__zoneMap!.getCanvas().getContext('webgl');
      (window as unknown as { __loseContext: WEBGL_lose_context | null }).__loseContext =
        gl?.getExtension('WEBGL_lose_context') ?? null;
      (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.loseContext();
    });
    const list = app.page.locator('.feature-list');
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBe(totalFeatureCount);
    await app.screenshot('app-context-lost');

    await app.page.evaluate(() =>
      (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext(),
    );
    await list.waitFor({ state: 'detached' });
    await waitForMapIdle(app);
    const counts = await drawnFeatureCountsByLayer(app);
    expect(Object.values(counts).some((count) => count > 0)).toBe(true);
  });

  it('made no request to another host and logged no error', async () => {
    expect(app.requests.length).toBeGreaterThan(0);
    expect(await app.problems()).toEqual([]);
  });
});

describe('without WebGL', () => {
  it('says so and lists every feature, searchable, with areas, sources and confidence', async () => {
    await withApp({ webgl: false, waitForReady: false }, async (app) => {
      const list = app.page.locator('.feature-list');
      await list.waitFor();
      await waitForStatistics(app);
      expect(await app.page.locator('.fallback-message').textContent()).toContain('WebGL');
      expect(await list.locator('tbody tr').count()).toBe(totalFeatureCount);

      await list.locator('input[type="search"]').fill('渔子溪');
      const rows = list.locator('tbody tr');
      const shown = await rows.count();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(totalFeatureCount);
      const parkRow = list.locator(`tr[data-feature-id="${wetlandPark!.properties.id}"]`);
      const rowText = await parkRow.textContent();
      expect(rowText).toContain('1,800 亩');
      expect(rowText).toMatch(/[\d.]+ km²/);
      expect(rowText).toContain(wetlandPark!.properties.source);
      await app.screenshot('app-no-webgl');

      await parkRow.locator('button').click();
      const panel = app.page.locator(`.feature-panel[data-feature-id="${wetlandPark!.properties.id}"]`);
      await panel.waitFor();
      expect(await panel.locator('.stated-area').textContent()).toContain('1,800 亩');
      expect(await panel.locator('button', { hasText: '缩放至此' }).count()).toBe(0);
      await app.page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    });
  });

  it('opens and frames the feature a link names, and the hash follows the open panel', async () => {
    const featureId = wetlandPark!.properties.id;
    await withApp({ path: `#feature=${wetlandPark!.properties.layer}/${featureId}` }, async (app) => {
      const panel = app.page.locator(`.feature-panel[data-feature-id="${featureId}"]`);
      await panel.waitFor();
      await app.page.waitForFunction(() => !window.__zoneMap!.isMoving(), undefined, { timeout: 10_000 });
      await expectFramedBesidePanel(app, wetlandPark!.geometry);
      await app.page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await app.page.evaluate(() => window.location.hash)).toBe('');
    });
  });

  it('speaks English with ?lang=en, on the page and on the map', async () => {
    await withApp({ path: '?lang=en' }, async (app) => {
      expect(await app.page.getAttribute('html', 'lang')).toBe('en');
      expect(await app.page.locator('h1').textContent()).toContain('Luzhou');
      const labels = await app.page.evaluate(() =>
        // Symbol layers with text only: the drawing tools' vertex layers carry no label.
        window
          .__zoneMap!.getStyle()
          .layers.flatMap((layer) =>
            layer.type === 'symbol' && layer.layout?.['text-field'] ? [JSON.stringify(layer.layout['text-field'])] : [],
          ),
      );
      // Labels that name something put English first; a place bubble's count names nothing.
      const naming = labels.filter((label) => label.includes('name_zh'));
      expect(naming.length).toBeGreaterThan(0);
      for (const label of naming) expect(label.indexOf('name_en')).toBeGreaterThanOrEqual(0);
      for (const label of naming) expect(label.indexOf('name_en')).toBeLessThan(label.indexOf('name_zh'));
      await app.screenshot('app-english');
    });
  });

  it('fits a phone screen (390×844) with the map on top', async () => {
    const app = await openApp({ viewport: { width: 390, height: 844 } });
    try {
      await app.screenshot('app-phone');
      const box = await app.page.locator('.map-canvas').boundingBox();
      expect(box!.width).toBeGreaterThan(380);
      expect(box!.height).toBeGreaterThan(300);

      // On a phone the panel is a sheet over the bottom of the map; the framed feature stays above it.
      await app.page.goto(`${app.baseUrl}#feature=${wetlandPark!.properties.layer}/${wetlandPark!.properties.id}`);
      await app.page.reload();
      await app.waitForReady();
      await app.page.locator('.feature-panel').waitFor();
      await app.page.waitForFunction(() => !window.__zoneMap!.isMoving(), undefined, { timeout: 10_000 });
      await expectFramedBesidePanel(app, wetlandPark!.geometry);
      await app.screenshot('app-phone-panel');
    } finally {
      await app.close();
    }
  });
});

describe('hostile text in the data', () => {
  it('shows markup in names and credits as plain text and never runs it', async () => {
    const payload = '<img src=x onerror="window.__injected=1">';
    const browser = await launchBrowser();
    try {
      const hostileManifest = { ...manifest, credits: [{ zh: `${payload}数据`, en: `${payload}data` }] };
      await browser.context.route('**/geodata/manifest.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostileManifest) }),
      );
      const greenIndex = manifest.layers.findIndex((layer) => layer.role === 'green');
      const green = structuredClone(collections[greenIndex]!);
      green.features[0]!.properties.name_zh = `${payload}公园`;
      green.features[0]!.properties.source = `${payload}来源`;
      await browser.context.route(`**/geodata/${manifest.layers[greenIndex]!.file}`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(green) }),
      );

      for (const webgl of [true, false]) {
        const app = await openApp({ browser, webgl, waitForReady: webgl });
        if (!webgl) {
          await app.page.locator('.feature-list').waitFor();
          await app.page.locator(`tr[data-feature-id="${green.features[0]!.properties.id}"] button`).click();
          await app.page.locator('.feature-panel').waitFor();
        }
        const page = await app.page.evaluate(() => ({
          injected: (window as unknown as { __injected?: number }).__injected,
          images: document.querySelectorAll('img').length,
          text: document.body.innerText,
        }));
        expect(page.injected).toBeUndefined();
        expect(page.images).toBe(0);
        expect(page.text).toContain(`${payload}数据`);
        if (!webgl) expect(page.text).toContain(`${payload}公园`);
        await app.close();
      }
    } finally {
      await browser.close();
    }
  });
});

describe('when the data is broken', () => {
  it('explains a missing manifest and a malformed layer in an alert, not a blank page', async () => {
    const browser = await launchBrowser();
    try {
      const broken = manifest.layers.find((layer) => layer.role === 'green')!;
      await browser.context.route(`**/geodata/${broken.file}`, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/geo+json',
          body: '{"type":"FeatureCollection","features":[{',
        }),
      );
      const app = await openApp({ browser, waitForReady: false });
      const alert = app.page.locator('[role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(broken.file);
      await app.screenshot('app-data-error');

      await browser.context.unroute(`**/geodata/${broken.file}`);
      await browser.context.route('**/geodata/manifest.json', (route) =>
        route.fulfill({ status: 404, body: 'not here' }),
      );
      await app.page.reload();
      await alert.waitFor();
      expect(await alert.textContent()).toContain('manifest.json');
      expect(await alert.textContent()).toContain('404');
    } finally {
      await browser.close();
    }
  });
});

/** The feature's bounding box is on screen, reasonably large, and clear of the feature panel. */
async function expectFramedBesidePanel(
  app: AppPage,
  geometry: ZoneFeatureCollection['features'][number]['geometry'],
): Promise<void> {
  const [west, south, east, north] = boundsOf(geometry);
  const layout = await app.page.evaluate(
    ({ west, south, east, north }) => {
      const map = window.__zoneMap!;
      const canvas = map.getCanvas().getBoundingClientRect();
      const topLeft = map.project([west, north]);
      const bottomRight = map.project([east, south]);
      const panel = document.querySelector('.feature-panel')!.getBoundingClientRect();
      return {
        feature: {
          left: canvas.left + topLeft.x,
          top: canvas.top + topLeft.y,
          right: canvas.left + bottomRight.x,
          bottom: canvas.top + bottomRight.y,
        },
        canvas: { left: canvas.left, top: canvas.top, right: canvas.right, bottom: canvas.bottom },
        panel: { left: panel.left, top: panel.top, right: panel.right, bottom: panel.bottom },
      };
    },
    { west, south, east, north },
  );
  const { feature, canvas, panel } = layout;
  expect(feature.left).toBeGreaterThanOrEqual(canvas.left);
  expect(feature.right).toBeLessThanOrEqual(canvas.right);
  expect(feature.top).toBeGreaterThanOrEqual(canvas.top);
  expect(feature.bottom).toBeLessThanOrEqual(canvas.bottom);
  expect(feature.right - feature.left).toBeGreaterThan(100);
  const overlapsPanel =
    feature.left < panel.right &&
    feature.right > panel.left &&
    feature.top < panel.bottom &&
    feature.bottom > panel.top;
  expect(overlapsPanel, JSON.stringify(layout)).toBe(false);
}

function boundsOf(geometry: ZoneFeatureCollection['features'][number]['geometry']): [number, number, number, number] {
  const ring =
    geometry.type === 'Polygon'
      ? geometry.coordinates[0]!
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates[0]![0]!
        : [];
  const longitudes = ring.map((position) => position[0]!);
  const latitudes = ring.map((position) => position[1]!);
  return [Math.min(...longitudes), Math.min(...latitudes), Math.max(...longitudes), Math.max(...latitudes)];
}

function centreOf(geometry: ZoneFeatureCollection['features'][number]['geometry']): [number, number] {
  const [west, south, east, north] = boundsOf(geometry);
  return [(west + east) / 2, (south + north) / 2];
}
