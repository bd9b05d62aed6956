/**
 * Which of the three uses the sidebar (or the phone's bottom sheet) shows, and how far the sheet is
 * pulled up. Plain signals, so the map, the panels and the tests can all follow them.
 */
import { effect, signal } from '@preact/signals';

export const APP_TABS = ['explore', 'trip', 'measure'] as const;
export type AppTab = (typeof APP_TABS)[number];

export const SHEET_SNAPS = ['peek', 'half', 'full'] as const;
export type SheetSnap = (typeof SHEET_SNAPS)[number];

/** Below this width the sidebar becomes a bottom sheet over a full-height map (same breakpoint as the 44 px targets). */
const PHONE_QUERY = '(max-width: 700px)';

const TAB_STORAGE_KEY = 'luzhou-zone-map:tab';

function isAppTab(value: unknown): value is AppTab {
  return typeof value === 'string' && (APP_TABS as readonly string[]).includes(value);
}

/**
 * A link says what its reader came for: a shared trip opens on 行程, a feature on 探索. Without
 * either, the tab chosen earlier in this browser tab comes back (a reload keeps the planner open).
 */
export function initialTab(search: string, hash: string, remembered: string | null): AppTab {
  if (new URLSearchParams(search).has('trip') || /^#trip=/.test(hash)) return 'trip';
  if (/^#feature=/.test(hash)) return 'explore';
  return isAppTab(remembered) ? remembered : 'explore';
}

function readRememberedTab(): string | null {
  try {
    return sessionStorage.getItem(TAB_STORAGE_KEY);
  } catch {
    return null; // storage refused (private mode, sandboxed frame): start on 探索
  }
}

export const appTab = signal<AppTab>(
  typeof window === 'undefined'
    ? 'explore'
    : initialTab(window.location.search, window.location.hash, readRememberedTab()),
);

function selectTab(tab: AppTab): void {
  appTab.value = tab;
  try {
    sessionStorage.setItem(TAB_STORAGE_KEY, tab);
  } catch {
    // Not remembered; the tab still changes.
  }
}

const phoneMedia = typeof window === 'undefined' ? null : window.matchMedia(PHONE_QUERY);
export const phoneLayout = signal<boolean>(phoneMedia?.matches ?? false);
phoneMedia?.addEventListener('change', (event) => {
  phoneLayout.value = event.matches;
});

/** A shared trip opens with its day plan half up, so the stops show on the map above it. */
export const sheetSnap = signal<SheetSnap>(appTab.peek() === 'trip' ? 'half' : 'peek');

export function nextSnap(snap: SheetSnap): SheetSnap {
  return snap === 'peek' ? 'half' : snap === 'half' ? 'full' : 'peek';
}

/**
 * The snap nearest to where a drag let go, given the sheet's visible height at each snap; a quick
 * flick moves one snap in its direction even if it did not travel far.
 */
export function snapAfterDrag(
  visibleHeight: number,
  heights: Readonly<Record<SheetSnap, number>>,
  velocityUp: number,
): SheetSnap {
  const ordered = [...SHEET_SNAPS].sort((first, second) => heights[first] - heights[second]);
  let nearest = ordered[0]!;
  for (const snap of ordered)
    if (Math.abs(heights[snap] - visibleHeight) < Math.abs(heights[nearest] - visibleHeight)) nearest = snap;
  const FLICK_PIXELS_PER_MS = 0.5;
  if (Math.abs(velocityUp) < FLICK_PIXELS_PER_MS) return nearest;
  const index = ordered.indexOf(nearest);
  const passed = velocityUp > 0 ? heights[nearest] <= visibleHeight : heights[nearest] >= visibleHeight;
  if (!passed) return nearest;
  return ordered[Math.max(0, Math.min(ordered.length - 1, index + (velocityUp > 0 ? 1 : -1)))]!;
}

/** Shows a tab; on a phone a sheet pulled down to its tabs comes half up, so the tab's content shows. */
export function showTab(tab: AppTab): void {
  selectTab(tab);
  if (phoneLayout.peek() && sheetSnap.peek() === 'peek') sheetSnap.value = 'half';
}

/** Runs once: opening a feature on a phone brings its panel (in 探索) half up. */
export function connectSheetToSelection(selected: { readonly value: unknown }): () => void {
  let previous: unknown = null;
  return effect(() => {
    const current = selected.value;
    if (current && current !== previous && phoneLayout.peek()) {
      selectTab('explore');
      sheetSnap.value = 'half';
    }
    previous = current;
  });
}
