/**
 * The remembered language (src/state/language-preference.ts) when the visitor changes their mind
 * while English is still loading: the last choice is the one shown and the one kept for the next
 * visit (and so the one other tabs follow).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const STORAGE_KEY = 'luzhou-zone-map:language';

beforeEach(() => {
  // Fresh modules: English not yet loaded, as on a page's first switch.
  vi.resetModules();
  const items = new Map<string, string>();
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
    },
  });
  vi.stubGlobal('document', { documentElement: { lang: '' }, title: '' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('setLanguage', () => {
  it('keeps 中文 when it is chosen while English is still loading', async () => {
    const { setLanguage } = await import('../../../src/state/language-preference.ts');
    const { language } = await import('../../../src/i18n/index.ts');
    const toEnglish = setLanguage('en');
    await setLanguage('zh');
    await toEnglish;
    expect(language.value).toBe('zh');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('zh');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('remembers English once it shows', async () => {
    const { setLanguage } = await import('../../../src/state/language-preference.ts');
    const { language } = await import('../../../src/i18n/index.ts');
    await setLanguage('en');
    expect(language.value).toBe('en');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
