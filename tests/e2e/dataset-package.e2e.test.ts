/**
 * The dataset as files, in a real browser (issue 11 §2): export the dataset from the planner's
 * toolkit, correct it outside the app, load it back; the map, the banner and the statistics follow,
 * a reload keeps it, "back to the shipped data" asks and can be undone. A broken or hostile package
 * changes nothing.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runStats } from '../../scripts/stats/run-stats.ts';
import { openAppTab } from './app-tabs.ts';
import { launchBrowser, openApp, type AppPage, type BrowserSession } from './harness.ts';

const geodata = fileURLToPath(new URL('../../geodata/', import.meta.url));

async function exportDataset(app: AppPage): Promise<Record<string, string>> {
  await openAppTab(app.page, 'measure');
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.locator('[data-dataset-export]').click(),
  ]);
  const bytes = await readFile((await download.path())!);
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(bytes))).map(([path, data]) => [path, strFromU8(data)]),
  );
}

async function loadPackage(app: AppPage, name: string, files: Record<string, string>): Promise<void> {
  await openAppTab(app.page, 'measure');
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
  await app.page
    .locator('[data-dataset-input]')
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(zip) });
}

/** The green-space ratio the stats CLI prints for a geodata folder, as the overview formats it. */
async function cliGreenRatio(files: Record<string, string>): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'dataset-e2e-'));
  try {
    cpSync(geodata, directory, { recursive: true });
    for (const [path, text] of Object.entries(files)) writeFileSync(join(directory, path), text);
    let stdout = '';
    const code = await runStats(['--json', '--geodata', directory], {
      readText: (path) => readFile(path, 'utf8'),
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    return `${(JSON.parse(stdout).summary.greenSpaceRatio * 100).toFixed(1)} %`;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const overview = (app: AppPage) => app.page.locator('.overview-panel').innerText();
/** The overview is on screen and no longer says it is measuring. */
const measured = (app: AppPage) =>
  app.page.waitForFunction(
    () => {
      const panel = document.querySelector<HTMLElement>('.overview-panel');
      const text = panel?.innerText ?? '';
      return text.includes('km²') && !text.includes('量算中');
    },
    undefined,
    { timeout: 60_000 },
  );

describe('a dataset package, exported, corrected and loaded back', () => {
  let browser: BrowserSession;
  let app: AppPage;
  let corrected: Record<string, string>;
  let droppedName: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp({ browser });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  test('exports geodata/ as the build wrote it, with an empty change list', async () => {
    const files = await exportDataset(app);
    for (const name of ['manifest.json', 'zone.geojson', 'green.geojson', 'districts.geojson']) {
      expect(files[name], name).toBe(await readFile(join(geodata, name), 'utf8'));
    }
    expect(JSON.parse(files['CHANGES.json']!).changes).toEqual([]);
    // A planner's correction outside the app: one green area is not green land after all.
    const green = JSON.parse(files['green.geojson']!);
    droppedName = green.features[0].properties.name_zh;
    green.features = green.features.slice(1);
    const lines = green.features.map((feature: unknown) => JSON.stringify(feature));
    corrected = {
      ...files,
      'green.geojson': `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`,
      'CHANGES.json': JSON.stringify({
        format: 1,
        basedOn: 'shipped',
        changes: [{ what: 'removed: not green land', layerId: 'green', at: '2026-12-01T00:00:00.000Z' }],
      }),
    };
    expect(await app.problems()).toEqual([]);
  });

  test('loaded back, it replaces the dataset: banner, map data and the statistics the CLI gives', async () => {
    const reloaded = app.page.waitForEvent('load');
    await loadPackage(app, 'corrected.zip', corrected);
    await reloaded;
    await app.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });
    expect(await app.page.locator('[data-dataset-banner]').innerText()).toContain('corrected.zip');
    await measured(app);
    expect(await overview(app)).toContain(await cliGreenRatio(corrected));
    expect(await overview(app)).not.toContain(await cliGreenRatio({}));
    const search = app.page.locator('#search-input');
    await search.fill(droppedName);
    await expect
      .poll(() => app.page.locator('.search-result').allInnerTexts(), { timeout: 10_000 })
      .not.toContainEqual(expect.stringContaining(droppedName));
  });

  test('a reload keeps it, and exporting again gives back the same files', async () => {
    await app.page.reload();
    await app.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });
    // The change list is on screen, and a shared link warns that it opens the shipped data.
    await openAppTab(app.page, 'measure');
    await app.page.locator('[data-dataset-changes] summary').click();
    expect(await app.page.locator('[data-dataset-changes] li').allInnerTexts()).toEqual([
      expect.stringContaining('removed: not green land'),
    ]);
    await app.page.locator('.share--view .share__button').click();
    await app.page.locator('[data-share-dataset-note]').waitFor();
    await app.page.keyboard.press('Escape');
    const again = await exportDataset(app);
    expect(again['green.geojson']).toBe(corrected['green.geojson']);
    expect(JSON.parse(again['CHANGES.json']!).changes).toEqual(JSON.parse(corrected['CHANGES.json']!).changes);
  });

  test('back to the shipped data asks first, and can be undone until the tab is left', async () => {
    let asked = '';
    app.page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await app.page.locator('[data-dataset-banner] button').click();
    await expect.poll(() => asked).toContain('恢复随附数据');
    expect(await app.page.locator('[data-dataset-banner="package"]').count()).toBe(1);

    app.page.once('dialog', (dialog) => void dialog.accept());
    const reset = app.page.waitForEvent('load');
    await app.page.locator('[data-dataset-banner] button').click();
    await reset;
    await app.page.locator('[data-dataset-banner="shipped"]').waitFor({ timeout: 30_000 });
    await measured(app);
    expect(await overview(app)).toContain(await cliGreenRatio({}));

    const undone = app.page.waitForEvent('load');
    await app.page.locator('[data-dataset-banner] button').click();
    await undone;
    await app.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });
    expect(await app.problems()).toEqual([]);
  });
});

describe('a package that is broken or hostile', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('is refused with the problem named, and the shipped data stays', async () => {
    const files = await exportDataset(app);
    const green = JSON.parse(files['green.geojson']!);
    green.features[0].properties.source = '';
    green.features[0].properties.name_zh = '<img src=x onerror="window.__hacked=1">';
    await loadPackage(app, '<b>evil</b>.zip', { ...files, 'green.geojson': JSON.stringify(green) });
    const alert = app.page.locator('.dataset-section [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain('<b>evil</b>.zip');
    expect(await alert.innerText()).toContain('green.geojson');
    expect(await app.page.locator('.dataset-section [role="alert"] b, .dataset-section img').count()).toBe(0);
    expect(await app.page.locator('[data-dataset-banner]').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();
    expect(await app.problems()).toEqual([]);
  });
});
