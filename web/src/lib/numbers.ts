// Numbers the way each language writes them: 7.200 and 62,9 in Vietnamese, 7,200 and 62.9 in English.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useFormatNumber(): (value: number | string | null | undefined, digits?: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'vi-VN';
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
