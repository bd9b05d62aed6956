/**
 * What a visitor sees before the map is ready (issue 14): the shell — the title and a map area
 * that says the map is loading — paints from index.html before any script has arrived; the app's
 * own placeholder then counts the steps (map engine, dataset files) while a file is still on its
 * way, and goes when the map has drawn. And before that first frame the page fetches only what the
 * frame needs (bench/first-render-requests.ts): anything else would compete with MapLibre.
 *
 * Slowness is made by holding a response until the test has looked, never by waiting a time.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isNeededForFirstFrame } from '../../bench/first-render-requests.ts';
import { launchBrowser, openApp, previewUrl, READY_ATTRIBUTE, withApp } from './harness.ts';

/** Routes whose requests wait until `release()`; `held` resolves when the first one arrives. */
function holdRequests(): { handler: (route: Route) => void; held: Promise<void>; release: () => void } {
  const waiting: Route[] = [];
  let released = false;
  let arrived = (): void => undefined;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  return {
    handler: (route) => {
      if (released) void route.continue();
      else {
        waiting.push(route);
        arrived();
      }
    },
    held,
    release: () => {
      released = true;
      for (const route of waiting.splice(0)) void route.continue();
    },
  };
}

describe('before the map is ready', () => {
  it('shows the title and a loading map area from the page itself, before any script has run', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      const entry = holdRequests();
      await page.route('**/assets/index-*.js', entry.handler);
      await page.goto(previewUrl(), { waitUntil: 'commit' });
      await entry.held;
      const shell = page.locator('.map-area .map-loading');
      await shell.waitFor({ state: 'visible' });
      expect(await page.locator('h1').textContent()).toBe('泸州国家高新区空间布局图');
      expect(await shell.textContent()).toContain('正在加载地图');
      // It fills the map area (the stylesheet has applied), rather than sitting as a line of text.
      const [area, box] = await Promise.all([page.locator('.map-area').boundingBox(), shell.boundingBox()]);
      expect(box!.width).toBeGreaterThan(area!.width * 0.9);
      expect(box!.height).toBeGreaterThan(area!.height * 0.9);
      await page.screenshot({ path: 'tests/e2e/screenshots/first-paint-static-shell.png' });

      entry.release();
      await page.waitForFunction((attribute) => document.documentElement.hasAttribute(attribute), READY_ATTRIBUTE, {
        timeout: 60_000,
      });
      // The app took the shell's place: one title, no placeholder left over the map.
      expect(await page.locator('h1').count()).toBe(1);
      await page.locator('.map-loading').waitFor({ state: 'detached' });
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('says what is still loading, with progress, while a dataset file is on its way, and goes once drawn', async () => {
    const browser = await launchBrowser();
    const zoneFile = holdRequests();
    await browser.context.route('**/geodata/zone.geojson', zoneFile.handler);
    const app = await openApp({ browser, path: '?lang=en', waitForReady: false });
    try {
      await zoneFile.held;
      const placeholder = app.page.locator('.map-area .map-loading[role="status"]');
      await placeholder.waitFor({ state: 'visible' });
      expect(await placeholder.textContent()).toContain('Loading the map');
      // The manifest is in (it names the held file): the count is known and stops short of the total.
      await app.page.waitForFunction(() =>
        /Data files \d+ of \d+/.test(document.querySelector('.map-loading')?.textContent ?? ''),
      );
      const [, loaded, total] = /Data files (\d+) of (\d+)/.exec((await placeholder.textContent()) ?? '')!;
      expect(Number(loaded)).toBeLessThan(Number(total));
      const progress = placeholder.locator('progress');
      const [value, max] = await progress.evaluate((element: HTMLProgressElement) => [element.value, element.max]);
      expect(max).toBeGreaterThan(Number(total));
      expect(value).toBeLessThan(max);
      expect(await progress.getAttribute('aria-label')).toBe('Map loading progress');
      await app.screenshot('first-paint-loading-placeholder');

      zoneFile.release();
      await app.waitForReady();
      await placeholder.waitFor({ state: 'detached' });
      expect(await app.page.locator('.map-loading').count()).toBe(0);
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
      await browser.close();
    }
  });

  it('fetches nothing the first frame does not need', async () => {
    await withApp({ disableCache: true }, async (app) => {
      const resources = await app.resourcesBeforeReady();
      const optional = resources.map((resource) => resource.url).filter((url) => !isNeededForFirstFrame(url));
      expect(optional).toEqual([]);
      // The rule itself must see the map's files, or an empty list would prove nothing.
      expect(resources.some((resource) => /\/assets\/maplibre-gl-worker-[^/]+\.mjs$/.test(resource.url))).toBe(true);
      expect(resources.some((resource) => /\/geodata\/zone\.geojson$/.test(resource.url))).toBe(true);
    });
  });
});
