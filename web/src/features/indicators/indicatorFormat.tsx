// How indicators and their figures are written on screen: the name in the UI language,
// 62,8% (4.524/7.200), and "<5" for a suppressed figure.
import { Tooltip } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figure, Indicator, IndicatorUnit } from '@ytcs/common';
import { useLang } from '../../i18n/useLang';
import { useFormatNumber } from '../../lib/numbers';
import './indicators.css';

export function useIndicatorName(): (indicator: Pick<Indicator, 'nameVi' | 'nameEn'> | undefined, fallback?: string) => string {
  const lang = useLang();
  return useCallback((indicator, fallback = '') => (indicator ? (lang === 'en' ? indicator.nameEn : indicator.nameVi) : fallback), [lang]);
}

export function useValueText(): (value: number | null, unit: IndicatorUnit) => string {
  const fmt = useFormatNumber();
  return useCallback((value, unit) => (value === null ? '—' : unit === 'percent' ? `${fmt(value)}%` : fmt(value)), [fmt]);
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
