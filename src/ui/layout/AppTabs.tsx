/**
 * The three uses of the app, each behind its own tab: 探索 (the overview and layers), 行程 (the
 * trip) and 量算与数据 (the planners' tools). The ARIA tabs pattern: one tab stop, arrow keys move
 * between tabs and show each at once, Home and End jump to the ends.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { APP_TABS, type AppTab, appTab, showTab } from './layout-state.ts';
import { layoutMessages } from './layout-messages.ts';

function tabId(tab: AppTab): string {
  return `app-tab-${tab}`;
}

export function tabPanelId(tab: AppTab): string {
  return `app-tabpanel-${tab}`;
}

export function AppTabs({ panels }: { panels: Record<AppTab, ComponentChildren> }) {
  const text = layoutMessages();
  const current = appTab.value;
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent): void => {
    const index = APP_TABS.indexOf(current);
    const target =
      event.key === 'ArrowRight'
        ? APP_TABS[(index + 1) % APP_TABS.length]
        : event.key === 'ArrowLeft'
          ? APP_TABS[(index - 1 + APP_TABS.length) % APP_TABS.length]
          : event.key === 'Home'
            ? APP_TABS[0]
            : event.key === 'End'
              ? APP_TABS[APP_TABS.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    showTab(target);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(target)}`)?.focus();
  };

  return (
    <>
      <div ref={list} class="app-tabs" role="tablist" aria-label={text.tabsLabel} onKeyDown={onKeyDown}>
        {APP_TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={tabId(tab)}
            class="app-tab"
            aria-selected={tab === current}
            aria-controls={tabPanelId(tab)}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => showTab(tab)}
          >
            {text.tabs[tab]}
          </button>
        ))}
      </div>
      {APP_TABS.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={tabPanelId(tab)}
          class={`app-tabpanel app-tabpanel--${tab}`}
          aria-labelledby={tabId(tab)}
          hidden={tab !== current}
        >
          {panels[tab]}
        </div>
      ))}
    </>
  );
}
