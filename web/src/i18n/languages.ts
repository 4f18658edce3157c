// The languages of the interface, one entry each. Vietnamese defines the keys (vi.ts → Messages);
// every other catalogue is typed against it, so a missing or misspelt key is a compile error.
// Adding a language: its catalogue (fr.ts and its parts fr.<area>.ts, typed Messages), its antd and
// dayjs locales imported here, and one entry below; the switch, antd, dayjs and number formats
// follow. See docs/translating.md.
import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import 'dayjs/locale/vi';
import { en } from './en';
import { type Messages, vi } from './vi';

/** Texts that exist only as a Vietnamese/English pair: the server's messages, names in data. */
export type PairLanguage = 'vi' | 'en';

export type LanguageDefinition = {
  /** On the language switch. */
  label: string;
  /** The language's own name (the switch's tooltip). */
  name: string;
  /** Intl locale for numbers (7.200 / 7,200). */
  numberLocale: string;
  /** dayjs locale name (imported above for any but English). */
  dayjs: string;
  antd: AntdLocale;
  /** Which half of a Vietnamese/English pair this language's readers get. */
  pairs: PairLanguage;
  messages: Messages;
};

export const LANGUAGES = {
  vi: { label: 'VI', name: 'Tiếng Việt', numberLocale: 'vi-VN', dayjs: 'vi', antd: viVN, pairs: 'vi', messages: vi },
  en: { label: 'EN', name: 'English', numberLocale: 'en-US', dayjs: 'en', antd: enUS, pairs: 'en', messages: en },
} satisfies Record<string, LanguageDefinition>;

export type Language = keyof typeof LANGUAGES;

/** In the order of LANGUAGES; the first is the source language and the fallback. */
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];
export const SOURCE_LANGUAGE: Language = 'vi';

export function isLanguage(code: unknown): code is Language {
  return typeof code === 'string' && Object.hasOwn(LANGUAGES, code);
}

/** A code (i18next's current language, a stored choice) as a known language, else the source one. */
export function languageOf(code: string | null | undefined): Language {
  return isLanguage(code) ? code : SOURCE_LANGUAGE;
}

export const definitionOf = (code: string | null | undefined): LanguageDefinition => LANGUAGES[languageOf(code)];

/** The half of a Vietnamese/English pair to show in a language. */
export const pairLanguage = (code: string | null | undefined): PairLanguage => definitionOf(code).pairs;

/** A text the server (or a shared rule in common) sends as message/messageEn, in a language. */
export function serverText(text: { message: string; messageEn?: string | null }, code: string | null | undefined): string {
  return pairLanguage(code) === 'en' ? (text.messageEn ?? text.message) : text.message;
}
