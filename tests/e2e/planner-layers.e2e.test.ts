/**
 * An imported layer read like a GIS layer (issue 16 item 11), in real chromium against the built
 * app: grouped by one of its properties, the map colours it by that property (the table's swatches
 * are the legend), labels its features with the property's value as text, outlines a category's
 * features when its row is picked, and marks the row of a feature clicked on the map.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_PALETTE, categoryColouring } from '../../src/analysis/category-colours.ts';
import { square } from '../fixtures/square.ts';
import {
  SCREENSHOT_DIRECTORY,
  launchBrowser,
  openApp,
  waitForMapIdle,
  type AppPage,
  type BrowserSession,
} from './harness.ts';
import { openAppTab } from './app-tabs.ts';

const HOSTILE_USE = '<img src=x onerror="window.__pwned=1">';
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
      geometry: { type: 'Polygon', coordinates: square(105.415, 28.865, 0.004) },
    },
    {
      type: 'Feature',
      properties: { use: HOSTILE_USE },
      geometry: { type: 'Polygon', coordinates: square(105.45, 28.88, 0.005) },
    },
    {
      type: 'Feature',
      properties: { use: 601 },
      geometry: { type: 'Polygon', coordinates: square(105.4, 28.895, 0.004) },
    },
  ],
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type MapWindow = Window & { __zoneMap?: import('maplibre-gl').Map; __pwned?: number };

describe('an imported layer coloured, labelled and picked by a property', () => {
  let browser: BrowserSession;
  let app: AppPage;
  let directory: string;
  let layerPrefix: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'planner-layers-'));
    browser = await launchBrowser();
    app = await openApp({ browser, viewport: { width: 1280, height: 900 } });
    await openAppTab(app.page, 'measure');
    await app.page.locator('.statistics-section summary').click();
    const path = join(directory, 'parcels.geojson');
    writeFileSync(path, JSON.stringify(parcels));
    await app.page.locator('input[data-import-input]').setInputFiles(path);
    await app.page.waitForFunction(() => document.querySelectorAll('.imported-layer').length === 1, undefined, {
      timeout: 60_000,
    });
    const sourceSelect = app.page.locator('.statistics-controls select').nth(0);
    const importedValue = (await sourceSelect.locator('option', { hasText: 'parcels.geojson' }).getAttribute('value'))!;
    await sourceSelect.selectOption(importedValue);
    await app.page.locator('.statistics-controls select').nth(1).selectOption('use');
    await app.page
      .locator(`.statistics-table[data-grouped-by="use"][data-source="${importedValue}"] tbody tr`)
      .first()
      .waitFor({ timeout: 60_000 });
    layerPrefix = `user-layer-${importedValue.slice('imported:'.length)}`;
    await waitForMapIdle(app);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await browser?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('colours the map by the property, with the table’s swatches as its legend', async () => {
    await app.page.locator('.statistics-map-display input[data-map-colour]').check();
    // Preact applies the choice to the map in an effect after rendering: wait for the paint to change.
    await app.page.waitForFunction(
      (id) => Array.isArray((window as MapWindow).__zoneMap!.getPaintProperty(`${id}-fill`, 'fill-color')),
      layerPrefix,
      { timeout: 15_000 },
    );
    const keys = await app.page
      .locator('.statistics-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-category')));
    const swatches = await app.page
      .locator('.statistics-table tbody tr .land-use-swatch')
      .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).backgroundColor));
    expect(swatches).toHaveLength(keys.length);
    expect(new Set(swatches).size).toBe(keys.length);
    const fill = await app.page.evaluate(
      (id) => (window as MapWindow).__zoneMap!.getPaintProperty(`${id}-fill`, 'fill-color'),
      layerPrefix,
    );
    // The map's match lists each value with the colour its swatch shows, in the table's largest-first order.
    const tableOrder = await app.page.evaluate(() =>
      [...document.querySelectorAll('.statistics-table tbody tr')].map((row) => row.getAttribute('data-category')),
    );
    expect(fill).toEqual([
      'match',
      ['to-string', ['get', 'use']],
      ...categoryColouring('use', tableOrder).valueColours.flat(),
      categoryColouring('use', []).fallback,
    ]);
    expect((fill as unknown[]).slice(2, -1).filter((_, index) => index % 2 === 1)).toEqual(
      expect.arrayContaining([CATEGORY_PALETTE[0]]),
    );
    await waitForMapIdle(app);
    await app.screenshot('planner-layers-coloured');
    // Back to one colour when unticked.
    await app.page.locator('.statistics-map-display input[data-map-colour]').uncheck();
    await app.page.waitForFunction(
      (id) => typeof (window as MapWindow).__zoneMap!.getPaintProperty(`${id}-fill`, 'fill-color') === 'string',
      layerPrefix,
      { timeout: 15_000 },
    );
    await app.page.locator('.statistics-map-display input[data-map-colour]').check();
  });

  it('labels each feature with the property as text, a hostile value included', async () => {
    await app.page.locator('.statistics-map-display input[data-map-labels]').check();
    // The symbols are placed on a later frame than the layout change: wait for them, not for a time.
    await app.page
      .waitForFunction(
        (id) => (window as MapWindow).__zoneMap!.queryRenderedFeatures({ layers: [`${id}-label`] }).length >= 3,
        layerPrefix,
        { timeout: 30_000 },
      )
      .catch(() => undefined);
    const labels = await app.page.evaluate((id) => {
      const map = (window as MapWindow).__zoneMap!;
      return {
        visibility: map.getLayoutProperty(`${id}-label`, 'visibility'),
        rendered: map
          .queryRenderedFeatures({ layers: [`${id}-label`] })
          .map((feature) => String(feature.properties['use'])),
      };
    }, layerPrefix);
    expect(labels.visibility).toBe('visible');
    expect(new Set(labels.rendered)).toEqual(new Set(['工业', HOSTILE_USE, '601']));
    expect(await app.page.locator('img[src="x"]').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as MapWindow).__pwned)).toBeUndefined();
    await app.screenshot('planner-layers-labelled');
  });

  it('outlines a category’s features when its row is picked, and marks the row of a clicked feature', async () => {
    const industrial = app.page.locator('.statistics-table tbody tr[data-category="工业"] button.statistics-category');
    await industrial.click();
    expect(await industrial.getAttribute('aria-pressed')).toBe('true');
    await app.page.waitForFunction(
      (id) => (window as MapWindow).__zoneMap!.queryRenderedFeatures({ layers: [`${id}-highlight`] }).length > 0,
      layerPrefix,
      { timeout: 30_000 },
    );
    const outlined = await app.page.evaluate((id) => {
      const map = (window as MapWindow).__zoneMap!;
      return [...new Set(map.queryRenderedFeatures({ layers: [`${id}-highlight`] }).map((feature) => feature.id))]
        .length;
    }, layerPrefix);
    expect(outlined).toBe(2);
    await app.screenshot('planner-layers-highlighted');

    // Click the 601 parcel's middle on the map: its row is marked.
    const point = await app.page.evaluate(() => {
      const map = (window as MapWindow).__zoneMap!;
      const projected = map.project([105.4, 28.895]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + projected.x, y: box.top + projected.y };
    });
    await app.page.mouse.click(point.x, point.y);
    await app.page
      .locator('.statistics-table tr.statistics-row--highlighted[data-category="601"]')
      .waitFor({ timeout: 15_000 });
    expect(await app.page.locator('.statistics-table tr.statistics-row--highlighted').count()).toBe(1);
    expect(
      await app.page
        .locator('.statistics-table tbody tr[data-category="601"] button.statistics-category')
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await waitForMapIdle(app);
    const outlinedAfterClick = await app.page.evaluate(
      (id) =>
        (window as MapWindow)
          .__zoneMap!.queryRenderedFeatures({ layers: [`${id}-highlight`] })
          .map((feature) => String(feature.properties['use'])),
      layerPrefix,
    );
    expect(new Set(outlinedAfterClick)).toEqual(new Set(['601']));
    await app.page
      .locator('.statistics-table')
      .screenshot({ path: join(SCREENSHOT_DIRECTORY, 'planner-layers-table.png') });
    await app.screenshot('planner-layers-clicked');
    expect(await app.problems()).toEqual([]);
  });

  it('gives the layer a 绿地率 once the planner says which values are green land', async () => {
    expect(await app.page.locator('.statistics-green-values__result').count()).toBe(0);
    await app.page.locator('.statistics-green-values input[data-green-value="601"]').check();
    const result = app.page.locator('.statistics-green-values__result');
    await result.waitFor({ timeout: 15_000 });
    const areas = await app.page.locator('.statistics-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        key: row.getAttribute('data-category'),
        areaM2: Number(row.querySelector('[data-area-m2]')!.getAttribute('data-area-m2')),
      })),
    );
    const total = areas.reduce((sum, row) => sum + row.areaM2, 0);
    const green = areas.find((row) => row.key === '601')!.areaM2;
    expect(Number(await result.getAttribute('data-green-ratio'))).toBeCloseTo(green / total, 12);
    expect(await result.textContent()).toContain('绿地率');
    // A second value adds its area; the hostile value's checkbox is labelled with its text, not markup.
    await app.page.locator('.statistics-green-values input[data-green-value="工业"]').check();
    const industrial = areas.find((row) => row.key === '工业')!.areaM2;
    await app.page.waitForFunction(
      (expected) =>
        Math.abs(
          Number(document.querySelector('.statistics-green-values__result')!.getAttribute('data-green-ratio')) -
            expected,
        ) < 1e-12,
      (green + industrial) / total,
    );
    expect(await app.page.locator('.statistics-green-values label', { hasText: HOSTILE_USE }).count()).toBe(1);
    expect(await app.page.locator('.statistics-green-values img').count()).toBe(0);
    await app.page
      .locator('.statistics-green-values')
      .screenshot({ path: join(SCREENSHOT_DIRECTORY, 'planner-layers-green-values.png') });
    expect(await app.problems()).toEqual([]);
  });

  it('has no serious accessibility finding with the category buttons, map and green-value controls shown (axe)', async () => {
    await app.page.evaluate(axeSource);
    const findings = await app.page.evaluate(async () => {
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
    expect(findings).toEqual([]);
  });
});
