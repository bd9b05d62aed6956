/**
 * The journeys that matter to people on Gecko (Firefox) and WebKit (every iPhone browser, WeChat),
 * written once against tests/engines/engine.ts and run in the engine ENGINE names. Chromium runs
 * the full suite in tests/e2e/ instead. Each journey opens a fresh browser (a fresh profile), so
 * nothing one leaves in storage reaches the next.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import area from '@turf/area';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import type { Manifest } from '../../src/data/dataset-types.ts';
import { searchWithTrip } from '../../src/state/trip-url.ts';
import { encodeTrip } from '../../src/trip/trip-url-codec.ts';
import { emptyTrip } from '../../src/trip/trip-state.ts';
import { serveBuiltApp } from '../e2e/global-setup.ts';
import { square } from '../fixtures/square.ts';
import { pollUntil, type EngineApp } from './engine.ts';
import { openEngineApp, selectedEngine } from './select-engine.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The manifest the served build carries (the geodata/ folder may be ahead of the build). */
async function servedManifest(): Promise<Manifest> {
  return (await (await fetch(new URL('geodata/manifest.json', inject('previewUrl')))).json()) as Manifest;
}
const scratch = mkdtempSync(join(tmpdir(), 'luzhou-engines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const engine = selectedEngine().name;
const WETLAND_PARK = { layer: 'green', id: 'green-yuzixi-wetland-park', name: '渔子溪生态湿地公园' };

/**
 * The app follows the browser's language, and MiniBrowser's is English here whatever the
 * environment says: a path that names no language asks for Chinese, the page these journeys read.
 */
function inChinese(path = ''): string {
  if (/[?&]lang=/.test(path)) return path;
  const hashAt = path.indexOf('#');
  const [beforeHash, hash] = hashAt < 0 ? [path, ''] : [path.slice(0, hashAt), path.slice(hashAt)];
  return `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}lang=zh${hash}`;
}

let opened: EngineApp[] = [];
async function open(options: Parameters<typeof openEngineApp>[0] = {}): Promise<EngineApp> {
  const app = await openEngineApp({ ...options, path: inChinese(options.path) });
  opened.push(app);
  return app;
}
afterEach(async () => {
  for (const app of opened) await app.close();
  opened = [];
});

async function searchFor(app: EngineApp, query: string): Promise<void> {
  await app.click('#search-input');
  await app.fill('#search-input', query);
  await app.waitFor(
    `a search result for ${query}`,
    () => document.querySelector('#search-results [role="option"]') !== null,
  );
}

function mapAtRest(app: EngineApp): Promise<void> {
  return app.waitFor('the map to stop moving', () => window.__zoneMap !== undefined && !window.__zoneMap.isMoving());
}

/** The map at rest with nothing left to draw, so a screenshot shows what a visitor would see. */
async function mapSettled(app: EngineApp): Promise<void> {
  await mapAtRest(app);
  await app.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const map = window.__zoneMap!;
        map.once('idle', () => resolve(true));
        map.triggerRepaint();
      }),
  );
}

describe(`${engine}: first visit`, () => {
  it('cold load: the map draws every default layer, Chinese text is drawn with the shipped font, nothing leaves the origin', async () => {
    const app = await open();
    const drawn = await app.evaluate(() => {
      const map = window.__zoneMap!;
      return {
        features: map.queryRenderedFeatures().length,
        webgl: map.getCanvas().getContext('webgl2') !== null || map.getCanvas().getContext('webgl') !== null,
        title: document.querySelector('h1')?.textContent ?? '',
      };
    });
    expect(drawn.features).toBeGreaterThan(0);
    expect(drawn.title).toContain('泸州');
    const fontLoaded = await app.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((face) => face.status === 'loaded' && /Noto Sans SC/i.test(face.family));
    });
    expect(fontLoaded).toBe(true);
    await app.screenshot('cold-load');
    expect(await app.offOriginRequests()).toEqual([]);
    expect(await app.problems()).toEqual([]);
    // The check above can fail: a request off the origin is seen (as a request or as the CSP's block).
    await app.evaluate(() => void fetch('http://127.0.0.2:9/probe').catch(() => undefined));
    await pollUntil(
      'the probe request to be seen',
      async () => (await app.problems()).some((line) => line.includes('127.0.0.2')),
      10_000,
    );
  });
});

describe(`${engine}: search`, () => {
  it('finds the wetland park from "yzx" and opens its panel where the map flies', async () => {
    const app = await open();
    await searchFor(app, 'yzx');
    expect(await app.text('#search-results [role="option"]')).toContain(WETLAND_PARK.name);
    await app.click('#search-results [role="option"]');
    await app.waitFor(
      'the park panel',
      (id) => document.querySelector(`.feature-panel[data-feature-id="${id}"]`) !== null,
      WETLAND_PARK.id,
    );
    expect(await app.text('.feature-panel h2')).toContain(WETLAND_PARK.name);
    await mapAtRest(app);
    const parkInView = await app.evaluate(() => {
      const map = window.__zoneMap!;
      const rendered = map
        .queryRenderedFeatures()
        .filter((feature) => feature.properties['id'] === 'green-yuzixi-wetland-park');
      return rendered.length > 0;
    });
    expect(parkInView).toBe(true);
    await mapSettled(app);
    await app.screenshot('search-yzx');
    expect(await app.problems()).toEqual([]);
  });
});

describe(`${engine}: shared links`, () => {
  it('a link with a view, layers, language and feature opens that view, those layers, in English, with the panel', async () => {
    const manifest = await servedManifest();
    const hidden = manifest.layers.find((layer) => layer.visible)!;
    const shown = manifest.layers.filter((layer) => layer.id !== hidden.id && layer.visible).map((layer) => layer.id);
    const view = { longitude: 105.4861, latitude: 28.8712, zoom: 12.75, bearing: -33.5 };
    const app = await open({
      path: `?view=${view.longitude},${view.latitude},${view.zoom},${view.bearing}&layers=${shown.join(',')}&lang=en#feature=${WETLAND_PARK.layer}/${WETLAND_PARK.id}`,
    });
    await app.waitFor(
      'the park panel',
      (id) => document.querySelector(`.feature-panel[data-feature-id="${id}"]`) !== null,
      WETLAND_PARK.id,
    );
    const state = await app.evaluate((hiddenId) => {
      const map = window.__zoneMap!;
      const checkbox = (id: string) =>
        document.querySelector<HTMLInputElement>(`[data-layer-id="${id}"] input`)?.checked ?? null;
      return {
        language: document.documentElement.lang,
        center: map.getCenter().toArray(),
        zoom: map.getZoom(),
        bearing: map.getBearing(),
        hiddenChecked: checkbox(hiddenId),
        checked: [...document.querySelectorAll<HTMLElement>('[data-layer-id]')]
          .filter((item) => item.querySelector<HTMLInputElement>('input')?.checked)
          .map((item) => item.dataset['layerId']),
      };
    }, hidden.id);
    expect(state.language).toBe('en');
    expect(state.center[0]).toBeCloseTo(view.longitude, 4);
    expect(state.center[1]).toBeCloseTo(view.latitude, 4);
    expect(state.zoom).toBeCloseTo(view.zoom, 2);
    expect(state.bearing).toBeCloseTo(view.bearing, 1);
    expect(state.hiddenChecked).toBe(false);
    expect(new Set(state.checked)).toEqual(new Set(shown));
    await app.screenshot('shared-link');
    expect(await app.problems()).toEqual([]);
  });

  it('a trip link restores the stops in order, offers 高德/百度 links it never follows, and makes the GPX in the page', async () => {
    const stops = ['green-yuzixi-wetland-park', 'place-peoples-hospital-shaxi', 'green-zhangba-longan-forest'];
    const app = await open({
      path: searchWithTrip('', encodeTrip({ ...emptyTrip(), stops: stops.map((id) => ({ id })) })),
    });
    await app.waitFor(
      'the trip to be restored',
      () => document.querySelector('.trip-panel[data-trip-restored="true"]') !== null,
      null,
      30_000,
    );
    const trip = await app.evaluate(() => ({
      stops: [...document.querySelectorAll('.trip-stop')].map((row) => row.getAttribute('data-stop-id')),
      report: document.querySelectorAll('.trip-restore-report').length,
      links: [...document.querySelectorAll<HTMLAnchorElement>('.trip-links a')].map((anchor) => ({
        href: anchor.getAttribute('href') ?? '',
        target: anchor.target,
        rel: anchor.rel,
      })),
      gpx: document.querySelector<HTMLAnchorElement>('a[data-export="gpx"]')?.href ?? '',
    }));
    expect(trip.stops).toEqual(stops);
    expect(trip.report).toBe(0);
    expect(trip.links.some((link) => link.href.startsWith('https://uri.amap.com/'))).toBe(true);
    expect(trip.links.some((link) => link.href.startsWith('https://api.map.baidu.com/'))).toBe(true);
    for (const link of trip.links) {
      expect(link.href).toMatch(/^https:\/\/(uri\.amap\.com|api\.map\.baidu\.com)\//);
      expect(link.target).toBe('_blank');
      expect(link.rel).toContain('noopener');
    }
    // The download is a blob made in the page: read it there rather than through a download dialog.
    expect(trip.gpx).toMatch(/^blob:/);
    const gpx = await app.evaluate(async (url) => (await fetch(url)).text(), trip.gpx);
    expect(gpx.match(/<wpt /g)).toHaveLength(stops.length);
    expect(gpx).toContain(WETLAND_PARK.name);
    await app.screenshot('trip-link');
    expect(await app.offOriginRequests()).toEqual([]);
    expect(await app.problems()).toEqual([]);
  });
});

async function tripSchedule(app: EngineApp): Promise<{ stops: (string | null)[]; times: string[] }> {
  return app.evaluate(() => ({
    stops: [...document.querySelectorAll('.trip-stop')].map((row) => row.getAttribute('data-stop-id')),
    times: [...document.querySelectorAll('.trip-stop__times')].map((times) => times.textContent ?? ''),
  }));
}

describe(`${engine}: the trip planner`, () => {
  it('builds a trip from search results with 加入行程, with 高德/百度 links and a GPX of its stops', async () => {
    const app = await open();
    await app.waitFor(
      'the trip panel',
      () => document.querySelector('.trip-panel[data-trip-restored="true"]') !== null,
      null,
      30_000,
    );
    for (const [query, id] of [
      ['yzx', WETLAND_PARK.id],
      ['zhangba', 'green-zhangba-longan-forest'],
    ] as const) {
      await searchFor(app, query);
      await app.click('#search-results [role="option"]');
      await app.waitFor(
        `the panel of ${id}`,
        (wanted) => document.querySelector(`.feature-panel[data-feature-id="${wanted}"]`) !== null,
        id,
      );
      await app.click('.feature-panel .add-to-trip__button');
      await app.waitFor(
        `${id} in the trip`,
        (wanted) => document.querySelector(`.trip-stop[data-stop-id="${wanted}"]`) !== null,
        id,
      );
      await app.press('Escape');
    }
    const trip = await app.evaluate(() => ({
      links: [...document.querySelectorAll<HTMLAnchorElement>('.trip-links a')].map(
        (anchor) => anchor.getAttribute('href') ?? '',
      ),
      gpx: document.querySelector<HTMLAnchorElement>('a[data-export="gpx"]')?.href ?? '',
      search: window.location.search,
    }));
    expect(trip.links.filter((href) => href.startsWith('https://uri.amap.com/')).length).toBeGreaterThanOrEqual(2);
    expect(trip.links.filter((href) => href.startsWith('https://api.map.baidu.com/')).length).toBeGreaterThanOrEqual(2);
    expect(new URLSearchParams(trip.search).get('trip')).toContain(WETLAND_PARK.id);
    const gpx = await app.evaluate(async (url) => (await fetch(url)).text(), trip.gpx);
    expect(gpx.match(/<wpt /g)).toHaveLength(2);
    expect(gpx).toContain('张坝桂圆林');
    await mapSettled(app);
    await app.screenshot('trip-built');
    expect(await app.problems()).toEqual([]);
  });
});

describe(`${engine}: the trip kept`, () => {
  it('keeps a trip and the start time set in its time input through a reload without the link (IndexedDB)', async () => {
    const stops = ['place-aegean-mall', 'green-yuzixi-wetland-park'];
    const app = await open({
      path: searchWithTrip('', encodeTrip({ ...emptyTrip(), stops: stops.map((id) => ({ id })) })),
    });
    await app.waitFor(
      'the trip to be restored',
      () => document.querySelector('.trip-panel[data-trip-restored="true"]') !== null,
      null,
      30_000,
    );
    // The value as the time picker would leave it; how each engine's picker is typed into is not ours to test.
    await app.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.trip-start-time')!;
      input.value = '08:30';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await app.waitFor('the schedule to start at 08:30', () =>
      document.querySelector('.trip-stop__times')?.textContent?.includes('08:30'),
    );
    const before = await tripSchedule(app);
    expect(before.stops).toEqual(stops);
    await app.waitFor(
      'the trip to be stored',
      () =>
        new Promise<boolean>((resolve) => {
          const request = indexedDB.open('keyval-store');
          request.onerror = () => resolve(false);
          request.onsuccess = () => {
            const database = request.result;
            if (!database.objectStoreNames.contains('keyval')) return resolve(false);
            const read = database.transaction('keyval').objectStore('keyval').get('luzhou-zone-map:trip:v1');
            read.onsuccess = () => resolve(typeof read.result === 'string' && read.result.includes('0830'));
            read.onerror = () => resolve(false);
          };
        }),
    );
    await app.goto(inChinese('index.html'));
    await app.waitFor(
      'the trip to be restored',
      () => document.querySelector('.trip-panel[data-trip-restored="true"]') !== null,
      null,
      30_000,
    );
    expect(await tripSchedule(app)).toEqual(before);
    expect(await app.problems()).toEqual([]);
  });
});

describe(`${engine}: 中文 / English`, () => {
  it('relabels the page and the map in English in place, and back in Chinese', async () => {
    const app = await open();
    const labelOrder = () =>
      app.evaluate(() =>
        window
          .__zoneMap!.getStyle()
          .layers.filter((layer) => layer.type === 'symbol' && layer.id.endsWith(':label'))
          .map((layer) => {
            const field = JSON.stringify(layer.type === 'symbol' ? layer.layout?.['text-field'] : '');
            return field.indexOf('name_en') < field.indexOf('name_zh') ? 'en' : 'zh';
          }),
      );
    const centre = await app.evaluate(() => window.__zoneMap!.getCenter().toArray());
    expect(new Set(await labelOrder())).toEqual(new Set(['zh']));
    await app.click('.language-switch__button[lang="en"]');
    await app.waitFor('the English title', () => document.querySelector('h1')?.textContent?.includes('Luzhou'));
    expect(await app.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new Set(await labelOrder())).toEqual(new Set(['en']));
    expect(await app.evaluate(() => window.__zoneMap!.getCenter().toArray())).toEqual(centre);
    await app.screenshot('english');
    await app.click('.language-switch__button:not([lang="en"])');
    await app.waitFor('the Chinese title', () => document.querySelector('h1')?.textContent?.includes('泸州'));
    expect(new Set(await labelOrder())).toEqual(new Set(['zh']));
    expect(await app.problems()).toEqual([]);
  });
});

async function openPlanner(app: EngineApp): Promise<void> {
  // The planners' tools have their own tab (量算与数据), as a user finds them.
  await app.waitFor('the planner', () => document.querySelector('#app-tab-measure') !== null, null, 30_000);
  const selected = await app.evaluate(
    () => document.querySelector('#app-tab-measure')!.getAttribute('aria-selected') === 'true',
  );
  if (!selected) await app.click('#app-tab-measure');
  await app.waitFor(
    'the drawing tools',
    () => document.querySelector('.measure-tool[data-tool="rectangle"]') !== null,
    null,
    30_000,
  );
}

function importedLayers(app: EngineApp): Promise<{ text: string; areaM2: number }[]> {
  return app.evaluate(() =>
    [...document.querySelectorAll('.imported-layer')].map((layer) => ({
      text: layer.textContent ?? '',
      areaM2: Number(layer.querySelector('[data-area-m2]')?.getAttribute('data-area-m2')),
    })),
  );
}

describe(`${engine}: the planner`, () => {
  it('imports a GeoJSON file and a zipped Shapefile through the file picker, measured and drawn', async () => {
    const app = await open();
    await openPlanner(app);
    const parcels = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '地块 A' },
          geometry: { type: 'Polygon', coordinates: square(105.43, 28.88, 0.01) },
        },
      ],
    };
    const geoJsonPath = join(scratch, 'parcels.geojson');
    writeFileSync(geoJsonPath, JSON.stringify(parcels));
    await app.setInputFile('input[data-import-input]', geoJsonPath);
    await app.waitFor(
      'the GeoJSON layer',
      () => document.querySelectorAll('.imported-layer').length === 1,
      null,
      60_000,
    );
    const [geoJsonLayer] = await importedLayers(app);
    expect(geoJsonLayer!.text).toContain('parcels.geojson');
    // The page measures on the ellipsoid, @turf/area on a sphere: they agree to a few tenths of a per cent.
    expect(Math.abs(geoJsonLayer!.areaM2 / area(parcels as GeoJSON.FeatureCollection) - 1)).toBeLessThan(0.005);

    await app.setInputFile(
      'input[data-import-input]',
      join(projectRoot, 'tests', 'fixtures', 'import', 'parcels-utm48n.zip'),
    );
    await app.waitFor(
      'the Shapefile layer',
      () => document.querySelectorAll('.imported-layer').length === 2,
      null,
      60_000,
    );
    const shapefileLayer = (await importedLayers(app)).find((layer) => layer.text.includes('parcels-utm48n.zip'));
    expect(shapefileLayer?.areaM2).toBeGreaterThan(0);
    await app.waitFor('the imported layers drawn', () => {
      const map = window.__zoneMap!;
      const layers = map
        .getStyle()
        .layers.filter((layer) => 'source' in layer && String(layer.source).startsWith('user-layer-'))
        .map((layer) => layer.id);
      return layers.length > 0 && map.queryRenderedFeatures(undefined, { layers }).length > 0;
    });
    expect(
      await app.evaluate(() =>
        [...document.querySelectorAll('.import-failure__message')].map((failure) => failure.textContent),
      ),
    ).toEqual([]);
    await app.screenshot('import');
    expect(await app.problems()).toEqual([]);
  });

  it('draws a rectangle with two clicks and measures the area between them', async () => {
    const app = await open();
    await openPlanner(app);
    await app.click('.measure-tool[data-tool="rectangle"]');
    const canvas = await app.evaluate(() => {
      const box = document.querySelector('.map-area canvas.maplibregl-canvas')!.getBoundingClientRect();
      return { left: box.left, top: box.top, width: box.width, height: box.height };
    });
    const corners = [
      [Math.round(canvas.width / 2 - 120), Math.round(canvas.height / 2 - 90)],
      [Math.round(canvas.width / 2 + 120), Math.round(canvas.height / 2 + 90)],
    ] as const;
    await app.mouseClick(canvas.left + corners[0][0], canvas.top + corners[0][1]);
    await app.mouseMove(canvas.left + corners[1][0], canvas.top + corners[1][1]);
    await app.mouseClick(canvas.left + corners[1][0], canvas.top + corners[1][1]);
    await app.waitFor(
      'the rectangle in the list',
      () => document.querySelector('.measure-shape[data-shape-tool="rectangle"] .measure-area[data-area-m2]') !== null,
    );
    const shown = Number(
      await app.evaluate(() =>
        document
          .querySelector('.measure-shape[data-shape-tool="rectangle"] .measure-area')!
          .getAttribute('data-area-m2'),
      ),
    );
    const [west, north, east, south] = await app.evaluate(
      (pixels) => pixels.flatMap(([x, y]) => window.__zoneMap!.unproject([x!, y!]).toArray()),
      corners.map((corner) => [...corner]),
    );
    const ring = [
      [west!, south!],
      [east!, south!],
      [east!, north!],
      [west!, north!],
      [west!, south!],
    ];
    const expected = area({ type: 'Polygon', coordinates: [ring] });
    // A pixel of the pointer either side is well under 2 % of a 240 × 180 px rectangle.
    expect(Math.abs(shown / expected - 1)).toBeLessThan(0.02);
    await app.screenshot('rectangle');
    expect(await app.problems()).toEqual([]);
  });
});

describe(`${engine}: phones`, () => {
  it('at 390×844 the feature panel opens in the bottom sheet across the map', async () => {
    const app = await open({ viewport: { width: 390, height: 844 } });
    expect(await app.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([390, 844]);
    await searchFor(app, 'yzx');
    await app.click('#search-results [role="option"]');
    await app.waitFor('the panel', () => document.querySelector('.feature-panel') !== null);
    await mapAtRest(app);
    const boxes = await app.evaluate(() => {
      const box = (selector: string) => {
        const rectangle = document.querySelector(selector)!.getBoundingClientRect();
        return { y: rectangle.y, width: rectangle.width, bottom: rectangle.bottom };
      };
      return { sheet: box('.bottom-sheet'), map: box('.map-canvas') };
    });
    expect(await app.evaluate(() => document.querySelector('.bottom-sheet .feature-panel') !== null)).toBe(true);
    expect(boxes.sheet.width).toBeGreaterThanOrEqual(boxes.map.width - 1);
    // The sheet rises over the map from its bottom edge; the map itself keeps the full height.
    expect(boxes.sheet.y).toBeGreaterThan(0);
    expect(boxes.sheet.y).toBeLessThan(boxes.map.bottom);
    expect(boxes.map.bottom).toBeGreaterThanOrEqual(844 * 0.8);
    await mapSettled(app);
    await app.screenshot('phone-sheet');
    expect(await app.problems()).toEqual([]);
  });
});

describe(`${engine}: offline`, () => {
  it('offline reload (service worker): with the server gone the map, the feature and search still work', async (context) => {
    const server = await serveBuiltApp(inject('distDirectory'));
    let serverOpen = true;
    try {
      const app = await open({ baseUrl: server.url, path: '?lang=zh' });
      const support = await app.evaluate(() => ({
        serviceWorker: 'serviceWorker' in navigator,
        secureContext: window.isSecureContext,
        url: location.href,
      }));
      if (!support.serviceWorker || !support.secureContext) {
        console.log(
          `${engine}: offline reload skipped: this engine offered no service worker under automation in this run (${JSON.stringify(support)})`,
        );
        context.skip();
      }
      await app.waitFor(
        'the service worker to have cached the app',
        () => window.__offlineReady === true,
        null,
        90_000,
      );
      await server.close();
      serverOpen = false;
      await app.goto(inChinese('?view=105.5,28.86,13,20#feature=green/green-yuzixi-wetland-park'));
      await app.waitFor('the park panel', () => document.querySelector('.feature-panel') !== null);
      expect(await app.evaluate(() => window.__zoneMap!.queryRenderedFeatures().length)).toBeGreaterThan(0);
      await searchFor(app, 'zhangba');
      expect(await app.text('#search-results [role="option"]')).toContain('张坝桂圆林');
      await app.screenshot('offline-reload');
      expect(await app.problems()).toEqual([]);
    } finally {
      if (serverOpen) await server.close();
    }
  });
});
