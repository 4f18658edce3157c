// An indicator's quarters for a unit, with the plan's level as a dashed line when a plan sets one.
import { Card, Empty, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorUnit } from '@ytcs/common';
import { useIndicatorName, useValueText } from '../indicators/indicatorFormat';
import { trendQuarters, usePeriodLabel } from '../../lib/periods';
import { EChart } from './EChart';
import type { ChartOption } from './echarts';
import { useIndicatorValues } from '../indicators/indicators.api';

type Props = {
  unitId: number;
  /** The unit's name, for the exported image's heading. */
  unitName: string;
  period: string;
  indicator: string | undefined;
  onIndicator: (code: string) => void;
  indicators: Indicator[];
  /** The level a plan sets for the indicator, if any. */
  target: number | null;
};

export function IndicatorSelect({ value, onChange, indicators, testId }: { value: string | undefined; onChange: (code: string) => void; indicators: Indicator[]; testId: string }) {
  const indicatorName = useIndicatorName();
  return (
    <Select
      data-testid={testId}
      value={value}
      onChange={onChange}
      className="indicator-select"
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: 'label' }}
      options={indicators.map((i) => ({ value: i.code, label: indicatorName(i) }))}
    />
  );
}

export function TrendCard({ unitId, unitName, period, indicator, onIndicator, indicators, target }: Props) {
  const { t } = useTranslation();
  const indicatorName = useIndicatorName();
  const periodLabel = usePeriodLabel();
  const valueText = useValueText();
  const quarters = useMemo(() => trendQuarters(period, 8), [period]);
  const values = useIndicatorValues({ indicators: indicator ? [indicator] : [], orgUnit: unitId, periods: quarters });
  const unit: IndicatorUnit = indicators.find((i) => i.code === indicator)?.unit ?? 'percent';

  const option = useMemo<ChartOption>(() => {
    const points = quarters.map((q) => values.data?.items.find((v) => v.period === q && v.indicator === indicator && v.orgUnit === unitId));
    return {
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const n = items[0]?.dataIndex ?? 0;
          const p = points[n];
          return `${periodLabel(quarters[n] ?? '')}: <b>${p?.suppressed ? t('registry.coverage.suppressed') : valueText(p?.value ?? null, unit)}</b>`;
        },
      },
      xAxis: { type: 'category', data: quarters.map(periodLabel), boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: unit === 'percent' ? 100 : undefined, axisLabel: { formatter: unit === 'percent' ? '{value}%' : '{value}' } },
      series: [
        {
          type: 'line',
          connectNulls: false,
          symbolSize: 8,
          itemStyle: { color: '#0b7a4b' },
          data: points.map((p) => (p && !p.suppressed ? p.value : null)),
          markLine:
            target === null
              ? undefined
              : { symbol: 'none', lineStyle: { type: 'dashed', color: '#d32f2f' }, label: { formatter: `${t('plans.dashboard.targetMark')}: ${valueText(target, unit)}`, position: 'insideEndTop' }, data: [{ yAxis: target }] },
        },
      ],
    };
  }, [quarters, values.data, indicator, unitId, unit, target, t, periodLabel, valueText]);

  const hasData = values.data?.items.some((v) => v.value !== null || v.suppressed) ?? false;

  return (
    <Card
      size="small"
      className="section-card"
      title={t('plans.dashboard.trend')}
      data-testid="dashboard-trend"
      extra={
        <Space>
          <span className="muted">{t('plans.dashboard.indicator')}:</span>
          <IndicatorSelect value={indicator} onChange={onIndicator} indicators={indicators} testId="dashboard-indicator" />
        </Space>
      }
    >
      {values.isSuccess && !hasData ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.noData')} />
      ) : (
        <EChart
          option={option}
          height={260}
          fileName={`xu-huong-${indicator ?? ''}-${unitId}`}
          caption={{
            title: t('feedback.dashboard.imageTrend', { indicator: indicatorName(indicators.find((i) => i.code === indicator)) }),
            lines: [
              t('feedback.dashboard.imageUnit', { unit: unitName }),
              t('feedback.dashboard.imagePeriod', { period: `${periodLabel(quarters[0] ?? period)} – ${periodLabel(quarters.at(-1) ?? period)}` }),
              t('feedback.dashboard.imageValue', { measure: t(`feedback.dashboard.${unit}`) }),
              target === null ? '' : `${t('plans.dashboard.targetMark')}: ${valueText(target, unit)}`,
            ],
          }}
          data-testid="dashboard-trend-chart"
        />
      )}
    </Card>
  );
}
