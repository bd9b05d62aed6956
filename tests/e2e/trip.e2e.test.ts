/**
 * The visitors' trip planner as a visitor uses it, in real chromium against the built app: places
 * picked on the map, an optimised order that really is the shortest, a trip that survives a reload
 * and travels in its link to a fresh browser, damaged links that say what they lost, hostile text
 * kept as text, downloads made in the page, a print view of the day plan, and links out to
 * 高德 / 百度 that the app never follows itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, ZoneFeatureCollection } from '../../src/data/dataset-types.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { planTrip } from '../../src/trip/plan-trip.ts';
import { encodeTrip } from '../../src/trip/trip-url-codec.ts';
import { emptyTrip, type TripState } from '../../src/trip/trip-state.ts';
import { visitPlaces, type VisitPlace } from '../../src/trip/visit-places.ts';
import { searchWithTrip } from '../../src/state/trip-url.ts';
import { launchBrowser, openApp, type AppPage, waitForMapIdle, withApp } from './harness.ts';
import { openAppTab } from './app-tabs.ts';

const geodataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');

let places: VisitPlace[] = [];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Places with a position (not schematic), so their links navigate by coordinates. */
const TRIP_PLACE_IDS = [
  'green-yuzixi-wetland-park',
  'place-peoples-hospital-shaxi',
  'place-aegean-mall',
  'green-zhangba-longan-forest',
];

/** Total straight distance of the trip in this order, computed here in node with the same core. */
function straightTotal(order: string[], roundTrip = false): number {
  const trip: TripState = { ...emptyTrip(), roundTrip, stops: order.map((id) => ({ id })) };
  return planTrip(trip, places).totals.straightDistanceMetres;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** The stop ids in the panel's day plan, in order (places only). */
async function panelStopIds(app: AppPage): Promise<string[]> {
  return app.page
    .locator('.trip-stop')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stop-id') ?? ''));
}

/** The trip text kept in IndexedDB (idb-keyval's default store), or null; read directly, not through the app. */
async function storedTrip(app: AppPage): Promise<string | null> {
  return app.page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('keyval')) return resolve(null);
          const request = database.transaction('keyval').objectStore('keyval').get('luzhou-zone-map:trip:v1');
          request.onsuccess = () => resolve(typeof request.result === 'string' ? request.result : null);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function waitForTripRestored(app: AppPage): Promise<void> {
  await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000, state: 'attached' });
}

/**
 * Centres the map on a place's visit point and returns a page pixel where a click lands on that
 * feature first (nothing else of the dataset on top within the tap tolerance, no panel over it).
 */
async function pixelOnPlace(app: AppPage, place: VisitPlace): Promise<{ x: number; y: number } | null> {
  await app.page.evaluate((center) => window.__zoneMap!.jumpTo({ center, zoom: 14.5 }), [
    place.point[0],
    place.point[1],
  ] as [number, number]);
  await waitForMapIdle(app);
  return app.page.evaluate(
    (wanted) => {
      const map = window.__zoneMap!;
      const interactive = map
        .getStyle()
        .layers.map((layer) => layer.id)
        .filter((id) => id.includes(':') && !id.endsWith(':label'));
      const canvas = map.getCanvas();
      const box = canvas.getBoundingClientRect();
      const centre = map.project(wanted.point);
      for (let radius = 0; radius < 200; radius += 6) {
        for (let dx = -radius; dx <= radius; dx += 6) {
          for (const dy of radius === 0 ? [0] : [-radius, radius]) {
            for (const [x, y] of [
              [centre.x + dx, centre.y + dy],
              [centre.x + dy, centre.y + dx],
            ] as const) {
              const around = map.queryRenderedFeatures(
                [
                  [x - 8, y - 8],
                  [x + 8, y + 8],
                ],
                { layers: interactive },
              );
              if (around[0]?.properties['id'] !== wanted.id) continue;
              const pageX = box.left + x;
              const pageY = box.top + y;
              if (document.elementFromPoint(pageX, pageY) !== canvas) continue;
              return { x: pageX, y: pageY };
            }
          }
        }
      }
      return null;
    },
    { id: place.id, point: [place.point[0], place.point[1]] as [number, number] },
  );
}

async function addFromMap(app: AppPage, place: VisitPlace): Promise<void> {
  const pixel = await pixelOnPlace(app, place);
  expect(pixel, `a pixel on ${place.id}`).not.toBeNull();
  await app.page.mouse.click(pixel!.x, pixel!.y);
  const panel = app.page.locator(`.feature-panel[data-feature-id="${place.id}"]`);
  await panel.waitFor();
  await panel.locator('.add-to-trip__button').click();
  await app.page.locator(`.trip-stop[data-stop-id="${place.id}"]`).waitFor();
  await app.page.keyboard.press('Escape');
}

/** The trip the map draws: its stop ids in order and the number of legs. */
async function mapTrip(app: AppPage): Promise<{ stops: string[]; numbers: string[]; legs: number }> {
  return app.page.evaluate(() => {
    const source = window.__zoneMap!.getStyle().sources['trip'] as { data: GeoJSON.FeatureCollection };
    const stops = source.data.features.filter((feature) => feature.properties?.['role'] === 'stop');
    return {
      stops: stops.map((feature) => String(feature.properties?.['id'])),
      numbers: stops.map((feature) => String(feature.properties?.['number'])),
      legs: source.data.features.filter((feature) => feature.properties?.['role'] === 'leg').length,
    };
  });
}

async function schedule(app: AppPage): Promise<string[]> {
  return app.page.locator('.trip-stop__times').allTextContents();
}

describe('the trip planner', () => {
  let app: AppPage;
  let sharedUrl = '';

  beforeAll(async () => {
    const result = await loadDataset(async (path) => readFileSync(join(geodataDirectory, path), 'utf8'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    places = visitPlaces(result.dataset).places;
    app = await openApp();
    await waitForTripRestored(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('builds a trip from places clicked on the map, drawn as numbered stops and straight legs', async () => {
    expect(await app.page.locator('.trip-empty').count()).toBe(1);
    for (const id of TRIP_PLACE_IDS) await addFromMap(app, places.find((place) => place.id === id)!);
    expect(await panelStopIds(app)).toEqual(TRIP_PLACE_IDS);
    // The start time and the visit estimates give a time for every stop.
    const times = await schedule(app);
    expect(times[0]).toMatch(/09:00/);
    expect(times).toHaveLength(4);
    await waitForMapIdle(app);
    expect(await mapTrip(app)).toEqual({ stops: TRIP_PLACE_IDS, numbers: ['1', '2', '3', '4'], legs: 3 });
    expect(await app.page.locator('.trip-stop-marker').allTextContents()).toEqual(['1', '2', '3', '4']);
    // Every estimate says what it rests on.
    const assumptions = await app.page.locator('.trip-assumptions').textContent();
    expect(assumptions).toContain('1.3');
    for (const speed of ['4.5 km/h', '15 km/h', '30 km/h']) expect(assumptions).toContain(speed);
    expect(assumptions).toContain('直线估计');
    await app.screenshot('trip-built-from-map');
    expect(await app.problems()).toEqual([]);
  });

  it("takes the visitor from a stop's info panel to the trip panel, behind the 行程 tab", async () => {
    const stop = places.find((place) => place.id === TRIP_PLACE_IDS[0])!;
    const pixel = await pixelOnPlace(app, stop);
    expect(pixel, `a pixel on ${stop.id}`).not.toBeNull();
    await app.page.mouse.click(pixel!.x, pixel!.y);
    const panel = app.page.locator(`.feature-panel[data-feature-id="${stop.id}"]`);
    await panel.waitFor();
    const heading = app.page.locator('.trip-panel h2');
    // The visitor is on another tab: the trip panel is hidden until they ask for it.
    await openAppTab(app.page, 'explore');
    const inView = () =>
      heading.evaluate((element) => {
        const box = element.getBoundingClientRect();
        // Scrolling to a heading can leave it a fraction of a pixel above the edge.
        return element.getClientRects().length > 0 && box.top >= -1 && box.bottom <= window.innerHeight;
      });
    await app.page.locator('.sidebar').evaluate((sidebar) => sidebar.scrollTo(0, 0));
    expect(await inView()).toBe(false);
    await panel.locator('.add-to-trip__show').click();
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Escape');
    expect(await panelStopIds(app)).toEqual(TRIP_PLACE_IDS);
    expect(await app.problems()).toEqual([]);
  });

  it('optimises the order to the shortest straight-line path from the first place', async () => {
    const before = straightTotal(TRIP_PLACE_IDS);
    await app.page.locator('.trip-optimise').click();
    await app.page.locator('.trip-optimised').waitFor();
    const optimised = await panelStopIds(app);
    expect(optimised[0]).toBe(TRIP_PLACE_IDS[0]);
    expect(new Set(optimised)).toEqual(new Set(TRIP_PLACE_IDS));
    const shortest = Math.min(
      ...permutations(TRIP_PLACE_IDS.slice(1)).map((rest) => straightTotal([TRIP_PLACE_IDS[0]!, ...rest])),
    );
    expect(straightTotal(optimised)).toBeCloseTo(shortest, 6);
    expect(straightTotal(optimised)).toBeLessThan(before);
    await waitForMapIdle(app);
    expect((await mapTrip(app)).stops).toEqual(optimised);
  });

  it('reorders by keyboard (↑ ↓ buttons) and by dragging a row', async () => {
    const start = await panelStopIds(app);
    await app.page.locator(`.trip-stop[data-stop-id="${start[0]}"] .trip-stop__actions button`).nth(1).focus();
    await app.page.keyboard.press('Enter');
    expect(await panelStopIds(app)).toEqual([start[1], start[0], start[2], start[3]]);
    await app.page.locator(`.trip-stop[data-stop-id="${start[0]}"] .trip-stop__actions button`).nth(0).focus();
    await app.page.keyboard.press('Enter');
    expect(await panelStopIds(app)).toEqual(start);

    await app.page
      .locator(`.trip-stop[data-stop-id="${start[3]}"]`)
      .dragTo(app.page.locator(`.trip-stop[data-stop-id="${start[1]}"]`));
    expect(await panelStopIds(app)).toEqual([start[0], start[3], start[1], start[2]]);
    // Back to the optimised order for the tests that follow.
    await app.page.locator('.trip-optimise').click();
    expect(await panelStopIds(app)).toEqual(start);
  });

  it('keeps the trip through a reload (IndexedDB and the link) with the same plan', async () => {
    await app.page.locator('input.trip-round-trip').check();
    await app.page.locator('.trip-start-time').fill('08:30');
    await app.page.locator('.trip-start-time').dispatchEvent('change');
    await app.page.locator('.trip-return').waitFor();
    // With the return leg the shortest order is the shortest closed tour.
    await app.page.locator('.trip-optimise').click();
    const closed = await panelStopIds(app);
    const shortestTour = Math.min(
      ...permutations(closed.slice(1)).map((rest) => straightTotal([closed[0]!, ...rest], true)),
    );
    expect(straightTotal(closed, true)).toBeCloseTo(shortestTour, 6);
    const ids = await panelStopIds(app);
    const times = await schedule(app);
    expect(times[0]).toMatch(/08:30/);
    sharedUrl = app.page.url();
    expect(new URL(sharedUrl).searchParams.get('trip')).toBeTruthy();

    await app.page.reload({ waitUntil: 'domcontentloaded' });
    await app.waitForReady();
    await waitForTripRestored(app);
    expect(await panelStopIds(app)).toEqual(ids);
    expect(await schedule(app)).toEqual(times);
    expect(await app.page.locator('input.trip-round-trip').isChecked()).toBe(true);

    // Without the link, the stored copy alone restores it (once the write has landed).
    const linkText = new URL(app.page.url()).searchParams.get('trip');
    await expect.poll(() => storedTrip(app)).toBe(linkText);
    await app.page.goto(new URL('index.html', app.baseUrl).href, { waitUntil: 'domcontentloaded' });
    await app.waitForReady();
    await waitForTripRestored(app);
    expect(await panelStopIds(app)).toEqual(ids);
    expect(await app.problems()).toEqual([]);
  });

  it('opens the shared link in a fresh browser profile with the same plan', async () => {
    const ids = await panelStopIds(app);
    const times = await schedule(app);
    await withApp({ path: `index.html${new URL(sharedUrl).search}` }, async (fresh) => {
      await waitForTripRestored(fresh);
      expect(await panelStopIds(fresh)).toEqual(ids);
      expect(await schedule(fresh)).toEqual(times);
      expect(await fresh.page.locator('.trip-restore-report').count()).toBe(0);
      await waitForMapIdle(fresh);
      expect((await mapTrip(fresh)).legs).toBe(ids.length);
      // "Show the trip on the map" brings every stop into the visible part of the map.
      const stopsOutsideView = () =>
        fresh.page.evaluate(() => {
          const map = window.__zoneMap!;
          const canvas = map.getCanvas();
          const box = canvas.getBoundingClientRect();
          const source = map.getStyle().sources['trip'] as { data: GeoJSON.FeatureCollection };
          return source.data.features
            .filter((feature) => feature.geometry.type === 'Point')
            .filter((feature) => {
              const [longitude, latitude] = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
              const pixel = map.project([longitude, latitude]);
              return !(pixel.x >= 0 && pixel.y >= 0 && pixel.x <= box.width && pixel.y <= box.height);
            })
            .map((feature) => feature.properties?.['id']);
        });
      // Away over the 泸县 wing first, so the stops are off screen.
      await fresh.page.evaluate(() => window.__zoneMap!.jumpTo({ center: [105.35, 29.15], zoom: 13 }));
      expect(await stopsOutsideView()).toHaveLength(ids.length);
      await fresh.page.locator('.trip-frame').click();
      await fresh.page.waitForFunction(() => !window.__zoneMap!.isMoving());
      expect(await stopsOutsideView()).toEqual([]);
    });
  });

  it('offers 高德 / 百度 links in GCJ-02 / BD-09 that open in a new tab, and never follows them itself', async () => {
    const links = await app.page.locator('.trip-links a').evaluateAll((anchors) =>
      anchors.map((anchor) => ({
        href: anchor.getAttribute('href') ?? '',
        target: anchor.getAttribute('target'),
        rel: anchor.getAttribute('rel') ?? '',
      })),
    );
    expect(links.length).toBeGreaterThanOrEqual(4 * 2 + 4 * 2);
    for (const link of links) {
      expect(link.href).toMatch(/^https:\/\/(uri\.amap\.com|api\.map\.baidu\.com)\//);
      expect(link.target).toBe('_blank');
      expect(link.rel).toContain('noopener');
    }
    expect(app.offOriginRequests()).toEqual([]);
  });

  it('has no serious or critical accessibility finding in the planned trip (axe, WCAG 2.1 A/AA)', async () => {
    await app.page.evaluate(axeSource);
    const findings = await app.page.evaluate(async () => {
      type Rule = { id: string; impact: string | null; nodes: { target: string[] }[] };
      const axe = (
        window as unknown as {
          axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> };
        }
      ).axe;
      const result = await axe.run(document.querySelector('.trip-panel'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return {
        checked: result.passes.length,
        serious: result.violations
          .filter((rule) => rule.impact === 'serious' || rule.impact === 'critical')
          .map((rule) => `${rule.id}: ${rule.nodes[0]?.target.join(' ')}`),
      };
    });
    expect(findings.checked).toBeGreaterThan(10);
    expect(findings.serious).toEqual([]);
  });

  it('downloads GPX and GeoJSON made in the page, with one waypoint per stop', async () => {
    const ids = await panelStopIds(app);
    const [gpxDownload] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.locator('a[data-export="gpx"]').click(),
    ]);
    const gpx = readFileSync((await gpxDownload.path())!, 'utf8');
    expect(gpx.match(/<wpt /g)).toHaveLength(ids.length);
    expect(gpx).toContain('渔子溪生态湿地公园');
    const [geoJsonDownload] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.locator('a[data-export="geojson"]').click(),
    ]);
    const geoJson = JSON.parse(readFileSync((await geoJsonDownload.path())!, 'utf8')) as GeoJSON.FeatureCollection;
    expect(
      geoJson.features
        .filter((feature) => feature.properties?.['role'] === 'stop')
        .map((feature) => feature.properties?.['id']),
    ).toEqual(ids);
    expect(app.offOriginRequests()).toEqual([]);
    expect(await app.problems()).toEqual([]);
  });

  it('prints the day plan without the map or the controls', async () => {
    await app.page.emulateMedia({ media: 'print' });
    try {
      const shown = await app.page.evaluate(() => {
        const visible = (selector: string) => {
          const element = document.querySelector(selector);
          return element
            ? getComputedStyle(element).display !== 'none' && element.getBoundingClientRect().height > 0
            : false;
        };
        return {
          plan: visible('.trip-day-plan'),
          totals: visible('.trip-totals'),
          summary: visible('.trip-print-summary'),
          map: visible('.map-area'),
          optimise: visible('.trip-optimise'),
          links: visible('.trip-links'),
        };
      });
      expect(shown).toEqual({ plan: true, totals: true, summary: true, map: false, optimise: false, links: false });
      expect(await app.page.locator('.trip-print-summary').textContent()).toContain('08:30');
    } finally {
      await app.page.emulateMedia({ media: 'screen' });
    }
  });

  it('lets a link win over the stored trip, and forgets the trip once it is cleared', async () => {
    const linked = ['place-aegean-mall', 'green-zhangba-longan-forest'];
    const link = searchWithTrip('', encodeTrip({ ...emptyTrip(), stops: linked.map((id) => ({ id })) }));
    expect(await panelStopIds(app)).not.toEqual(linked);
    await app.page.goto(new URL(`index.html${link}`, app.baseUrl).href, { waitUntil: 'domcontentloaded' });
    await app.waitForReady();
    await waitForTripRestored(app);
    expect(await panelStopIds(app)).toEqual(linked);

    // Back and forward move through features and views, not through trip edits: the address bar keeps the current trip.
    await app.page.evaluate(() => history.pushState(history.state, '', window.location.href));
    await app.page.locator('.trip-places summary').click();
    await app.page.locator('.trip-places__list li[data-place-id="place-peoples-hospital-shaxi"] button').click();
    const current = new URL(app.page.url()).searchParams.get('trip');
    expect(current).toContain('place-peoples-hospital-shaxi');
    await app.page.goBack({ waitUntil: 'commit' });
    await app.page.waitForFunction(
      (expected) => new URLSearchParams(window.location.search).get('trip') === expected,
      current,
    );
    expect(await panelStopIds(app)).toEqual([...linked, 'place-peoples-hospital-shaxi']);

    await app.page.locator('.trip-clear').click();
    await app.page.locator('.trip-empty').waitFor();
    expect(new URL(app.page.url()).searchParams.has('trip')).toBe(false);
    await expect.poll(() => storedTrip(app)).toBeNull();
    await app.page.reload({ waitUntil: 'domcontentloaded' });
    await app.waitForReady();
    await waitForTripRestored(app);
    expect(await app.page.locator('.trip-empty').count()).toBe(1);
    expect(await app.problems()).toEqual([]);
  });

  it('restores what it can from a stale link with hostile text, says what it dropped, and keeps the text as text', async () => {
    const hostileId = '<img src=x onerror="window.__tripPwned=1">';
    const stale: TripState = {
      ...emptyTrip(),
      stops: [{ id: 'green-zhangba-longan-forest' }, { id: 'demolished-park' }, { id: hostileId }],
    };
    await withApp({ path: `index.html${searchWithTrip('', encodeTrip(stale))}` }, async (damaged) => {
      await waitForTripRestored(damaged);
      expect(await panelStopIds(damaged)).toEqual(['green-zhangba-longan-forest']);
      const report = damaged.page.locator('.trip-restore-report[role="status"]');
      await report.waitFor();
      const text = await report.textContent();
      expect(text).toContain('demolished-park');
      // The message quotes the id shortened, as text.
      expect(text).toContain(hostileId.slice(0, 20));
      expect(await damaged.page.locator('.trip-panel img').count()).toBe(0);
      expect(await damaged.page.evaluate(() => (window as { __tripPwned?: number }).__tripPwned)).toBeUndefined();
      // The cleaned trip replaces the damaged one in the address bar.
      expect(new URL(damaged.page.url()).searchParams.get('trip')).toBe(
        encodeTrip({ ...stale, stops: [{ id: 'green-zhangba-longan-forest' }] }),
      );
      await damaged.screenshot('trip-stale-link');

      const garbage = await openApp({ path: 'index.html?trip=%00%FF garbage<b>' });
      try {
        await waitForTripRestored(garbage);
        expect(await garbage.page.locator('.trip-restore-report[role="status"]').count()).toBe(1);
        expect(await garbage.page.locator('.trip-empty').count()).toBe(1);
        expect(await garbage.problems()).toEqual([]);
      } finally {
        await garbage.close();
      }
    });
  });
  it("asks for the browser's location only when the visitor chooses it, and keeps it out of the link", async () => {
    const located = await openApp({ path: 'index.html?trip=1wo0900h.place-aegean-mall.green-zhangba-longan-forest' });
    try {
      await located.page.context().grantPermissions(['geolocation'], { origin: new URL(located.baseUrl).origin });
      await located.page.context().setGeolocation({ longitude: 105.4415, latitude: 28.8859 });
      await located.page.addInitScript(() => {
        const counter = { calls: 0 };
        Object.defineProperty(window, '__locationRequests', { value: counter });
        const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
        navigator.geolocation.getCurrentPosition = (...args: Parameters<Geolocation['getCurrentPosition']>) => {
          counter.calls += 1;
          original(...args);
        };
      });
      await located.page.reload({ waitUntil: 'domcontentloaded' });
      await located.waitForReady();
      await waitForTripRestored(located);
      const calls = () =>
        located.page.evaluate(
          () => (window as unknown as { __locationRequests: { calls: number } }).__locationRequests.calls,
        );
      // A link that starts "here" opens without asking: the plan says it starts at the first place instead.
      expect(await calls()).toBe(0);
      expect(await located.page.locator('.trip-notices').textContent()).toContain('位置');
      expect(await panelStopIds(located)).toEqual(['place-aegean-mall', 'green-zhangba-longan-forest']);

      await located.page.locator('select.trip-start').selectOption('@here');
      await located.page.locator('.trip-stop[data-stop-id="@start"]').waitFor();
      expect(await calls()).toBe(1);
      expect(await panelStopIds(located)).toEqual(['@start', 'place-aegean-mall', 'green-zhangba-longan-forest']);
      expect(await located.page.locator('.trip-leg').count()).toBe(2);
      // The link says "start here", never where here is.
      const link = new URL(located.page.url()).searchParams.get('trip')!;
      expect(link).toBe('1wo0900h.place-aegean-mall.green-zhangba-longan-forest');
      expect(await located.problems()).toEqual([]);
    } finally {
      await located.close();
    }
  });
  it('shows hostile place names as text in the day plan and escaped in the GPX, with or without WebGL', async () => {
    const payload = '<img src=x onerror="window.__tripInjected=1">';
    const manifest = JSON.parse(readFileSync(join(geodataDirectory, 'manifest.json'), 'utf8')) as Manifest;
    const greenLayer = manifest.layers.find((layer) => layer.role === 'green')!;
    const green = JSON.parse(readFileSync(join(geodataDirectory, greenLayer.file), 'utf8')) as ZoneFeatureCollection;
    const hostile = green.features.find((feature) => places.some((place) => place.id === feature.properties.id))!;
    hostile.properties.name_zh = `${payload}公园`;
    const browser = await launchBrowser();
    try {
      await browser.context.route(`**/geodata/${greenLayer.file}`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(green) }),
      );
      const link = searchWithTrip(
        '',
        encodeTrip({ ...emptyTrip(), stops: [{ id: hostile.properties.id }, { id: 'place-aegean-mall' }] }),
      );
      for (const webgl of [true, false]) {
        const hostileApp = await openApp({ browser, webgl, waitForReady: webgl, path: `index.html${link}` });
        await waitForTripRestored(hostileApp);
        expect(await panelStopIds(hostileApp)).toEqual([hostile.properties.id, 'place-aegean-mall']);
        expect(await hostileApp.page.locator('.trip-stop__name').first().textContent()).toContain(`${payload}公园`);
        const [download] = await Promise.all([
          hostileApp.page.waitForEvent('download'),
          hostileApp.page.locator('a[data-export="gpx"]').click(),
        ]);
        const gpx = readFileSync((await download.path())!, 'utf8');
        expect(gpx).not.toContain('<img');
        expect(gpx).toContain('&lt;img');
        const page = await hostileApp.page.evaluate(() => ({
          injected: (window as unknown as { __tripInjected?: number }).__tripInjected,
          images: document.querySelectorAll('img').length,
        }));
        expect(page).toEqual({ injected: undefined, images: 0 });
        expect(await hostileApp.problems()).toEqual([]);
        await hostileApp.close();
      }
    } finally {
      await browser.close();
    }
  });
});
