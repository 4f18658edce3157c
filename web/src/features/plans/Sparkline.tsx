// A few quarters as a small line in a table cell, large enough to read the direction at a
// glance, with the target as a dashed line and the latest figure written beside it; every
// quarter's number is in its tooltip. Drawn as SVG: a table of targets would otherwise hold a
// chart per row.
import { Tooltip } from 'antd';
import type { Figure, IndicatorUnit } from '@ytcs/common';
import { useValueText } from '../indicators/indicatorFormat';
import { usePeriodLabel } from '../../lib/periods';

const W = 150;
const H = 44;
const PAD = 5;
/** Room right of the line for the latest figure. */
const LABEL = 46;

export function Sparkline({ points, target, unit }: { points: (Figure & { period: string })[]; target: number; unit: IndicatorUnit }) {
  const periodLabel = usePeriodLabel();
  const valueText = useValueText();
  const values = points.map((p) => p.value);
  const known = values.filter((v): v is number => v !== null);
  const max = Math.max(target, ...known, unit === 'percent' ? 100 : 1);
  const x = (i: number) => (points.length <= 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  const path = values
    .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const lastIndex = values.map((v) => v !== null).lastIndexOf(true);
  const last = lastIndex >= 0 ? values[lastIndex] : null;
  const title = points.map((p) => `${periodLabel(p.period)}: ${p.suppressed ? '<5' : valueText(p.value, unit)}`).join('\n');
  return (
    <Tooltip title={<span className="pre-line">{title}</span>}>
      <svg width={W + LABEL} height={H} className="sparkline" role="img" aria-label={title} data-testid="target-trend">
        <line x1={0} x2={W} y1={y(target)} y2={y(target)} className="sparkline-target" />
        {known.length > 0 && <polyline points={path} className="sparkline-line" />}
        {values.map((v, i) => (v === null ? null : <circle key={points[i]?.period} cx={x(i)} cy={y(v)} r={3} className="sparkline-dot" />))}
        {last !== null && last !== undefined && (
          <text x={x(lastIndex) + 6} y={Math.min(H - 2, Math.max(12, y(last) + 4))} className="sparkline-label">
            {valueText(last, unit)}
          </text>
        )}
      </svg>
    </Tooltip>
  );
}
