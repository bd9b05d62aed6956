/**
 * 中文 / English: two buttons, each written in its own language (with `lang` so a screen reader
 * pronounces it right), the current one pressed. The choice is remembered for the next visit.
 */
import { language, messages, type Language } from '../i18n/index.ts';
import { setLanguage } from '../state/language-preference.ts';

const CHOICES: readonly { language: Language; tag: string }[] = [
  { language: 'zh', tag: 'zh-CN' },
  { language: 'en', tag: 'en' },
];

export function LanguageSwitch() {
  const text = messages.value.explorer.language;
  const current = language.value;
  return (
    <div class="language-switch" role="group" aria-label={text.label}>
      {CHOICES.map((choice) => (
        <button
          key={choice.language}
          type="button"
          class="language-switch__button"
          lang={choice.tag}
          aria-pressed={current === choice.language}
          onClick={() => {
            setLanguage(choice.language).catch((error: unknown) =>
              console.warn(`The ${choice.language} messages could not load:`, error),
            );
          }}
        >
          {text[choice.language]}
        </button>
      ))}
    </div>
  );
}
