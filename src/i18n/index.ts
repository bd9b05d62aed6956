/**
 * One place that knows which language is showing. Components read `messages.value`, so a language
 * switch only has to go through `showLanguage`.
 *
 * Chinese, the zone's own language and the default, ships in the first load. English (about 4.7 KB
 * gz) is fetched the first time it is wanted: `language` changes only once its messages are here,
 * so no frame shows one language's tag with the other's words.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Messages } from './messages.ts';
import { zh } from './zh.ts';

export type Language = 'zh' | 'en';
export type { Messages };

const LOADERS: Readonly<Record<Language, () => Promise<Messages>>> = {
  zh: () => Promise.resolve(zh),
  en: () => import('./en.ts').then((module) => module.en),
};

const loaded = signal<Partial<Record<Language, Messages>>>({ zh });
const shown = signal<Language>('zh');
/** The language the last call asked for: a slower load must not override a later choice. */
let wanted: Language = 'zh';

export const language: ReadonlySignal<Language> = computed(() => shown.value);
export const messages = computed<Messages>(() => loaded.value[shown.value] ?? zh);

/**
 * Shows the page in `next`: at once when its messages are here, otherwise once they arrive.
 * Resolves to whether `next` is what shows: false when a later call chose another language before
 * these messages came. Rejects when they cannot load (the page stays in the language it was in).
 */
export function showLanguage(next: Language): Promise<boolean> {
  wanted = next;
  if (loaded.peek()[next]) {
    shown.value = next;
    return Promise.resolve(true);
  }
  return LOADERS[next]().then((nextMessages) => {
    loaded.value = { ...loaded.peek(), [next]: nextMessages };
    if (wanted !== next) return false;
    shown.value = next;
    return true;
  });
}
