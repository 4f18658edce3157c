// How targets are written and judged on screen: "≥ 95% (2030)", met, near or far, the gap, a task's
// status. Figures themselves are written by the indicators feature, periods by lib/periods.
import type { Comparator } from '@ytcs/common';
import { Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorUnit, Standing, TaskStatus } from '@ytcs/common';
import { useFormatNumber } from '../../lib/numbers';
import { useValueText } from '../indicators/indicatorFormat';

export const COMPARATOR_SYMBOL: Record<Comparator, string> = { gt: '>', ge: '≥', eq: '=', le: '≤', lt: '<' };

/** "≥ 95% (2030)" */
export function useTargetText(): (t: { comparator: Comparator; value: number; year: number | null; unit: IndicatorUnit }) => string {
  const valueText = useValueText();
  return useCallback((t) => `${COMPARATOR_SYMBOL[t.comparator]} ${valueText(t.value, t.unit)}${t.year ? ` (${t.year})` : ''}`, [valueText]);
}

/**
 * The colours of a target's standing (common's standingOf: met, near, far), the same in every
 * chart, bar and tag; slate where no target applies, so no figure looks "met" by default.
 */
export const STANDING_COLOUR: Record<Standing | 'none', string> = { met: '#2e7d32', near: '#ed6c02', far: '#d32f2f', none: '#607d8b' };
const STANDING_TAG: Record<Standing, string> = { met: 'success', near: 'warning', far: 'error' };

export function StandingTag({ standing }: { standing: Standing | null }) {
  const { t } = useTranslation();
  if (standing === null) return <Tag>{t('plans.noData')}</Tag>;
  return (
    <Tag color={STANDING_TAG[standing]} data-testid={standing === 'met' ? 'target-met' : 'target-not-met'} data-standing={standing}>
      {standing === 'met' ? t('plans.met') : `${t('plans.notMet')} · ${t(`feedback.dashboard.standing.${standing}`)}`}
    </Tag>
  );
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
