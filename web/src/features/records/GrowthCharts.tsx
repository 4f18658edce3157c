// Weight- and height-for-age on WHO's curves, loaded on demand with the charting library (it is
// not in the main bundle): the SD lines in the standard's colours, the child's points joined.
import type { Growth } from '@ytcs/common';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../lib/numbers';
import { EChart } from '../dashboard/EChart';
import type { ChartOption } from '../dashboard/echarts';
import { type ChartMeasure, chartEndMonth, childPoints, curveLines } from './growth';

const SD_COLOUR: Record<number, string> = { [-3]: '#d32f2f', [-2]: '#ed6c02', 0: '#2e7d32', 2: '#ed6c02', 3: '#d32f2f' };

function optionOf(growth: Growth, measure: ChartMeasure, t: TFunction, formatNumber: (v: number) => string): ChartOption {
  const child = childPoints(growth.points, measure);
  const end = chartEndMonth(child);
  const lines = curveLines(growth.curves[measure].filter((r) => r.month <= end)).map(({ sd, points }) => ({
    type: 'line',
    name: sd === 0 ? t('record.growth.median') : t('record.growth.sd', { sd: sd > 0 ? `+${sd}` : `${sd}` }),
    data: points,
    showSymbol: false,
    silent: true,
    lineStyle: { width: sd === 0 ? 2 : 1, color: SD_COLOUR[sd], type: Math.abs(sd) === 3 ? 'dashed' : 'solid' },
    itemStyle: { color: SD_COLOUR[sd] },
    endLabel: { show: true, formatter: sd === 0 ? '0' : sd > 0 ? `+${sd}` : `${sd}`, color: SD_COLOUR[sd], fontSize: 10 },
  }));
  return {
    animation: false,
    grid: { left: 44, right: 28, top: 16, bottom: 40 },
    tooltip: { trigger: 'item', formatter: (p: { value: [number, number] }) => `${formatNumber(p.value[0])} · ${formatNumber(p.value[1])}` },
    xAxis: { type: 'value', min: 0, max: end, interval: end > 36 ? 6 : 3, name: t('record.growth.month'), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', scale: true },
    series: [
      ...lines,
      {
        type: 'line',
        name: t('record.growth.child'),
        data: child,
        symbolSize: 8,
        lineStyle: { color: '#1565c0', width: 2 },
        itemStyle: { color: '#1565c0' },
        z: 10,
      },
    ],
  };
}

export function GrowthCharts({ growth, name }: { growth: Growth; name: string }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const charts = useMemo(() => (['wfa', 'hfa'] as const).map((measure) => ({ measure, option: optionOf(growth, measure, t, formatNumber) })), [growth, t, formatNumber]);
  return (
    <div className="growth-charts">
      {charts.map(({ measure, option }) => {
        const title = t(`record.growth.${measure}Chart`);
        return (
          <div key={measure} className="growth-chart">
            <div className="growth-chart-title">{title}</div>
            <EChart option={option} height={280} fileName={`tang-truong-${measure}`} caption={{ title: t('record.growth.chartTitle', { chart: title, name }), lines: [] }} data-testid={`growth-chart-${measure}`} />
          </div>
        );
      })}
    </div>
  );
}
