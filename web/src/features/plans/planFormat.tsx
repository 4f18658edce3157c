// How plans and figures are written on screen: "≥ 95% (2030)", 62,8% (4.524/7.200), "<5" for a
// suppressed figure, periods as officials name them (Quý IV/2026), and the periods one may choose.
import { type Comparator, type PeriodType, parsePeriod, periodLabel, periodOf, previousPeriods } from '@ytcs/common';
import { Tag, Tooltip } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figure, Indicator, IndicatorUnit, TaskStatus } from '@ytcs/common';
import { todayIso } from '../../lib/dates';
import { useFormatNumber } from '../../lib/numbers';

export const COMPARATOR_SYMBOL: Record<Comparator, string> = { gt: '>', ge: '≥', eq: '=', le: '≤', lt: '<' };
export const COMPARATORS: Comparator[] = ['ge', 'gt', 'eq', 'le', 'lt'];

/** Whether a value meets a target (as the server judges it). */
export function meets(comparator: Comparator, target: number, value: number | null): boolean | null {
  if (value === null) return null;
  return { gt: value > target, ge: value >= target, eq: value === target, le: value <= target, lt: value < target }[comparator];
}

/** How far a value falls short of a target (positive) or passes it (negative or zero). */
export function gapOf(comparator: Comparator, target: number, value: number | null): number | null {
  if (value === null) return null;
  return Math.round((comparator === 'le' || comparator === 'lt' ? value - target : target - value) * 10) / 10;
}

export function useLang(): 'vi' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}

export function usePeriodLabel(): (code: string) => string {
  const lang = useLang();
  return useCallback((code: string) => periodLabel(code, lang), [lang]);
}

export function useIndicatorName(): (indicator: Pick<Indicator, 'nameVi' | 'nameEn'> | undefined, fallback?: string) => string {
  const lang = useLang();
  return useCallback((indicator, fallback = '') => (indicator ? (lang === 'en' ? indicator.nameEn : indicator.nameVi) : fallback), [lang]);
}

export function useValueText(): (value: number | null, unit: IndicatorUnit) => string {
  const fmt = useFormatNumber();
  return useCallback((value, unit) => (value === null ? '—' : unit === 'percent' ? `${fmt(value)}%` : fmt(value)), [fmt]);
}

/** "≥ 95% (2030)" */
export function useTargetText(): (t: { comparator: Comparator; value: number; year: number | null; unit: IndicatorUnit }) => string {
  const valueText = useValueText();
  return useCallback((t) => `${COMPARATOR_SYMBOL[t.comparator]} ${valueText(t.value, t.unit)}${t.year ? ` (${t.year})` : ''}`, [valueText]);
}

export function Suppressed() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('plans.suppressedHelp')}>
      <span className="figure-suppressed" data-testid="figure-suppressed">
        {'<5'}
      </span>
    </Tooltip>
  );
}

/** A figure with its numerator and denominator: 62,8% (4.524/7.200). */
export function FigureText({ figure, unit }: { figure: Figure; unit: IndicatorUnit }) {
  const fmt = useFormatNumber();
  const valueText = useValueText();
  if (figure.suppressed) return <Suppressed />;
  if (figure.value === null) return <span className="muted">—</span>;
  return (
    <span className="figure-text">
      <strong>{valueText(figure.value, unit)}</strong>
      {unit === 'percent' && figure.numerator !== null && figure.denominator !== null && (
        <span className="muted">
          {' '}
          ({fmt(figure.numerator)}/{fmt(figure.denominator)})
        </span>
      )}
    </span>
  );
}

export function MetTag({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === null) return <Tag>{t('plans.noData')}</Tag>;
  return met ? (
    <Tag color="success" data-testid="target-met">
      {t('plans.met')}
    </Tag>
  ) : (
    <Tag color="error" data-testid="target-not-met">
      {t('plans.notMet')}
    </Tag>
  );
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

/** The server's gap (shortfall positive) as people read a difference: −22% short, +3% ahead. */
export function GapText({ gap, unit }: { gap: number | null; unit: IndicatorUnit }) {
  const fmt = useFormatNumber();
  if (gap === null) return <span className="muted">—</span>;
  const diff = -gap;
  const text = `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${fmt(Math.abs(diff))}${unit === 'percent' ? '%' : ''}`;
  return <span className={diff < 0 ? 'gap-short' : 'gap-ahead'}>{text}</span>;
}

const STATUS_COLOUR: Record<TaskStatus, string> = { not_started: 'default', in_progress: 'processing', done: 'success' };

export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOUR[status]}>{t(`plans.tasks.statuses.${status}`)}</Tag>;
}
