/**
 * Land-use statistics as a planner uses them, in real chromium against the built app: the zone's
 * table grouped by kind has the stats code's figures; headers sort; the CSV downloads and parses
 * back to the same figures; an imported file's table equals the stats CLI for that file, with a
 * hostile category name kept as text; the chart draws; the map downloads as an A4 PNG; a coded
 * parcel file reads as a table of national land classes, coloured by class on the map.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { zh } from '../../src/i18n/zh.ts';
import type { FeatureCollection, Polygon } from 'geojson';
import { bbox } from '@turf/bbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDrawnPolygon, prepareZone } from '../../src/analysis/drawn-shape-analysis.ts';
import { zoneLandUseTable } from '../../src/analysis/land-use-table.ts';
import { measureCollection } from '../../src/analysis/measure-collection.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import type { Dataset } from '../../src/data/dataset-types.ts';
import { runStats } from '../../scripts/stats/run-stats.ts';
import {
  SCREENSHOT_DIRECTORY,
  launchBrowser,
  openApp,
  waitForMapIdle,
  type AppPage,
  type BrowserSession,
} from './harness.ts';
import { openAppTab } from './app-tabs.ts';
import { square } from '../fixtures/square.ts';
import { classifyLandUse } from '../../src/analysis/land-use-classes.ts';
import { HOSTILE_CODE, PARCELS_PATH } from '../fixtures/landuse/generate-parcels.ts';
import { DECIMALS, roundTo } from '../../src/export/statistics-sheet.ts';
import { readXlsx } from '../unit/export/read-xlsx.ts';
import {
  LEGEND_SYMBOL_WIDTH,
  PAGE_MARGIN,
  PANEL_PADDING,
  a4LandscapePixels,
  mapSheetLayout,
  printPixelRatio,
} from '../../src/export/map-image-layout.ts';

/** The A4 page in CSS pixels, as export-map-image.ts lays it out at 150 dpi. */
const PRINT_PAGE = {
  width: Math.round(a4LandscapePixels(150).width / printPixelRatio(150)),
  height: Math.round(a4LandscapePixels(150).height / printPixelRatio(150)),
};

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings (WCAG 2.1 A/AA, best practice) inside the statistics section. */
async function seriousAccessibilityFindings(app: AppPage): Promise<{ id: string; targets: string[] }[]> {
  await app.page.evaluate(axeSource);
  return app.page.evaluate(async () => {
    type Rule = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[] }> } }
    ).axe;
    const result = await axe.run(document.querySelector('.statistics-section'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      }));
  });
}

async function zoneDataset(): Promise<Dataset> {
  const result = await loadDataset((relativePath) => readFile(join(repositoryRoot, 'geodata', relativePath), 'utf8'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.dataset;
}

const HOSTILE_USE = '=HYPERLINK("http://example.invalid","x")<img src=x onerror="window.__pwned=1">';
const parcels: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { use: '工业' },
      geometry: { type: 'Polygon', coordinates: square(105.43, 28.88, 0.01) },
    },
    {
      type: 'Feature',
      properties: { use: '工业' },
      geometry: { type: 'Polygon', coordinates: square(105.42, 28.86, 0.004) },
    },
    {
      type: 'Feature',
      properties: { use: HOSTILE_USE },
      geometry: { type: 'Polygon', coordinates: square(105.45, 28.88, 0.005) },
    },
    {
      type: 'Feature',
      properties: { use: 'say "hi", then\nleave' },
      geometry: { type: 'Polygon', coordinates: square(105.4, 28.9, 0.003) },
    },
  ],
};

async function openStatistics(app: AppPage): Promise<void> {
  await openAppTab(app.page, 'measure');
  const statisticsSummary = app.page.locator('.statistics-section summary');
  if (
    !(await app.page
      .locator('.statistics-section > details')
      .evaluate((details) => (details as HTMLDetailsElement).open))
  )
    await statisticsSummary.click();
}

interface ShownRow {
  category: string;
  /** The value underneath the shown name (data-category; empty for features without it). */
  key: string;
  areaM2: number;
  cells: string[];
}

async function shownRows(app: AppPage): Promise<ShownRow[]> {
  return app.page.locator('.statistics-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      category: row.querySelector('th')!.textContent!,
      key: row.getAttribute('data-category') ?? '',
      areaM2: Number(row.querySelector('[data-area-m2]')!.getAttribute('data-area-m2')),
      cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent!),
    })),
  );
}

/** Waits for the table of this source and grouping (the previous choice's table may still be showing). */
async function waitForTable(app: AppPage, groupedBy: string, source = 'zone'): Promise<void> {
  await app.page
    .locator(`.statistics-table[data-grouped-by="${groupedBy}"][data-source="${source}"] tbody tr`)
    .first()
    .waitFor({ timeout: 60_000 });
}

async function downloadFrom(app: AppPage, exportKind: string): Promise<{ fileName: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 120_000 }),
    app.page.locator(`.statistics-export button[data-export="${exportKind}"]`).click(),
  ]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), bytes: readFileSync(path) };
}

/**
 * Chromium's Math.sin and Math.log differ from Node's in the last bit for some arguments (measured:
 * sin 647, log 2 823 of 20 000 arguments near 0.4–0.7), and a polygon's area is a sum of terms that
 * partly cancel, so one area measured in the page and in node differed by 1.9e-11 relative
 * (1e-5 m² of 533 400 m²). Browser figures are compared with node's to 1e-9 relative (0.5 mm² on
 * that polygon); the CSV is compared with the page's own table exactly.
 */
const CROSS_ENGINE_RELATIVE_TOLERANCE = 1e-9;

function expectSameFigures(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => {
    const reference = expected[index]!;
    expect(Math.abs(value - reference)).toBeLessThanOrEqual(Math.abs(reference) * CROSS_ENGINE_RELATIVE_TOLERANCE);
  });
}

type CsvRecord = Record<string, string>;

/** Parses as pandas or Excel would: no comment skipping; the header must be the first record and every record as wide. */
function parseCsv(bytes: Buffer): CsvRecord[] {
  const records = parse(bytes, { bom: true }) as string[][];
  expect(records.length).toBeGreaterThan(1);
  for (const record of records) expect(record).toHaveLength(records[0]!.length);
  return parse(bytes, { bom: true, columns: true }) as CsvRecord[];
}

/** The CSV's and the .xlsx's precision for square metres (src/export/statistics-sheet.ts). */
const roundM2 = (value: number): number => roundTo(value, DECIMALS.m2)!;

describe('land-use statistics of the zone', () => {
  let browser: BrowserSession;
  let app: AppPage;
  let dataset: Dataset;

  beforeAll(async () => {
    dataset = await zoneDataset();
    browser = await launchBrowser();
    app = await openApp({ browser, viewport: { width: 1280, height: 900 } });
    await openStatistics(app);
  });

  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('groups the zone by kind with the stats code’s areas and counts', async () => {
    await app.page.locator('.statistics-controls select').nth(1).selectOption('kind');
    await waitForTable(app, 'kind');
    const expected = zoneLandUseTable(dataset, 'kind');
    const rows = await shownRows(app);
    expectSameFigures(
      rows.map((row) => row.areaM2),
      expected.rows.map((row) => row.areaM2),
    );
    expect(rows.map((row) => row.key)).toEqual(expected.rows.map((row) => row.key ?? ''));
    // Kinds are named as the rest of the app names them, not shown as their ids.
    expect(rows.map((row) => row.category)).toEqual(
      expected.rows.map((row) => (row.key === null ? '（无此属性）' : (zh.kinds[row.key] ?? row.key))),
    );
    expect(rows.map((row) => Number(row.cells[2]!.replaceAll(',', '')))).toEqual(expected.rows.map((row) => row.count));
    // The zone table counts every non-context layer, as measureCollection groups them.
    const counted: FeatureCollection = {
      type: 'FeatureCollection',
      features: dataset.layers
        .filter((layer) => layer.definition.role !== 'context')
        .flatMap((layer) => layer.features.features),
    };
    expectSameFigures(
      rows.map((row) => row.areaM2),
      measureCollection(counted, { by: 'kind' }).groups!.map((group) => group.areaM2),
    );
    await app.screenshot('planner-statistics-zone-kind');
  });

  it('sorts by a column on click and on Enter, and says so with aria-sort', async () => {
    const countHeader = app.page.locator('.statistics-table thead th', {
      has: app.page.locator('[data-column="count"]'),
    });
    await countHeader.locator('button').click();
    expect(await countHeader.getAttribute('aria-sort')).toBe('descending');
    let counts = (await shownRows(app)).map((row) => Number(row.cells[2]!.replaceAll(',', '')));
    expect(counts).toEqual([...counts].sort((first, second) => second - first));
    await countHeader.locator('button').focus();
    await app.page.keyboard.press('Enter');
    expect(await countHeader.getAttribute('aria-sort')).toBe('ascending');
    counts = (await shownRows(app)).map((row) => Number(row.cells[2]!.replaceAll(',', '')));
    expect(counts).toEqual([...counts].sort((first, second) => first - second));
    expect(await app.page.locator('.statistics-table thead th[aria-sort="none"]').count()).toBe(5);
  });

  it('downloads a CSV that parses back to the table’s figures', async () => {
    const { fileName, bytes } = await downloadFrom(app, 'csv');
    expect(fileName).toMatch(/\.csv$/);
    expect(fileName).not.toMatch(/[\\/]/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes);
    const expected = zoneLandUseTable(dataset, 'kind');
    const shown = await shownRows(app);
    // The CSV holds the table as shown: same categories in the same (sorted) order, same figures.
    expect(records.map((record) => record['类别'])).toEqual(shown.map((row) => row.category));
    expect(records.map((record) => Number(record['面积（m²）']))).toEqual(shown.map((row) => roundM2(row.areaM2)));
    expect(records.map((record) => record['类别取值'])).toEqual(shown.map((row) => row.key));
    const expectedByCategory = new Map(expected.rows.map((row) => [row.key ?? '', row]));
    const expectedInCsvOrder = records.map((record) => expectedByCategory.get(record['类别取值']!)!);
    for (const [index, record] of records.entries()) {
      expect(Math.abs(Number(record['面积（m²）']) - expectedInCsvOrder[index]!.areaM2)).toBeLessThanOrEqual(
        0.05 + 1e-6,
      );
      expect(Math.abs(Number(record['占比（0–1）']) - expectedInCsvOrder[index]!.share!)).toBeLessThanOrEqual(
        5e-7 + 1e-12,
      );
    }
    expect(records.map((record) => Number(record['要素数']))).toEqual(expectedInCsvOrder.map((row) => row.count));
    for (const record of records) {
      const row = shown.find((candidate) => candidate.category === record['类别'])!;
      // The table's hectares (two decimals) are the CSV's figure rounded.
      expect(row.cells[0]!.replaceAll(',', '')).toBe(Number(record['面积（公顷）']).toFixed(2));
    }
  });

  it('downloads an Excel workbook: the CSV’s table on one sheet, source and method on 说明', async () => {
    const csv = parse((await downloadFrom(app, 'csv')).bytes, { bom: true }) as string[][];
    const { fileName, bytes } = await downloadFrom(app, 'xlsx');
    expect(fileName).toMatch(/\.xlsx$/);
    const [table, notes, ...others] = readXlsx(new Uint8Array(bytes));
    expect(others).toEqual([]);
    expect([table!.name, notes!.name]).toEqual(['统计表', '说明']);
    // Same header, same categories, same rounded numbers as the CSV.
    expect(table!.rows[0]).toEqual(csv[0]);
    expect(table!.rows.slice(1).map((row) => row[0])).toEqual(csv.slice(1).map((record) => record[0]));
    expect(table!.rows.slice(1).map((row) => row[1])).toEqual(csv.slice(1).map((record) => Number(record[1])));
    expect(table!.rows.slice(1).map((row) => row[5])).toEqual(csv.slice(1).map((record) => Number(record[5])));
    expect(notes!.rows.map((row) => row[0])).toEqual(
      expect.arrayContaining(['来源', '方法', '合计面积（m²）', '导出时间']),
    );
    // The writer came as its own chunk, on demand.
    expect(
      await app.page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /xlsx/.test(entry.name))),
    ).toBe(true);
  });

  it('draws the chart lazily on a canvas described for screen readers', async () => {
    const canvas = app.page.locator('.land-use-chart canvas[data-chart-ready="true"]');
    await canvas.waitFor({ timeout: 30_000 });
    expect(await canvas.getAttribute('role')).toBe('img');
    expect(await canvas.getAttribute('aria-label')).toContain('条形图');
    const size = await canvas.evaluate((element) => ({
      width: (element as HTMLCanvasElement).width,
      height: (element as HTMLCanvasElement).height,
    }));
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeGreaterThan(50);
    // Chart.js came as its own chunk, after the app was ready.
    expect(app.requests.some((request) => /land-use-chart/.test(request.url))).toBe(true);
    await app.page
      .locator('.statistics-section')
      .screenshot({ path: join(SCREENSHOT_DIRECTORY, 'planner-statistics-section.png') });
    expect(await app.problems()).toEqual([]);
  });

  it('has no serious accessibility finding in the section with its table and chart (axe)', async () => {
    expect(await seriousAccessibilityFindings(app)).toEqual([]);
  });

  it('downloads the map view as an A4 landscape PNG at 150 dpi', async () => {
    await app.page.locator('.statistics-export button[data-export="png"]:not([disabled])').waitFor({ timeout: 60_000 });
    const started = Date.now();
    const { fileName, bytes } = await downloadFrom(app, 'png');
    const seconds = (Date.now() - started) / 1000;
    expect(fileName).toMatch(/\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: 1754, height: 1240 });
    mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIRECTORY, 'planner-map-a4.png'), bytes);
    console.info(`A4 PNG: ${bytes.length} bytes in ${seconds.toFixed(1)} s`);
    // The hidden print map is gone again.
    expect(await app.page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expect(await app.problems()).toEqual([]);
  });
});

describe('land-use statistics of an imported file', () => {
  let app: AppPage;
  let fileDirectory: string;

  beforeAll(async () => {
    fileDirectory = mkdtempSync(join(tmpdir(), 'statistics-e2e-'));
    app = await openApp();
    await openStatistics(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('equals the stats CLI for the file and property, and keeps a hostile category as text in the table and the CSV', async () => {
    const path = join(fileDirectory, 'parcels.geojson');
    writeFileSync(path, JSON.stringify(parcels));
    await app.page.locator('input[data-import-input]').setInputFiles(path);
    await app.page.waitForFunction(() => document.querySelectorAll('.imported-layer').length === 1, undefined, {
      timeout: 60_000,
    });
    const sourceSelect = app.page.locator('.statistics-controls select').nth(0);
    const importedValue = await sourceSelect.locator('option', { hasText: 'parcels.geojson' }).getAttribute('value');
    await sourceSelect.selectOption(importedValue!);
    await app.page.locator('.statistics-controls select').nth(1).selectOption('use');
    await waitForTable(app, 'use', importedValue!);

    let stdout = '';
    const code = await runStats([path, '--by', 'use', '--json'], {
      readText: (file) => readFile(file, 'utf8'),
      stdout: (text) => (stdout += text),
      stderr: () => {},
    });
    expect(code).toBe(0);
    const cli = JSON.parse(stdout) as {
      totalAreaM2: number;
      groups: { key: string | null; areaM2: number; count: number }[];
    };

    const rows = await shownRows(app);
    expect(rows.map((row) => row.category)).toEqual(cli.groups.map((group) => group.key));
    expectSameFigures(
      rows.map((row) => row.areaM2),
      cli.groups.map((group) => group.areaM2),
    );
    expect(await app.page.locator('.statistics-table img').count()).toBe(0);

    const { fileName, bytes } = await downloadFrom(app, 'csv');
    expect(fileName).toMatch(/^[^\\/]*parcels[^\\/]*\.csv$/);
    const records = parseCsv(bytes);
    expect(records.map((record) => Number(record['面积（m²）']))).toEqual(rows.map((row) => roundM2(row.areaM2)));
    expect(records.map((record) => Number(record['面积（m²）']))).toEqual(
      cli.groups.map((group) => roundM2(group.areaM2)),
    );
    expect(records.map((record) => Number(record['要素数']))).toEqual(cli.groups.map((group) => group.count));
    // A formula-looking name is neutralised with a leading apostrophe; the rest survives as text.
    expect(records.map((record) => record['类别'])).toEqual(
      cli.groups.map((group) => (group.key!.startsWith('=') ? `'${group.key}` : group.key)),
    );
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const geoJson = await downloadFrom(app, 'geojson');
    expect(geoJson.fileName).toMatch(/\.geojson$/);
    const exported = JSON.parse(geoJson.bytes.toString('utf8')) as FeatureCollection;
    expect(exported.features).toHaveLength(parcels.features.length);
    await app.screenshot('planner-statistics-imported');
    expect(await app.problems()).toEqual([]);
  });
});

describe('land-use statistics of a drawn area', () => {
  let app: AppPage;
  let dataset: Dataset;

  beforeAll(async () => {
    dataset = await zoneDataset();
    app = await openApp({ viewport: { width: 1280, height: 860 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('breaks a drawn polygon down by layer with the drawn-shape analysis’ figures, and exports it as GeoJSON', async () => {
    await openStatistics(app);
    await app.page.locator('.measure-tool[data-tool="polygon"]').waitFor({ timeout: 30_000 });
    await waitForMapIdle(app);
    // A square around the core area's middle, so the drawn area overlaps the zone's layers.
    const core = dataset.layers.find((layer) => layer.definition.role === 'core')!.features.features[0]!;
    const [west, south, east, north] = bbox(core);
    const centre = await app.page.evaluate(
      ([longitude, latitude]) => window.__zoneMap!.project([longitude!, latitude!]),
      [(west + east) / 2, (south + north) / 2],
    );
    const box = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
    const corners: [number, number][] = [
      [centre.x - 50, centre.y - 40],
      [centre.x + 50, centre.y - 40],
      [centre.x + 50, centre.y + 40],
      [centre.x - 50, centre.y + 40],
    ];
    await app.page.locator('.measure-tool[data-tool="polygon"]').click();
    for (const [x, y] of [...corners, corners[0]!]) await app.page.mouse.click(box.x + x, box.y + y);
    await app.page.locator('.measure-shape[data-shape-tool="polygon"]').waitFor({ timeout: 30_000 });

    const sourceSelect = app.page.locator('.statistics-controls select').nth(0);
    const drawnValue = await sourceSelect.locator('option[value^="drawn:"]').first().getAttribute('value');
    await sourceSelect.selectOption(drawnValue!);
    await app.page.locator('.statistics-controls select').nth(1).selectOption('layer');
    await waitForTable(app, 'layer', drawnValue!);
    const rows = await shownRows(app);

    const geoJson = await downloadFrom(app, 'geojson');
    const exported = JSON.parse(geoJson.bytes.toString('utf8')) as FeatureCollection<Polygon>;
    const shapeId = drawnValue!.slice('drawn:'.length);
    const drawn = exported.features.find((feature) => feature.properties?.['id'] === shapeId)!;
    const analysis = analyseDrawnPolygon(shapeId, drawn.geometry, prepareZone(dataset));
    if (!analysis.ok) throw new Error(analysis.problem);
    const expected = analysis.analysis.landUseByLayer;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.key)).toEqual(expected.rows.map((row) => row.key ?? ''));
    // Layers are named by their titles in the manifest.
    const titles = new Map(dataset.manifest.layers.map((layer) => [layer.id, layer.title.zh]));
    expect(rows.map((row) => row.category)).toEqual(expected.rows.map((row) => titles.get(row.key!) ?? row.key));
    expectSameFigures(
      rows.map((row) => row.areaM2),
      expected.rows.map((row) => row.areaM2),
    );

    const csv = parseCsv((await downloadFrom(app, 'csv')).bytes);
    expect(csv.map((record) => Number(record['面积（m²）']))).toEqual(rows.map((row) => roundM2(row.areaM2)));
    await app.screenshot('planner-statistics-drawn');
    expect(await app.problems()).toEqual([]);
  });

  it('prints the drawn shape in the A4 PNG, lists it in the legend, and keeps the title off the map', async () => {
    // In the PNG's own pixels: outline-coloured (#c2410c) pixels in all and in the legend's symbol
    // column, and non-white pixels in the title band's right half (where a map would show through).
    let printed = 0;
    const inspectPng = async (): Promise<{
      outline: number;
      legendOutline: number;
      bandInk: number;
      width: number;
    }> => {
      const { bytes } = await downloadFrom(app, 'png');
      printed += 1;
      writeFileSync(
        join(SCREENSHOT_DIRECTORY, `planner-statistics-a4-${printed === 1 ? 'with' : 'without'}-drawn.png`),
        bytes,
      );
      return app.page.evaluate(
        async ({ base64, band, symbolColumn }) => {
          const binary = atob(base64);
          const data = Uint8Array.from(binary, (character) => character.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
          const scale = bitmap.width / band.pageWidth;
          let outline = 0;
          let legendOutline = 0;
          let bandInk = 0;
          for (let y = 0; y < bitmap.height; y += 1) {
            for (let x = 0; x < bitmap.width; x += 1) {
              const index = (y * bitmap.width + x) * 4;
              const [red, green, blue] = [pixels[index]!, pixels[index + 1]!, pixels[index + 2]!];
              if (Math.hypot(red - 0xc2, green - 0x41, blue - 0x0c) < 24) {
                outline += 1;
                if (x >= symbolColumn.from * scale && x <= symbolColumn.to * scale && y > bitmap.height / 2)
                  legendOutline += 1;
              }
              // The band minus its bottom rule, from the page's middle to just before the north arrow.
              if (
                y < (band.height - 2) * scale &&
                x > bitmap.width / 2 &&
                x < bitmap.width - 80 * scale &&
                Math.min(red, green, blue) < 235
              )
                bandInk += 1;
            }
          }
          return { outline, legendOutline, bandInk, width: bitmap.width };
        },
        {
          base64: bytes.toString('base64'),
          band: { pageWidth: PRINT_PAGE.width, height: mapSheetLayout(PRINT_PAGE, true).titleBand.height },
          symbolColumn: { from: PAGE_MARGIN + PANEL_PADDING, to: PAGE_MARGIN + PANEL_PADDING + LEGEND_SYMBOL_WIDTH },
        },
      );
    };
    await app.page.locator('.statistics-export button[data-export="png"]:not([disabled])').waitFor({ timeout: 60_000 });
    const withShape = await inspectPng();
    await app.page.locator('.measure-delete').first().click();
    await app.page.locator('.measure-shape').first().waitFor({ state: 'detached', timeout: 30_000 });
    await waitForMapIdle(app);
    const withoutShape = await inspectPng();
    console.info(
      `outline-coloured pixels in the A4 PNG: ${withShape.outline} with the drawn shape, ${withoutShape.outline} without; legend column ${withShape.legendOutline} / ${withoutShape.legendOutline}`,
    );
    expect(withShape.width).toBe(1754);
    expect(withShape.outline - withoutShape.outline).toBeGreaterThan(300);
    // The legend's symbol for the drawn shape: an outlined swatch of 18 × 12 CSS px, gone with the shape.
    expect(withShape.legendOutline - withoutShape.legendOutline).toBeGreaterThan(40);
    // The title sits in a white band of its own: no map (or label) shows through beside it.
    expect(withShape.bandInk).toBe(0);
    expect(withoutShape.bandInk).toBe(0);
    expect(await app.problems()).toEqual([]);
  });
});

describe('an imported parcel file by national land class', () => {
  let app: AppPage;
  const coded = JSON.parse(readFileSync(PARCELS_PATH, 'utf8')) as FeatureCollection;

  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1280, height: 900 } });
    await openStatistics(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  interface ClassRow {
    code: string;
    name: string;
    areaM2: number;
    count: number;
    colour: string;
  }

  async function classRows(): Promise<ClassRow[]> {
    return app.page.locator('.land-use-class-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        code: row.getAttribute('data-code')!,
        name: row.querySelectorAll('td')[1]!.textContent!,
        areaM2: Number(row.querySelector('[data-area-m2]')!.getAttribute('data-area-m2')),
        count: Number(row.querySelectorAll('td')[4]!.textContent!.replaceAll(',', '')),
        colour: row.getAttribute('data-colour')!,
      })),
    );
  }

  function expectTable(rows: ClassRow[], expected: ReturnType<typeof classifyLandUse>): void {
    expect(rows.map((row) => [row.code, row.name, row.count, row.colour])).toEqual(
      expected.classes.map((row) => [row.code, row.name_zh, row.count, row.colour]),
    );
    expectSameFigures(
      rows.map((row) => row.areaM2),
      expected.classes.map((row) => row.areaM2),
    );
  }

  it('detects YDYHFL as the 2023 guide and shows its 一级类 with official names, colours, unknown codes and indicators', async () => {
    await app.page.locator('input[data-import-input]').setInputFiles(PARCELS_PATH);
    await app.page.waitForFunction(() => document.querySelectorAll('.imported-layer').length === 1, undefined, {
      timeout: 60_000,
    });
    const sourceSelect = app.page.locator('.statistics-controls select').nth(0);
    const importedValue = await sourceSelect.locator('option', { hasText: 'parcels.geojson' }).getAttribute('value');
    await sourceSelect.selectOption(importedValue!);
    // Both coded columns are offered, each with the standard its values were recognised as.
    const columnSelect = app.page.locator('.land-use-classes select[data-control="code-column"]');
    await columnSelect.locator('option[value="YDYHFL"]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await columnSelect.locator('option[value="YDYHFL"]').textContent()).toContain('用地用海分类指南（2023）');
    expect(await columnSelect.locator('option[value="DLBM"]').textContent()).toContain('三调');
    await columnSelect.selectOption('YDYHFL');
    await app.page
      .locator('.land-use-class-table[data-field="YDYHFL"][data-level="1"] tbody tr')
      .first()
      .waitFor({ timeout: 60_000 });

    const expected = classifyLandUse(coded, { field: 'YDYHFL', level: 1, standard: 'land-sea-use-2023' });
    expect(await app.page.locator('.land-use-class-table').getAttribute('data-standard')).toBe('land-sea-use-2023');
    expectTable(await classRows(), expected);
    // The 制图规范 colour of 绿地与开敞空间用地 is its 公园绿地's green, said to be borrowed.
    expect(await app.page.locator('.land-use-class-table tr[data-code="14"]').getAttribute('data-colour-source')).toBe(
      'official-child',
    );

    // Unknown codes: listed, not merged; the hostile one is text, nothing ran.
    const unknown = await app.page.locator('.land-use-unknown-codes tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        value: row.getAttribute('data-value'),
        count: Number(row.querySelectorAll('td')[0]!.textContent),
      })),
    );
    expect(unknown).toEqual(expected.unknownCodes.map((entry) => ({ value: entry.value ?? '', count: entry.count })));
    expect(await app.page.locator('.land-use-unknown-codes code', { hasText: HOSTILE_CODE }).count()).toBe(1);
    expect(await app.page.locator('.land-use-classes img').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Indicators with definition and denominator, beside the dataset's own ratio.
    for (const [key, indicator] of Object.entries(expected.indicators)) {
      const shown = app.page.locator(`.land-use-indicator[data-indicator="${key}"]`);
      expectSameFigures([Number(await shown.getAttribute('data-value'))], [indicator.value!]);
      expect(await shown.locator('.land-use-indicator__denominator').textContent()).toContain(
        '编码可识别的要素面积之和',
      );
      expect(await shown.locator('.land-use-indicator__definition').textContent()).toContain(
        indicator.definition.zh.slice(0, 6),
      );
    }
    expect(
      await app.page.locator('.land-use-indicator[data-indicator="datasetGreenSpaceRatio"] dt').textContent(),
    ).toContain('本区数据的绿地率');

    // The stats CLI prints the same table for the same file.
    let stdout = '';
    expect(
      await runStats([PARCELS_PATH, '--landuse', 'YDYHFL', '--json'], {
        readText: (file) => readFile(file, 'utf8'),
        stdout: (chunk) => (stdout += chunk),
        stderr: () => {},
      }),
    ).toBe(0);
    const cli = JSON.parse(stdout) as { classes: { code: string; areaM2: number; count: number }[] };
    const rows = await classRows();
    expect(rows.map((row) => [row.code, row.count])).toEqual(cli.classes.map((row) => [row.code, row.count]));
    expectSameFigures(
      rows.map((row) => row.areaM2),
      cli.classes.map((row) => row.areaM2),
    );
    // The class table downloads as CSV with the page's figures; the unknown codes follow as their own rows.
    const [classCsv] = await Promise.all([
      app.page.waitForEvent('download', { timeout: 60_000 }),
      app.page.locator('.land-use-classes button[data-export="class-csv"]').click(),
    ]);
    expect(classCsv.suggestedFilename()).toMatch(/parcels.*YDYHFL.*\.csv$/);
    const csvRecords = parseCsv(readFileSync(await classCsv.path()));
    expect(
      csvRecords
        .filter((record) => record['行类型'] === '类别')
        .map((record) => [record['代码'], Number(record['面积（m²）'])]),
    ).toEqual(rows.map((row) => [row.code, roundM2(row.areaM2)]));
    expect(csvRecords.filter((record) => record['行类型'] === '未知编码').map((record) => record['代码'])).toEqual(
      expected.unknownCodes.map((entry) => entry.value ?? ''),
    );
    await app.page
      .locator('.land-use-classes .land-use-chart canvas[data-chart-ready="true"]')
      .waitFor({ timeout: 30_000 });
    await app.page
      .locator('.land-use-classes')
      .screenshot({ path: join(SCREENSHOT_DIRECTORY, 'planner-land-use-classes.png') });
  });

  it('colours the layer on the map by class, and back to one colour when asked', async () => {
    const layerId = await app.page.locator('.land-use-classes').getAttribute('data-layer-id');
    const fillLayer = `user-layer-${layerId}-fill`;
    const expected = classifyLandUse(coded, { field: 'YDYHFL', level: 1, standard: 'land-sea-use-2023' });
    const paint = await app.page.evaluate((id) => window.__zoneMap!.getPaintProperty(id, 'fill-color'), fillLayer);
    expect(Array.isArray(paint) && paint[0] === 'match').toBe(true);
    const pairs = new Map<string, string>();
    const expression = paint as unknown[];
    for (let index = 2; index < expression.length - 1; index += 2)
      pairs.set(expression[index] as string, expression[index + 1] as string);
    expect(pairs.get('1401')).toBe('#00ff00');
    expect(pairs.get('100102')).toBe(expected.classes.find((row) => row.code === '10')!.colour);
    expect(pairs.has(HOSTILE_CODE)).toBe(false);
    expect(expression.at(-1)).toBe('#9aa0a6');
    await waitForMapIdle(app);
    // The classes are drawn: parcels of several colours are on screen.
    const drawn = await app.page.evaluate(
      (id) => window.__zoneMap!.queryRenderedFeatures({ layers: [id] }).length,
      fillLayer,
    );
    expect(drawn).toBeGreaterThan(0);
    await app.screenshot('planner-land-use-classes-map');

    // The map follows the checkbox once the panel has re-rendered.
    await app.page.locator('.land-use-classes input[data-control="colour-map"]').uncheck();
    await app.page.waitForFunction(
      (id) => typeof window.__zoneMap!.getPaintProperty(id, 'fill-color') === 'string',
      fillLayer,
      { timeout: 10_000 },
    );
    await app.page.locator('.land-use-classes input[data-control="colour-map"]').check();
    await app.page.waitForFunction(
      (id) => Array.isArray(window.__zoneMap!.getPaintProperty(id, 'fill-color')),
      fillLayer,
      { timeout: 10_000 },
    );
  });

  it('groups by 二级类, and reads DLBM as 三调 with its 00 湿地', async () => {
    await app.page.locator('.land-use-classes select[data-control="level"]').selectOption('2');
    await app.page
      .locator('.land-use-class-table[data-field="YDYHFL"][data-level="2"] tbody tr')
      .first()
      .waitFor({ timeout: 60_000 });
    expectTable(
      await classRows(),
      classifyLandUse(coded, { field: 'YDYHFL', level: 2, standard: 'land-sea-use-2023' }),
    );

    await app.page.locator('.land-use-classes select[data-control="code-column"]').selectOption('DLBM');
    await app.page
      .locator('.land-use-class-table[data-field="DLBM"][data-level="2"] tbody tr')
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await app.page.locator('.land-use-class-table').getAttribute('data-standard')).toBe('third-national-survey');
    expectTable(
      await classRows(),
      classifyLandUse(coded, { field: 'DLBM', level: 2, standard: 'third-national-survey' }),
    );
    // 三调's 0101K (可调整 水田) counts as 0101 and is listed as such.
    expect(
      await app.page.locator('.land-use-suffixed-codes tr[data-value="0101K"]').getAttribute('data-counted-as'),
    ).toBe('0101');
    await app.page.locator('.land-use-classes select[data-control="level"]').selectOption('1');
    await app.page
      .locator('.land-use-class-table[data-field="DLBM"][data-level="1"] tr[data-code="00"]')
      .waitFor({ timeout: 60_000 });
    // No official colours for 三调: the stated palette, and the screen says so.
    expect(await app.page.locator('.land-use-class-table tr[data-code="00"]').getAttribute('data-colour-source')).toBe(
      'palette',
    );
    expect(await app.page.locator('.land-use-classes .statistics-notes').first().textContent()).toContain('示意配色');
    expect(await seriousAccessibilityFindings(app)).toEqual([]);
    expect(await app.problems()).toEqual([]);
  });
});
