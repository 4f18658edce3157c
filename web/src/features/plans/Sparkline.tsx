// A few quarters as a tiny line in a table cell, with the target as a dashed line; the numbers
// are in its tooltip. Drawn as SVG: a table of targets would otherwise hold a chart per row.
import { Tooltip } from 'antd';
import type { Figure, IndicatorUnit } from '@ytcs/common';
import { useValueText } from '../indicators/indicatorFormat';
import { usePeriodLabel } from '../../lib/periods';

const W = 110;
const H = 28;

export function Sparkline({ points, target, unit }: { points: (Figure & { period: string })[]; target: number; unit: IndicatorUnit }) {
  const periodLabel = usePeriodLabel();
  const valueText = useValueText();
  const values = points.map((p) => p.value);
  const known = values.filter((v): v is number => v !== null);
  const max = Math.max(target, ...known, unit === 'percent' ? 100 : 1);
  const x = (i: number) => (points.length <= 1 ? W / 2 : 4 + (i * (W - 8)) / (points.length - 1));
  const y = (v: number) => H - 3 - (v / max) * (H - 6);
  const path = values
    .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const title = points.map((p) => `${periodLabel(p.period)}: ${p.suppressed ? '<5' : valueText(p.value, unit)}`).join('\n');
  return (
    <Tooltip title={<span className="pre-line">{title}</span>}>
      <svg width={W} height={H} className="sparkline" role="img" aria-label={title} data-testid="target-trend">
        <line x1={0} x2={W} y1={y(target)} y2={y(target)} className="sparkline-target" />
        {known.length > 0 && <polyline points={path} className="sparkline-line" />}
        {values.map((v, i) => (v === null ? null : <circle key={points[i]?.period} cx={x(i)} cy={y(v)} r={2} className="sparkline-dot" />))}
      </svg>
    </Tooltip>
  );
}
