/**
 * Keeps the tabs and the phone's sheet in step with what the user does elsewhere: opening a feature,
 * dropping a file on the map, adding a stop, starting to draw. Connected once by App.
 */
import { effect } from '@preact/signals';
import { selectedFeature } from '../../state/app-state.ts';
import { plannerModule } from '../planner/lazy-planner.tsx';
import { tabPanelId } from './AppTabs.tsx';
import {
  APP_TABS,
  type AppTab,
  appTab,
  connectSheetToSelection,
  phoneLayout,
  sheetSnap,
  showTab,
} from './layout-state.ts';

/**
 * Shows a tab now, in the DOM too: a button whose own handler focuses something in that tab runs
 * right after this, before the next render would have un-hidden it.
 */
function showTabNow(tab: AppTab): void {
  showTab(tab);
  for (const other of APP_TABS) {
    const panel = document.getElementById(tabPanelId(other));
    if (panel) panel.hidden = other !== tab;
  }
}

/**
 * Clicks on controls of other panels, seen before their own handlers run. Matching their classes
 * keeps those panels unaware of the layout they sit in.
 */
function onClickCapture(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  // "See the trip" in a feature's panel: the trip is behind its own tab.
  if (target.closest('.add-to-trip__show')) {
    showTabNow('trip');
    return;
  }
  // On a desktop the feature panel floats over the map, so the sidebar can show the trip growing;
  // on a phone the feature's panel is in the sheet and stays where the user is reading.
  const addButton = target.closest('.add-to-trip__button');
  if (addButton && addButton.getAttribute('aria-pressed') !== 'true' && !phoneLayout.peek()) {
    showTab('trip');
    return;
  }
  // Starting to draw on a phone: the sheet goes down to its tabs so the map is free for the fingers.
  const tool = target.closest('.measure-tool');
  if (tool && tool.getAttribute('aria-pressed') !== 'true' && phoneLayout.peek()) sheetSnap.value = 'peek';
}

/** The search header's height as --phone-header-height, so the map's buttons on a phone sit below it. */
function trackHeaderHeight(): () => void {
  const header = document.querySelector('.app-header');
  if (!header || typeof ResizeObserver === 'undefined') return () => undefined;
  // Written in the next frame, and only when it changed: writing it inside the observer's callback
  // relaid the page within the same frame, which WebKit reports as a ResizeObserver loop error.
  let frame = 0;
  let written = '';
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const height = `${header.getBoundingClientRect().height}px`;
      if (height === written) return;
      written = height;
      document.documentElement.style.setProperty('--phone-header-height', height);
    });
  });
  observer.observe(header);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}

export function connectLayout(): () => void {
  const stopSelection = connectSheetToSelection(selectedFeature);
  // The planner's own "open" flag (set when a file is dropped on the map) and the 量算 tab are one thing.
  const stopPlannerOpens = effect(() => {
    const planner = plannerModule.value;
    if (planner?.plannerOpen.value) showTab('measure');
  });
  // A tap on a feature of an imported layer opens its panel, which on a phone is in the sheet under 量算与数据.
  const stopImportedSelection = effect(() => {
    const hit = plannerModule.value?.selectedImportedFeature.value;
    if (!hit || !phoneLayout.peek()) return;
    showTab('measure');
    sheetSnap.value = 'half';
  });
  const stopPlannerFollows = effect(() => {
    const tab = appTab.value;
    const planner = plannerModule.value;
    if (planner) planner.plannerOpen.value = tab === 'measure';
  });
  document.addEventListener('click', onClickCapture, true);
  const stopHeaderHeight = trackHeaderHeight();
  return () => {
    stopHeaderHeight();
    stopSelection();
    stopPlannerOpens();
    stopPlannerFollows();
    stopImportedSelection();
    document.removeEventListener('click', onClickCapture, true);
  };
}
