// Numbers the way each language writes them: 7.200 and 62,9 in Vietnamese, 7,200 and 62.9 in English
// (the language's numberLocale in i18n/languages.ts).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { definitionOf } from '../i18n/languages';

export function useFormatNumber(): (value: number | string | null | undefined, digits?: number) => string {
  const { i18n } = useTranslation();
  const locale = definitionOf(i18n.language).numberLocale;
  return useCallback(
    (value, digits) => {
      if (value === null || value === undefined || value === '') return '';
      const n = Number(value);
      if (!Number.isFinite(n)) return String(value);
      return n.toLocaleString(locale, digits === undefined ? undefined : { minimumFractionDigits: digits, maximumFractionDigits: digits });
    },
    [locale],
  );
}
