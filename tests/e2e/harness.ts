/**
 * Real-browser test harness: Debian chromium driven by playwright-core, against the built app
 * served by `vite preview` (started once per run by tests/e2e/global-setup.ts).
 *
 *   import { openApp, launchBrowser } from './harness.ts';
 *
 *   const app = await openApp();                      // new browser, page at the app, waits for ready
 *   app.page                                         // playwright Page, to click, type, evaluate
 *   app.requests                                     // every request: url, resourceType, status, bytes, times
 *   app.offOriginRequests()                          // those whose origin is not the app's: must be []
 *   app.consoleErrors, app.pageErrors                // console.error lines, uncaught exceptions
 *   await app.cspViolations()                        // the page's securitypolicyviolation events (each is
 *                                                    // also counted suite-wide: global-setup.ts fails the
 *                                                    // run on any; a test that causes one on purpose sets
 *                                                    // window.__e2e.deliberateCspViolation = true first)
 *   await app.problems()                             // all of the above that should fail a test, as lines
 *                                                    // (expect(await app.problems()).toEqual([]))
 *   await app.screenshot('fallback-no-webgl')        // tests/e2e/screenshots/<name>.png; look at it
 *   await app.close()
 *   await waitForMapIdle(app)                        // after a camera move, toggle or relabel: nothing left to draw
 *
 * Options of `openApp({ ... })`:
 *   path: 'index.html?lang=en#…'   relative to the served root (default: the root)
 *   webgl: false                    getContext('webgl' | 'webgl2' | 'experimental-webgl') returns null,
 *                                   for the no-WebGL fallback view
 *   waitForReady: false             don't wait for `data-map-ready` (the no-WebGL page never sets it)
 *   readyTimeoutMs, viewport, baseUrl (default: the preview server's URL)
 *   browser: a BrowserSession from `launchBrowser()` to reuse (closing the app then closes only its page)
 *   disableCache: true              every request goes to the server (cold loads, for benchmarks)
 *
 * Ready signal: the app sets `data-map-ready` on <html> once the map has drawn its first complete
 * frame. `await app.readyAtMs()` is that moment in ms since navigation start (recorded in the page
 * by a MutationObserver, not polled), and `await app.bytesBeforeReady()` sums the bytes on the wire
 * of every request that started before it (`resourcesBeforeReady()` lists them).
 *
 * The preview server comes from tests/e2e/global-setup.ts (`vitest run -c vitest.e2e.config.ts`);
 * `E2E_DIST=dist` there serves an existing build instead of building. Outside vitest (bench/),
 * pass `baseUrl` and a `browser` from `launchBrowser()`.
 *
 * Chromium is `CHROMIUM_PATH` when set, /usr/bin/chromium otherwise. Flags follow ENGINEERING.md
 * §5: SwiftShader WebGL2, fresh profile per browser, no background network. Never a sleep: wait
 * on the app's own signals.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';
import { fontconfigWithoutCjkFonts } from './font-environments.ts';

/** `CHROMIUM_PATH` when set (a chromium elsewhere), else Debian's. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const SCREENSHOT_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
export const READY_ATTRIBUTE = 'data-map-ready';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Whether the request came from a worker (MapLibre fetches GeoJSON and fonts there). */
  fromWorker: boolean;
  /** Wall-clock start (ms since 1970), comparable with the page's `performance.timeOrigin`. */
  startedAtEpochMs: number;
  status: number | null;
  /** Response body bytes as transferred (encoded), and headers; `null` until finished. */
  bodyBytes: number | null;
  headerBytes: number | null;
  failure: string | null;
}

export interface CspViolation {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  /** Caused on purpose by a test of the policy itself (window.__e2e.deliberateCspViolation). */
  deliberate?: boolean;
}

/** The suite-wide tally file from global-setup.ts; null outside a vitest run (benchmarks). */
function cspTallyFile(): string | null {
  try {
    return inject('cspTallyFile') ?? null;
  } catch {
    return null;
  }
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  path?: string;
  webgl?: boolean;
  waitForReady?: boolean;
  readyTimeoutMs?: number;
  viewport?: { width: number; height: number };
  baseUrl?: string;
  browser?: BrowserSession;
  /** Bypass the HTTP cache (a cold load every time, for benchmarks). */
  disableCache?: boolean;
}

export interface AppPage {
  page: Page;
  baseUrl: string;
  /** The page's `performance.timeOrigin`: navigation start, ms since 1970. */
  timeOrigin: number;
  requests: RecordedRequest[];
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations(): Promise<CspViolation[]>;
  offOriginRequests(): RecordedRequest[];
  /** ms from navigation start to `data-map-ready`, or null if not (yet) ready. */
  readyAtMs(): Promise<number | null>;
  waitForReady(timeoutMs?: number): Promise<number>;
  /** Sum of transferred bytes (headers + body) of responses whose request started before ready. */
  bytesBeforeReady(): Promise<number>;
  /** The same, per request (a URL fetched twice appears twice; the HTTP cache's answer counts 0). */
  resourcesBeforeReady(): Promise<{ url: string; bytes: number; measuredOverHttp: boolean }[]>;
  /** Every off-origin request, console error, page error and CSP violation, one line each. */
  problems(): Promise<string[]>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The preview server's URL (ends in `/`), provided by global-setup.ts. */
export function previewUrl(): string {
  return inject('previewUrl');
}

/** Directory of the built app the preview server serves. */
export function builtAppDirectory(): string {
  return inject('distDirectory');
}

export interface LaunchBrowserOptions {
  /**
   * The fontconfig file chromium starts with, which decides whether the "device" has a CJK font
   * (tests/e2e/font-environments.ts). Default: the machine's fonts less every CJK one, so every test
   * meets the device that needs the app's shipped font, whatever fonts the machine has installed.
   */
  fontconfigFile?: string;
}

export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'luzhou-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE: options.fontconfigFile ?? fontconfigWithoutCjkFonts() },
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs before any page script: records CSP violations and the ready moment from inside the page,
 * and optionally takes WebGL away.
 */
function initScript(disableWebgl: boolean): string {
  return `(() => {
  const state = { cspViolations: [], readyAtMs: null, deliberateCspViolation: false };
  Object.defineProperty(window, '__e2e', { value: state });
  document.addEventListener('securitypolicyviolation', (event) => {
    const violation = { violatedDirective: event.violatedDirective, blockedURI: event.blockedURI,
      sourceFile: event.sourceFile, lineNumber: event.lineNumber, deliberate: state.deliberateCspViolation };
    state.cspViolations.push(violation);
    // Straight to node as well, so the suite-wide count holds even for a page a test never checks.
    if (typeof window.__e2eCountCspViolation === 'function') window.__e2eCountCspViolation(violation);
  });
  const markReady = () => {
    const root = document.documentElement;
    if (state.readyAtMs === null && root && root.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})) state.readyAtMs = performance.now();
  };
  // <html> does not exist yet when this runs: watch the document for it and its attribute.
  new MutationObserver(markReady).observe(document, { subtree: true, attributes: true, attributeFilter: [${JSON.stringify(READY_ATTRIBUTE)}] });
  ${
    disableWebgl
      ? `const webgl = /^(webgl2?|experimental-webgl)$/;
  for (const Canvas of [window.HTMLCanvasElement, window.OffscreenCanvas]) {
    if (!Canvas) continue;
    const getContext = Canvas.prototype.getContext;
    Canvas.prototype.getContext = function (type, ...rest) {
      return webgl.test(String(type)) ? null : getContext.call(this, type, ...rest);
    };
  }
  delete window.WebGLRenderingContext; delete window.WebGL2RenderingContext;`
      : ''
  }
})();`;
}

export async function openApp(options: OpenAppOptions = {}): Promise<AppPage> {
  const baseUrl = options.baseUrl ?? previewUrl();
  const origin = new URL(baseUrl).origin;
  const ownsBrowser = !options.browser;
  const browser = options.browser ?? (await launchBrowser());
  const page = await browser.context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  const tally = cspTallyFile();
  if (tally) {
    await page.exposeFunction('__e2eCountCspViolation', (violation: CspViolation) => {
      appendFileSync(tally, `${JSON.stringify({ ...violation, page: page.url() })}\n`);
    });
  }
  await page.addInitScript(initScript(options.webgl === false));
  if (options.disableCache) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }

  const requests: RecordedRequest[] = [];
  const byRequest = new Map<Request, RecordedRequest>();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const pendingSizes = new Set<Promise<void>>();

  const belongsToPage = (request: Request) => {
    const frame = request.serviceWorker() ? null : safeFrame(request);
    return frame === null || frame.page() === page;
  };
  browser.context.on('request', (request) => {
    if (!belongsToPage(request)) return;
    const record: RecordedRequest = {
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      fromWorker: safeFrame(request) === null,
      // Seen from node a few ms after the browser sent it; same machine clock as the page's.
      startedAtEpochMs: Date.now(),
      status: null,
      bodyBytes: null,
      headerBytes: null,
      failure: null,
    };
    byRequest.set(request, record);
    requests.push(record);
  });
  browser.context.on('requestfinished', (request) => {
    const record = byRequest.get(request);
    if (!record) return;
    const measured = (async () => {
      try {
        const response = await request.response();
        record.status = response?.status() ?? null;
        const sizes = await request.sizes();
        record.bodyBytes = sizes.responseBodySize;
        record.headerBytes = sizes.responseHeadersSize;
      } catch (error) {
        record.failure = `sizes unavailable: ${String(error)}`;
      }
    })();
    pendingSizes.add(measured);
    void measured.finally(() => pendingSizes.delete(measured));
  });
  browser.context.on('requestfailed', (request) => {
    const record = byRequest.get(request);
    if (record) record.failure = request.failure()?.errorText ?? 'failed';
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? String(error)));
  page.on('worker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`[worker] ${message.text()}`);
    });
  });

  const url = new URL(options.path ?? '', baseUrl).href;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);

  const readyAtMs = () =>
    page.evaluate(() => (window as unknown as { __e2e: { readyAtMs: number | null } }).__e2e.readyAtMs);
  const waitForReady = async (timeoutMs = options.readyTimeoutMs ?? 60_000) => {
    await page.waitForFunction((attribute) => document.documentElement.hasAttribute(attribute), READY_ATTRIBUTE, {
      timeout: timeoutMs,
      polling: 50,
    });
    return (await readyAtMs()) ?? Number.NaN;
  };
  const cspViolations = () =>
    page.evaluate(() => (window as unknown as { __e2e: { cspViolations: CspViolation[] } }).__e2e.cspViolations);

  const app: AppPage = {
    page,
    baseUrl,
    timeOrigin,
    requests,
    consoleErrors,
    pageErrors,
    cspViolations,
    offOriginRequests: () =>
      requests.filter((record) => {
        if (record.url.startsWith('data:') || record.url.startsWith('blob:')) return false;
        try {
          return new URL(record.url).origin !== origin;
        } catch {
          return true;
        }
      }),
    readyAtMs,
    waitForReady,
    async bytesBeforeReady() {
      return (await app.resourcesBeforeReady()).reduce((sum, resource) => sum + resource.bytes, 0);
    },
    async resourcesBeforeReady() {
      const readyAt = await readyAtMs();
      if (readyAt === null) throw new Error('resourcesBeforeReady: the app has not set data-map-ready');
      // Let responses already in flight report their sizes.
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await Promise.all([...pendingSizes]);
      const seen = new Set<string>();
      const resources: { url: string; bytes: number; measuredOverHttp: boolean }[] = [];
      for (const record of requests) {
        if (record.startedAtEpochMs - timeOrigin > readyAt || !/^https?:/.test(record.url)) continue;
        const firstTime = !seen.has(record.url);
        seen.add(record.url);
        const reported = (record.bodyBytes ?? 0) + (record.headerBytes ?? 0);
        // Chromium reports no sizes for a worker's own script; the first request of a URL that
        // came back 200 with nothing reported is measured again over HTTP, compressed as served.
        // A repeat of a URL reporting nothing is the HTTP cache answering: 0 is the truth.
        if (firstTime && (record.bodyBytes ?? 0) === 0 && record.status === 200) {
          resources.push({ url: record.url, bytes: await transferredBytes(record.url), measuredOverHttp: true });
        } else {
          resources.push({ url: record.url, bytes: reported, measuredOverHttp: false });
        }
      }
      return resources;
    },
    async problems() {
      const lines = [
        ...app.offOriginRequests().map((record) => `off-origin request: ${record.method} ${record.url}`),
        ...consoleErrors.map((line) => `console error: ${line}`),
        ...pageErrors.map((line) => `page error: ${line}`),
        ...(await cspViolations()).map(
          (violation) =>
            `CSP violation: ${violation.violatedDirective} blocked ${violation.blockedURI} (${violation.sourceFile}:${violation.lineNumber})`,
        ),
      ];
      return lines;
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
      const path = join(SCREENSHOT_DIRECTORY, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await page.close().catch(() => undefined);
      if (ownsBrowser) await browser.close();
    },
  };
  if (options.waitForReady !== false) {
    try {
      await waitForReady();
    } catch (error) {
      // A map that never gets ready is the commonest failure; say what the page said about it.
      const details = [
        ...(await app.problems().catch(() => [])),
        ...requests
          .filter((record) => record.failure || (record.status ?? 200) >= 400)
          .map((record) => `request ${record.status ?? ''} ${record.failure ?? ''} ${record.url}`),
      ];
      await app.screenshot(`not-ready-${Date.now()}`).catch(() => undefined);
      await app.close();
      throw new Error(`${(error as Error).message}\nThe page reported:\n${details.join('\n') || '(nothing)'}`);
    }
  }
  return app;
}

/** Bytes on the wire (headers + body as encoded) when fetching `url` the way chromium does. */
export function transferredBytes(url: string): Promise<number> {
  return new Promise((resolveBytes, reject) => {
    const request = httpGet(url, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }, (response) => {
      const headerBytes = response.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0) + 16;
      let bodyBytes = 0;
      response.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
      response.on('end', () => resolveBytes(headerBytes + bodyBytes));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** A worker's request has no frame; playwright throws when asked for it. */
function safeFrame(request: Request) {
  try {
    return request.frame();
  } catch {
    return null;
  }
}

/** Resolves when the map has nothing left to load or draw (after a camera move, a toggle or a relabel). */
export async function waitForMapIdle(app: AppPage): Promise<void> {
  await app.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__zoneMap!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/**
 * Opens the app, runs `use` on it, then fails if the page reported any problem (an off-origin
 * request, a console or page error, a CSP violation: `app.problems()`); closes it either way.
 * The "open, do, assert no problems, close" block every scenario repeats, in one place.
 *
 *   await withApp({ path: '?lang=en' }, async (app) => { await app.page.click(…); … });
 */
export async function withApp<T>(options: OpenAppOptions, use: (app: AppPage) => Promise<T>): Promise<T> {
  const app = await openApp(options);
  try {
    const result = await use(app);
    const problems = await app.problems();
    if (problems.length > 0) throw new Error(`The page reported problems:\n${problems.join('\n')}`);
    return result;
  } finally {
    await app.close();
  }
}
