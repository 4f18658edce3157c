// How much of the population is covered: residents with a health record and residents insured,
// against the 95% targets, for a unit and each unit below it. Figures about fewer than 5 people
// come suppressed (null) for officials without access to personal records; they show as "<5".
import { Alert, Card, Col, Progress, Row, Statistic, Tooltip, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageRow } from '@ytcs/common';
import { formatDate } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { useFormatNumber } from '../../lib/numbers';
import { useCoverage } from './registry.api';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

/** Both targets of the commune health programme. */
export const COVERAGE_TARGET = 95;

function Suppressed() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('registry.coverage.suppressedHelp')}>
      <span className="coverage-suppressed" data-testid="coverage-suppressed">
        {t('registry.coverage.suppressed')}
      </span>
    </Tooltip>
  );
}

function useRateColour() {
  const { token } = theme.useToken();
  return (rate: number) => (rate >= COVERAGE_TARGET ? token.colorSuccess : token.colorWarning);
}

/** A rate as a bar with a tick at the target, for a table cell. */
function RateCell({ rate, count, suppressed }: { rate: number | null; count: number | null; suppressed: boolean }) {
  const fmt = useFormatNumber();
  const colour = useRateColour();
  if (suppressed) return <Suppressed />;
  if (rate === null) return <span className="muted">—</span>;
  return (
    <div className="coverage-rate-cell">
      <div className="coverage-bar">
        <Progress percent={rate} size="small" showInfo={false} strokeColor={colour(rate)} />
        <span className="coverage-target-tick" />
      </div>
      <span className="coverage-rate-text" style={{ color: colour(rate) }}>
        {fmt(rate, 1)}%
      </span>
      <span className="muted">({fmt(count)})</span>
    </div>
  );
}

function RateStatistic({ title, rate, count, suppressed, testId }: { title: string; rate: number | null; count: number | null; suppressed: boolean; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const colour = useRateColour();
  const below = rate !== null && rate < COVERAGE_TARGET;
  return (
    <div data-testid={testId}>
      <Statistic
        title={title}
        value={rate ?? undefined}
        formatter={(v) => (suppressed ? <Suppressed /> : rate === null ? '—' : `${fmt(v, 1)}%`)}
        suffix={count !== null && !suppressed ? <span className="muted coverage-count">{t('registry.coverage.ofResidents', { count, formatted: fmt(count) })}</span> : undefined}
        styles={rate !== null ? { content: { color: colour(rate) } } : undefined}
      />
      <div className="coverage-bar">
        <Progress percent={rate ?? 0} showInfo={false} strokeColor={rate !== null ? colour(rate) : undefined} />
        <span className="coverage-target-tick" />
      </div>
      <span className={below ? 'coverage-below' : 'muted'}>
        {below ? t('registry.coverage.belowTarget', { target: COVERAGE_TARGET }) : t('registry.coverage.target', { target: COVERAGE_TARGET })}
      </span>
    </div>
  );
}

export function CoverageCard({ orgUnit }: { orgUnit?: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fmt = useFormatNumber();
  const coverage = useCoverage(orgUnit);
  const data = coverage.data;
  const unit = data?.unit;
  // With units below, the figures stand beside their table; alone, they share one row.
  const beside = (data?.children.length ?? 0) > 0;

  return (
    <Card
      size="small"
      className="section-card coverage-card"
      data-testid="registry-coverage"
      loading={coverage.isLoading}
      title={
        unit ? (
          <span>
            {t('registry.coverage.title')}: <span data-testid="coverage-unit">{unit.name}</span>{' '}
            <span className="muted">{t('registry.coverage.asOf', { date: formatDate(data.asOf) })}</span>
          </span>
        ) : (
          t('registry.coverage.title')
        )
      }
    >
      {coverage.isError && <Alert type="error" showIcon title={errorText(coverage.error)} />}
      {unit && (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={beside ? 9 : 24}>
            <Row gutter={[16, 16]}>
              <Col xs={24} sm={8} lg={beside ? 24 : 8}>
                <Statistic
                  title={t('registry.coverage.residents')}
                  value={unit.residents ?? undefined}
                  formatter={(v) => (unit.suppressed ? <Suppressed /> : fmt(v))}
                  data-testid="coverage-residents"
                />
              </Col>
              <Col xs={24} sm={8} lg={beside ? 12 : 8}>
                <RateStatistic title={t('registry.coverage.recordRate')} rate={unit.recordRate} count={unit.withRecord} suppressed={unit.suppressed} testId="coverage-record-rate" />
              </Col>
              <Col xs={24} sm={8} lg={beside ? 12 : 8}>
                <RateStatistic title={t('registry.coverage.insuredRate')} rate={unit.insuredRate} count={unit.insured} suppressed={unit.suppressed} testId="coverage-insured-rate" />
              </Col>
            </Row>
            <div className="muted coverage-legend">
              <span className="coverage-legend-tick" /> {t('registry.coverage.legend', { target: COVERAGE_TARGET })}
            </div>
          </Col>
          {beside && (
            <Col xs={24} lg={15}>
              <ResponsiveTable<CoverageRow>
                data-testid="coverage-children"
                rowKey="id"
                size="small"
                dataSource={data.children}
                pagination={data.children.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
                columns={[
                  { title: t('registry.coverage.unit'), dataIndex: 'name', className: 'coverage-unit-name' },
                  {
                    title: t('registry.coverage.residentsShort'),
                    key: 'residents',
                    width: 100,
                    align: 'right',
                    render: (_, r) => (r.suppressed ? <Suppressed /> : fmt(r.residents)),
                  },
                  { title: t('registry.coverage.recordRate'), key: 'record', width: 190, render: (_, r) => <RateCell rate={r.recordRate} count={r.withRecord} suppressed={r.suppressed} /> },
                  { title: t('registry.coverage.insuredRate'), key: 'insured', width: 190, render: (_, r) => <RateCell rate={r.insuredRate} count={r.insured} suppressed={r.suppressed} /> },
                ]}
              />
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}
