/**
 * The first render on a slow connection: chromium's own network emulation (DevTools protocol
 * `Network.emulateNetworkConditions`) at 400 ms latency and 400 kbps each way, the conditions
 * issue 14 measured a 17.8 s first load under. What the visitor waits for there is the bytes on
 * the critical path and their order, not the CPU, so it is reported beside the fast-network runs.
 *
 * Each load is cold (HTTP cache disabled) on a fresh page of the shared browser. Besides the map's
 * ready moment it records the first contentful paint: how long the page stays blank.
 */
import type { BrowserSession } from '../tests/e2e/harness.ts';
import { isNeededForFirstFrame } from './first-render-requests.ts';

export const SLOW_CONNECTION = {
  latencyMs: 400,
  kilobitsPerSecond: 400,
};

export interface SlowSample {
  readyMs: number;
  firstContentfulPaintMs: number;
  /** Paths of the requests started before ready that the first frame does not need. */
  optional: string[];
}

/** Records the ready moment from inside the page, as the harness does for the fast runs. */
const READY_RECORDER = `(() => {
  const state = { readyAtMs: null };
  Object.defineProperty(window, '__benchSlow', { value: state });
  new MutationObserver(() => {
    const root = document.documentElement;
    if (state.readyAtMs === null && root && root.hasAttribute('data-map-ready')) state.readyAtMs = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
})();`;

export async function measureSlowLoad(browser: BrowserSession, url: string): Promise<SlowSample> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(READY_RECORDER);
    // Seen from node a few ms after the browser sent them; the same machine clock as the page's.
    const started: { url: string; atEpochMs: number }[] = [];
    page.on('request', (request) => started.push({ url: request.url(), atEpochMs: Date.now() }));
    const devtools = await browser.context.newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytesPerSecond = (SLOW_CONNECTION.kilobitsPerSecond * 1000) / 8;
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_CONNECTION.latencyMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-map-ready'), undefined, {
      timeout: 240_000,
      polling: 100,
    });
    const timings = await page.evaluate(() => ({
      readyMs: (window as unknown as { __benchSlow: { readyAtMs: number } }).__benchSlow.readyAtMs,
      firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      timeOrigin: performance.timeOrigin,
    }));
    const optional = started
      .filter((request) => request.atEpochMs - timings.timeOrigin <= timings.readyMs && /^https?:/.test(request.url))
      .filter((request) => !isNeededForFirstFrame(request.url))
      .map((request) => new URL(request.url).pathname);
    return { readyMs: timings.readyMs, firstContentfulPaintMs: timings.firstContentfulPaintMs, optional };
  } finally {
    await page.close().catch(() => undefined);
  }
}
