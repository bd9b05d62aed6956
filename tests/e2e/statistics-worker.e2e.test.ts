/**
 * The shipped dataset's statistics were measured at build time (zone-statistics.json) and are on
 * screen with the map, without the statistics worker ever being fetched. A dataset whose files
 * differ from the build's (a planner's edited copy: here one layer file with a byte added) is
 * measured off the main thread, after the first frame, and its code is not part of the first load;
 * where a module worker cannot start it is still measured, on the main thread. Every way, the
 * overview ends up with the same measured figures and nothing leaves the origin.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openApp, type AppPage, type BrowserSession } from './harness.ts';

interface StatisticsMarks {
  startedAt: number | null;
  computedAt: number | null;
  runner: string | null;
}

/** Waits for the app's 'zone:statistics-computed' mark and reads where and when it happened. */
async function statisticsMarks(app: AppPage): Promise<StatisticsMarks> {
  await app.page.waitForFunction(() => performance.getEntriesByName('zone:statistics-computed').length > 0, undefined, {
    timeout: 30_000,
    polling: 50,
  });
  return app.page.evaluate(() => {
    const started = performance.getEntriesByName('zone:statistics-started')[0];
    const computed = performance.getEntriesByName('zone:statistics-computed')[0] as PerformanceMark | undefined;
    return {
      startedAt: started?.startTime ?? null,
      computedAt: computed?.startTime ?? null,
      runner: (computed?.detail as { runner?: string } | null)?.runner ?? null,
    };
  });
}

/** The overview's zone figure once measured: no panel still says it is measuring. */
async function waitForMeasuredFigures(app: AppPage): Promise<void> {
  await app.page.waitForFunction(() => !document.body.innerText.includes('量算中'), undefined, { timeout: 30_000 });
}

/** What the overview panel says, measured figures included. */
const overviewText = (app: AppPage) => app.page.locator('.overview-panel').innerText();
let overviewFromWorker: string | null = null;

const isStatisticsWorkerScript = (url: string) => /\/statistics\.worker[^/]*\.js(\?|$)/.test(new URL(url).pathname);

/**
 * A browser whose green layer file carries one more byte than the build's (a trailing newline):
 * the same features, so the same numbers, but not the files the build measured.
 */
async function browserWithEditedDataset(): Promise<BrowserSession> {
  const browser = await launchBrowser();
  await browser.context.route('**/geodata/green.geojson', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n` });
  });
  return browser;
}

describe('statistics in a worker', () => {
  let browser: BrowserSession;
  let app: AppPage;
  beforeAll(async () => {
    browser = await browserWithEditedDataset();
    app = await openApp({ browser });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  test('are measured in a module worker started after the map is ready', async () => {
    const marks = await statisticsMarks(app);
    await waitForMeasuredFigures(app);
    const readyAt = await app.readyAtMs();
    expect(marks.runner).toBe('worker');
    expect(readyAt).not.toBeNull();
    expect(marks.startedAt!).toBeGreaterThanOrEqual(readyAt!);
    expect(app.requests.some((request) => isStatisticsWorkerScript(request.url))).toBe(true);
    expect(await app.problems()).toEqual([]);
    overviewFromWorker = await overviewText(app);
    expect(overviewFromWorker).toMatch(/km²/);
  });

  test('keep their code (the clipper) out of the bytes before the first frame', async () => {
    await statisticsMarks(app);
    const firstLoad = await app.resourcesBeforeReady();
    expect(firstLoad.map((resource) => resource.url).filter(isStatisticsWorkerScript)).toEqual([]);
    // The page's own scripts must not carry polyclip-ts either (its error text is a stable marker).
    for (const resource of firstLoad.filter((entry) =>
      /\/assets\/index-[^/]*\.js$/.test(new URL(entry.url).pathname),
    )) {
      const source = await app.page.evaluate(async (url) => (await fetch(url)).text(), resource.url);
      expect(source, resource.url).not.toMatch(/SplayTree|BigNumber/);
    }
  });
});

describe('statistics where no module worker starts', () => {
  let browser: BrowserSession;
  let app: AppPage;
  beforeAll(async () => {
    browser = await browserWithEditedDataset();
    // Like a browser without module workers, for the statistics worker only: MapLibre keeps its own.
    await browser.context.addInitScript(`(() => {
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(url, options) {
          if (String(url).includes('statistics.worker')) throw new TypeError('module workers are not supported');
          super(url, options);
        }
      };
    })();`);
    app = await openApp({ browser });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  test('are measured on the main thread after the first frame, with the same figures shown', async () => {
    const marks = await statisticsMarks(app);
    await waitForMeasuredFigures(app);
    expect(marks.runner).toBe('main-thread');
    expect(marks.startedAt!).toBeGreaterThanOrEqual((await app.readyAtMs())!);
    const overview = await overviewText(app);
    expect(overview).toMatch(/km²/);
    if (overviewFromWorker !== null) expect(overview).toBe(overviewFromWorker);
    expect(await app.problems()).toEqual([]);
  });
});

describe('statistics of the shipped dataset', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  // How soon after the first frame they show is measured by `npm run bench`, not asserted here.
  test('come measured with the build, and no worker is fetched to measure them', async () => {
    const marks = await statisticsMarks(app);
    await waitForMeasuredFigures(app);
    expect(marks.runner).toBe('precomputed');
    expect(app.requests.some((request) => isStatisticsWorkerScript(request.url))).toBe(false);
    expect(app.requests.some((request) => new URL(request.url).pathname.endsWith('/zone-statistics.json'))).toBe(true);
    const overview = await overviewText(app);
    expect(overview).toMatch(/km²/);
    // The very figures the worker measures from the same features.
    if (overviewFromWorker !== null) expect(overview).toBe(overviewFromWorker);
    expect(await app.problems()).toEqual([]);
  });
});
