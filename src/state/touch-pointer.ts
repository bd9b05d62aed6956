/**
 * Whether the main pointer is a finger: the device has no Esc key and nothing hovers, so hints say
 * what to tap. Feature-detected with media queries, never from the user agent, and kept current
 * (a tablet docked to a keyboard and mouse changes its answer).
 */
import { signal } from '@preact/signals';

const TOUCH_QUERY = '(pointer: coarse), (hover: none)';

function query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(TOUCH_QUERY)
    : null;
}

const media = query();

export const touchPointer = signal<boolean>(media?.matches ?? false);

media?.addEventListener('change', (event) => {
  touchPointer.value = event.matches;
});
