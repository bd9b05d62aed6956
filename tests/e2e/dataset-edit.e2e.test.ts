/**
 * Edit in place in a real browser (issue 11 §1): a planner opens the 一核, chooses "编辑形状",
 * drags one of its vertices with the mouse and watches the measured area follow; undo gives the
 * old area back, redo the new one (buttons and keyboard); Save keeps the edit as the dataset, so
 * after the reload the feature's panel measures the new shape against its stated figure as a real
 * check, the banner counts the change and the change list names it; another reload keeps it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { snapVertices } from '../../src/data/dataset-edit-snapping.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { formatArea } from '../../src/ui/format.ts';
import { openAppTab } from './app-tabs.ts';
import { openApp, waitForMapIdle, type AppPage } from './harness.ts';

type Pixel = [x: number, y: number];

const CORE = '#feature=core/core-longmatan';
const HOSTILE = '<img src=x onerror="window.__hacked=1">';
const geodata = fileURLToPath(new URL('../../geodata/', import.meta.url));

async function measuredArea(app: AppPage): Promise<number> {
  return Number(await app.page.locator('.dataset-edit__measured').getAttribute('data-measured'));
}

/** The edited part's vertices on screen (container pixels), read from terra-draw's source. */
async function editedVertices(app: AppPage): Promise<Pixel[]> {
  return app.page.evaluate(async () => {
    const map = window.__zoneMap!;
    const source = map.getSource('td-polygon') as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> };
    const data = await source.getData();
    const part = data.features.find((feature) => feature.properties?.['mode'] === 'dataset-polygon');
    if (part?.geometry.type !== 'Polygon') return [];
    return part.geometry.coordinates[0]!.slice(0, -1).map((position) => {
      const point = map.project(position as [number, number]);
      return [point.x, point.y] as Pixel;
    });
  });
}

describe('editing a dataset polygon in place', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ path: CORE, viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('drag a vertex: the live area follows; undo and redo step through it', async () => {
    // The button shows once the planner's map tools have loaded (after the first frame).
    const editButton = app.page.locator('.feature-panel .edit-shape-button');
    await editButton.waitFor({ timeout: 60_000 });
    // Sized to its stated figure: the panel says so instead of a 0.0 % "check".
    expect(await app.page.locator('.feature-panel .difference').innerText()).not.toMatch(/%/);
    const framed = app.page.evaluate(
      () => new Promise<void>((resolve) => window.__zoneMap!.once('moveend', () => resolve())),
    );
    await app.page.getByRole('button', { name: '缩放至此' }).click();
    await framed;
    await editButton.click();
    await app.page.locator('.dataset-edit__measured').waitFor({ timeout: 30_000 });
    const before = await measuredArea(app);
    expect(before).toBeGreaterThan(4e6);
    const difference = app.page.locator('.dataset-edit__difference');
    expect(await difference.innerText()).not.toMatch(/%/);

    // Take a vertex clear of the feature panel (which floats over the map) and of the map's edges.
    await expect.poll(async () => (await editedVertices(app)).length, { timeout: 30_000 }).toBeGreaterThan(10);
    await waitForMapIdle(app);
    const canvas = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
    const panel = (await app.page.locator('.feature-panel').boundingBox())!;
    const vertices = await editedVertices(app);
    const centre: Pixel = [
      vertices.reduce((sum, vertex) => sum + vertex[0], 0) / vertices.length,
      vertices.reduce((sum, vertex) => sum + vertex[1], 0) / vertices.length,
    ];
    // Outward from the shape's middle, so the area grows; both ends clear of the panel and the map's edges.
    const outward = ([x, y]: Pixel): Pixel => {
      const length = Math.hypot(x - centre[0], y - centre[1]);
      return [x + ((x - centre[0]) / length) * 60, y + ((y - centre[1]) / length) * 60];
    };
    const clear = ([x, y]: Pixel) => {
      const pageX = canvas.x + x;
      const pageY = canvas.y + y;
      const underPanel =
        pageX >= panel.x - 20 &&
        pageX <= panel.x + panel.width + 20 &&
        pageY >= panel.y - 20 &&
        pageY <= panel.y + panel.height + 20;
      return x > 40 && y > 40 && x < canvas.width - 40 && y < canvas.height - 40 && !underPanel;
    };
    const draggable = vertices.filter((vertex) => clear(vertex) && clear(outward(vertex)));
    expect(draggable.length).toBeGreaterThan(0);
    const from = draggable[Math.floor(draggable.length / 2)]!;
    const to = outward(from);
    await app.screenshot('dataset-edit-before-drag');
    await app.page.mouse.move(canvas.x + from[0], canvas.y + from[1]);
    await app.page.mouse.down();
    await app.page.mouse.move(canvas.x + to[0], canvas.y + to[1], { steps: 10 });
    await app.page.mouse.up();
    await expect.poll(() => measuredArea(app), { timeout: 15_000 }).toBeGreaterThan(before);
    const after = await measuredArea(app);
    // Moved by hand, the shape is measured: the difference to 4.62 km² is a check now.
    expect(await difference.innerText()).toMatch(/^\+\d+\.\d %$/);
    await app.screenshot('dataset-edit-dragged');

    // Undo gives the feature's own area back exactly; redo the dragged one.
    await app.page.locator('.dataset-edit__undo').click();
    await expect.poll(() => measuredArea(app)).toBe(before);
    await app.page.locator('.dataset-edit__redo').click();
    await expect.poll(() => measuredArea(app)).toBe(after);
    // The same from the keyboard while the editor has the focus.
    await app.page.locator('.dataset-edit__undo').focus();
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => measuredArea(app)).toBe(before);
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => measuredArea(app)).toBe(after);
    // The map follows the history too: the dragged vertex is back where it was dropped.
    // (terra-draw writes its sources on the next frame).
    await expect
      .poll(async () => (await editedVertices(app)).some(([x, y]) => Math.hypot(x - to[0], y - to[1]) < 3))
      .toBe(true);

    // A hostile English name is a property like any other: checked, kept as text.
    await app.page.locator('.dataset-edit input[name="name_en"]').fill(HOSTILE);
    await app.page.locator('.dataset-edit input[name="name_en"]').press('Tab');
    await expect.poll(() => app.page.locator('.dataset-edit__history').innerText()).toContain('2 步可撤销');
    expect(await app.problems()).toEqual([]);
  });

  test('save keeps the edit as the dataset: panel, banner and change list follow, and a reload keeps it', async () => {
    const after = await measuredArea(app);
    const reloaded = app.page.waitForEvent('load');
    await app.page.locator('.dataset-edit__save').click();
    await reloaded;
    const banner = app.page.locator('[data-dataset-banner="package"]');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('2 项改动记录');
    expect(await banner.innerText()).toContain('在本应用中修改的数据集 / dataset edited in this app');

    // The feature's panel measures the new shape, and the difference to its stated figure is a real check now.
    const area = app.page.locator('.feature-panel .measured-area');
    const expectedKm2 = formatArea(after, 'km2', 'km²', 'zh-CN');
    await expect.poll(async () => area.innerText(), { timeout: 60_000 }).toContain(expectedKm2);
    expect(await app.page.locator('.feature-panel .difference').innerText()).toMatch(/^\+\d+(\.\d)? %$/);
    await app.screenshot('dataset-edit-saved-panel');

    await openAppTab(app.page, 'measure');
    const changes = app.page.locator('[data-dataset-changes]');
    await changes.locator('summary').click();
    const list = await changes.innerText();
    expect(list).toMatch(/core \/ core-longmatan · moved 1 vertex · edited in the app/);
    expect(list).toContain(`core / core-longmatan · edited name_en: Core area (Longmatan) → ${HOSTILE}`);
    await app.screenshot('dataset-edit-change-list');

    await app.page.reload();
    await app.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });
    await openAppTab(app.page, 'explore');
    await expect
      .poll(async () => app.page.locator('.feature-panel .measured-area').innerText(), { timeout: 60_000 })
      .toContain(expectedKm2);
    expect(await app.page.locator('.feature-panel .secondary-name').innerText()).toBe(HOSTILE);
    expect(await app.page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();
    expect(await app.problems()).toEqual([]);
  });

  test('a vertex dropped near another layer’s vertex lands on it exactly; Cancel keeps the dataset', async () => {
    const measuredText = () => app.page.locator('.feature-panel .measured-area').innerText();
    await expect.poll(measuredText, { timeout: 60_000 }).toContain('km²');
    const areaBefore = await measuredText();
    await app.page.locator('.feature-panel .edit-shape-button').click();
    await app.page.locator('.dataset-edit__measured').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await editedVertices(app)).length, { timeout: 30_000 }).toBeGreaterThan(10);
    await waitForMapIdle(app);

    // Every vertex of the other features (the zone's outline shares the core's own: those would not move it).
    const loaded = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    const own = await app.page.evaluate(async () => {
      const source = window.__zoneMap!.getSource('td-polygon') as unknown as {
        getData: () => Promise<GeoJSON.FeatureCollection>;
      };
      const part = (await source.getData()).features.find(
        (feature) => feature.properties?.['mode'] === 'dataset-polygon',
      );
      return part?.geometry.type === 'Polygon' ? part.geometry.coordinates[0]!.map((position) => position.join()) : [];
    });
    const targets = snapVertices(loaded.dataset, { layerId: 'core', featureId: 'core-longmatan' }).filter(
      (vertex) => !own.includes(vertex.join()),
    );
    const canvas = (await app.page.locator('.map-area canvas.maplibregl-canvas').boundingBox())!;
    const panel = (await app.page.locator('.feature-panel').boundingBox())!;
    const onScreen = await app.page.evaluate(
      (positions) => positions.map((position) => window.__zoneMap!.project(position as [number, number])),
      targets,
    );
    const vertices = await editedVertices(app);
    const clear = (x: number, y: number) =>
      x > 40 &&
      y > 40 &&
      x < canvas.width - 40 &&
      y < canvas.height - 40 &&
      !(
        canvas.x + x >= panel.x - 20 &&
        canvas.x + x <= panel.x + panel.width + 20 &&
        canvas.y + y <= panel.y + panel.height + 20
      );
    // The other feature's vertex closest to one of the core's, both clear of the panel and the edges.
    let best: { target: number; from: Pixel; distance: number } | null = null;
    for (const [target, point] of onScreen.entries()) {
      if (!clear(point.x, point.y)) continue;
      for (const vertex of vertices) {
        const distance = Math.hypot(vertex[0] - point.x, vertex[1] - point.y);
        if (clear(vertex[0], vertex[1]) && distance > 20 && (!best || distance < best.distance))
          best = { target, from: vertex, distance };
      }
    }
    expect(best).not.toBeNull();
    const { target, from } = best!;
    const drop: Pixel = [onScreen[target]!.x + 5, onScreen[target]!.y + 4];
    await app.page.mouse.move(canvas.x + from[0], canvas.y + from[1]);
    await app.page.mouse.down();
    await app.page.mouse.move(canvas.x + drop[0], canvas.y + drop[1], { steps: 10 });
    await app.page.mouse.up();
    await expect.poll(() => app.page.locator('.dataset-edit__history').innerText()).toContain('1 步可撤销');
    await app.screenshot('dataset-edit-snapped');
    const landed = await app.page.evaluate(async () => {
      const source = window.__zoneMap!.getSource('td-polygon') as unknown as {
        getData: () => Promise<GeoJSON.FeatureCollection>;
      };
      const part = (await source.getData()).features.find(
        (feature) => feature.properties?.['mode'] === 'dataset-polygon',
      );
      return part?.geometry.type === 'Polygon' ? part.geometry.coordinates[0]!.map((position) => position.join()) : [];
    });
    expect(landed).toContain(targets[target]!.join());

    // Cancel: the editor goes, the dataset and the panel's figure stay as they were.
    await app.page.locator('.dataset-edit__cancel').click();
    await app.page.locator('.dataset-edit').waitFor({ state: 'detached' });
    expect(await app.page.locator('.feature-panel .measured-area').innerText()).toBe(areaBefore);
    expect(await app.page.locator('[data-dataset-banner="package"]').innerText()).toContain('2 项改动记录');
    expect(await editedVertices(app)).toEqual([]);
    expect(await app.problems()).toEqual([]);
  });

  test('choosing a measuring tool pauses the edit without losing it; Resume brings it back', async () => {
    await app.page.locator('.feature-panel .edit-shape-button').click();
    await expect.poll(async () => (await editedVertices(app)).length, { timeout: 30_000 }).toBeGreaterThan(10);
    await app.page.locator('.dataset-edit input[name="name_zh"]').fill('一核（草稿）');
    await app.page.locator('.dataset-edit input[name="name_zh"]').press('Tab');
    await openAppTab(app.page, 'measure');
    await app.page.locator('.measure-tool[data-tool="polygon"]').click();
    await app.page.locator('.dataset-edit__interrupted').waitFor();
    await expect.poll(async () => (await editedVertices(app)).length).toBe(0);
    await app.page.locator('.dataset-edit__interrupted button').click();
    await expect.poll(async () => (await editedVertices(app)).length, { timeout: 30_000 }).toBeGreaterThan(10);
    // The measuring tool let go of the map, and the form kept what was typed.
    expect(await app.page.locator('.measure-tool[data-tool="polygon"]').getAttribute('aria-pressed')).toBe('false');
    expect(await app.page.locator('.dataset-edit input[name="name_zh"]').inputValue()).toBe('一核（草稿）');
    // Closing the panel with unsaved changes asks first; saying no keeps the edit.
    let asked = '';
    app.page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await app.page.locator('.feature-panel__header .icon-button').click();
    expect(asked).toContain('未保存');
    expect(await app.page.locator('.dataset-edit input[name="name_zh"]').inputValue()).toBe('一核（草稿）');
    // Choosing another feature from the search asks too (not only the ×); saying no keeps the edit.
    let askedBySearch = '';
    app.page.once('dialog', (dialog) => {
      askedBySearch = dialog.message();
      void dialog.dismiss();
    });
    const search = app.page.locator('#search-input');
    await search.click();
    await search.fill('yzx');
    await app.page.locator('#search-results [role="option"]').first().click();
    await expect.poll(() => askedBySearch).toContain('未保存');
    expect(await app.page.locator('.dataset-edit input[name="name_zh"]').inputValue()).toBe('一核（草稿）');
    await app.page.locator('.dataset-edit__cancel').click();
    expect(await app.problems()).toEqual([]);
  });
});
