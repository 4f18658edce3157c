// The dashboard of a unit and period: every plan that applies to the unit with its targets
// against the unit's figures, an indicator's quarters, and the units below ranked (click one to
// go down). The choices live in the URL (?unit=&period=&indicator=) so Back goes up again. A
// unit in the URL the caller cannot see says so (the server's 404), and nothing else is asked.
import { Alert, Breadcrumb, Button, Card, Empty, Result, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { todayIso } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { hasPermission, useMe } from '../auth/auth.api';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { useOrgUnitDetail, useScopeRoots } from '../org-units/orgUnits.api';
import { usePlanDetails, usePlans } from '../plans/plans.api';
import { currentPeriod, periodChoices, usePeriodLabel } from '../../lib/periods';
import { ChildUnitsCard } from './ChildUnitsCard';
import { RECORD_INDICATORS, TargetsPanel } from './TargetsPanel';
import { TrendCard } from './TrendCard';
import { useIndicatorValues, useIndicators } from '../indicators/indicators.api';
import '../plans/plans.css';

export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.dashboard.title'));
  const errorText = useErrorText();
  const periodLabel = usePeriodLabel();
  const me = useMe().data;
  const canReadPlans = hasPermission(me, 'plan.read');
  const canListResidents = hasPermission(me, 'person.read');
  const [params, setParams] = useSearchParams();
  const roots = useScopeRoots(todayIso());
  const rootIds = (roots.data?.items ?? []).map((r) => r.id);
  const unitId = Number(params.get('unit')) || rootIds[0];
  const period = params.get('period') ?? currentPeriod('quarter');
  const set = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const detail = useOrgUnitDetail(unitId ?? null);
  const noAccess = detail.error instanceof ApiError && detail.error.status === 404;
  const indicators = useIndicators();
  const plans = usePlans(unitId, canReadPlans && unitId !== undefined && detail.isSuccess);
  const details = usePlanDetails((plans.data?.items ?? []).map((p) => p.id));
  const planList = details.flatMap((d) => (d.data ? [d.data] : []));
  const targetCodes = useMemo(() => [...new Set(planList.flatMap((p) => p.targetList.map((x) => x.indicator)))].sort(), [planList]);
  const values = useIndicatorValues({ indicators: targetCodes, orgUnit: unitId, periods: [period] }, unitId !== undefined && detail.isSuccess);

  const indicator = params.get('indicator') ?? targetCodes.find((c) => RECORD_INDICATORS.includes(c)) ?? targetCodes[0] ?? indicators.data?.items[0]?.code;
  // The level plans set for the chosen indicator: the latest year's.
  const planned = planList
    .flatMap((p) => p.targetList)
    .filter((x) => x.indicator === indicator)
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
  const target = planned ? { comparator: planned.comparator, value: planned.value } : null;
  const unitName = detail.data?.name ?? '';

  // From the top of the caller's scope down to the chosen unit.
  const trail = useMemo(() => {
    const d = detail.data;
    if (!d) return [];
    const chain = [...d.ancestors, d];
    const start = chain.findIndex((u) => rootIds.includes(u.id));
    return start < 0 ? [d] : chain.slice(start);
  }, [detail.data, rootIds]);

  if (roots.isLoading) return <Skeleton active />;
  if (unitId === undefined) return <Alert type="info" showIcon title={t('orgUnit.noScope')} />;
  if (noAccess) {
    return (
      <div className="page" data-testid="dashboard-page">
        <Typography.Title level={3}>{t('plans.dashboard.title')}</Typography.Title>
        <Result
          status="warning"
          data-testid="dashboard-no-access"
          title={t('feedback.dashboard.noAccess')}
          subTitle={t('feedback.dashboard.noAccessHint', { id: unitId })}
          extra={
            <Button type="primary" onClick={() => set({ unit: undefined })} data-testid="dashboard-back-to-scope">
              {t('feedback.dashboard.backToScope')}
            </Button>
          }
        />
      </div>
    );
  }

  return (
    <div className="page" data-testid="dashboard-page">
      <Typography.Title level={3}>{t('plans.dashboard.title')}</Typography.Title>
      <Card size="small" className="section-card">
        <div className="dashboard-toolbar">
          <Space wrap>
            <span>{t('plans.dashboard.unit')}:</span>
            <div className="toolbar-unit-wide">
              <OrgUnitPicker
                value={unitId}
                initialUnit={detail.data}
                onChange={(id) => set({ unit: id })}
                data-testid="dashboard-unit"
              />
            </div>
            <span>{t('plans.dashboard.period')}:</span>
            <Select
              data-testid="dashboard-period"
              className="period-select"
              value={period}
              onChange={(p) => set({ period: p })}
              options={periodChoices(['quarter', 'year']).map((code) => ({ value: code, label: periodLabel(code) }))}
            />
          </Space>
          {trail.length > 1 && (
            <Breadcrumb
              data-testid="dashboard-breadcrumb"
              items={trail.map((u, n) => ({
                key: u.id,
                title:
                  n === trail.length - 1 ? (
                    u.name
                  ) : (
                    <a
                      href={`?unit=${u.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        set({ unit: u.id });
                      }}
                    >
                      {u.name}
                    </a>
                  ),
              }))}
            />
          )}
        </div>
      </Card>

      {plans.isError && <Alert type="error" showIcon title={errorText(plans.error)} className="form-alert" />}
      {canReadPlans && plans.isSuccess && plans.data.items.length === 0 && (
        <Card size="small" className="section-card">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.dashboard.noPlans')} />
        </Card>
      )}
      {(plans.isLoading || details.some((d) => d.isLoading)) && <Skeleton active />}
      {planList.map((plan) => (
        <TargetsPanel
          key={plan.id}
          plan={plan}
          values={values.data?.items ?? []}
          unitId={unitId}
          unitName={unitName}
          period={period}
          indicators={indicators.data?.items ?? []}
          canListResidents={canListResidents}
        />
      ))}

      <TrendCard unitId={unitId} unitName={unitName} period={period} indicator={indicator} onIndicator={(code) => set({ indicator: code })} indicators={indicators.data?.items ?? []} target={target?.value ?? null} />
      <ChildUnitsCard unitId={unitId} period={period} indicator={indicator} indicators={indicators.data?.items ?? []} target={target} onSelectUnit={(id) => set({ unit: id })} />
    </div>
  );
}
