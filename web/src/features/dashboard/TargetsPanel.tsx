// One plan's targets against a unit's figures for a period: a horizontal bar per target coloured
// by its standing (met, near, far: common's standingOf) with the planned level marked, and the
// same as a table.
import { Card, Col, Row, Typography } from 'antd';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Figure, Indicator, IndicatorValue, PlanDetail, Standing, TargetView } from '@ytcs/common';
import { FigureText, useIndicatorName, useValueText } from '../indicators/indicatorFormat';
import { usePeriodLabel } from '../../lib/periods';
import { judge } from '@ytcs/common';
import { GapText, STANDING_COLOUR, StandingTag, useTargetText } from '../plans/planFormat';
import { EChart } from './EChart';
import type { ChartOption } from './echarts';
import { ResponsiveTable } from '../../lib/ResponsiveTable';
import { usePhone } from '../../lib/useMedia';

const EMPTY: Figure = { numerator: null, denominator: null, value: null, suppressed: false };
const NO_DATA = '#bdbdbd';
/** Record-related figures: their people can be listed on the residents page. */
export const RECORD_INDICATORS = ['HSSK_QL', 'BHYT_BP'];
/** Where a record figure's gap is listed: the residents without a record, or without a valid card. */
const RESIDENTS_MISSING: Record<string, { missing: 'record' | 'insurance'; label: string } | undefined> = {
  HSSK_QL: { missing: 'record', label: 'indicators.residents.linkRecord' },
  BHYT_BP: { missing: 'insurance', label: 'indicators.residents.linkInsurance' },
};

type TargetRow = TargetView & { figure: Figure; met: boolean | null; gap: number | null; standing: Standing | null; name: string };

type Props = {
  plan: PlanDetail;
  values: IndicatorValue[];
  unitId: number;
  /** The unit's name, for the exported image's heading. */
  unitName: string;
  period: string;
  indicators: Indicator[];
  canListResidents: boolean;
};

function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function TargetsPanel({ plan, values, unitId, unitName, period, indicators, canListResidents }: Props) {
  const { t } = useTranslation();
  const indicatorName = useIndicatorName();
  const targetText = useTargetText();
  const valueText = useValueText();
  const periodLabel = usePeriodLabel();

  const rows: TargetRow[] = useMemo(() => plan.targetList.map((target) => {
    const figure = values.find((v) => v.indicator === target.indicator && v.period === period && v.orgUnit === unitId) ?? EMPTY;
    const value = figure.suppressed ? null : figure.value;
    return {
      ...target,
      figure,
      ...judge(target.comparator, target.value, value),
      name: indicatorName(
        indicators.find((i) => i.code === target.indicator),
        target.indicatorName,
      ),
    };
  }), [plan, values, unitId, period, indicators, indicatorName]);
  const charted = useMemo(() => rows.filter((r) => r.unit === 'percent'), [rows]);
  // On a phone the names go above their bars, wrapped to two lines: beside them they left no room for the bars.
  const narrow = usePhone();
  const rowHeight = narrow ? 64 : 38;

  // The names wrap at the screen's width (less the card's padding and the value's room at the right).
  const labelWidth = Math.max(200, Math.min(window.innerWidth, 767) - 60);

  const option = useMemo<ChartOption>(() => {
    // The first target at the top, as in the table.
    const shown = [...charted].reverse();
    return {
      grid: narrow ? { left: 6, right: 44, top: 44, bottom: 24, containLabel: false } : { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('plans.dashboard.targetMark')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: { dataIndex: number }[]) => {
          const r = shown[items[0]?.dataIndex ?? 0];
          if (!r) return '';
          const current = r.figure.suppressed ? '<5' : valueText(r.figure.value, r.unit);
          return `${r.name}<br/>${t('plans.dashboard.value')}: <b>${current}</b><br/>${t('plans.dashboard.targetMark')}: ${targetText(r)}`;
        },
      },
      // Five ticks on a phone (0, 25 … 100%): eleven ran into each other.
      xAxis: { type: 'value', min: 0, max: 100, ...(narrow ? { interval: 25 } : {}), axisLabel: { formatter: '{value}%', ...(narrow ? { fontSize: 10 } : {}) } },
      yAxis: {
        type: 'category',
        // Shortened here, not by ECharts, so the target's year always shows.
        data: shown.map((r) => `${truncate(r.name, narrow ? 70 : 36)}${r.year ? ` (${r.year})` : ''}`),
        ...(narrow ? { axisLabel: { inside: true, align: 'left', verticalAlign: 'bottom', padding: [0, 0, 8, 0], color: '#333', fontSize: 11, lineHeight: 13, width: labelWidth, overflow: 'break' }, axisTick: { show: false }, z: 10 } : {}),
      },
      series: [
        {
          name: t('plans.dashboard.value'),
          type: 'bar',
          barMaxWidth: narrow ? 12 : 22,
          data: shown.map((r) => ({ value: r.figure.value ?? 0, itemStyle: { color: r.standing ? STANDING_COLOUR[r.standing] : NO_DATA } })),
          label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => {
            const r = shown[p.dataIndex];
            return !r ? '' : r.figure.suppressed ? '<5' : valueText(r.figure.value, r.unit);
          } },
        },
        {
          name: t('plans.dashboard.targetMark'),
          type: 'scatter',
          symbol: 'rect',
          symbolSize: narrow ? [3, 18] : [4, 28],
          z: 10,
          itemStyle: { color: '#1f1f1f' },
          data: shown.map((r, n) => [r.value, n]),
        },
      ],
    };
  }, [charted, t, targetText, valueText, narrow, labelWidth]);

  return (
    <Card
      size="small"
      className="section-card"
      data-testid="dashboard-plan"
      title={
        <span className="card-title-wrap">
          <Link to={`/plans/${plan.id}`}>
            {t('plans.title')}
            {plan.number ? ` ${plan.number}` : ''}: {plan.title}
          </Link>
        </span>
      }
    >
      <Typography.Paragraph strong>{t('plans.dashboard.planTargets', { period: periodLabel(period) })}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        {charted.length > 0 && (
          <Col xs={24} xxl={11}>
            <EChart
              option={option}
              height={Math.max(160, 56 + charted.length * rowHeight)}
              fileName={`chi-tieu-${plan.id}-${period}`}
              caption={{
                title: `${t('feedback.dashboard.imageTargets')} – ${t('plans.title')}${plan.number ? ` ${plan.number}` : ''}: ${truncate(plan.title, 80)}`,
                lines: [t('feedback.dashboard.imageUnit', { unit: unitName }), t('feedback.dashboard.imagePeriod', { period: periodLabel(period) }), t('feedback.dashboard.imageValue', { measure: t('feedback.dashboard.percent') })],
              }}
              data-testid="dashboard-targets-chart"
            />
            <div className="muted chart-caption">{t('plans.dashboard.chartLegend')}</div>
            {charted.length < rows.length && <div className="muted chart-caption">{t('plans.dashboard.countTargets')}</div>}
          </Col>
        )}
        <Col xs={24} xxl={charted.length > 0 ? 13 : 24}>
          <ResponsiveTable<TargetRow>
            data-testid="dashboard-targets-table"
            cardHead="name"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 700 }}
            onRow={() => ({ 'data-testid': 'dashboard-target-row' }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('plans.detail.indicator'),
                key: 'name',
                render: (_, r) => (
                  <div>
                    <div>{r.name}</div>
                    {canListResidents && RESIDENTS_MISSING[r.indicator] && (
                      <Link to={`/residents?unit=${unitId}&missing=${RESIDENTS_MISSING[r.indicator]?.missing}`} data-testid="dashboard-residents-link" className="small-link">
                        {t(RESIDENTS_MISSING[r.indicator]?.label ?? '')}
                      </Link>
                    )}
                  </div>
                ),
              },
              { title: t('plans.detail.planned'), key: 'planned', width: 120, render: (_, r) => targetText(r) },
              { title: t('plans.detail.current'), key: 'current', width: 160, render: (_, r) => <FigureText figure={r.figure} unit={r.unit} /> },
              { title: t('plans.detail.gap'), key: 'gap', width: 95, align: 'right', render: (_, r) => <GapText gap={r.gap} unit={r.unit} /> },
              { title: t('plans.detail.result'), key: 'met', width: 110, render: (_, r) => <StandingTag standing={r.figure.suppressed ? null : r.standing} /> },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
