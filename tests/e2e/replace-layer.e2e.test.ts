/**
 * "Use as a dataset layer…" in a real browser (issue 11 §1): a planner imports a surveyed file,
 * maps its columns, states the source; the dataset's green layer is replaced, the banner says so,
 * the zone's 绿地率 follows (the stats CLI on the exported dataset gives the same figure), a reload
 * keeps it; a mapping that breaks the contract replaces nothing and lists why. The replaced
 * layer is labelled on the map, drawn solid when its confidence is high, its legend entry says
 * what replaced it, and its measured area is checked against the stated one.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runStats } from '../../scripts/stats/run-stats.ts';
import { openAppTab } from './app-tabs.ts';
import { openApp, waitForMapIdle, type AppPage } from './harness.ts';

const geodata = fileURLToPath(new URL('../../geodata/', import.meta.url));

function square(longitude: number, latitude: number, sideKm: number): number[][][] {
  const dLat = sideKm / 2 / 110.574;
  const dLon = sideKm / 2 / (111.32 * Math.cos((latitude * Math.PI) / 180));
  return [
    [
      [longitude - dLon, latitude - dLat],
      [longitude + dLon, latitude - dLat],
      [longitude + dLon, latitude + dLat],
      [longitude - dLon, latitude + dLat],
      [longitude - dLon, latitude - dLat],
    ],
  ];
}

const SURVEY = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { MC: '渔子溪湿地（实测）', YWMC: 'Yuzixi wetland (surveyed)', MJ: 2 },
      geometry: { type: 'Polygon', coordinates: square(105.44, 28.87, 2) },
    },
    {
      type: 'Feature',
      properties: { MC: '<img src=x onerror="window.__hacked=1">', YWMC: '', MJ: 1 },
      geometry: { type: 'Polygon', coordinates: square(105.47, 28.9, 1) },
    },
  ],
};

const measured = (app: AppPage) =>
  app.page.waitForFunction(
    () => {
      const text = document.querySelector<HTMLElement>('.overview-panel')?.innerText ?? '';
      return text.includes('km²') && !text.includes('量算中');
    },
    undefined,
    { timeout: 60_000 },
  );

async function importSurvey(app: AppPage, name: string): Promise<void> {
  await openAppTab(app.page, 'measure');
  await app.page
    .locator('input[data-import-input]')
    .setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(SURVEY)) });
  await app.page.locator('.imported-layer [data-replace-layer]').waitFor({ timeout: 60_000 });
}

async function fillMapping(app: AppPage, source: string): Promise<void> {
  const form = app.page.locator('.imported-layer [data-replace-layer]');
  await form.locator('summary').click();
  await form.locator('select[name="target"]').selectOption('green');
  await form.locator('select[name="name_zh"]').selectOption('MC');
  await form.locator('select[name="name_en"]').selectOption('YWMC');
  await form.locator('select[name="stated_area"]').selectOption('MJ');
  await form.locator('select[name="unit"]').selectOption('km2');
  await form.locator('input[name="source"]').fill(source);
  await form.locator('select[name="confidence"]').selectOption('high');
}

describe('replacing the green layer with a surveyed file', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a mapping whose names are empty replaces nothing and says which feature and why', async () => {
    await importSurvey(app, '绿地普查.geojson');
    await fillMapping(app, '泸州市园林局 2025 年绿地普查');
    const form = app.page.locator('.imported-layer [data-replace-layer]');
    // The English column is empty for one feature, which falls back to its name; the Chinese one must not be.
    await form.locator('select[name="name_zh"]').selectOption('YWMC');
    await form.locator('button[type="submit"]').click();
    const alert = form.locator('[role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/green-2.*name_zh/);
    expect(await app.page.locator('[data-dataset-banner]').count()).toBe(0);
  });

  test('a valid mapping replaces it: banner, the 绿地率 the CLI gives for the new dataset, kept on reload', async () => {
    const form = app.page.locator('.imported-layer [data-replace-layer]');
    await form.locator('select[name="name_zh"]').selectOption('MC');
    const reloaded = app.page.waitForEvent('load');
    await form.locator('button[type="submit"]').click();
    await reloaded;
    await app.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });
    expect(await app.page.locator('[data-dataset-banner]').innerText()).toContain('绿地普查.geojson');
    await measured(app);

    // The dataset the app now holds, exported, measured by the CLI: the same 绿地率 on screen.
    await openAppTab(app.page, 'measure');
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.locator('[data-dataset-export]').click(),
    ]);
    const files = Object.entries(unzipSync(new Uint8Array(await readFile((await download.path())!))));
    const green = JSON.parse(strFromU8(files.find(([path]) => path === 'green.geojson')![1]));
    expect(green.features.map((feature: { properties: { name_zh: string } }) => feature.properties.name_zh)).toEqual([
      '渔子溪湿地（实测）',
      '<img src=x onerror="window.__hacked=1">',
    ]);
    const directory = mkdtempSync(join(tmpdir(), 'replace-e2e-'));
    try {
      cpSync(geodata, directory, { recursive: true });
      for (const [path, bytes] of files) writeFileSync(join(directory, path), bytes);
      let stdout = '';
      expect(
        await runStats(['--json', '--geodata', directory], {
          readText: (path) => readFile(path, 'utf8'),
          stdout: (text) => (stdout += text),
          stderr: () => undefined,
        }),
      ).toBe(0);
      const ratio = `${(JSON.parse(stdout).summary.greenSpaceRatio * 100).toFixed(1)} %`;
      await openAppTab(app.page, 'explore');
      expect(await app.page.locator('.overview-panel').innerText()).toContain(ratio);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }

    await app.page.reload();
    await app.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });
    expect(await app.page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();
    expect(await app.problems()).toEqual([]);
  });

  test('the replaced layer is labelled, drawn solid, honest in the legend, and checked against its stated area', async () => {
    await app.page.locator('html[data-map-ready]').waitFor({ timeout: 60_000 });
    // Frame the surveyed squares, so their labels are placed and their outlines drawn.
    await app.page.evaluate(() => window.__zoneMap!.jumpTo({ center: [105.455, 28.885], zoom: 12.5 }));
    await waitForMapIdle(app);
    const rendered = async () =>
      app.page.evaluate(() => {
        const map = window.__zoneMap!;
        const features = (layer: string) =>
          map.queryRenderedFeatures({ layers: [layer] }).map((feature) => ({
            id: String(feature.properties['id']),
            name: String(feature.properties['name_zh']),
          }));
        return {
          labels: features('green:label'),
          solid: features('green:outline').map((feature) => feature.id),
          dashed: features('green:outline-approximate').map((feature) => feature.id),
          solidDash: map.getPaintProperty('green:outline', 'line-dasharray') ?? null,
          dashedDash: map.getPaintProperty('green:outline-approximate', 'line-dasharray') ?? null,
        };
      });
    await expect
      .poll(async () => new Set((await rendered()).labels.map((label) => label.id)), { timeout: 20_000 })
      .toEqual(new Set(['green-1', 'green-2']));
    const drawn = await rendered();
    // The names the planner's file gave, written by the map as text (the hostile one too).
    expect(new Set(drawn.labels.map((label) => label.name))).toEqual(
      new Set(SURVEY.features.map((feature) => feature.properties.MC)),
    );
    expect(await app.page.locator('img[src="x"]').count()).toBe(0);
    // A high-confidence replacement is drawn solid, not dashed.
    expect(drawn.solid).toEqual(expect.arrayContaining(['green-1', 'green-2']));
    expect(drawn.dashed).not.toContain('green-1');
    expect(drawn.dashed).not.toContain('green-2');
    expect(drawn.solidDash).toBeNull();
    expect(drawn.dashedDash).not.toBeNull();
    await app.screenshot('replace-layer-labelled');

    // The legend's description of the layer says it was replaced, from which file, when, how sure.
    await openAppTab(app.page, 'explore');
    const legend = app.page.locator('.layer-item[data-layer-id="green"] label');
    const description = await legend.getAttribute('title');
    expect(description).toContain('已替换');
    expect(description).toContain('绿地普查.geojson');
    expect(description).toContain(new Date().toISOString().slice(0, 10));
    expect(description).toContain('可信度：高');
    expect(description).toContain('泸州市园林局 2025 年绿地普查');
    expect(await app.page.locator('.layer-item[data-layer-id="green"] .layer-figures').innerText()).toMatch(/^2\D/);

    // Measured against stated: a 2 km square (≈ 4 km²) against a stated 2 km², with the figure's source.
    await app.page.evaluate(() => {
      window.location.hash = 'feature=green/green-1';
    });
    const panel = app.page.locator('.feature-panel[data-feature-id="green-1"]');
    await panel.waitFor({ timeout: 30_000 });
    const difference = (await panel.locator('.difference').innerText()).replace(/\s/g, '');
    expect(difference).toMatch(/^\+\d+(\.\d+)?%$/);
    expect(Number(difference.slice(1, -1))).toBeCloseTo(100, -0.5);
    const statedCitation = panel.locator('.citation', { hasText: '出处' });
    expect(await statedCitation.innerText()).toContain('泸州市园林局 2025 年绿地普查');
    expect(await app.problems()).toEqual([]);
  });
});
