/**
 * The planner's own data, as a planner loads it in real chromium against the built app: a file
 * chosen or dropped becomes a layer on the map whose measured area equals what the stats CLI's
 * code measures in node; broken files are announced and change nothing; text from a file stays
 * text; a GCJ-02 file is recognised and converted; layers come back after a reload.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { measureCollection } from '../../src/analysis/measure-collection.ts';
import { toWgs84 } from '../../src/data/coordinate-systems.ts';
import { ellipsoidalLength } from '../../src/geo/length.ts';
import { launchBrowser, openApp, type AppPage, type BrowserSession } from './harness.ts';
import { openAppTab } from './app-tabs.ts';
import { square } from '../fixtures/square.ts';
import { gigabyteBombZip } from '../fixtures/import/build-zip.ts';
import { INFLATE_OVERSHOOT_BYTES } from '../../src/data/import/capped-unzip.ts';

const fixtureDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const parcels: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: HOSTILE_NAME, use: '工业' },
      geometry: { type: 'Polygon', coordinates: square(105.43, 28.88, 0.01) },
    },
    {
      type: 'Feature',
      properties: { name: '绿地 A', use: '绿地' },
      geometry: { type: 'Polygon', coordinates: square(105.45, 28.88, 0.005) },
    },
    { type: 'Feature', properties: { name: 'null geometry' }, geometry: null as unknown as Polygon },
  ],
};

interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * The page measures with the same code as the stats CLI; Chromium's Math.sin/Math.log differ from
 * Node's in the last bit for some arguments, so page and node agree to ~2e-11, not to the bit.
 */
function expectSameArea(page: number, node: number): void {
  expect(Math.abs(page - node)).toBeLessThanOrEqual(Math.abs(node) * 1e-9);
}

function jsonFile(name: string, value: unknown): UploadFile {
  return { name, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(value)) };
}

async function openPlanner(app: AppPage): Promise<void> {
  await openAppTab(app.page, 'measure');
  await app.page.locator('input[data-import-input]').waitFor({ state: 'attached' });
}

async function importThroughPicker(app: AppPage, files: UploadFile[]): Promise<void> {
  await app.page.locator('input[data-import-input]').setInputFiles(files);
}

async function layerCount(app: AppPage): Promise<number> {
  return app.page.locator('.imported-layer').count();
}

/** File names of the layer records in the imported layers' IndexedDB database, read directly, not through the app. */
async function storedLayerFileNames(app: AppPage): Promise<string[]> {
  return app.page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('luzhou-zone-map-imported-layers');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('layers')) return resolve([]);
          const request = database.transaction('layers').objectStore('layers').getAll();
          request.onsuccess = () =>
            resolve(
              (request.result as unknown[]).flatMap((value) =>
                typeof value === 'object' && value && 'fileName' in value ? [String(value.fileName)] : [],
              ),
            );
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function waitForLayerCount(app: AppPage, count: number): Promise<void> {
  await app.page.waitForFunction(
    (expected) => document.querySelectorAll('.imported-layer').length === expected,
    count,
    { timeout: 60_000 },
  );
}

/** The total measured area the panel shows for the layer imported from `fileName`, in m², read from its data attribute. */
async function panelAreaOf(app: AppPage, fileName: string): Promise<number> {
  const item = app.page.locator('.imported-layer', { hasText: fileName });
  const value = await item.locator('[data-area-m2]').getAttribute('data-area-m2');
  return Number(value);
}

/** Features MapLibre has drawn from the planner's layers (source ids start with user-layer-). */
async function renderedImportedFeatureCount(app: AppPage): Promise<number> {
  return app.page.evaluate(() => {
    const map = window.__zoneMap!;
    const layers = map
      .getStyle()
      .layers.filter((layer) => 'source' in layer && String(layer.source).startsWith('user-layer-'))
      .map((layer) => layer.id);
    return layers.length === 0 ? 0 : map.queryRenderedFeatures(undefined, { layers }).length;
  });
}

describe('loading your own data', () => {
  let browser: BrowserSession;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp({ browser });
    await openPlanner(app);
  });

  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('imports a GeoJSON file: the panel shows the area the stats code measures, and the map draws it', async () => {
    await importThroughPicker(app, [jsonFile('parcels.geojson', parcels)]);
    await waitForLayerCount(app, 1);
    expect(await storedLayerFileNames(app)).toEqual(['parcels.geojson']);
    const expected = measureCollection(parcels).totalAreaM2;
    expectSameArea(await panelAreaOf(app, 'parcels.geojson'), expected);
    await expect.poll(() => renderedImportedFeatureCount(app), { timeout: 30_000 }).toBeGreaterThan(0);
    await app.screenshot('planner-import-geojson');
    expect(await app.problems()).toEqual([]);
  });

  it("shows a feature's hostile name as text when it is clicked, and runs none of it", async () => {
    await app.page
      .locator('.imported-layer', { hasText: 'parcels.geojson' })
      .getByRole('button', { name: /定位|Zoom to/ })
      .click();
    await app.page.waitForFunction(() => !window.__zoneMap!.isMoving(), undefined, { timeout: 30_000 });
    const point = await app.page.evaluate(() => window.__zoneMap!.project([105.435, 28.885]));
    const box = (await app.page.locator('.map-canvas canvas').boundingBox())!;
    await app.page.mouse.click(box.x + point.x, box.y + point.y);
    const panel = app.page.locator('.imported-feature-panel');
    await panel.waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.locator('td').allTextContents()).toContain(HOSTILE_NAME);
    expect(await panel.locator('img').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const areaText = await panel.locator('[data-area-m2]').getAttribute('data-area-m2');
    const firstFeatureArea = measureCollection({
      type: 'FeatureCollection',
      features: [parcels.features[0]!],
    }).totalAreaM2;
    expectSameArea(Number(areaText), firstFeatureArea);
    await app.screenshot('planner-imported-feature-panel');
    await app.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('announces a broken file by name and place, and leaves the imported layer as it was', async () => {
    const before = await panelAreaOf(app, 'parcels.geojson');
    const truncated = JSON.stringify(parcels).slice(0, 150);
    await importThroughPicker(app, [
      { name: 'broken <b>parcels</b>.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(truncated) },
    ]);
    const alert = app.page.locator('.import-failure[role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('broken <b>parcels</b>.geojson');
    expect(await alert.textContent()).toMatch(/line|行/);
    expect(await alert.locator('b').count()).toBe(0);
    expect(await layerCount(app)).toBe(1);
    expect(await panelAreaOf(app, 'parcels.geojson')).toBe(before);
    await app.screenshot('planner-import-broken-file');
    // The app keeps working: the next good file imports.
    await importThroughPicker(app, [
      jsonFile('second.geojson', { type: 'Polygon', coordinates: square(105.4, 28.9, 0.002) }),
    ]);
    await waitForLayerCount(app, 2);
  });

  it("shows a large import's progress and stops it on cancel, keeping what was there", async () => {
    // ~60 MB of small parcels: long enough to be seen running, generated here, never committed.
    const directory = mkdtempSync(join(tmpdir(), 'luzhou-large-import-'));
    try {
      const path = join(directory, 'large-parcels.geojson');
      const features: string[] = [];
      const parcelsPerRow = 300;
      for (let index = 0; index < 90_000; index++) {
        const longitude = 105.3 + (index % parcelsPerRow) * 0.001;
        const latitude = 28.8 + Math.floor(index / parcelsPerRow) * 0.001;
        const ring = square(longitude, latitude, 0.0008)[0]!.map(([x, y]) => [
          Number(x!.toFixed(6)),
          Number(y!.toFixed(6)),
        ]);
        // Many vertices per ring, as surveyed parcels have, so the file is large without being huge in count.
        const dense = ring.flatMap((position, vertex) =>
          vertex === ring.length - 1
            ? [position]
            : [position, [position[0]! + 0.00001, position[1]!], [position[0]! + 0.00002, position[1]!]],
        );
        features.push(
          JSON.stringify({
            type: 'Feature',
            properties: { id: index, use: index % 3 === 0 ? '工业' : '居住' },
            geometry: { type: 'Polygon', coordinates: [dense] },
          }),
        );
      }
      writeFileSync(path, `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
      const countBefore = await layerCount(app);
      await app.page.locator('input[data-import-input]').setInputFiles(path);
      const progress = app.page.locator('.import-progress[role="status"]');
      await progress.waitFor({ timeout: 30_000 });
      expect(await progress.textContent()).toContain('large-parcels.geojson');
      expect(await progress.locator('progress').count()).toBe(1);
      // Past reading, so the worker has begun keeping its copy of the file: cancelling must remove that too.
      await app.page.waitForFunction(
        () => /解析|校验|量算|坐标转换/.test(document.querySelector('.import-progress')?.textContent ?? ''),
        undefined,
        { timeout: 30_000, polling: 'raf' },
      );
      await progress.getByRole('button', { name: /取消|Cancel/ }).click();
      await progress.waitFor({ state: 'detached', timeout: 30_000 });
      expect(await layerCount(app)).toBe(countBefore);
      expect(await app.page.locator('.import-failure__message').count()).toBe(0);
      // Nothing of the cancelled file stays in the browser's storage.
      await expect.poll(() => storedLayerFileNames(app), { timeout: 10_000 }).not.toContain('large-parcels.geojson');
      // The next import runs in a fresh worker.
      await importThroughPicker(app, [
        jsonFile('after-cancel.geojson', { type: 'Polygon', coordinates: square(105.42, 28.92, 0.002) }),
      ]);
      await waitForLayerCount(app, countBefore + 1);
      expect(await app.problems()).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('takes a file dropped on the map', async () => {
    const dataTransfer = await app.page.evaluateHandle(
      (text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'dropped.geojson', { type: 'application/geo+json' }));
        return transfer;
      },
      JSON.stringify({
        type: 'Feature',
        properties: { name: 'dropped' },
        geometry: { type: 'Polygon', coordinates: square(105.41, 28.91, 0.003) },
      }),
    );
    await app.page.dispatchEvent('.map-canvas', 'dragenter', { dataTransfer });
    await app.page.locator('.file-drop-overlay').waitFor();
    await app.page.dispatchEvent('.map-canvas', 'drop', { dataTransfer });
    await waitForLayerCount(app, 4);
    expect(await app.page.locator('.file-drop-overlay').count()).toBe(0);
  });

  it('keeps the imported layers across a reload, from IndexedDB', async () => {
    const areasBefore = await app.page
      .locator('.imported-layer [data-area-m2]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-area-m2')));
    await app.page.reload({ waitUntil: 'domcontentloaded' });
    await app.waitForReady();
    await openPlanner(app);
    await waitForLayerCount(app, 4);
    const areasAfter = await app.page
      .locator('.imported-layer [data-area-m2]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-area-m2')));
    expect(areasAfter).toEqual(areasBefore);
    await expect.poll(() => renderedImportedFeatureCount(app), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('removes every imported layer only when the planner confirms', async () => {
    app.page.once('dialog', (dialog) => void dialog.dismiss());
    await app.page.getByRole('button', { name: /移除全部导入图层|Remove all imported layers/ }).click();
    expect(await layerCount(app)).toBe(4);
    app.page.once('dialog', (dialog) => void dialog.accept());
    await app.page.getByRole('button', { name: /移除全部导入图层|Remove all imported layers/ }).click();
    await waitForLayerCount(app, 0);
    expect(await app.problems()).toEqual([]);
  });
});

describe('formats and coordinate systems, through the picker', () => {
  let app: AppPage;

  beforeAll(async () => {
    app = await openApp();
    await openPlanner(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('recognises a GCJ-02 file by its offset from the district boundaries and converts it on request', async () => {
    const wgs84 = JSON.parse(
      readFileSync(join(fixtureDirectory, 'jiangyang-wgs84.geojson'), 'utf8'),
    ) as FeatureCollection;
    const gcj02Text = readFileSync(join(fixtureDirectory, 'jiangyang-gcj02.geojson'));
    await importThroughPicker(app, [
      { name: 'boundary-gcj02.geojson', mimeType: 'application/geo+json', buffer: gcj02Text },
    ]);
    await waitForLayerCount(app, 1);
    const suggestion = app.page.locator('.import-suggestion');
    await suggestion.waitFor({ timeout: 30_000 });
    expect(await suggestion.textContent()).toContain('GCJ-02');
    await app.screenshot('planner-import-gcj02-suggestion');
    await suggestion.getByRole('button', { name: /按 GCJ-02 转换|Convert from GCJ-02/ }).click();
    await app.page
      .locator('.imported-layer', { hasText: /已从 GCJ-02 转换|Converted from GCJ-02/ })
      .waitFor({ timeout: 30_000 });
    await expect(app.page.locator('.import-suggestion').count()).resolves.toBe(0);
    // The converted line lies on the district boundary it was cut from (WGS84 twin in the fixtures).
    const wgs84Length = ellipsoidalLength(wgs84.features[0]!.geometry);
    const convertedLength = ellipsoidalLength(
      toWgs84(JSON.parse(gcj02Text.toString('utf8')) as FeatureCollection, 'gcj02').features[0]!.geometry,
    );
    expect(Math.abs(convertedLength - wgs84Length) / wgs84Length).toBeLessThan(1e-3);
    const lengthText = await app.page.locator('.imported-layer', { hasText: 'boundary-gcj02.geojson' }).textContent();
    expect(lengthText).toContain((convertedLength / 1000).toFixed(3));
    expect(await app.problems()).toEqual([]);
  });

  it('refuses a 1 MB zip that declares 100 bytes and inflates to 1 GiB, naming the entry, and the next import works', async () => {
    const bomb = Buffer.from(await gigabyteBombZip());
    const cdp = await app.page.context().newCDPSession(app.page);
    const heapUsed = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const heapBefore = await heapUsed();
    const countBefore = await layerCount(app);
    await importThroughPicker(app, [{ name: 'parcels-bomb.zip', mimeType: 'application/zip', buffer: bomb }]);
    const alert = app.page.locator('.import-failure[role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('parcels-bomb.zip');
    const message = (await alert.textContent())!;
    expect(message).toMatch(/parcels\.shp inflates to more than the 100 bytes its zip directory declares/);
    // The worker's own running count: it stopped within one input slice of the declared 100 bytes, not at 1 GiB.
    const stoppedAfter = Number(/stopped after (\d+)/.exec(message)![1]);
    expect(stoppedAfter).toBeLessThanOrEqual(100 + INFLATE_OVERSHOOT_BYTES);
    expect(await layerCount(app)).toBe(countBefore);
    await app.screenshot('planner-import-zip-bomb');
    // The same worker takes the next file.
    await importThroughPicker(app, [
      jsonFile('after-bomb.geojson', { type: 'Polygon', coordinates: square(105.42, 28.93, 0.002) }),
    ]);
    await waitForLayerCount(app, countBefore + 1);
    expect(await storedLayerFileNames(app)).not.toContain('parcels-bomb.zip');
    // The page's heap after both imports is within a few MB of before: the bomb's bytes never reached it.
    expect(Math.abs((await heapUsed()) - heapBefore)).toBeLessThan(8 * 1024 * 1024);
    await cdp.detach();
    expect(await app.problems()).toEqual([]);
  });

  it.each([
    ['places.kml', 'application/vnd.google-earth.kml+xml', 'KML'],
    ['track.gpx', 'application/gpx+xml', 'GPX'],
    ['parcels-utm48n.zip', 'application/zip', 'Shapefile'],
    ['districts-folders.kmz', 'application/vnd.google-earth.kmz', 'KMZ'],
    ['places-gcj02-gbk.csv', 'text/csv', 'CSV'],
    ['places-gcj02.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'],
  ])('imports %s as a %s layer and draws it', async (fileName, mimeType, formatLabel) => {
    const countBefore = await layerCount(app);
    await importThroughPicker(app, [
      { name: fileName, mimeType, buffer: readFileSync(join(fixtureDirectory, fileName)) },
    ]);
    await waitForLayerCount(app, countBefore + 1);
    const item = app.page.locator('.imported-layer', { hasText: fileName });
    expect(await item.textContent()).toContain(formatLabel);
    await expect.poll(() => renderedImportedFeatureCount(app), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await app.problems()).toEqual([]);
  });

  it("reads a GBK Shapefile's names right, and re-reads its table in another encoding on request", async () => {
    const names = async (fileName: string) => {
      const item = app.page.locator('.imported-layer', { hasText: fileName });
      const layerId = (await item.getAttribute('data-imported-layer'))!;
      await item.getByRole('button', { name: /定位|Zoom to/ }).click();
      await app.page.waitForFunction(() => !window.__zoneMap!.isMoving() && window.__zoneMap!.loaded(), undefined, {
        timeout: 30_000,
      });
      return app.page.evaluate(
        (sourceId) =>
          [
            ...new Set(
              window
                .__zoneMap!.querySourceFeatures(sourceId)
                .map((feature) => String(feature.properties['名称'] ?? Object.values(feature.properties)[0])),
            ),
          ].sort(),
        `user-layer-${layerId}`,
      );
    };
    const original = JSON.parse(
      readFileSync(join(fixtureDirectory, 'luzhou-districts.geojson'), 'utf8'),
    ) as FeatureCollection;
    const originalNames = original.features.map((feature) => String(feature.properties!['名称'])).sort();
    const countBefore = await layerCount(app);
    await importThroughPicker(app, [
      {
        name: 'districts-gbk-cpg.zip',
        mimeType: 'application/zip',
        buffer: readFileSync(join(fixtureDirectory, 'districts-gbk-cpg.zip')),
      },
    ]);
    await waitForLayerCount(app, countBefore + 1);
    const item = app.page.locator('.imported-layer', { hasText: 'districts-gbk-cpg.zip' });
    const encoding = item.locator('.imported-layer__text-encoding');
    expect(await encoding.locator('summary').textContent()).toMatch(/GBK \(CP936\)/);
    expect(await item.locator('.imported-layer__notes').textContent()).toMatch(/CP936/);
    await expect.poll(() => names('districts-gbk-cpg.zip'), { timeout: 30_000 }).toEqual(originalNames);

    // Read as Latin-1 (what a planner might try): seven distinct garbled names, and the notes say it was chosen.
    const openChoice = () => encoding.evaluate((details) => ((details as HTMLDetailsElement).open = true));
    await openChoice();
    await encoding.locator('select').selectOption('windows-1252');
    await encoding.getByRole('button', { name: /应用|Apply/ }).click();
    await expect.poll(() => encoding.locator('summary').textContent(), { timeout: 30_000 }).toMatch(/Windows-1252/);
    expect(await item.locator('.imported-layer__notes').textContent()).toMatch(/所选编码|as chosen/);
    const latin = await names('districts-gbk-cpg.zip');
    expect(latin).toHaveLength(7);
    expect(latin).not.toContain('江阳区');
    await app.screenshot('planner-import-text-encoding');

    // And back to GBK: the names are right again, and the area never changed.
    await openChoice();
    await encoding.locator('select').selectOption('gbk');
    await encoding.getByRole('button', { name: /应用|Apply/ }).click();
    await expect.poll(() => encoding.locator('summary').textContent(), { timeout: 30_000 }).toMatch(/GBK/);
    await expect.poll(() => names('districts-gbk-cpg.zip'), { timeout: 30_000 }).toEqual(originalNames);
    expectSameArea(await panelAreaOf(app, 'districts-gbk-cpg.zip'), measureCollection(original).totalAreaM2);
    expect(await app.problems()).toEqual([]);
  });

  it('reads a GeoPackage with SQLite in WebAssembly shipped with the app, and another of its tables on request', async () => {
    const original = JSON.parse(
      readFileSync(join(fixtureDirectory, 'luzhou-districts.geojson'), 'utf8'),
    ) as FeatureCollection;
    const areaOf = (adcodes: (code: number) => boolean) =>
      measureCollection({
        type: 'FeatureCollection',
        features: original.features.filter((feature) => adcodes(Number(feature.properties!['adcode']))),
      }).totalAreaM2;
    const countBefore = await layerCount(app);
    await importThroughPicker(app, [
      {
        name: 'districts-two-tables.gpkg',
        mimeType: 'application/geopackage+sqlite3',
        buffer: readFileSync(join(fixtureDirectory, 'districts-two-tables.gpkg')),
      },
    ]);
    await waitForLayerCount(app, countBefore + 1);
    const item = app.page.locator('.imported-layer', { hasText: 'districts-two-tables.gpkg' });
    expect(await item.textContent()).toContain('GeoPackage');
    const choice = item.locator('.imported-layer__table');
    expect(await choice.locator('summary').textContent()).toMatch(/市辖区/);
    expectSameArea(
      await panelAreaOf(app, 'districts-two-tables.gpkg'),
      areaOf((code) => code < 510520),
    );
    // The WebAssembly came from the app's own origin, fetched only now.
    // (The service worker's cache-first route fetches it too, so it can be listed twice: by origin, once.)
    const wasmOrigins = new Set(
      app.requests.filter((request) => request.url.endsWith('.wasm')).map((request) => new URL(request.url).origin),
    );
    expect([...wasmOrigins]).toEqual([new URL(app.page.url()).origin]);
    await choice.locator('select').selectOption('县');
    await choice.getByRole('button', { name: /应用|Apply/ }).click();
    await expect.poll(() => choice.locator('summary').textContent(), { timeout: 30_000 }).toMatch(/县（|县 \(/);
    expect(await item.textContent()).toMatch(/4 个要素|4 features/);
    expectSameArea(
      await panelAreaOf(app, 'districts-two-tables.gpkg'),
      areaOf((code) => code > 510520),
    );
    await app.screenshot('planner-import-geopackage');
    expect(await app.problems()).toEqual([]);
  });

  it('offers to read a Shapefile in metres without .prj as its likely Gauss-Krüger zone, and then measures it right', async () => {
    const original = JSON.parse(
      readFileSync(join(fixtureDirectory, 'luzhou-districts.geojson'), 'utf8'),
    ) as FeatureCollection;
    const countBefore = await layerCount(app);
    await importThroughPicker(app, [
      {
        name: 'districts-gk-no-prj.zip',
        mimeType: 'application/zip',
        buffer: readFileSync(join(fixtureDirectory, 'districts-gk-no-prj.zip')),
      },
    ]);
    const alert = app.page.locator('.import-failure[role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('EPSG:4523');
    await app.screenshot('planner-import-gk-suggestion');
    await alert.getByRole('button', { name: /按 EPSG:4523 读取|Read it as EPSG:4523/ }).click();
    await waitForLayerCount(app, countBefore + 1);
    const item = app.page.locator('.imported-layer', { hasText: 'districts-gk-no-prj.zip' });
    expect(await item.locator('.imported-layer__notes').textContent()).toMatch(/EPSG:4523/);
    expectSameArea(await panelAreaOf(app, 'districts-gk-no-prj.zip'), measureCollection(original).totalAreaM2);
    expect(await app.problems()).toEqual([]);
  });

  it('says what a Shapefile was reprojected from (its .prj)', async () => {
    const notes = await app.page
      .locator('.imported-layer', { hasText: 'parcels-utm48n.zip' })
      .locator('.imported-layer__notes')
      .textContent();
    expect(notes).toMatch(/prj|UTM|投影/i);
    await app.screenshot('planner-import-formats');
  });
});
