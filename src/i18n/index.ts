/**
 * One place that knows which language is showing. Components read `messages.value` so a later
 * language switch only has to set `language`.
 */
import { computed, signal } from '@preact/signals';
import type { Messages } from './messages.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

export type Language = 'zh' | 'en';
export type { Messages };

export const MESSAGES: Readonly<Record<Language, Messages>> = { zh, en };

export const language = signal<Language>('zh');
export const messages = computed<Messages>(() => MESSAGES[language.value]);
