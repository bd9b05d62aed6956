/**
 * Visitors walk the wetland park with a weak signal: after one visit the app must reload and work
 * with no network at all. The app is served by a server of this test's own, which is then shut
 * down (and the browser put offline too), so nothing can quietly come from the network.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { describe, expect, inject, it } from 'vitest';
import { freePort, serveBuiltApp } from './global-setup.ts';
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
      // Installable, by chromium's own checks (manifest, icon, worker, start URL).
      const cdp = await first.page.context().newCDPSession(first.page);
      expect(await cdp.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [] });
      expect(await first.problems()).toEqual([]);
      await first.close();

      await server.close();
      serverOpen = false;
      await browser.context.setOffline(true);

      const second = await openApp({
        browser,
        baseUrl: server.url,
        path: '?view=105.5,28.86,13,20#feature=green/green-yuzixi-wetland-park',
      });
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

  it('says when a newer version is ready and reloads into it only when the visitor asks', async () => {
    const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const newer = mkdtempSync(join(tmpdir(), 'luzhou-newer-build-'));
    cpSync(inject('distDirectory'), newer, { recursive: true });
    // Any byte of difference in the worker script is a new version to the browser.
    appendFileSync(join(newer, 'sw.js'), '\n// a newer deployment\n');
    const port = await freePort();
    const serve = (directory: string) =>
      preview({
        root: projectRoot,
        logLevel: 'warn',
        build: { outDir: directory },
        preview: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
    const baseUrl = `http://127.0.0.1:${port}/`;
    let server = await serve(inject('distDirectory'));
    const browser = await launchBrowser();
    try {
      const first = await openApp({ browser, baseUrl });
      await first.page.waitForFunction(() => window.__offlineReady === true, undefined, { timeout: 60_000 });
      await first.close();
      await server.close();
      server = await serve(newer);

      const second = await openApp({ browser, baseUrl });
      const notice = second.page.locator('.update-notice', { hasText: '新版本' });
      await notice.waitFor({ timeout: 60_000 });
      // Nothing reloads on its own: the page the visitor is using stays.
      await second.page.evaluate(() => Object.assign(window, { __stillTheSamePage: true }));
      expect(
        await second.page.evaluate(() =>
          navigator.serviceWorker.getRegistration().then((registration) => Boolean(registration?.waiting)),
        ),
      ).toBe(true);
      await notice.getByRole('button', { name: '重新载入' }).click();
      await second.page.waitForFunction(() => !('__stillTheSamePage' in window), undefined, { timeout: 30_000 });
      await second.waitForReady();
      const state = await second.page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: Boolean(registration?.waiting), controlled: Boolean(navigator.serviceWorker.controller) };
      });
      expect(state).toEqual({ waiting: false, controlled: true });
      expect(await second.problems()).toEqual([]);
      await second.close();
    } finally {
      await browser.close();
      await server.close();
      rmSync(newer, { recursive: true, force: true });
    }
  });
});
