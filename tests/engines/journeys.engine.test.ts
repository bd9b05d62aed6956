/**
 * The journeys that matter to people on Gecko (Firefox) and WebKit (every iPhone browser, WeChat),
 * written once against tests/engines/engine.ts and run in the engine ENGINE names. Chromium runs
 * the full suite in tests/e2e/ instead. Each journey opens a fresh browser (a fresh profile), so
 * nothing one leaves in storage reaches the next.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineApp } from './engine.ts';
import { openEngineApp, selectedEngine } from './select-engine.ts';

const engine = selectedEngine().name;
const WETLAND_PARK = { layer: 'green', id: 'green-yuzixi-wetland-park', name: '渔子溪生态湿地公园' };

let opened: EngineApp[] = [];
async function open(...parameters: Parameters<typeof openEngineApp>): Promise<EngineApp> {
  const app = await openEngineApp(...parameters);
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
  await app.waitFor(`a search result for ${query}`, () => document.querySelector('#search-results [role="option"]') !== null);
}

function mapAtRest(app: EngineApp): Promise<void> {
  return app.waitFor('the map to stop moving', () => window.__zoneMap !== undefined && !window.__zoneMap.isMoving());
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
  });
});

describe(`${engine}: search`, () => {
  it('finds the wetland park from "yzx" and opens its panel where the map flies', async () => {
    const app = await open();
    await searchFor(app, 'yzx');
    expect(await app.text('#search-results [role="option"]')).toContain(WETLAND_PARK.name);
    await app.click('#search-results [role="option"]');
    await app.waitFor('the park panel', (id) => document.querySelector(`.feature-panel[data-feature-id="${id}"]`) !== null, WETLAND_PARK.id);
    expect(await app.text('.feature-panel h2')).toContain(WETLAND_PARK.name);
    await mapAtRest(app);
    const parkInView = await app.evaluate(() => {
      const map = window.__zoneMap!;
      const rendered = map.queryRenderedFeatures().filter((feature) => feature.properties['id'] === 'green-yuzixi-wetland-park');
      return rendered.length > 0;
    });
    expect(parkInView).toBe(true);
    await app.screenshot('search-yzx');
    expect(await app.problems()).toEqual([]);
  });
});
