// A woman's pregnancies in her record: the ongoing one with its weeks, antenatal visits and where
// its care stands (with the outcome to record), then the past ones; registering a new one when
// none is ongoing.
import { type Pregnancy, gestationDays, todayIso } from '@ytcs/common';
import { Button, Card, Descriptions, Empty, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/dates';
import { usePregnancies } from './maternal.api';
import { OutcomeModal } from './OutcomeModal';
import { PregnancyForm } from './PregnancyForm';
import { AncStandingTag } from './StandingTag';

function PregnancyCard({ p, canWrite }: { p: Pregnancy; canWrite: boolean }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  const ongoing = p.status === 'ongoing';
  return (
    <Card
      size="small"
      className="pregnancy-card"
      data-testid="pregnancy-card"
      title={
        <Space wrap>
          <span>{t(`maternal.status.${p.status}`)}</span>
          <AncStandingTag standing={p.standing} />
        </Space>
      }
      extra={
        ongoing && canWrite ? (
          <Button onClick={() => setEnding(true)} data-testid="pregnancy-outcome">
            {t('maternal.recordOutcome')}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        {ongoing && <Descriptions.Item label={t('maternal.weeks')}>{t('maternal.weeksN', { weeks: Math.floor(gestationDays(p.edd, todayIso()) / 7) })}</Descriptions.Item>}
        <Descriptions.Item label={t('maternal.edd')}>{formatDate(p.edd)}</Descriptions.Item>
        {p.lmp && <Descriptions.Item label={t('maternal.lmp')}>{formatDate(p.lmp)}</Descriptions.Item>}
        {p.gravida !== null && <Descriptions.Item label={t('maternal.gravida')}>{p.gravida}</Descriptions.Item>}
        {p.para !== null && <Descriptions.Item label={t('maternal.para')}>{p.para}</Descriptions.Item>}
        <Descriptions.Item label={t('maternal.visitsOf')}>{p.visits.length ? p.visits.map(formatDate).join(', ') : '0'}</Descriptions.Item>
        {p.risks.length > 0 && (
          <Descriptions.Item label={t('maternal.risks')}>
            {p.risks.map((r) => (
              <Tag key={r}>{t(`maternal.risk.${r}`)}</Tag>
            ))}
          </Descriptions.Item>
        )}
        {p.outcome && (
          <Descriptions.Item label={t('maternal.outcomeLabel')}>
            {t(`maternal.outcome.${p.outcome}`)} · {formatDate(p.outcomeDate)}
            {p.place ? ` · ${t(`maternal.places.${p.place}`)}` : ''}
            {p.attendant ? ` · ${t(`maternal.attendants.${p.attendant}`)}` : ''}
          </Descriptions.Item>
        )}
        {p.newbornId && (
          <Descriptions.Item label={t('maternal.newborn')}>
            <Link to={`/residents/${p.newbornId}`} data-testid="pregnancy-newborn">
              {t('maternal.openNewborn')}
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {ending && <OutcomeModal pregnancyId={p.id} open={ending} onClose={() => setEnding(false)} onSaved={() => setEnding(false)} />}
    </Card>
  );
}

export function PregnancySection({ residentId, canWrite }: { residentId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const pregnancies = usePregnancies(residentId);
  if (pregnancies.isPending) return <Skeleton active />;
  const items = pregnancies.data?.items ?? [];
  const ongoing = items.some((p) => p.status === 'ongoing');
  return (
    <div data-testid="record-pregnancies">
      {canWrite && !ongoing && <PregnancyForm residentId={residentId} />}
      {items.length === 0 ? (
        !canWrite && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('maternal.noPregnancies')} />
      ) : (
        <Space direction="vertical" className="full-width">
          {items.map((p) => (
            <PregnancyCard key={p.id} p={p} canWrite={canWrite} />
          ))}
        </Space>
      )}
    </div>
  );
}
