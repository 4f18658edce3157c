// A child's growth in the record: WHO's charts (loaded on demand), then each measured visit with
// its z-scores and what they show (underweight, stunted, wasted, overweight), newest first.
import type { Growth, GrowthPoint, NutritionFinding } from '@ytcs/common';
import { NUTRITION_FINDINGS } from '@ytcs/common';
import { Empty, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import { useFormatNumber } from '../../lib/numbers';
import { ResponsiveTable } from '../../lib/ResponsiveTable';
import { ageParts } from './growth';

const GrowthCharts = lazy(() => import('./GrowthCharts').then((m) => ({ default: m.GrowthCharts })));

function Findings({ point }: { point: GrowthPoint }) {
  const { t } = useTranslation();
  const found = NUTRITION_FINDINGS.filter((f): f is NutritionFinding => !!point.findings[f]);
  if (point.implausible.length) return <Tag color="default">{t('record.growth.implausible')}</Tag>;
  if (!found.length) return <Tag color="success">{t('record.growth.normal')}</Tag>;
  return (
    <Space size={4} wrap>
      {found.map((f) => (
        <Tag key={f} color={point.findings[f] === 'severe' ? 'error' : 'warning'} data-testid="growth-finding">
          {t(`record.growth.finding.${f}`)}
          {point.findings[f] === 'severe' ? ` (${t('record.growth.severe')})` : ''}
        </Tag>
      ))}
    </Space>
  );
}

export function GrowthSection({ growth, name }: { growth: Growth; name: string }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const age = (days: number) => {
    const { years, months } = ageParts(days);
    return years ? t('record.growth.ageYears', { years, months }) : t('record.growth.ageMonths', { months });
  };
  const z = (v: number | null) => formatNumber(v, 2);
  const rows = [...growth.points].reverse();
  return (
    <div data-testid="record-growth">
      <Suspense fallback={<Skeleton active />}>
        <GrowthCharts growth={growth} name={name} />
      </Suspense>
      <Typography.Paragraph type="secondary" className="growth-hint">
        {t('record.growth.zHint')}
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.growth.none')} />
      ) : (
        <ResponsiveTable<GrowthPoint>
          data-testid="growth-table"
          rowKey="encounterId"
          dataSource={rows}
          pagination={false}
          columns={[
            { title: t('record.growth.date'), dataIndex: 'date', render: (d: string) => formatDate(d) },
            { title: t('record.growth.age'), dataIndex: 'ageDays', render: age },
            { title: t('record.growth.weight'), dataIndex: 'weight', align: 'right', render: (v: number | null) => formatNumber(v) },
            { title: t('record.growth.height'), dataIndex: 'height', align: 'right', render: (v: number | null) => formatNumber(v) },
            ...(['wfa', 'hfa', 'wfh'] as const).map((m) => ({
              title: <Tooltip title={t('record.growth.zHint')}>{t(`record.growth.${m}`)}</Tooltip>,
              key: m,
              align: 'right' as const,
              render: (_: unknown, p: GrowthPoint) => z(p.z[m]),
            })),
            { title: t('record.growth.findings'), key: 'findings', render: (_: unknown, p: GrowthPoint) => <Findings point={p} /> },
          ]}
        />
      )}
    </div>
  );
}

