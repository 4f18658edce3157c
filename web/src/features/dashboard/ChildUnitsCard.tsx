// The units below the chosen one, ranked best first for an indicator and period; clicking one
// makes it the chosen unit (drill-down). Bars are coloured by standing against the plans' target
// (common's standingOf), slate where no plan sets one.
import { Alert, Card, Progress } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { type Comparator, type Indicator, type IndicatorUnit, type UnitValue, standingOf } from '@ytcs/common';
import { STANDING_COLOUR } from '../plans/planFormat';
import { useErrorText } from '../../lib/errors';
import { useFormatNumber } from '../../lib/numbers';
import { FigureText } from '../indicators/indicatorFormat';
import { usePeriodLabel } from '../../lib/periods';
import { useChildValues } from '../indicators/indicators.api';
import { ResponsiveTable } from '../../lib/ResponsiveTable';
import { usePhone } from '../../lib/useMedia';

type Props = {
  unitId: number;
  period: string;
  indicator: string | undefined;
  indicators: Indicator[];
  /** The level the plans set for the indicator, if any. */
  target: { comparator: Comparator; value: number } | null;
  onSelectUnit: (id: number) => void;
};

function ValueBar({ row, unit, max, target }: { row: UnitValue; unit: IndicatorUnit; max: number; target: Props['target'] }) {
  if (row.suppressed || row.value === null) return null;
  const percent = unit === 'percent' ? row.value : max > 0 ? (row.value / max) * 100 : 0;
  const standing = target ? standingOf(target.comparator, target.value, row.value) : null;
  return (
    <Progress
      percent={Math.min(100, percent)}
      size="small"
      showInfo={false}
      strokeColor={STANDING_COLOUR[standing ?? 'none']}
      data-testid="dashboard-child-bar"
      data-standing={standing ?? 'none'}
    />
  );
}

export function ChildUnitsCard({ unitId, period, indicator, indicators, target, onSelectUnit }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fmt = useFormatNumber();
  const periodLabel = usePeriodLabel();
  const children = useChildValues(indicator, unitId, period);
  // On a phone each unit is a card headed by its name, the bar under its figure.
  const narrow = usePhone();
  const unit: IndicatorUnit = indicators.find((i) => i.code === indicator)?.unit ?? 'percent';
  const rows = children.data?.children ?? [];
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));

  return (
    <Card size="small" className="section-card" title={t('plans.dashboard.children', { period: periodLabel(period) })}>
      {children.isError && <Alert type="error" showIcon title={errorText(children.error)} className="form-alert" />}
      <div className="muted card-hint">
        {t('plans.dashboard.childrenHint')} {target ? t('feedback.dashboard.standingLegend') : t('feedback.dashboard.noTarget')}
      </div>
      <ResponsiveTable<UnitValue>
        data-testid="dashboard-children"
        cardHead="name"
        rowKey="id"
        size="small"
        loading={children.isFetching}
        dataSource={rows}
        pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false, size: 'small' } : false}
        emptyText={t('plans.dashboard.noChildren')}
        onRowClick={(r) => onSelectUnit(r.id)}
        onRow={() => ({ 'data-testid': 'dashboard-child-row' }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('plans.dashboard.rank'), key: 'rank', width: narrow ? 44 : 64, align: 'right', render: (_, __, n) => fmt(n + 1) },
          {
            title: t('plans.dashboard.childUnit'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <a
                href={`?unit=${r.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  onSelectUnit(r.id);
                }}
              >
                {name}
              </a>
            ),
          },
          {
            title: t('plans.detail.current'),
            key: 'value',
            width: narrow ? 130 : 180,
            render: (_, r) => (
              <>
                <FigureText figure={r} unit={unit} />
                {narrow && <ValueBar row={r} unit={unit} max={max} target={target} />}
              </>
            ),
          },
          ...(narrow ? [] : [{ title: '', key: 'bar', width: 200, render: (_: unknown, r: UnitValue) => <ValueBar row={r} unit={unit} max={max} target={target} /> }]),
        ]}
      />
    </Card>
  );
}
