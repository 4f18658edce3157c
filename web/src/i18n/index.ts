// i18next setup. Vietnamese first; the choice is remembered per browser, not per account,
// because officials often share a computer at the station. The languages are those of languages.ts.
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, SOURCE_LANGUAGE, definitionOf, i18nResources, languageOf } from './languages';

export type { Language } from './languages';

const STORAGE_KEY = 'ytcs.lang';

function storedLanguage(): Language {
  try {
    return languageOf(localStorage.getItem(STORAGE_KEY));
  } catch {
    return SOURCE_LANGUAGE;
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(definitionOf(language).dayjs);
  document.documentElement.lang = language;
}

const initial = storedLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: i18nResources(),
  ns: ['translation', 'server'],
  lng: initial,
  fallbackLng: SOURCE_LANGUAGE,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
});

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLanguage(language);
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return languageOf(i18n.language);
}

export default i18n;
