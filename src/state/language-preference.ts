/**
 * Which language the page speaks and where that choice is kept: a link's `?lang=` first (so a
 * shared link shows what its sender saw), then the visitor's last choice in localStorage, then
 * the browser's preferred language (zh-* → 中文, any other → English) until the visitor chooses,
 * then Chinese. Switching rewrites the page's own language tag and title; components follow the signal.
 */
import { messages, showLanguage, type Language } from '../i18n/index.ts';
import { parseLanguage } from './url-state.ts';

const STORAGE_KEY = 'luzhou-zone-map:language';

/** Storage can be absent or throw (private modes, blocked cookies): then there is no remembered choice. */
function storedLanguage(storage: () => Pick<Storage, 'getItem'> | undefined): Language | null {
  try {
    return parseLanguage(storage()?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return null;
  }
}

/**
 * The language of the browser's first preference (`navigator.languages`): Chinese for any `zh`
 * tag (zh-CN, zh-Hant-TW …), English for any other; null when the browser names none.
 */
export function browserLanguage(preferred: readonly unknown[] | undefined): Language | null {
  const first = preferred?.find((tag): tag is string => typeof tag === 'string' && tag.trim() !== '');
  if (!first) return null;
  return /^zh(-|$)/i.test(first.trim()) ? 'zh' : 'en';
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/** `storage` is a function because merely reading `window.localStorage` throws where storage is blocked. */
export function initialLanguage(
  search: string,
  storage: () => Pick<Storage, 'getItem'> | undefined,
  preferred: readonly unknown[] = navigatorLanguages(),
): Language {
  let fromLink: Language | null = null;
  try {
    fromLink = parseLanguage(new URLSearchParams(search).get('lang'));
  } catch {
    fromLink = null;
  }
  return fromLink ?? storedLanguage(storage) ?? browserLanguage(preferred) ?? 'zh';
}

/**
 * Shows the page in `next` and remembers it for the next visit. English is fetched the first time
 * (src/i18n/index.ts); if that fails (offline before the app was ever cached), the page stays as
 * it was and nothing is remembered. Nor is it when the visitor chose another language while it
 * loaded: that later choice is the one kept, here and in the other tabs.
 */
export async function setLanguage(next: Language): Promise<void> {
  if (!(await showLanguage(next))) return;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but still switched: nothing the visitor needs to be told.
  }
  applyDocumentLanguage();
}

/**
 * A language chosen in another tab shows here too (the `storage` event fires only in the other
 * tabs), so this tab never writes its older choice back over it. Returns the unsubscribe.
 */
export function followLanguageOfOtherTabs(): () => void {
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== STORAGE_KEY) return;
    const chosen = parseLanguage(event.newValue);
    if (chosen === null) return;
    // Even when `chosen` is on screen: this tab may be loading another language, which must not
    // then replace the other tab's later choice.
    showLanguage(chosen).then(
      (shown) => {
        if (shown) applyDocumentLanguage();
      },
      () => undefined,
    );
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

export function applyDocumentLanguage(): void {
  document.documentElement.lang = messages.value.languageTag;
  document.title = messages.value.appTitle;
}
