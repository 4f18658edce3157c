// One unit at a glance: where it sits, when it was valid, what it was merged from or into
// (the 2025 reorganisation), and which facilities and areas are linked to it.
import { Alert, Breadcrumb, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OrgUnitLink, OrgUnitRef } from '@ytcs/common';
import { formatDate } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { useOrgUnitDetail } from './orgUnits.api';
import { useOrgUnitLabels } from './useOrgUnitLabels';

/** hrefFor gives the link that opens another unit (same page, same date); asOf is the page's date. */
type Props = { id: number; asOf: string; hrefFor: (id: number) => string };

const STATE_COLOUR = { valid: 'green', future: 'gold', closed: 'default' } as const;

export function OrgUnitDetail({ id, asOf, hrefFor }: Props) {
  const { t } = useTranslation();
  const { level, kind } = useOrgUnitLabels();
  const errorText = useErrorText();
  const detail = useOrgUnitDetail(id, asOf);

  if (detail.isPending) {
    return (
      <Card data-testid="orgunit-detail">
        <Skeleton active />
      </Card>
    );
  }
  if (detail.isError) {
    return (
      <Card data-testid="orgunit-detail">
        <Alert type="error" showIcon title={errorText(detail.error)} />
      </Card>
    );
  }
  const unit = detail.data;
  const isFacility = unit.level === 'facility';

  return (
    <Card
      data-testid="orgunit-detail"
      className="orgunit-detail"
      title={
        <Space wrap>
          <span data-testid="orgunit-detail-name">{unit.name}</span>
          <Tag color="blue">{kind(unit.kind)}</Tag>
          {(unit.validTo || unit.stateOnDate !== 'valid') && (
            <Tag color={STATE_COLOUR[unit.stateOnDate]} data-testid="orgunit-state-on-date">
              {t(`server:orgUnitOnDate.${unit.stateOnDate}`, { date: formatDate(unit.asOf) })}
            </Tag>
          )}
        </Space>
      }
    >
      <Breadcrumb
        className="orgunit-breadcrumb"
        data-testid="orgunit-ancestors"
        items={[
          ...unit.ancestors.map((a) => ({ key: a.id, title: <Link to={hrefFor(a.id)}>{a.name}</Link> })),
          { key: unit.id, title: unit.name },
        ]}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        bordered
        items={[
          { key: 'code', label: t('orgUnit.code'), children: unit.code },
          { key: 'level', label: t('orgUnit.level'), children: level(unit.level) },
          { key: 'kind', label: t('orgUnit.kind'), children: kind(unit.kind) },
          { key: 'children', label: t('server:orgUnitOnDate.childCount', { date: formatDate(unit.asOf) }), children: unit.childCount },
          { key: 'from', label: t('orgUnit.validFrom'), children: formatDate(unit.validFrom) || '—' },
          {
            key: 'to',
            label: t('orgUnit.validTo'),
            children: unit.validTo ? formatDate(unit.validTo) : <Tag color="green">{t('common.current')}</Tag>,
          },
        ]}
      />
      <Section title={t('orgUnit.predecessors')} testId="orgunit-predecessors">
        <UnitLinks units={unit.predecessors} hrefFor={hrefFor} />
      </Section>
      <Section title={t('orgUnit.successors')} testId="orgunit-successors">
        <UnitLinks units={unit.successors} hrefFor={hrefFor} />
      </Section>
      {(isFacility || unit.serves.length > 0) && (
        <Section title={t('orgUnit.serves')} testId="orgunit-serves">
          <UnitLinks units={unit.serves} hrefFor={hrefFor} />
        </Section>
      )}
      {(!isFacility || unit.servedBy.length > 0) && (
        <Section title={t('orgUnit.servedBy')} testId="orgunit-served-by">
          <UnitLinks units={unit.servedBy} hrefFor={hrefFor} />
        </Section>
      )}
    </Card>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="orgunit-section" data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </section>
  );
}

function UnitLinks({ units, hrefFor }: { units: (OrgUnitRef | OrgUnitLink)[]; hrefFor: (id: number) => string }) {
  const { t } = useTranslation();
  const { kind } = useOrgUnitLabels();
  if (units.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <ul className="unit-links">
      {units.map((u) => (
        <li key={u.id}>
          <Link to={hrefFor(u.id)}>{u.name}</Link>{' '}
          <Typography.Text type="secondary">
            {kind(u.kind)} · {u.code}
          </Typography.Text>
          {'note' in u && u.note && <div className="unit-link-note">{u.note}</div>}
        </li>
      ))}
    </ul>
  );
}
