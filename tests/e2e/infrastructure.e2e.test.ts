/**
 * What the build and serving promise, checked on the built app in real chromium: nothing leaves
 * the origin, the CSP is there and nothing trips it, Chinese renders from the app's own font, the
 * dataset is served as swappable files, and the first load stays within bundle-budget.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectDatasetCharacters } from '../../scripts/vite/used-characters.ts';
import { readBundleBudget } from './first-load-budget.ts';
import { freePort } from './global-setup.ts';
import { builtAppDirectory, openApp, type AppPage } from './harness.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
const FAMILY = 'Noto Sans SC';

const budget = readBundleBudget();

describe('the built app on first load', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('makes no request outside its own origin, logs no error and trips no CSP rule', async () => {
    await app.screenshot('infrastructure-first-load');
    expect(app.offOriginRequests().map((request) => request.url)).toEqual([]);
    expect(await app.problems()).toEqual([]);
  });

  test('carries a Content-Security-Policy without unsafe-eval or unsafe-inline, and the browser enforces it', async () => {
    const policy = await app.page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    expect(policy).not.toBeNull();
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    // Enforced, not merely present: an inline script the page adds is refused and reported.
    // (After the problem check above, which this violation would otherwise fail.)
    const outcome = await app.page.evaluate(async () => {
      const state = (
        window as unknown as {
          __e2e: { cspViolations: { violatedDirective: string }[]; deliberateCspViolation: boolean };
        }
      ).__e2e;
      const before = state.cspViolations.length;
      // Counted apart in the suite-wide tally (tests/e2e/global-setup.ts), which must otherwise be 0.
      state.deliberateCspViolation = true;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScriptRan = true;';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      state.deliberateCspViolation = false;
      return {
        ran: 'inlineScriptRan' in window || '__inlineScriptRan' in window,
        reported: state.cspViolations.slice(before).map((violation) => violation.violatedDirective),
      };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.reported.some((directive) => directive.startsWith('script-src'))).toBe(true);
  });

  test('draws Chinese from its own same-origin font file, not boxes', async () => {
    const subsetRequests = app.requests.filter((request) =>
      /\/assets\/noto-sans-sc-subset-[^/]*\.woff2$/.test(request.url),
    );
    expect(subsetRequests.length).toBeGreaterThan(0);
    expect(subsetRequests.every((request) => request.status === 200 || request.status === 304)).toBe(true);

    const rendering = await app.page.evaluate(async (family) => {
      await document.fonts.load(`32px "${family}"`, '泸州');
      // With no CJK font, every ideograph is the same missing-glyph box: two different
      // characters drawing identical pixels means boxes.
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 40;
        canvas.height = 40;
        const context = canvas.getContext('2d')!;
        context.font = `32px "${family}"`;
        context.fillText(text, 2, 32);
        return Array.from(context.getImageData(0, 0, 40, 40).data).join(',');
      };
      return { loaded: document.fonts.check(`16px "${family}"`, '泸州'), distinct: draw('泸') !== draw('州') };
    }, FAMILY);
    expect(rendering).toEqual({ loaded: true, distinct: true });
  });

  test('a character outside the subset (from a user file) loads a same-origin fallback file', async () => {
    // 龘 is in no place name of the dataset, so the subset lacks it; a fontsource range file has it.
    const rare = '龘';
    const before = app.requests.length;
    const loaded = await app.page.evaluate(
      async ({ family, text }) => {
        const probe = document.createElement('span');
        probe.style.fontFamily = `"${family}"`;
        probe.textContent = text;
        document.body.append(probe);
        await document.fonts.load(`16px "${family}"`, text);
        const result = document.fonts.check(`16px "${family}"`, text);
        probe.remove();
        return result;
      },
      { family: FAMILY, text: rare },
    );
    expect(loaded).toBe(true);
    const fetched = app.requests.slice(before).map((request) => request.url);
    expect(fetched.some((url) => /\/assets\/noto-sans-sc-\d+-400-normal-[^/]*\.woff2$/.test(url))).toBe(true);
    expect(fetched.every((url) => new URL(url).origin === new URL(app.baseUrl).origin)).toBe(true);
  });

  test(`downloads at most bundle-budget.json's ${budget.firstLoadBytes.limit} bytes before the map is ready`, async () => {
    const resources = await app.resourcesBeforeReady();
    const total = resources.reduce((sum, resource) => sum + resource.bytes, 0);
    const listing = resources.map((resource) => `${String(resource.bytes).padStart(8)}  ${resource.url}`).join('\n');
    console.info(`first load: ${total} bytes before data-map-ready\n${listing}`);
    expect(total, listing).toBeLessThanOrEqual(budget.firstLoadBytes.limit);
  });
});

describe('the built font files', () => {
  test('hold every character the dataset uses', () => {
    const assets = join(builtAppDirectory(), 'assets');
    const fontFiles = readdirSync(assets).filter((name) => /^noto-sans-sc-subset.*\.woff2$/.test(name));
    expect(fontFiles.length).toBeGreaterThan(0);
    const held = new Set<number>();
    for (const name of fontFiles) {
      for (const codePoint of fontkit.create(readFileSync(join(assets, name))).characterSet) held.add(codePoint);
    }
    const dataset = collectDatasetCharacters(builtAppDirectory());
    expect(dataset.size).toBeGreaterThan(100);
    const missing = [...dataset]
      .filter((codePoint) => !held.has(codePoint))
      .map((codePoint) => String.fromCodePoint(codePoint));
    expect(missing).toEqual([]);
  });
});

describe('the dataset as files beside the app', () => {
  test('the build copies geodata/ unchanged, so a planner can swap a layer file without rebuilding', () => {
    const sourceManifest = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'manifest.json'), 'utf8')) as {
      layers: { file: string }[];
    };
    const built = join(builtAppDirectory(), 'geodata');
    for (const file of ['manifest.json', ...sourceManifest.layers.map((layer) => layer.file)]) {
      expect(existsSync(join(built, file)), file).toBe(true);
      expect(readFileSync(join(built, file)).equals(readFileSync(join(projectRoot, 'geodata', file))), file).toBe(true);
    }
  });

  describe('in the dev server', () => {
    let server: ViteDevServer;
    let base: string;
    beforeAll(async () => {
      const port = await freePort();
      server = await createServer({
        root: projectRoot,
        logLevel: 'silent',
        server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
      });
      await server.listen();
      base = `http://127.0.0.1:${port}/`;
    });
    afterAll(async () => {
      await server?.close();
    });

    test('serves geodata/ at /geodata/ as JSON', async () => {
      const response = await fetch(`${base}geodata/manifest.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/json/);
      expect(await response.text()).toBe(readFileSync(join(projectRoot, 'geodata', 'manifest.json'), 'utf8'));
    });

    test('runs the app with the same-origin font and data, nothing fetched from elsewhere', async () => {
      const devApp = await openApp({ baseUrl: base, readyTimeoutMs: 120_000 });
      try {
        await devApp.screenshot('infrastructure-dev-server');
        expect(devApp.offOriginRequests().map((request) => request.url)).toEqual([]);
        expect(await devApp.problems()).toEqual([]);
        expect(
          devApp.requests.some((request) => /noto-sans-sc-subset\.woff2/.test(request.url) && request.status === 200),
        ).toBe(true);
        expect(await devApp.page.evaluate((family) => document.fonts.check(`16px "${family}"`, '泸州'), FAMILY)).toBe(
          true,
        );
      } finally {
        await devApp.close();
      }
    });

    test('answers a missing layer file with 404 naming it, and refuses paths out of geodata/', async () => {
      const missing = await fetch(`${base}geodata/no-such-layer.geojson`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('no-such-layer.geojson');
      // `%2F` survives URL parsing, so the middleware itself sees `../package.json` after decoding.
      const escaping = await fetch(`${base}geodata/..%2Fpackage.json`);
      expect(escaping.status).toBe(403);
      expect(await escaping.text()).not.toContain('"devDependencies"');
    });
  });
});
