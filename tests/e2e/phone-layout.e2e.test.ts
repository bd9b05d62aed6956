/**
 * The phone layout and the three tabs (issue 16, items 8 and 9), in real chromium against the built
 * app: at 390×844 the map fills the screen under a bottom sheet the user drags between peek, half
 * and full; the tabs 探索 / 行程 / 量算与数据 switch by click and by arrow keys; a shared trip opens
 * framed on its stops above the sheet; a feature opened from search shows in the sheet at half. On
 * a desktop the tabs sit in a sidebar that keeps its width whatever is open.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** Two places of the shipped dataset, in the trip link's version 1 text (see src/trip/trip-url-codec.ts). */
const SHARED_TRIP = '1wo0900h.place-aegean-mall.green-zhangba-longan-forest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe's serious and critical findings, WCAG 2.x A/AA and best practice, as `rule: targets`. */
async function seriousFindings(app: AppPage): Promise<string[]> {
  await app.page.evaluate(axeSource);
  return app.page.evaluate(async () => {
    type Rule = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    if (result.passes.length < 10) throw new Error(`axe checked only ${result.passes.length} rules`);
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

async function mapAtRest(app: AppPage): Promise<void> {
  await app.page.waitForFunction(() => !window.__zoneMap!.isMoving(), undefined, { timeout: 15_000 });
}

/** The sheet's snap once its animation has ended, with how much of it shows above the screen's bottom. */
async function restingSheet(app: AppPage): Promise<{ snap: string; visible: number }> {
  await app.page.waitForFunction(() => {
    const sheet = document.querySelector<HTMLElement>('.bottom-sheet')!;
    return sheet.getAnimations().length === 0 && !sheet.classList.contains('bottom-sheet--dragging');
  });
  return app.page.evaluate(() => {
    const sheet = document.querySelector<HTMLElement>('.bottom-sheet')!;
    return { snap: sheet.dataset['snap'] ?? '', visible: window.innerHeight - sheet.getBoundingClientRect().top };
  });
}

/** Drags the sheet's handle with a mouse (pointer events) by `deltaY` pixels, in small steps. */
async function dragHandle(app: AppPage, deltaY: number): Promise<void> {
  const box = (await app.page.locator('.sheet-handle').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await app.page.mouse.move(x, y);
  await app.page.mouse.down();
  const steps = 12;
  for (let step = 1; step <= steps; step += 1) await app.page.mouse.move(x, y + (deltaY * step) / steps);
  // Hold still before letting go, so the drag ends where it is, not as a flick.
  await app.page.waitForTimeout(120);
  await app.page.mouse.move(x, y + deltaY);
  await app.page.mouse.up();
}

async function selectedTab(app: AppPage): Promise<string | null> {
  return app.page.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
}

async function visiblePanels(app: AppPage): Promise<string[]> {
  return app.page
    .locator('[role="tabpanel"]')
    .evaluateAll((panels) => panels.filter((panel) => !(panel as HTMLElement).hidden).map((panel) => panel.id));
}

describe.each([
  { lang: 'zh', tabs: ['探索', '行程', '量算与数据'] },
  { lang: 'en', tabs: ['Explore', 'Trip', 'Measure & data'] },
])('on a phone (390×844) in $lang', ({ lang, tabs }) => {
  it('keeps the map full height under a sheet dragged and tapped between peek, half and full', async () => {
    const app = await openApp({ path: `index.html?lang=${lang}`, viewport: PHONE });
    try {
      const canvas = (await app.page.locator('.map-canvas').boundingBox())!;
      expect(canvas.height).toBeGreaterThanOrEqual(PHONE.height * 0.8);
      expect(canvas.width).toBeGreaterThanOrEqual(PHONE.width - 1);
      expect(await app.page.locator('[role="tab"]').allTextContents()).toEqual(tabs);
      const handle = app.page.locator('.sheet-handle');
      expect(await handle.getAttribute('aria-expanded')).toBe('false');
      const peek = await restingSheet(app);
      expect(peek.snap).toBe('peek');
      // At peek only the handle and the tabs show; the tabs can still be reached.
      expect(peek.visible).toBeLessThan(PHONE.height * 0.2);
      const tabBox = (await app.page.getByRole('tab', { name: tabs[1] }).boundingBox())!;
      expect(tabBox.y + tabBox.height).toBeLessThanOrEqual(PHONE.height);
      expect(tabBox.height).toBeGreaterThanOrEqual(44);
      const handleBox = (await handle.boundingBox())!;
      expect(handleBox.height).toBeGreaterThanOrEqual(44);
      expect(handleBox.width).toBeGreaterThanOrEqual(44);
      await app.screenshot(`phone-layout-${lang}-peek`);
      expect(await seriousFindings(app)).toEqual([]);

      // Dragged up about halfway: it rests at half, and the map underneath has not changed size.
      await dragHandle(app, -(PHONE.height * 0.5 - peek.visible));
      const half = await restingSheet(app);
      expect(half.snap).toBe('half');
      expect(Math.abs(half.visible - PHONE.height / 2)).toBeLessThanOrEqual(2);
      expect(await handle.getAttribute('aria-expanded')).toBe('true');
      expect((await app.page.locator('.map-canvas').boundingBox())!.height).toBe(canvas.height);
      await app.screenshot(`phone-layout-${lang}-half`);

      // Dragged to the top: full; the search box stays visible above it.
      await dragHandle(app, -(PHONE.height - half.visible));
      const full = await restingSheet(app);
      expect(full.snap).toBe('full');
      const search = (await app.page.locator('#search-input').boundingBox())!;
      expect(PHONE.height - full.visible).toBeGreaterThanOrEqual(search.y + search.height);
      await app.screenshot(`phone-layout-${lang}-full`);
      expect(await seriousFindings(app)).toEqual([]);

      // And back down to peek.
      await dragHandle(app, full.visible - peek.visible);
      expect((await restingSheet(app)).snap).toBe('peek');

      // Without dragging: the handle is a button that steps through the three, its name saying where it is.
      const peekName = await handle.getAttribute('aria-label');
      await handle.click();
      expect((await restingSheet(app)).snap).toBe('half');
      expect(await handle.getAttribute('aria-label')).not.toBe(peekName);
      await handle.focus();
      await app.page.keyboard.press('Enter');
      expect((await restingSheet(app)).snap).toBe('full');
      await app.page.keyboard.press('Enter');
      expect((await restingSheet(app)).snap).toBe('peek');
      await app.page.keyboard.press('ArrowUp');
      expect((await restingSheet(app)).snap).toBe('half');
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('switches the three tabs by tap and by arrow keys, a tab tapped at peek bringing the sheet up', async () => {
    const app = await openApp({ path: `index.html?lang=${lang}`, viewport: PHONE });
    try {
      expect(await selectedTab(app)).toBe('app-tab-explore');
      expect(await visiblePanels(app)).toEqual(['app-tabpanel-explore']);
      await app.page.getByRole('tab', { name: tabs[1] }).click();
      expect(await selectedTab(app)).toBe('app-tab-trip');
      expect(await visiblePanels(app)).toEqual(['app-tabpanel-trip']);
      expect((await restingSheet(app)).snap).toBe('half');
      await app.page.locator('#app-tabpanel-trip .trip-panel').waitFor({ timeout: 30_000 });

      // One tab stop; the arrows move along the tabs and show each at once, wrapping at the ends.
      await app.page.keyboard.press('ArrowRight');
      expect(await selectedTab(app)).toBe('app-tab-measure');
      expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('app-tab-measure');
      await app.page.locator('#app-tabpanel-measure .planner-panel').waitFor({ timeout: 30_000 });
      expect(await visiblePanels(app)).toEqual(['app-tabpanel-measure']);
      await app.page.keyboard.press('ArrowRight');
      expect(await selectedTab(app)).toBe('app-tab-explore');
      await app.page.keyboard.press('ArrowLeft');
      expect(await selectedTab(app)).toBe('app-tab-measure');
      await app.page.keyboard.press('Home');
      expect(await selectedTab(app)).toBe('app-tab-explore');
      await app.page.keyboard.press('End');
      expect(await selectedTab(app)).toBe('app-tab-measure');
      expect(await app.page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
      await app.screenshot(`phone-layout-${lang}-measure`);
      expect(await seriousFindings(app)).toEqual([]);

      // Starting to draw sends the sheet down to its tabs, so the fingers reach the map.
      await app.page.locator('.measure-tool[data-tool="polygon"]').click();
      expect((await restingSheet(app)).snap).toBe('peek');
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('opens a shared trip on 行程 with every stop on the map above the sheet', async () => {
    const app = await openApp({ path: `index.html?lang=${lang}&trip=${SHARED_TRIP}`, viewport: PHONE });
    try {
      await app.page.waitForSelector('.trip-panel[data-trip-restored="true"]', { timeout: 30_000 });
      expect(await selectedTab(app)).toBe('app-tab-trip');
      const sheet = await restingSheet(app);
      expect(sheet.snap).toBe('half');
      await app.page.waitForFunction(
        () => {
          const source = window.__zoneMap!.getStyle().sources['trip'] as { data?: GeoJSON.FeatureCollection };
          return !window.__zoneMap!.isMoving() && (source?.data?.features?.length ?? 0) > 0;
        },
        undefined,
        { timeout: 15_000 },
      );
      await mapAtRest(app);
      const placement = await app.page.evaluate(() => {
        const map = window.__zoneMap!;
        const canvas = map.getCanvas().getBoundingClientRect();
        const source = map.getStyle().sources['trip'] as { data: GeoJSON.FeatureCollection };
        const header = document.querySelector('.app-header')!.getBoundingClientRect();
        const sheetTop = document.querySelector('.bottom-sheet')!.getBoundingClientRect().top;
        const stops = source.data.features
          .filter((feature) => feature.properties?.['role'] === 'stop' && feature.geometry.type === 'Point')
          .map((feature) => {
            const point = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
            return { id: feature.properties?.['id'], x: canvas.left + point.x, y: canvas.top + point.y };
          });
        return { stops, top: header.bottom, bottom: sheetTop, width: window.innerWidth };
      });
      expect(placement.stops.length).toBe(2);
      for (const stop of placement.stops) {
        expect(stop.x, JSON.stringify(placement)).toBeGreaterThan(0);
        expect(stop.x, JSON.stringify(placement)).toBeLessThan(placement.width);
        expect(stop.y, JSON.stringify(placement)).toBeGreaterThan(placement.top);
        expect(stop.y, JSON.stringify(placement)).toBeLessThan(placement.bottom);
      }
      await app.screenshot(`phone-layout-${lang}-shared-trip`);
      expect(await seriousFindings(app)).toEqual([]);
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows a feature opened from search at the top of 探索, the sheet at half', async () => {
    const app = await openApp({ path: `index.html?lang=${lang}`, viewport: PHONE });
    try {
      // Start somewhere else: the feature brings 探索 back.
      await app.page.getByRole('tab', { name: tabs[2] }).click();
      await app.page.locator('.sheet-handle').click();
      expect((await restingSheet(app)).snap).toBe('full');
      const input = app.page.locator('#search-input');
      await input.click();
      await input.fill('yzx');
      await app.page.locator('#search-results [role="option"]').first().click();
      const panel = app.page.locator('#app-tabpanel-explore .feature-panel');
      await panel.waitFor();
      expect(await selectedTab(app)).toBe('app-tab-explore');
      const sheet = await restingSheet(app);
      expect(sheet.snap).toBe('half');
      const heading = (await panel.locator('h2').first().boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(PHONE.height - sheet.visible);
      expect(heading.y + heading.height).toBeLessThanOrEqual(PHONE.height);
      await mapAtRest(app);
      await app.screenshot(`phone-layout-${lang}-feature`);
      expect(await seriousFindings(app)).toEqual([]);
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('on a desktop (1440×900)', () => {
  it('has the three tabs in a sidebar whose width does not change with what is open', async () => {
    const app = await openApp({ path: 'index.html?lang=en', viewport: DESKTOP });
    try {
      expect(await app.page.locator('.sidebar [role="tablist"] [role="tab"]').count()).toBe(3);
      expect(await app.page.locator('.sheet-handle').isVisible()).toBe(false);
      const widths: Record<string, [number, number]> = {};
      const measure = async (label: string): Promise<void> => {
        widths[label] = await app.page.evaluate(() => {
          const sidebar = document.querySelector('.sidebar')!.getBoundingClientRect().width;
          const panel = document.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')!;
          return [sidebar, panel.getBoundingClientRect().width];
        });
      };
      await measure('explore');
      for (const [tab, ready] of [
        ['Trip', '.trip-panel'],
        ['Measure & data', '.planner-panel'],
        ['Explore', '.layer-list'],
      ] as const) {
        await app.page.getByRole('tab', { name: tab }).click();
        await app.page.locator(`[role="tabpanel"]:not([hidden]) ${ready}`).waitFor({ timeout: 30_000 });
        await measure(tab);
        // Every section of this tab open at once.
        const summaries = app.page.locator('[role="tabpanel"]:not([hidden]) details:not([open]) > summary');
        for (let guard = 0; guard < 20 && (await summaries.count()) > 0; guard += 1) await summaries.first().click();
        await measure(`${tab}, all open`);
      }
      await app.screenshot('phone-layout-desktop-measure');
      const distinct = new Set(Object.values(widths).map((pair) => pair.join('×')));
      expect([...distinct], JSON.stringify(widths)).toHaveLength(1);
      expect(await seriousFindings(app)).toEqual([]);
      expect(await app.problems()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('opens a feature link on 探索 and a trip link on 行程', async () => {
    const featureApp = await openApp({
      path: 'index.html#feature=green/green-yuzixi-wetland-park',
      viewport: DESKTOP,
    });
    try {
      await featureApp.page.locator('.feature-panel').waitFor();
      expect(await selectedTab(featureApp)).toBe('app-tab-explore');
    } finally {
      await featureApp.close();
    }
    const tripApp = await openApp({ path: `index.html?trip=${SHARED_TRIP}`, viewport: DESKTOP });
    try {
      expect(await selectedTab(tripApp)).toBe('app-tab-trip');
      await tripApp.page.waitForSelector('#app-tabpanel-trip .trip-panel[data-trip-restored="true"]', {
        timeout: 30_000,
      });
      expect(await tripApp.problems()).toEqual([]);
    } finally {
      await tripApp.close();
    }
  });
});
