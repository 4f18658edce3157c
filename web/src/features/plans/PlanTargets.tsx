// A plan's targets against the live figures of its area: value with numerator/denominator, gap,
// met or not, and the last quarters.
import { Card, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetView } from '@ytcs/common';
import { useIndicators } from '../indicators/indicators.api';
import { FigureText, useIndicatorName } from '../indicators/indicatorFormat';
import { GapText, StandingTag, useTargetText } from './planFormat';
import { Sparkline } from './Sparkline';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

export function PlanTargets({ targets }: { targets: TargetView[] }) {
  const { t } = useTranslation();
  const targetText = useTargetText();
  const indicatorName = useIndicatorName();
  const indicators = useIndicators();
  const nameOf = (target: TargetView) => indicatorName(indicators.data?.items.find((i) => i.code === target.indicator), target.indicatorName);
  const year = targets[0]?.period;

  return (
    <Card size="small" className="section-card" title={t('plans.detail.targetsTitle')} data-testid="plan-targets">
      {year && <Typography.Paragraph className="muted">{t('plans.detail.targetsHint', { year })}</Typography.Paragraph>}
      <ResponsiveTable<TargetView>
        data-testid="plan-targets-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={targets}
        scroll={{ x: 960 }}
        emptyText={t('plans.detail.noTargets')}
        onRow={() => ({ 'data-testid': 'plan-target-row' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('plans.detail.indicator'),
            key: 'indicator',
            render: (_, r) => (
              <div>
                <div>{nameOf(r)}</div>
                {r.text && (
                  // The plan's own sentence, two lines unless opened: it made the table as long as the document.
                  <Typography.Paragraph type="secondary" className="target-sentence" ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? t('feedback.plan.less') : t('feedback.plan.more')) }}>
                    {r.text}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
          { title: t('plans.detail.planned'), key: 'planned', width: 130, render: (_, r) => targetText(r) },
          { title: t('plans.detail.current'), key: 'current', width: 170, render: (_, r) => <FigureText figure={r.current} unit={r.unit} /> },
          {
            title: t('plans.detail.gap'),
            dataIndex: 'gap',
            width: 100,
            align: 'right',
            render: (v: number | null, r) => <GapText gap={v} unit={r.unit} />,
          },
          { title: t('plans.detail.result'), key: 'met', width: 120, render: (_, r) => <StandingTag standing={r.current.suppressed ? null : r.standing} /> },
          { title: t('plans.detail.trend'), key: 'trend', width: 215, render: (_, r) => <Sparkline points={r.trend} target={r.value} unit={r.unit} /> },
        ]}
      />
    </Card>
  );
}
