/**
 * What the app says where a figure or a position is ours rather than a source's, in real chromium:
 * 杨桥湖生态公园 keeps its real name but is labelled and described as "position unknown"; shapes
 * drawn to their stated figure never show "measured − stated" as if it confirmed that figure; and
 * the green-space ratios say which green land they leave out or include on a guess.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Manifest, ZoneFeatureCollection } from '../../src/data/dataset-types.ts';
import { type AppPage, withApp } from './harness.ts';

const geodataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const manifest = JSON.parse(readFileSync(join(geodataDirectory, 'manifest.json'), 'utf8')) as Manifest;
const features = manifest.layers.flatMap(
  (layer) => (JSON.parse(readFileSync(join(geodataDirectory, layer.file), 'utf8')) as ZoneFeatureCollection).features,
);
const unknownPosition = features.find((feature) => feature.properties.position_unknown === true)!;
const LAKE_ID = 'green-yangqiao-lake-park';
const WING_ID = 'wing-jiangyang';
const WETLAND_ID = 'green-yuzixi-wetland-park';

/** Measurements arrive just after the first frame; wait until no panel says it is still measuring. */
async function waitForStatistics(app: AppPage, measuringText: string): Promise<void> {
  await app.page.waitForFunction((text) => !document.body.innerText.includes(text), measuringText, { timeout: 15_000 });
}

/** Ids of the features a label layer has placed on screen. */
async function labelledIds(app: AppPage, styleLayerId: string): Promise<unknown[]> {
  return app.page.evaluate(
    (layerId) =>
      window.__zoneMap!.queryRenderedFeatures({ layers: [layerId] }).map((feature) => feature.properties['id']),
    styleLayerId,
  );
}

describe('honesty about our own choices', () => {
  it('ships 杨桥湖 as the one feature of unknown position, under its real name', () => {
    expect(unknownPosition.properties.id).toBe(LAKE_ID);
    expect(unknownPosition.properties.name_zh).toBe('杨桥湖生态公园');
  });

  it('in Chinese: labels, panels and the list say 位置未知, and no by-construction match reads as a check', async () => {
    await withApp({ path: `#feature=green/${LAKE_ID}` }, async (app) => {
      await waitForStatistics(app, '量算中');
      const panel = app.page.locator(`.feature-panel[data-feature-id="${LAKE_ID}"]`);
      await panel.waitFor();
      await app.page.waitForFunction(() => !window.__zoneMap!.isMoving(), undefined, { timeout: 10_000 });

      // The map label of the framed lake carries the caveat; the name itself does not.
      await app.page.waitForFunction(
        (id) =>
          window
            .__zoneMap!.queryRenderedFeatures({ layers: ['green:label'] })
            .some((feature) => feature.properties['id'] === id),
        LAKE_ID,
        { timeout: 10_000 },
      );
      expect(await labelledIds(app, 'green:label')).toContain(LAKE_ID);
      expect(
        JSON.stringify(await app.page.evaluate(() => window.__zoneMap!.getLayoutProperty('green:label', 'text-field'))),
      ).toContain('位置未知');
      await app.screenshot('honesty-lake-zh');

      expect((await panel.locator('h2').textContent())?.trim()).toBe('≈杨桥湖生态公园');
      expect(await panel.locator('.position-unknown').textContent()).toContain('位置未知');
      // 2000 亩 drawn at 2000 亩: the panel says why they agree instead of printing +0.0 %.
      const difference = await panel.locator('.difference').textContent();
      expect(difference).toContain('不是核对');
      expect(difference).not.toMatch(/%/);

      const overview = app.page.locator('.overview-panel');
      const zoneDifference = await overview.locator('.zone-area .area-difference').textContent();
      expect(zoneDifference).toContain('构造');
      expect(zoneDifference).not.toMatch(/%/);
      expect(await overview.locator('.green-includes-unknown').textContent()).toContain('杨桥湖生态公园');

      // The wing it is drawn in does not count it, and says so beside its ratio.
      await app.page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await app.page.locator('.list-toggle').click();
      const list = app.page.locator('.feature-list');
      await list.waitFor();
      expect(await list.locator(`tr[data-feature-id="${LAKE_ID}"] .position-unknown`).textContent()).toBe('位置未知');
      const wetlandStated = await list.locator(`tr[data-feature-id="${WETLAND_ID}"] td`).nth(2).textContent();
      expect(wetlandStated).toContain('按此面积绘制');
      expect(wetlandStated).not.toMatch(/%/);
      await list.locator(`tr[data-feature-id="${LAKE_ID}"]`).scrollIntoViewIfNeeded();
      await app.screenshot('honesty-list-zh');

      await list.locator(`tr[data-feature-id="${WING_ID}"] button`).click();
      const wingPanel = app.page.locator(`.feature-panel[data-feature-id="${WING_ID}"]`);
      await wingPanel.waitFor();
      expect(await wingPanel.locator('.green-ratio').textContent()).toMatch(/[\d.]+ %/);
      expect(await wingPanel.locator('.green-not-counted').textContent()).toContain('未计入：杨桥湖生态公园');
      await app.screenshot('honesty-wing-zh');
    });
  });

  it('in English: the label and the panel say "position unknown"', async () => {
    await withApp({ path: `?lang=en#feature=green/${LAKE_ID}` }, async (app) => {
      await waitForStatistics(app, 'measuring…');
      const panel = app.page.locator(`.feature-panel[data-feature-id="${LAKE_ID}"]`);
      await panel.waitFor();
      expect(
        JSON.stringify(await app.page.evaluate(() => window.__zoneMap!.getLayoutProperty('green:label', 'text-field'))),
      ).toContain('(position unknown)');
      expect((await panel.locator('h2').textContent())?.trim()).toBe('≈Yangqiao Lake Ecological Park');
      expect(await panel.locator('.position-unknown').textContent()).toContain('Position unknown');
      expect(await panel.locator('.difference').textContent()).toContain('Not a check');
      expect(await app.page.locator('.overview-panel .green-includes-unknown').textContent()).toContain(
        'Yangqiao Lake Ecological Park',
      );
    });
  });
});
