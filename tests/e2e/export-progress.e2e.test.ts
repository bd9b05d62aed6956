/**
 * The A4 PNG export on a slow device (issue 14): once it has run for a second the statistics panel
 * shows a progress bar saying what the export is doing — drawing the map, then encoding the file —
 * inside the panel's status region, so a screen reader announces it; when the file arrives the bar
 * goes and the panel says the file is ready. The page's CPU is slowed with DevTools' CPU throttling,
 * so the export outlasts the second on any machine (no timing is asserted: only what is shown).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATISTICS_MESSAGES } from '../../src/ui/planner/statistics-messages.ts';
import { openAppTab } from './app-tabs.ts';
import { SCREENSHOT_DIRECTORY, withApp, type AppPage } from './harness.ts';

interface ProgressSnapshot {
  stage: string | undefined;
  text: string;
  /** The bar's aria-busy, and whether it sits inside a role=status region. */
  busy: string | null;
  inStatusRegion: boolean;
  barName: string | null;
}

async function openStatistics(app: AppPage): Promise<void> {
  await openAppTab(app.page, 'measure');
  const details = app.page.locator('.statistics-section > details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
    await app.page.locator('.statistics-section summary').click();
  await app.page.locator('.statistics-export button[data-export="png"]:not([disabled])').waitFor({ timeout: 60_000 });
}

/** Records every change of the export's progress bar (null: no bar) in `window.__progressSnapshots`. */
async function recordProgress(app: AppPage): Promise<void> {
  await app.page.evaluate(() => {
    const snapshots: (ProgressSnapshot | null)[] = [];
    Object.assign(window, { __progressSnapshots: snapshots });
    const section = document.querySelector('.statistics-export')!;
    const take = (): void => {
      const indicator = section.querySelector<HTMLElement>('[data-export-progress]');
      const bar = indicator?.querySelector('progress') ?? null;
      const snapshot = indicator
        ? {
            stage: indicator.dataset.exportProgress,
            text: indicator.textContent ?? '',
            busy: bar?.getAttribute('aria-busy') ?? null,
            inStatusRegion: indicator.closest('[role="status"]') !== null,
            barName: bar?.getAttribute('aria-label') ?? null,
          }
        : null;
      if (JSON.stringify(snapshot) !== JSON.stringify(snapshots.at(-1) ?? null)) snapshots.push(snapshot);
    };
    new MutationObserver(take).observe(section, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

describe('A4 PNG export progress', () => {
  it('shows the stage of a slow export in a status region and takes it away when the file arrives', async () => {
    const text = STATISTICS_MESSAGES.zh;
    await withApp({ viewport: { width: 1280, height: 900 } }, async (app) => {
      await openStatistics(app);
      const status = app.page.locator('.statistics-export p[role="status"]');
      expect(await status.locator('[data-export-progress]').count()).toBe(0);
      await recordProgress(app);
      mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });

      const devtools = await app.page.context().newCDPSession(app.page);
      await devtools.send('Emulation.setCPUThrottlingRate', { rate: 8 });
      const downloaded = app.page.waitForEvent('download', { timeout: 300_000 });
      await app.page.locator('.statistics-export button[data-export="png"]').click();
      await status.locator('[data-export-progress="rendering"]').waitFor({ timeout: 120_000 });
      await app.page
        .locator('.statistics-export')
        .screenshot({ path: join(SCREENSHOT_DIRECTORY, 'export-progress.png') });
      const download = await downloaded;
      await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });

      // The file arrived whole: a PNG of the A4 sheet at 150 dpi.
      const bytes = readFileSync(await download.path());
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: 1754, height: 1240 });

      // Then the bar is gone and the status says the file is ready.
      await status.filter({ hasText: text.pngDone(download.suggestedFilename()) }).waitFor({ timeout: 30_000 });
      expect(await status.locator('[data-export-progress], progress').count()).toBe(0);

      const snapshots = await app.page.evaluate(
        () => (window as unknown as { __progressSnapshots: (ProgressSnapshot | null)[] }).__progressSnapshots,
      );
      const shown = snapshots.filter((snapshot): snapshot is ProgressSnapshot => snapshot !== null);
      // Drawing first, then encoding, each said in words beside a busy, named progress bar.
      expect(shown.map((snapshot) => snapshot.stage)).toEqual(['rendering', 'encoding']);
      expect(shown.map((snapshot) => snapshot.text)).toEqual([text.pngStage.rendering, text.pngStage.encoding]);
      for (const snapshot of shown) {
        expect(snapshot.busy).toBe('true');
        expect(snapshot.inStatusRegion).toBe(true);
        expect(snapshot.barName).toBe(text.pngProgressLabel);
      }
      expect(snapshots.at(-1)).toBeNull();
      expect(await app.page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    });
    // The throttled export takes many times its usual few seconds.
  }, 300_000);
});
