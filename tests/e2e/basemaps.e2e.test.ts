/**
 * Opt-in basemaps in real chromium. Every tile host is routed to tiles this test makes (a PNG per
 * host, a PMTiles archive packed in tests/e2e/basemaps-fixtures.ts), so nothing reaches the real
 * hosts. What a visitor relies on: nothing leaves the origin until they agree; afterwards only the
 * chosen host is asked, for the tiles in view, with their key; the key is in no URL the app writes;
 * the attribution shows; failing tiles give one calm notice; the served archive draws, offline too.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveBuiltApp } from './global-setup.ts';
import {
  launchBrowser,
  openApp,
  waitForMapIdle,
  type AppPage,
  type BrowserSession,
  type RecordedRequest,
} from './harness.ts';
import { buildLuzhouPmtiles, tilePng } from './basemaps-fixtures.ts';

const OSM_HOST = 'tile.openstreetmap.org';
const TIANDITU_HOST = /^t[0-7]\.tianditu\.gov\.cn$/;
const TEST_KEY = '0123456789abcdef0123456789abcdef';
const ARCHIVE_PATH = 'basemap/luzhou.pmtiles';

const osmTile = tilePng([214, 236, 200], [120, 160, 110]);
const tiandituTile = tilePng([236, 222, 200], [170, 140, 110]);

interface TileRoutes {
  /** Every tile URL the browser asked a routed host for, in order. */
  asked: string[];
  /** When true the hosts refuse (the connection fails), as offline or a blocked host would. */
  failing: boolean;
}

async function routeTileHosts(context: BrowserContext): Promise<TileRoutes> {
  const routes: TileRoutes = { asked: [], failing: false };
  const answer = (body: Buffer) => async (route: Route) => {
    routes.asked.push(route.request().url());
    if (routes.failing) await route.abort('connectionrefused');
    else
      await route.fulfill({
        status: 200,
        contentType: 'image/png',
        body,
        headers: { 'access-control-allow-origin': '*' },
      });
  };
  await context.route(`https://${OSM_HOST}/**`, answer(osmTile));
  await context.route(/^https:\/\/t[0-7]\.tianditu\.gov\.cn\//, answer(tiandituTile));
  return routes;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

/** Off-origin requests other than the host the visitor agreed to: must be none. */
function unexpectedOffOrigin(app: AppPage, allowed: (host: string) => boolean): RecordedRequest[] {
  return app.offOriginRequests().filter((request) => !allowed(hostOf(request.url)));
}

async function problemsBesides(app: AppPage, allowed: (host: string) => boolean): Promise<string[]> {
  return (await app.problems()).filter((line) => {
    const match = /^off-origin request: \w+ (\S+)/.exec(line);
    return !(match && allowed(hostOf(match[1]!)));
  });
}

async function chooseBasemap(app: AppPage, label: string): Promise<void> {
  await app.page.getByRole('group', { name: '底图' }).getByRole('radio', { name: label, exact: true }).check();
}

/** The basemap the switch shows as chosen. */
async function chosenBasemap(app: AppPage): Promise<string | null> {
  const radio = app.page.getByRole('group', { name: '底图' }).locator('input[type="radio"]:checked');
  await radio.waitFor({ state: 'attached' });
  return radio.getAttribute('value');
}

/** Tiles covering the map's view at zoom z, as [xMin, xMax, yMin, yMax]. */
async function tileRangeInView(app: AppPage, zoom: number): Promise<[number, number, number, number]> {
  return app.page.evaluate((z) => {
    const bounds = window.__zoneMap!.getBounds();
    const x = (longitude: number) => Math.floor(((longitude + 180) / 360) * 2 ** z);
    const y = (latitude: number) => {
      const radians = (latitude * Math.PI) / 180;
      return Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * 2 ** z);
    };
    return [x(bounds.getWest()), x(bounds.getEast()), y(bounds.getNorth()), y(bounds.getSouth())] as [
      number,
      number,
      number,
      number,
    ];
  }, zoom);
}

async function expectTilesInView(app: AppPage, tiles: { z: number; x: number; y: number }[]): Promise<void> {
  expect(tiles.length).toBeGreaterThan(0);
  const mapZoom = await app.page.evaluate(() => window.__zoneMap!.getZoom());
  for (const tile of tiles) {
    // 256-pixel raster tiles: MapLibre asks one zoom level above the map's (its zoom is for 512-pixel tiles).
    expect(tile.z).toBeGreaterThanOrEqual(Math.floor(mapZoom) - 1);
    expect(tile.z).toBeLessThanOrEqual(Math.ceil(mapZoom) + 1);
    const [xMin, xMax, yMin, yMax] = await tileRangeInView(app, tile.z);
    expect(tile.x, `x of ${tile.z}/${tile.x}/${tile.y}`).toBeGreaterThanOrEqual(xMin);
    expect(tile.x).toBeLessThanOrEqual(xMax);
    expect(tile.y, `y of ${tile.z}/${tile.x}/${tile.y}`).toBeGreaterThanOrEqual(yMin);
    expect(tile.y).toBeLessThanOrEqual(yMax);
  }
}

async function waitForTiles(routes: TileRoutes, count = 1): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (routes.asked.length < count) {
    if (Date.now() > deadline) throw new Error(`no tile requests after 30 s (asked ${routes.asked.length})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('basemaps', () => {
  let browser: BrowserSession;
  let routes: TileRoutes;

  beforeAll(async () => {
    browser = await launchBrowser();
    routes = await routeTileHosts(browser.context);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('contacts no host before consent; after it, only OpenStreetMap, for the tiles in view, with its attribution', async () => {
    const app = await openApp({ browser });
    try {
      expect(await chosenBasemap(app)).toBe('none');
      await waitForMapIdle(app);
      expect(app.offOriginRequests()).toEqual([]);
      // None of the basemap code is in the first load, and the drawing code waits for a choice.
      expect((await app.resourcesBeforeReady()).filter((resource) => /basemap/i.test(resource.url))).toEqual([]);
      expect(app.requests.filter((request) => /basemap-layers/.test(request.url))).toEqual([]);
      await app.screenshot('basemap-none');

      // Choosing asks first, naming the host and what it learns; cancelling contacts nobody.
      await chooseBasemap(app, 'OpenStreetMap');
      const consent = app.page.getByRole('form', { name: /OpenStreetMap/ });
      await consent.waitFor();
      expect(await consent.textContent()).toContain(OSM_HOST);
      expect(await consent.textContent()).toContain('IP');
      await consent.scrollIntoViewIfNeeded();
      await app.screenshot('basemap-consent');
      await waitForMapIdle(app);
      expect(app.offOriginRequests()).toEqual([]);
      await consent.getByRole('button', { name: '取消' }).click();
      expect(await chosenBasemap(app)).toBe('none');
      await waitForMapIdle(app);
      expect(app.offOriginRequests()).toEqual([]);
      expect(routes.asked).toEqual([]);

      await chooseBasemap(app, 'OpenStreetMap');
      await app.page.getByRole('button', { name: '同意并显示' }).click();
      await waitForTiles(routes);
      await waitForMapIdle(app);
      expect(app.requests.filter((request) => /basemap-layers/.test(request.url))).toHaveLength(1);
      expect(unexpectedOffOrigin(app, (host) => host === OSM_HOST)).toEqual([]);
      const tiles = routes.asked.map((url) => {
        const match = /^https:\/\/tile\.openstreetmap\.org\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url);
        expect(match, url).not.toBeNull();
        return { z: Number(match![1]), x: Number(match![2]), y: Number(match![3]) };
      });
      await expectTilesInView(app, tiles);

      // Beneath the dataset: the raster layer comes before every zone layer.
      const order = await app.page.evaluate(() => window.__zoneMap!.getLayersOrder());
      const basemapIndex = order.indexOf('basemap:osm:0');
      expect(basemapIndex).toBeGreaterThan(0);
      expect(order.slice(basemapIndex + 1).some((id) => id.endsWith(':fill'))).toBe(true);
      expect(order.slice(0, basemapIndex).every((id) => !id.includes(':'))).toBe(true);

      // The tile policy's attribution, on the map and under the switch, linking to the copyright page.
      const onMap = app.page.locator('.maplibregl-ctrl-attrib a', { hasText: '© OpenStreetMap contributors' });
      expect(await onMap.getAttribute('href')).toBe('https://www.openstreetmap.org/copyright');
      await onMap.waitFor({ state: 'visible' });
      await app.page
        .locator('.basemap-attribution a', { hasText: '© OpenStreetMap contributors' })
        .waitFor({ state: 'visible' });
      expect(new URL(app.page.url()).searchParams.get('basemap')).toBe('osm');
      await app.screenshot('basemap-osm');
      expect(await problemsBesides(app, (host) => host === OSM_HOST)).toEqual([]);
    } finally {
      await app.close();
    }

    // Remembered in this browser: the next visit draws it without asking again.
    routes.asked.length = 0;
    const again = await openApp({ browser });
    try {
      expect(await chosenBasemap(again)).toBe('osm');
      await waitForTiles(routes);
      expect(await again.page.getByRole('form').count()).toBe(0);
      expect(await problemsBesides(again, (host) => host === OSM_HOST)).toEqual([]);
      // Back to none: no tile layer left, nothing remembered.
      await chooseBasemap(again, '无');
      await waitForMapIdle(again);
      expect(
        await again.page.evaluate(() => window.__zoneMap!.getLayersOrder().filter((id) => id.startsWith('basemap:'))),
      ).toEqual([]);
      expect(new URL(again.page.url()).searchParams.has('basemap')).toBe(false);
    } finally {
      await again.close();
    }
  });

  it('a link carrying basemap= asks before contacting the host', async () => {
    const fresh = await launchBrowser();
    const freshRoutes = await routeTileHosts(fresh.context);
    const app = await openApp({ browser: fresh, path: '?basemap=osm' });
    try {
      const consent = app.page.getByRole('form', { name: /OpenStreetMap/ });
      await consent.waitFor();
      await waitForMapIdle(app);
      expect(app.offOriginRequests()).toEqual([]);
      expect(freshRoutes.asked).toEqual([]);
      await consent.getByRole('button', { name: '同意并显示' }).click();
      await waitForTiles(freshRoutes);
      expect(unexpectedOffOrigin(app, (host) => host === OSM_HOST)).toEqual([]);
    } finally {
      await app.close();
      await fresh.close();
    }
  });

  it("天地图 takes the visitor's key once, sends it only to 天地图, and writes it into no link", async () => {
    const fresh = await launchBrowser();
    const freshRoutes = await routeTileHosts(fresh.context);
    const app = await openApp({ browser: fresh });
    const consoleLines: string[] = [];
    app.page.on('console', (message) => consoleLines.push(message.text()));
    try {
      await chooseBasemap(app, '天地图 · 影像');
      const consent = app.page.getByRole('form', { name: /天地图/ });
      await consent.waitFor();
      expect(await consent.textContent()).toContain('t0.tianditu.gov.cn');
      // No key, no request.
      await consent.getByRole('button', { name: '同意并显示' }).click();
      await consent.getByText('请输入密钥').waitFor();
      expect(app.offOriginRequests()).toEqual([]);
      const keyInput = consent.getByLabel(/天地图密钥/);
      expect(await keyInput.getAttribute('type')).toBe('password');
      await keyInput.fill(TEST_KEY);
      await consent.getByRole('button', { name: '同意并显示' }).click();
      await waitForTiles(freshRoutes, 2);
      await waitForMapIdle(app);
      expect(unexpectedOffOrigin(app, (host) => TIANDITU_HOST.test(host))).toEqual([]);

      const layersAsked = new Set<string>();
      const tiles = freshRoutes.asked.map((url) => {
        const parsed = new URL(url);
        expect(parsed.searchParams.get('tk')).toBe(TEST_KEY);
        expect(parsed.searchParams.get('TILEMATRIXSET')).toBe('w');
        layersAsked.add(parsed.searchParams.get('LAYER')!);
        return {
          z: Number(parsed.searchParams.get('TILEMATRIX')),
          x: Number(parsed.searchParams.get('TILECOL')),
          y: Number(parsed.searchParams.get('TILEROW')),
        };
      });
      // Imagery and its annotation, from the Web-Mercator services.
      expect([...layersAsked].sort()).toEqual(['cia', 'img']);
      expect(freshRoutes.asked.every((url) => /\/(img|cia)_w\/wmts\?/.test(url))).toBe(true);
      await expectTilesInView(app, tiles);

      // The key is in no URL the app writes, nowhere in the page's text or links, and not logged.
      expect(app.page.url()).not.toContain(TEST_KEY);
      expect(new URL(app.page.url()).searchParams.get('basemap')).toBe('tianditu-imagery');
      const pageText = await app.page.evaluate(() =>
        [
          document.documentElement.outerHTML,
          document.body.innerText,
          JSON.stringify(history.state),
          ...[...document.querySelectorAll('a[href]')].map((link) => (link as HTMLAnchorElement).href),
        ].join('\n'),
      );
      expect(pageText).not.toContain(TEST_KEY);
      const sameOriginUrls = app.requests
        .filter((request) => !request.url.includes('tianditu.gov.cn'))
        .map((request) => request.url);
      expect(sameOriginUrls.join('\n')).not.toContain(TEST_KEY);
      expect(consoleLines.join('\n')).not.toContain(TEST_KEY);
      // Only the one storage entry holds it.
      const holders = await app.page.evaluate(
        (key) => Object.keys(localStorage).filter((name) => localStorage.getItem(name)?.includes(key)),
        TEST_KEY,
      );
      expect(holders).toEqual(['luzhou.basemap.tianditu-key']);
      await app.page.locator('.basemap-switch').scrollIntoViewIfNeeded();
      await app.screenshot('basemap-tianditu-imagery');
      expect(await problemsBesides(app, (host) => TIANDITU_HOST.test(host))).toEqual([]);

      // The vector map reuses the saved key: asked once.
      freshRoutes.asked.length = 0;
      await chooseBasemap(app, '天地图 · 矢量');
      const second = app.page.getByRole('form', { name: /天地图/ });
      await second.getByText('已保存的密钥', { exact: false }).waitFor();
      await second.getByRole('button', { name: '同意并显示' }).click();
      await waitForTiles(freshRoutes, 2);
      // As above: the first two requests may both be the map's; by idle, its annotation is asked too.
      await waitForMapIdle(app);
      expect(freshRoutes.asked.every((url) => new URL(url).searchParams.get('tk') === TEST_KEY)).toBe(true);
      expect(new Set(freshRoutes.asked.map((url) => new URL(url).searchParams.get('LAYER')))).toEqual(
        new Set(['vec', 'cva']),
      );
    } finally {
      await app.close();
      await fresh.close();
    }
  });

  it('tiles that fail give one calm notice, stop being asked for, and leave the map working', async () => {
    const fresh = await launchBrowser();
    const freshRoutes = await routeTileHosts(fresh.context);
    freshRoutes.failing = true;
    const app = await openApp({ browser: fresh });
    try {
      await chooseBasemap(app, 'OpenStreetMap');
      await app.page.getByRole('button', { name: '同意并显示' }).click();
      const notice = app.page.getByRole('status').filter({ hasText: '底图图块无法加载' });
      await notice.waitFor();
      await waitForMapIdle(app);
      expect(await notice.count()).toBe(1);
      // The switch says what the map shows: no basemap.
      expect(await chosenBasemap(app)).toBe('none');
      // Taken off the map: moving it asks the refusing host for nothing more.
      expect(
        await app.page.evaluate(() => window.__zoneMap!.getLayersOrder().filter((id) => id.startsWith('basemap:'))),
      ).toEqual([]);
      const askedBeforeMove = freshRoutes.asked.length;
      await app.page.evaluate(() => window.__zoneMap!.panBy([200, 120], { animate: false }));
      await waitForMapIdle(app);
      expect(freshRoutes.asked.length).toBe(askedBeforeMove);
      // The dataset is still drawn and clickable.
      expect(await app.page.evaluate(() => window.__zoneMap!.queryRenderedFeatures().length)).toBeGreaterThan(0);
      expect(await app.page.getByRole('status').filter({ hasText: '底图' }).count()).toBe(1);
      await app.screenshot('basemap-tiles-failed');
      // Only the browser's own network lines, one per failed tile at most; nothing from the app.
      const appErrors = app.consoleErrors.filter((line) => !/^Failed to load resource/.test(line));
      expect(appErrors).toEqual([]);
      expect(app.consoleErrors.length).toBeLessThanOrEqual(askedBeforeMove);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
      await fresh.close();
    }
  });

  describe('the PMTiles basemap served with the app', () => {
    const distDirectory = inject('distDirectory');
    const archivePath = join(distDirectory, ARCHIVE_PATH);

    beforeAll(() => {
      // Generated here and copied into this run's private build: no archive lives in git.
      const generated = join(tmpdir(), `luzhou-basemap-${process.pid}.pmtiles`);
      writeFileSync(generated, buildLuzhouPmtiles());
      mkdirSync(join(distDirectory, 'basemap'), { recursive: true });
      copyFileSync(generated, archivePath);
      rmSync(generated);
    });
    afterAll(() => {
      rmSync(join(distDirectory, 'basemap'), { recursive: true, force: true });
    });

    it("is offered once found, draws from range requests in the app's font, and works after an offline reload", async () => {
      const server = await serveBuiltApp(distDirectory);
      let serverOpen = true;
      const session = await launchBrowser();
      try {
        const first = await openApp({ browser: session, baseUrl: server.url, path: '?view=105.44,28.89,11.5,0' });
        await first.page.waitForFunction(() => window.__offlineReady === true, undefined, { timeout: 60_000 });
        await first.page.getByRole('radio', { name: '离线底图' }).waitFor();
        await chooseBasemap(first, '离线底图');
        await first.page.waitForFunction(
          () =>
            window.__zoneMap!.getLayersOrder().some((id) => id.startsWith('basemap:')) && window.__zoneMap!.loaded(),
          undefined,
          { timeout: 30_000 },
        );
        await waitForMapIdle(first);
        const drawn = await first.page.evaluate(() => {
          const map = window.__zoneMap!;
          const basemapLayers = map.getLayersOrder().filter((id) => id.startsWith('basemap:'));
          return [
            ...new Set(map.queryRenderedFeatures({ layers: basemapLayers }).map((feature) => feature.layer.id)),
          ].sort();
        });
        expect(drawn).toEqual(expect.arrayContaining(['basemap:earth', 'basemap:water', 'basemap:roads_major']));
        // Read in ranges, from this origin only.
        const archiveRequests = first.requests.filter((request) => request.url.endsWith(`/${ARCHIVE_PATH}`));
        expect(archiveRequests.some((request) => request.status === 206)).toBe(true);
        expect(first.offOriginRequests()).toEqual([]);
        // The archive's labels use the app's font stack (MapLibre joins `text-font` with commas), and
        // the city name is drawn.
        const fonts = await first.page.evaluate(() => {
          const map = window.__zoneMap!;
          const stackOf = (id: string) => (map.getLayoutProperty(id, 'text-font') as string[]).join(',');
          const symbols = map.getLayersOrder().filter((id) => map.getLayer(id)!.type === 'symbol');
          return {
            basemap: symbols.filter((id) => id.startsWith('basemap:')).map(stackOf),
            app: symbols.filter((id) => id.endsWith(':label')).map(stackOf),
          };
        });
        expect(fonts.basemap.length).toBeGreaterThan(0);
        expect(new Set(fonts.basemap)).toEqual(new Set(fonts.app));
        expect(fonts.app[0]).toMatch(/,Noto Sans SC$/);
        await first.page.locator('.basemap-attribution', { hasText: 'OpenStreetMap' }).waitFor();
        // Kept for offline: the whole archive is in the cache the service worker cuts ranges from.
        await first.page.waitForFunction(
          async () => (await (await caches.open('basemap-archives')).keys()).length === 1,
          undefined,
          { timeout: 30_000 },
        );
        await first.screenshot('basemap-pmtiles');
        expect(await first.problems()).toEqual([]);
        await first.close();

        await server.close();
        serverOpen = false;
        await session.context.setOffline(true);
        const second = await openApp({ browser: session, baseUrl: server.url, path: '?view=105.44,28.89,11.5,0' });
        await second.page.waitForFunction(
          () => window.__zoneMap!.getLayersOrder().some((id) => id.startsWith('basemap:')),
          undefined,
          { timeout: 30_000 },
        );
        await waitForMapIdle(second);
        const offlineDrawn = await second.page.evaluate(() => {
          const map = window.__zoneMap!;
          return map.queryRenderedFeatures({ layers: ['basemap:water', 'basemap:roads_major'] }).length;
        });
        expect(offlineDrawn).toBeGreaterThan(0);
        expect(await chosenBasemap(second)).toBe('local');
        expect(await second.page.getByRole('status').filter({ hasText: '底图' }).count()).toBe(0);
        await second.screenshot('basemap-pmtiles-offline');
        const failed = second.requests.filter((request) => request.failure && !request.url.endsWith('/sw.js'));
        expect(failed.map((request) => `${request.url} ${request.failure}`)).toEqual([]);
        expect(await second.problems()).toEqual([]);
        await second.close();
      } finally {
        await session.close();
        if (serverOpen) await server.close();
      }
    });
  });
});
