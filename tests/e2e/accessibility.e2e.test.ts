/**
 * An automated accessibility scan (axe-core, WCAG 2.x A and AA rules) of the app in the states a
 * visitor meets: the first view, search results open, a feature panel open, the list of all
 * features, English, and a phone. No serious or critical violation is allowed in any of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openApp, type AppPage, withApp } from './harness.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe in the page (injected through the debugger, so the page's CSP is not loosened for it). */
async function seriousFindings(app: AppPage): Promise<Finding[]> {
  await app.page.evaluate(axeSource);
  const findings = await app.page.evaluate(async () => {
    type Rule = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    // A scan that checked nothing would pass too: make sure it looked at the page.
    if (result.passes.length < 10) throw new Error(`axe checked only ${result.passes.length} rules`);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  const lesser = findings.filter((finding) => finding.impact !== 'serious' && finding.impact !== 'critical');
  if (lesser.length > 0 && process.env.AXE_VERBOSE) console.log(JSON.stringify(lesser, null, 1));
  return findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

describe('accessibility scan', () => {
  it('finds nothing serious on the first view, with search results, with a panel and in the list', async () => {
    const app = await openApp();
    try {
      expect(await seriousFindings(app)).toEqual([]);

      const input = app.page.getByRole('combobox');
      await input.click();
      await input.fill('yzx');
      await app.page.locator('#search-results [role="option"]').first().waitFor();
      await app.page.keyboard.press('ArrowDown');
      expect(await seriousFindings(app)).toEqual([]);

      await app.page.keyboard.press('Enter');
      await app.page.locator('.feature-panel').waitFor();
      expect(await seriousFindings(app)).toEqual([]);

      await app.page.locator('.list-toggle').click();
      await app.page.locator('.feature-list table').waitFor();
      expect(await seriousFindings(app)).toEqual([]);
      expect(await app.problems()).toEqual([]);

      // The scan does see problems: an unnamed button is reported.
      await app.page.evaluate(() => document.body.append(document.createElement('button')));
      expect((await seriousFindings(app)).map((finding) => finding.id)).toContain('button-name');
    } finally {
      await app.close();
    }
  });

  it('finds nothing serious in English on a phone', async () => {
    await withApp({ path: '?lang=en', viewport: { width: 390, height: 844 } }, async (app) => {
      expect(await seriousFindings(app)).toEqual([]);
    });
  });

  it('labels every map control in the page language', async () => {
    const app = await openApp();
    try {
      const unlabelled = await app.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.maplibregl-ctrl button, .maplibregl-canvas')]
          .filter((element) => !element.getAttribute('aria-label')?.trim())
          .map((element) => element.className),
      );
      expect(unlabelled).toEqual([]);
      const zoomIn = await app.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label');
      expect(zoomIn).toBe('放大');
      expect(await app.page.locator('.maplibregl-canvas').getAttribute('aria-label')).toContain('泸州');
    } finally {
      await app.close();
    }
  });
});
