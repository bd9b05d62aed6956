/**
 * The sidebar's three tabs (src/ui/layout/AppTabs.tsx): tests that use the planners' tools or the
 * trip open their tab first, as a user would.
 */
import type { Page } from 'playwright-core';

export type AppTabName = 'explore' | 'trip' | 'measure';

/** Selects a tab (by its id, so in either language) and waits for its panel to show. */
export async function openAppTab(page: Page, tab: AppTabName): Promise<void> {
  const button = page.locator(`#app-tab-${tab}`);
  await button.waitFor({ timeout: 30_000 });
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
  await page.locator(`#app-tabpanel-${tab}:not([hidden])`).waitFor();
}
