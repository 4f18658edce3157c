// Periods as officials name them (Quý IV/2026) and the periods one may choose: shared by the
// dashboard, the plans and the entry of figures.
import { type PeriodType, parsePeriod, periodLabel, periodOf, previousPeriods } from '@ytcs/common';
import { useCallback } from 'react';
import { useLang } from '../i18n/useLang';
import { todayIso } from './dates';

export function usePeriodLabel(): (code: string) => string {
  const lang = useLang();
  return useCallback((code: string) => periodLabel(code, lang), [lang]);
}

export const currentPeriod = (type: PeriodType) => periodOf(type, todayIso());

/**
 * Periods one may report on or look at: of this year and the last, only those already begun,
 * newest first (quarters, then halves, then the year, per year).
 */
export function periodChoices(types: PeriodType[], years = 2): string[] {
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const out: string[] = [];
  for (let year = thisYear; year > thisYear - years; year--) {
    const codes: string[] = [];
    if (types.includes('quarter')) codes.push(...previousPeriods(`${year}Q4`, 4).reverse());
    if (types.includes('half')) codes.push(`${year}S2`, `${year}S1`);
    if (types.includes('year')) codes.push(String(year));
    out.push(...codes.filter((code) => (parsePeriod(code)?.start ?? '9999') <= today));
  }
  return out;
}

/** The quarters of a trend ending at a period (a year or half ends at its last quarter). */
export function trendQuarters(period: string, n = 8): string[] {
  const p = parsePeriod(period);
  if (!p) return [];
  // A period still running ends today (ISO dates sort as text).
  const end = [p.end, todayIso()].sort()[0] ?? p.end;
  return previousPeriods(periodOf('quarter', end), n);
}
