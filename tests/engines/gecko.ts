/**
 * Gecko: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (ENGINEERING.md §5).
 * Headed, because headless Firefox has no WebGL on these machines: run it under Xvfb with Mesa.
 *
 * What it sees: every request of the page and of its workers (BiDi `network.beforeRequestSent`
 * through puppeteer's `request` event, no interception needed), console errors and uncaught
 * errors (BiDi `log.entryAdded`), and the page's own record (engine.ts) installed as a preload
 * script, so it runs before the app's scripts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  callSource,
  firstNavigation,
  FIREFOX_PATH,
  isOffOrigin,
  PAGE_RECORDER,
  pollUntil,
  problemLines,
  READY_ATTRIBUTE,
  recordOrEmpty,
  screenshotPath,
  type Engine,
  type EngineApp,
  type OpenOptions,
  type PageFunction,
} from './engine.ts';

/** Firefox's own background traffic is not the page's, but keep the profile quiet anyway. */
const QUIET_PREFERENCES: Record<string, unknown> = {
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'app.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  // WebGL through Mesa's software rasteriser under Xvfb (no GPU here).
  'webgl.force-enabled': true,
  'intl.accept_languages': 'zh-CN,zh,en',
};

export const gecko: Engine = {
  name: 'gecko',
  unavailableReason() {
    return existsSync(FIREFOX_PATH) ? null : `${FIREFOX_PATH} is missing (Debian package firefox-esr)`;
  },
  async open(options: OpenOptions): Promise<EngineApp> {
    const profile = mkdtempSync(join(tmpdir(), 'luzhou-gecko-profile-'));
    const browser: Browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      protocol: 'webDriverBiDi',
      headless: false,
      userDataDir: profile,
      extraPrefsFirefox: QUIET_PREFERENCES,
      defaultViewport: null,
    });
    try {
      const page = await browser.newPage();
      return await geckoApp(browser, page, profile, options);
    } catch (error) {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      throw error;
    }
  },
};

async function geckoApp(browser: Browser, page: Page, profile: string, options: OpenOptions): Promise<EngineApp> {
  const origin = new URL(options.baseUrl).origin;
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) =>
    pageErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );
  await page.setViewport(options.viewport ?? { width: 1280, height: 800 });
  await page.evaluateOnNewDocument(PAGE_RECORDER);

  const evaluate = async <Result, Argument = null>(
    script: PageFunction<Argument, Result>,
    argument?: Argument,
  ): Promise<Result> => (await page.evaluate(callSource(script, argument as Argument))) as Result;
  const record = async () => recordOrEmpty(await page.evaluate('window.__engineRecord ?? null').catch(() => null));
  const waitForReady = async (timeoutMs = options.readyTimeoutMs ?? 60_000) => {
    await pollUntil(
      `${READY_ATTRIBUTE} on <html>`,
      async () =>
        Boolean(await page.evaluate(`document.documentElement.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})`)),
      timeoutMs,
    );
    return (await record()).readyAtMs ?? Number.NaN;
  };
  const offOriginRequests = async () => {
    const seen = new Set([...requested, ...(await record()).resources]);
    return [...seen].filter((url) => isOffOrigin(url, origin));
  };

  const app: EngineApp = {
    engine: 'gecko',
    baseUrl: options.baseUrl,
    async goto(path, waitForMap = true) {
      await page.goto(new URL(path, options.baseUrl).href, { waitUntil: 'domcontentloaded' });
      if (waitForMap) await waitForReady();
    },
    waitForReady,
    evaluate,
    async waitFor(what, condition, argument, timeoutMs = 60_000) {
      await pollUntil(what, async () => Boolean(await evaluate(condition, argument)), timeoutMs);
    },
    async click(selector) {
      const element = await page.waitForSelector(selector, { visible: true, timeout: 30_000 });
      await element!.click();
    },
    async fill(selector, text) {
      const element = await page.waitForSelector(selector, { visible: true, timeout: 30_000 });
      // Select all and delete, as a person would, so the app sees input events for both.
      await element!.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
      await element!.type(text);
    },
    async press(key) {
      await page.keyboard.press(key);
    },
    async text(selector) {
      const element = await page.waitForSelector(selector, { timeout: 30_000 });
      return (await element!.evaluate((node) => node.textContent)) ?? '';
    },
    async setInputFile(selector, path) {
      const element = await page.waitForSelector(selector, { timeout: 30_000 });
      await (element as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
    },
    async mouseMove(x, y) {
      await page.mouse.move(x, y, { steps: 4 });
    },
    async mouseClick(x, y) {
      await page.mouse.click(x, y);
    },
    async screenshot(name) {
      const path = screenshotPath('gecko', name);
      await page.screenshot({ path: path as `${string}.png` });
      return path;
    },
    offOriginRequests,
    async problems() {
      return problemLines(await record(), await offOriginRequests(), consoleErrors, pageErrors);
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return firstNavigation(app, options);
}
