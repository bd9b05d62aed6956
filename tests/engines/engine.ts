/**
 * One small interface over the browsers the journeys run in besides Chromium: Gecko (Debian
 * firefox-esr through puppeteer-core over WebDriver BiDi, gecko.ts) and WebKit (Debian
 * WebKitWebDriver driving MiniBrowser through selenium-webdriver, webkit.ts). A journey is written
 * once against `EngineApp` and runs in whichever engine `ENGINE=gecko|webkit` names.
 *
 *   const app = await openEngineApp({ path: '?lang=en', viewport: { width: 390, height: 844 } });
 *   await app.click('#search-input'); await app.fill('#search-input', 'yzx');
 *   await app.waitFor(() => document.querySelector('.feature-panel') !== null);
 *   expect(await app.problems()).toEqual([]);
 *
 * Both engines are run headed (under Xvfb, with Mesa): neither has WebGL headless on these machines.
 * Scripts passed to `evaluate`/`waitFor` run in the page: they may only use their one JSON argument.
 * Never a sleep: `waitFor` polls a condition in the page until it holds.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type EngineName = 'gecko' | 'webkit';

export const ENGINE_NAMES: readonly EngineName[] = ['gecko', 'webkit'];
export const READY_ATTRIBUTE = 'data-map-ready';

/** Where Debian puts each engine (firefox-esr; webkit2gtk-driver); the environment can say otherwise. */
export const FIREFOX_PATH = process.env['FIREFOX_PATH'] || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env['WEBKIT_DRIVER_PATH'] || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env['MINIBROWSER_PATH'] || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const SCREENSHOT_DIRECTORY = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'e2e',
  'screenshots',
  'engines',
);

export interface Viewport {
  width: number;
  height: number;
}

export interface OpenOptions {
  /** Relative to the served root, e.g. `?lang=en#feature=green/…`. */
  path?: string;
  /** The size of the page's layout viewport (`innerWidth` × `innerHeight`). */
  viewport?: Viewport;
  baseUrl: string;
  waitForReady?: boolean;
  readyTimeoutMs?: number;
}

/** A page-side function of one JSON argument (it is sent to the browser as source text). */
export type PageFunction<Argument, Result> = (argument: Argument) => Result | Promise<Result>;

export interface EngineApp {
  readonly engine: EngineName;
  readonly baseUrl: string;
  /** Navigates the same tab (the history and storage stay) and waits for the map unless told not to. */
  goto(path: string, waitForReady?: boolean): Promise<void>;
  /** ms from navigation start to `data-map-ready` as the page recorded it. */
  waitForReady(timeoutMs?: number): Promise<number>;
  evaluate<Result, Argument = null>(script: PageFunction<Argument, Result>, argument?: Argument): Promise<Result>;
  /** Polls `condition` in the page until it returns something truthy; throws with `what` on timeout. */
  waitFor<Argument = null>(
    what: string,
    condition: PageFunction<Argument, unknown>,
    argument?: Argument,
    timeoutMs?: number,
  ): Promise<void>;
  /** A real pointer click on the middle of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Clears the input matching `selector` and types `text` into it as keystrokes. */
  fill(selector: string, text: string): Promise<void>;
  press(key: 'Enter' | 'Escape' | 'ArrowDown'): Promise<void>;
  text(selector: string): Promise<string>;
  /** Gives the `<input type=file>` matching `selector` a file from disk, as a user picking it would. */
  setInputFile(selector: string, path: string): Promise<void>;
  /** Pointer at a viewport pixel: a move (with a button up) and a click there. */
  mouseMove(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** URLs the page asked for outside its own origin (data: and blob: excluded). */
  offOriginRequests(): Promise<string[]>;
  /** Off-origin requests, console errors, page errors and CSP violations, one line each. */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** Why this engine cannot run here (its browser or driver is missing), or null when it can. */
  unavailableReason(): string | null;
  open(options: OpenOptions): Promise<EngineApp>;
}

/** The page's own record of what it saw, kept in `window.__engineRecord` by `PAGE_RECORDER`. */
export interface PageRecord {
  resources: string[];
  cspViolations: string[];
  errors: string[];
  consoleErrors: string[];
  readyAtMs: number | null;
}

/**
 * Installed in the page (before its scripts where the engine allows, else right after navigation):
 * records resource URLs (PerformanceObserver, buffered, so entries from before it ran count too),
 * CSP violations (the event and, for those before it ran, a buffered ReportingObserver), uncaught
 * errors, rejected promises, console.error calls, and the moment the map became ready.
 */
export const PAGE_RECORDER = `(() => {
  if (window.__engineRecord) return;
  const record = { resources: [], cspViolations: [], errors: [], consoleErrors: [], readyAtMs: null };
  Object.defineProperty(window, '__engineRecord', { value: record });
  const seenViolations = new Set();
  const violation = (directive, blocked, source, line) => {
    const text = directive + ' blocked ' + blocked + ' (' + source + ':' + line + ')';
    if (!seenViolations.has(text)) { seenViolations.add(text); record.cspViolations.push(text); }
  };
  document.addEventListener('securitypolicyviolation', (event) =>
    violation(event.violatedDirective, event.blockedURI, event.sourceFile, event.lineNumber));
  try {
    new ReportingObserver((reports) => {
      for (const report of reports) {
        const body = report.body || {};
        violation(body.effectiveDirective || body.violatedDirective, body.blockedURL || body.blockedURI, body.sourceFile, body.lineNumber);
      }
    }, { types: ['csp-violation'], buffered: true }).observe();
  } catch {}
  try {
    performance.setResourceTimingBufferSize(10000);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.resources.push(entry.name);
    }).observe({ type: 'resource', buffered: true });
  } catch {}
  window.addEventListener('error', (event) => {
    if (event.error || event.message) record.errors.push(String((event.error && event.error.stack) || event.message));
  });
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    record.errors.push('unhandled rejection: ' + String((reason && reason.stack) || reason));
  });
  const consoleError = console.error.bind(console);
  console.error = (...parts) => {
    record.consoleErrors.push(parts.map((part) => (part && part.stack) || String(part)).join(' '));
    consoleError(...parts);
  };
  const markReady = () => {
    const root = document.documentElement;
    if (record.readyAtMs === null && root && root.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})) record.readyAtMs = performance.now();
  };
  markReady();
  new MutationObserver(markReady).observe(document, { subtree: true, attributes: true, attributeFilter: [${JSON.stringify(READY_ATTRIBUTE)}] });
})();`;

export function isOffOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return false;
  try {
    return new URL(url).origin !== origin;
  } catch {
    return true;
  }
}

export function screenshotPath(engine: EngineName, name: string): string {
  mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
  return join(SCREENSHOT_DIRECTORY, `${engine}-${name.replace(/[^\w.-]+/g, '-')}.png`);
}

/** Source text of `script` applied to one JSON argument, for engines that take a script as a string. */
export function callSource<Argument, Result>(script: PageFunction<Argument, Result>, argument: Argument): string {
  return `(${script.toString()})(${JSON.stringify(argument ?? null)})`;
}

/** Polls `check` until it returns true; the interval is between checks, not a wait for an outcome. */
export async function pollUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      if (await check()) return;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The lines that fail a journey. `consoleErrors`/`pageErrors` come from the engine's own log where it
 * has one (Gecko over BiDi), else from the page's record (WebKit over WebDriver classic has no log).
 */
export function problemLines(
  record: PageRecord,
  offOrigin: string[],
  consoleErrors: string[],
  pageErrors: string[],
): string[] {
  return [
    ...offOrigin.map((url) => `off-origin request: ${url}`),
    ...consoleErrors.map((line) => `console error: ${line}`),
    ...pageErrors.map((line) => `page error: ${line}`),
    ...record.cspViolations.map((line) => `CSP violation: ${line}`),
  ];
}

const EMPTY_RECORD: PageRecord = { resources: [], cspViolations: [], errors: [], consoleErrors: [], readyAtMs: null };

/** Reads the page's record; a page without one (not yet navigated, or an error page) reads as empty. */
export function recordOrEmpty(value: unknown): PageRecord {
  return value && typeof value === 'object' ? (value as PageRecord) : EMPTY_RECORD;
}

/**
 * Navigates a freshly opened app to its first page; when the map never gets ready (the commonest
 * failure), says what the page reported and leaves a screenshot, then closes the browser.
 */
export async function firstNavigation(app: EngineApp, options: OpenOptions): Promise<EngineApp> {
  try {
    await app.goto(options.path ?? '', options.waitForReady !== false);
    return app;
  } catch (error) {
    const details = await app.problems().catch((reason: unknown) => [`(could not read the page: ${String(reason)})`]);
    // The app says why it could not draw the map (bad data, no WebGL) in an alert: quote it.
    const alerts = await app
      .evaluate(() =>
        [...document.querySelectorAll('[role="alert"]')]
          .map((alert) => (alert.textContent ?? '').trim().slice(0, 400))
          .filter(Boolean),
      )
      .catch(() => [] as string[]);
    details.push(...alerts.map((text) => `alert on the page: ${text}`));
    const screenshot = await app.screenshot(`not-ready-${Date.now()}`).catch(() => '(no screenshot)');
    await app.close();
    throw new Error(
      `${(error as Error).message}\nThe page reported:\n${details.join('\n') || '(nothing)'}\nScreenshot: ${screenshot}`,
    );
  }
}
