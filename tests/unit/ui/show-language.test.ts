/**
 * Switching language (src/i18n/index.ts): Chinese is in the first load, English arrives on demand.
 * What a reader relies on: the words and the language tag always agree, and the last choice wins
 * even when an earlier one's messages arrive after it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { language, messages, showLanguage } from '../../../src/i18n/index.ts';
import { zh } from '../../../src/i18n/zh.ts';

afterEach(async () => {
  await showLanguage('zh');
});

describe('showLanguage', () => {
  it('shows Chinese at once, with no wait', () => {
    void showLanguage('zh');
    expect(language.value).toBe('zh');
    expect(messages.value.appTitle).toBe(zh.appTitle);
  });

  it('shows English only once its messages are here, tag and words together', async () => {
    const switching = showLanguage('en');
    await switching;
    expect(language.value).toBe('en');
    expect(messages.value.appTitle).toBe(en.appTitle);
    expect(messages.value.languageTag).toBe('en');
  });

  it('keeps the later choice when an earlier one finishes loading after it', async () => {
    // A fresh module instance, so English has not been loaded by an earlier test.
    vi.resetModules();
    const fresh = await import('../../../src/i18n/index.ts');
    const toEnglish = fresh.showLanguage('en');
    // Not yet here: the page stays wholly Chinese rather than an English tag over Chinese words.
    expect(fresh.language.value).toBe('zh');
    void fresh.showLanguage('zh');
    expect(fresh.language.value).toBe('zh');
    // It says it was overtaken, so nothing that follows it (remembering the choice) acts on it.
    expect(await toEnglish).toBe(false);
    expect(fresh.language.value).toBe('zh');
    expect(fresh.messages.value.appTitle).toBe(zh.appTitle);
    // English is now here: choosing it again is immediate.
    void fresh.showLanguage('en');
    expect(fresh.language.value).toBe('en');
  });
});
