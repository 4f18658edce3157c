// The languages of the interface, one entry each. Vietnamese defines the keys (vi.ts → Messages);
// every other catalogue is typed against it, so a missing or misspelt key is a compile error.
// Adding a language: its catalogue (fr.ts and its parts fr.<area>.ts, typed Messages), the server's
// messages in it (common/src/messages/fr.ts, typed ServerMessages), its antd and dayjs locales
// imported here, and one entry below; the switch, antd, dayjs, number formats and the server's
// messages follow. See docs/translating.md.
import { type ServerMessages, textAt } from '@ytcs/common';
import { en as enServer } from '@ytcs/common/messages/en';
import { vi as viServer } from '@ytcs/common/messages/vi';
import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import antdVi from 'antd/locale/vi_VN';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { en } from './en';
import { type Messages, vi } from './vi';

/** antd's Vietnamese says "Trống" (blank) for an empty list, which reads oddly: "no data" as Vietnamese software says it. */
const viVN: AntdLocale = {
  ...antdVi,
  Table: { ...antdVi.Table, emptyText: 'Không có dữ liệu' },
  Empty: { ...antdVi.Empty, description: 'Không có dữ liệu' },
};

/** Texts that exist only as a Vietnamese/English pair: names in data, the server's findings stored before its catalogue. */
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
  /** Which half of a Vietnamese/English pair this language's readers get (names in data, findings without a key). */
  pairs: PairLanguage;
  messages: Messages;
  /** The server's messages (errors, warnings, findings) by key: i18next's namespace `server`. */
  serverMessages: ServerMessages;
};

export const LANGUAGES = {
  vi: { label: 'VI', name: 'Tiếng Việt', numberLocale: 'vi-VN', dayjs: 'vi', antd: viVN, pairs: 'vi', messages: vi, serverMessages: viServer },
  en: { label: 'EN', name: 'English', numberLocale: 'en-US', dayjs: 'en', antd: enUS, pairs: 'en', messages: en, serverMessages: enServer },
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

/** i18next's resources: each language's catalogue (`translation`) and the server's messages (`server`). */
export function i18nResources() {
  return Object.fromEntries(LANGUAGE_CODES.map((code) => [code, { translation: LANGUAGES[code].messages, server: LANGUAGES[code].serverMessages }]));
}

/** A text the server (or a shared rule in common) sends: its key and parameters, and the Vietnamese/English pair. */
export type ServerText = { key?: string | null; params?: Record<string, string | number> | null; message: string; messageEn?: string | null };

/**
 * A text the server sends, in a language: by its key from the server's catalogue (i18next's
 * namespace `server`) when the key is one this build knows; else the half of the pair the
 * language reads (a finding stored before the catalogue, a key newer than this build).
 */
export function serverText(text: ServerText, code: string | null | undefined): string {
  const language = languageOf(code);
  if (text.key && typeof textAt(LANGUAGES[language].serverMessages, text.key) === 'string') {
    return i18n.t(`server:${text.key}`, { lng: language, replace: text.params ?? {} });
  }
  return pairLanguage(code) === 'en' ? (text.messageEn ?? text.message) : text.message;
}
