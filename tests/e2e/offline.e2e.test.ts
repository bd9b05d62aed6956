/**
 * Visitors walk the wetland park with a weak signal: after one visit the app must reload and work
 * with no network at all. The app is served by a server of this test's own, which is then shut
 * down (and the browser put offline too), so nothing can quietly come from the network.
 */
import { describe, expect, inject, it } from 'vitest';
import { serveBuiltApp } from './global-setup.ts';
import { launchBrowser, openApp } from './harness.ts';

describe('offline after the first visit', () => {
  it('reloads with the server gone: map, data, Chinese font, search and English all work', async () => {
    const server = await serveBuiltApp(inject('distDirectory'));
    let serverOpen = true;
    const browser = await launchBrowser();
    try {
      const first = await openApp({ browser, baseUrl: server.url, path: '?lang=zh' });
      // The service worker is registered after the first frame and says when everything is cached.
      await first.page.waitForFunction(() => window.__offlineReady === true, undefined, { timeout: 60_000 });
      await first.page.locator('.update-notice', { hasText: '离线' }).waitFor();
      // Characters outside the shipped subset load fallback font files on first use; once the
      // worker runs it caches them. The visitor reads the page in both languages while online.
      await first.page.getByRole('button', { name: 'English' }).click();
      await first.page.locator('h1', { hasText: 'Luzhou' }).waitFor();
      await first.page.evaluate(() => document.fonts.ready);
      await first.page.getByRole('button', { name: '中文' }).click();
      const manifest = await first.page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
      expect(manifest.icons.length).toBeGreaterThan(0);
      expect(await first.problems()).toEqual([]);
      await first.close();

      await server.close();
      serverOpen = false;
      await browser.context.setOffline(true);

      const second = await openApp({ browser, baseUrl: server.url, path: '?view=105.5,28.86,13,20#feature=green/green-yuzixi-wetland-park' });
      await second.page.locator('.feature-panel').waitFor();
      const drawn = await second.page.evaluate(() => window.__zoneMap!.queryRenderedFeatures().length);
      expect(drawn).toBeGreaterThan(0);
      // Chinese drawn with the shipped font, not boxes: the face is loaded from the cache.
      const fontLoaded = await second.page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((face) => face.status === 'loaded' && /Noto Sans SC/i.test(face.family));
      });
      expect(fontLoaded).toBe(true);

      // The search module is loaded lazily: it must have been cached too.
      const input = second.page.getByRole('combobox');
      await input.click();
      await input.fill('zhangba');
      await second.page.locator('#search-results [role="option"]', { hasText: '张坝桂圆林' }).first().waitFor();
      await second.page.getByRole('button', { name: 'English' }).click();
      await second.page.locator('h1', { hasText: 'Luzhou' }).waitFor();
      await second.screenshot('offline-reload');
      const failed = second.requests.filter((request) => request.failure && !request.url.endsWith('/sw.js'));
      expect(failed.map((request) => `${request.url} ${request.failure}`)).toEqual([]);
      expect(await second.problems()).toEqual([]);
      await second.close();
    } finally {
      await browser.close();
      if (serverOpen) await server.close();
    }
  });
});
