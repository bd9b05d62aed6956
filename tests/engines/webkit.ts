/**
 * WebKit (the Safari engine; every iPhone browser and iOS WeChat use it): Debian's WebKitWebDriver
 * driving WebKitGTK's MiniBrowser through selenium-webdriver (ENGINEERING.md §5), headed under Xvfb.
 *
 * What it cannot see, and what stands in for it: WebDriver classic has no network log, no console
 * log (`/se/log` is an unknown command here) and no preload scripts. So the page's own record
 * (engine.ts) is installed right after each navigation, and reads back what happened before it:
 * resource timing is buffered (every fetch, script, style, font and image of the document since
 * navigation start), and CSP violations reach a buffered ReportingObserver — the app's CSP blocks
 * any off-origin request, and each block is a violation. Not seen: requests made inside workers
 * (they have their own resource timing), and console errors or uncaught errors thrown before the
 * record was installed (the map's ready signal is the check that the boot went well).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { Builder, By, Capabilities, Key, Origin, type WebDriver } from 'selenium-webdriver';
import { freePort } from '../e2e/global-setup.ts';
import {
  callSource,
  firstNavigation,
  isOffOrigin,
  MINIBROWSER_PATH,
  PAGE_RECORDER,
  pollUntil,
  problemLines,
  READY_ATTRIBUTE,
  recordOrEmpty,
  screenshotPath,
  WEBKIT_DRIVER_PATH,
  type Engine,
  type EngineApp,
  type OpenOptions,
  type PageFunction,
} from './engine.ts';

const KEYS = { Enter: Key.ENTER, Escape: Key.ESCAPE, ArrowDown: Key.ARROW_DOWN } as const;

function driverListening(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = httpGet(`${url}/status`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}

export const webkit: Engine = {
  name: 'webkit',
  unavailableReason() {
    if (!existsSync(WEBKIT_DRIVER_PATH)) return `${WEBKIT_DRIVER_PATH} is missing (Debian package webkit2gtk-driver)`;
    if (!existsSync(MINIBROWSER_PATH)) return `${MINIBROWSER_PATH} is missing (Debian package webkit2gtk-driver)`;
    return null;
  },
  async open(options: OpenOptions): Promise<EngineApp> {
    const port = await freePort();
    const driverUrl = `http://127.0.0.1:${port}`;
    const driverProcess: ChildProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: 'ignore',
    });
    const stopDriver = () => {
      if (driverProcess.exitCode === null) driverProcess.kill();
    };
    try {
      await pollUntil('WebKitWebDriver to listen', () => driverListening(driverUrl), 20_000);
      const capabilities = new Capabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      });
      const driver = await new Builder().usingServer(driverUrl).withCapabilities(capabilities).build();
      try {
        return await webkitApp(driver, stopDriver, options);
      } catch (error) {
        await driver.quit().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      stopDriver();
      throw error;
    }
  },
};

async function webkitApp(driver: WebDriver, stopDriver: () => void, options: OpenOptions): Promise<EngineApp> {
  const origin = new URL(options.baseUrl).origin;
  const evaluate = async <Result, Argument = null>(
    script: PageFunction<Argument, Result>,
    argument?: Argument,
  ): Promise<Result> => (await driver.executeScript(`return ${callSource(script, argument as Argument)};`)) as Result;
  const record = async () =>
    recordOrEmpty(await driver.executeScript('return window.__engineRecord ?? null;').catch(() => null));
  const install = () => driver.executeScript(PAGE_RECORDER);
  const waitForReady = async (timeoutMs = options.readyTimeoutMs ?? 60_000) => {
    await pollUntil(
      `${READY_ATTRIBUTE} on <html>`,
      async () =>
        Boolean(
          await driver.executeScript(
            `return document.documentElement.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)});`,
          ),
        ),
      timeoutMs,
    );
    // Installed after load: its ready moment is read from the attribute's first sight, so take the
    // navigation's own timing when the record came too late to see it.
    return (await record()).readyAtMs ?? Number.NaN;
  };
  const offOriginRequests = async () =>
    [...new Set((await record()).resources)].filter((url) => isOffOrigin(url, origin));
  const element = async (selector: string) => {
    await pollUntil(
      `an element matching ${selector}`,
      async () => (await driver.findElements(By.css(selector))).length > 0,
      30_000,
    );
    return driver.findElement(By.css(selector));
  };

  // The window includes MiniBrowser's toolbar: size it, measure the page, and correct by the
  // difference. The toolbar also keeps the window at least ~450 px wide, so a narrower (phone)
  // viewport is an iframe of exactly that size at the window's top left, and every command runs in
  // it: the same engine, layout viewport and media queries as a phone's WebKit, though not a
  // phone's visual viewport or touch input.
  let frameViewport: { width: number; height: number } | null = null;
  const setViewport = async ({ width, height }: { width: number; height: number }) => {
    await driver.manage().window().setRect({ x: 0, y: 0, width, height });
    const inner = (await driver.executeScript('return [window.innerWidth, window.innerHeight];')) as [number, number];
    if (inner[0] !== width || inner[1] !== height) {
      await driver
        .manage()
        .window()
        .setRect({ width: width + (width - inner[0]), height: height + (height - inner[1]) });
    }
    const reached = (await driver.executeScript('return [window.innerWidth, window.innerHeight];')) as [number, number];
    frameViewport = reached[0] === width && reached[1] === height ? null : { width, height };
  };
  const navigate = async (url: string) => {
    if (!frameViewport) {
      await driver.get(url);
      return;
    }
    await driver.switchTo().defaultContent();
    await driver.get('about:blank');
    await driver.executeScript(
      `const frame = document.createElement('iframe');
       frame.style.cssText = 'position:fixed;left:0;top:0;border:0;width:' + arguments[1] + 'px;height:' + arguments[2] + 'px';
       frame.src = arguments[0];
       (document.body || document.documentElement).append(frame);`,
      url,
      frameViewport.width,
      frameViewport.height,
    );
    await driver.switchTo().frame(0);
    await pollUntil(
      `${url} in the phone-sized frame`,
      async () =>
        Boolean(
          await driver.executeScript('return location.href !== "about:blank" && document.readyState !== "loading";'),
        ),
      30_000,
    );
  };

  const app: EngineApp = {
    engine: 'webkit',
    baseUrl: options.baseUrl,
    async goto(path, waitForMap = true) {
      await navigate(new URL(path, options.baseUrl).href);
      await install();
      if (waitForMap) await waitForReady();
    },
    waitForReady,
    evaluate,
    async waitFor(what, condition, argument, timeoutMs = 60_000) {
      await pollUntil(what, async () => Boolean(await evaluate(condition, argument)), timeoutMs);
    },
    async click(selector) {
      await (await element(selector)).click();
    },
    async fill(selector, text) {
      // Select all and delete, as a person would: WebDriver's clear() fires no input event, so an
      // app that controls the field (Preact) puts the old text back. (Ctrl+A through WebKitWebDriver
      // does not select here, hence select().)
      const input = await element(selector);
      await input.click();
      await driver.executeScript('arguments[0].select();', input);
      await input.sendKeys(Key.BACK_SPACE, text);
    },
    async press(key) {
      await driver.actions().sendKeys(KEYS[key]).perform();
    },
    async text(selector) {
      await element(selector);
      return (await evaluate((wanted) => document.querySelector(wanted)?.textContent ?? '', selector)) ?? '';
    },
    async setInputFile(selector, path) {
      await (await element(selector)).sendKeys(path);
    },
    async mouseMove(x, y) {
      await driver
        .actions()
        .move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT })
        .perform();
    },
    async mouseClick(x, y) {
      await driver
        .actions()
        .move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT })
        .click()
        .perform();
    },
    async screenshot(name) {
      const path = screenshotPath('webkit', name);
      writeFileSync(path, await driver.takeScreenshot(), 'base64');
      return path;
    },
    offOriginRequests,
    async problems() {
      const current = await record();
      return problemLines(current, await offOriginRequests(), current.consoleErrors, current.errors);
    },
    async close() {
      await driver.quit().catch(() => undefined);
      stopDriver();
    },
  };
  // A page must be loaded to measure the toolbar against.
  await driver.get('about:blank');
  await setViewport(options.viewport ?? { width: 1280, height: 800 });
  return firstNavigation(app, options);
}
