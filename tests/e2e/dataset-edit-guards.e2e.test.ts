/**
 * An unsaved in-place edit (issue 11 §1) is never dropped without asking: not after a save the
 * browser refused (quota, private mode), not by hiding the edited feature's layer, not by the back
 * button, not by a layout switch between phone and desktop; and a save never overwrites what
 * another tab saved meanwhile.
 */
import type { Dialog } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, launchBrowser, openApp, type AppPage } from './harness.ts';

const CORE = '#feature=core/core-longmatan';

async function startEditing(app: AppPage, nameZh: string): Promise<void> {
  const editButton = app.page.locator('.feature-panel .edit-shape-button');
  await editButton.waitFor({ timeout: 60_000 });
  await editButton.click();
  const field = app.page.locator('.dataset-edit input[name="name_zh"]');
  await field.waitFor({ timeout: 30_000 });
  await field.fill(nameZh);
  await field.press('Tab');
}

/** Answers the next confirm() with `accept`, and returns what it asked ('' when nothing asked). */
function answerNextDialog(app: AppPage, accept: boolean): () => string {
  let asked = '';
  const onDialog = (dialog: Dialog) => {
    asked = dialog.message();
    void (accept ? dialog.accept() : dialog.dismiss());
  };
  app.page.once('dialog', onDialog);
  return () => asked;
}

describe('an unsaved edit is not lost', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ path: CORE, viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a save the browser refuses says so, and closing the panel still asks', async () => {
    await startEditing(app, '一核（存不下）');
    // The browser refuses every write, as a full quota or a private window does.
    await app.page.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await app.page.locator('.dataset-edit__save').click();
    await expect
      .poll(() => app.page.locator('.dataset-edit [role="alert"]').allInnerTexts())
      .toEqual([expect.stringContaining('quota')]);
    const asked = answerNextDialog(app, false);
    await app.page.locator('.feature-panel__header .icon-button').click();
    await expect.poll(asked).toContain('未保存');
    expect(await app.page.locator('.dataset-edit input[name="name_zh"]').inputValue()).toBe('一核（存不下）');
  });

  test('hiding the edited layer asks; "no" keeps the layer shown and the edit', async () => {
    const checkbox = app.page.locator('.layer-item[data-layer-id="core"] input[type="checkbox"]');
    const asked = answerNextDialog(app, false);
    await checkbox.click();
    await expect.poll(asked).toContain('未保存');
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    expect(await app.page.locator('.dataset-edit input[name="name_zh"]').inputValue()).toBe('一核（存不下）');
  });

  test('back to another feature asks; "no" keeps the edit and puts the address back', async () => {
    await app.page.evaluate(() => {
      const base = `${location.pathname}${location.search}`;
      history.replaceState(null, '', `${base}#feature=green/green-yuzixi-wetland-park`);
      history.pushState(null, '', `${base}#feature=core/core-longmatan`);
    });
    const asked = answerNextDialog(app, false);
    await app.page.goBack();
    await expect.poll(asked).toContain('未保存');
    await expect
      .poll(() => app.page.evaluate(() => decodeURIComponent(location.hash)))
      .toBe('#feature=core/core-longmatan');
    expect(await app.page.locator('.dataset-edit input[name="name_zh"]').inputValue()).toBe('一核（存不下）');
  });
});

describe('two tabs editing the same dataset', () => {
  let browser: BrowserSession;
  let first: AppPage;
  let second: AppPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Both tabs load the shipped dataset before either saves.
    first = await openApp({ browser, path: CORE, viewport: { width: 1280, height: 860 } });
    second = await openApp({ browser, path: CORE, viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await browser?.close();
  });

  test('the later save is refused instead of overwriting the earlier one, and its edit stays', async () => {
    await startEditing(first, '一核（甲）');
    await startEditing(second, '一核（乙）');
    const reloaded = first.page.waitForEvent('load');
    await first.page.locator('.dataset-edit__save').click();
    await reloaded;
    await first.page.locator('[data-dataset-banner="package"]').waitFor({ timeout: 30_000 });

    await second.page.locator('.dataset-edit__save').click();
    await expect
      .poll(() => second.page.locator('.dataset-edit [role="alert"]').allInnerTexts())
      .toEqual([expect.stringContaining('另一个标签页')]);
    expect(await second.page.locator('.dataset-edit input[name="name_zh"]').inputValue()).toBe('一核（乙）');

    // The first tab's save is what a fresh load shows.
    await first.page.reload();
    await expect
      .poll(() => first.page.locator('#feature-panel-heading').innerText(), { timeout: 60_000 })
      .toContain('一核（甲）');
    expect(await first.problems()).toEqual([]);
  });
});

describe('a layout switch mid-edit', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ path: CORE, viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('resizing to a phone and back keeps the edit, its history and the unsaved question', async () => {
    await startEditing(app, '一核（转屏）');
    const history = app.page.locator('.dataset-edit__history');
    await expect.poll(() => history.innerText()).toContain('1 步可撤销');
    await app.page.setViewportSize({ width: 600, height: 860 });
    await expect
      .poll(() => app.page.locator('.dataset-edit input[name="name_zh"]').inputValue(), { timeout: 30_000 })
      .toBe('一核（转屏）');
    await app.page.setViewportSize({ width: 1280, height: 860 });
    await expect
      .poll(() => app.page.locator('.dataset-edit input[name="name_zh"]').inputValue(), { timeout: 30_000 })
      .toBe('一核（转屏）');
    expect(await history.innerText()).toContain('1 步可撤销');
    await app.page.locator('.dataset-edit__undo').click();
    expect(await app.page.locator('.dataset-edit input[name="name_zh"]').inputValue()).not.toBe('一核（转屏）');
    await app.page.locator('.dataset-edit__redo').click();
    const asked = answerNextDialog(app, false);
    await app.page.locator('.feature-panel__header .icon-button').click();
    await expect.poll(asked).toContain('未保存');
    expect(await app.problems()).toEqual([]);
  });
});
