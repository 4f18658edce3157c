// One plan: its header as the document gives it, its targets against live figures, its tasks
// with progress, and its periodic report.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Descriptions, Modal, Result, Select, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type DocumentRef, PLAN_STATUSES, type PlanDetail, type PlanStatus } from '@ytcs/common';
import { ApiError } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { PlanReport } from './PlanReport';
import { PlanTargets } from './PlanTargets';
import { PlanTasks } from './PlanTasks';
import { planKeys, setPlanStatus, usePlan } from './plans.api';
import './plans.css';

function Documents({ docs }: { docs: DocumentRef[] }) {
  if (docs.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list">
      {docs.map((d) => (
        <li key={`${d.kind}-${d.number}`}>{d.text || `${d.kind} ${d.number}`}</li>
      ))}
    </ul>
  );
}

const STATUS_COLOR: Record<PlanStatus, string> = { draft: 'default', active: 'green', closed: 'blue' };

/**
 * An editor of the issuing unit changes the status here, after confirming it (one stray click
 * must not end a plan); others see it, with who may change it. canEdit is the server's own rule.
 */
function PlanStatusControl({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PlanStatus | null>(null);
  const change = useMutation({
    mutationFn: (status: PlanStatus) => setPlanStatus(plan.id, status),
    onSuccess: (saved) => {
      queryClient.setQueryData(planKeys.detail(plan.id), saved);
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
    onError: (error) => message.error(errorText(error)),
    onSettled: () => setPending(null),
  });
  if (!plan.canEdit) {
    return (
      <Tooltip title={t('plans.detail.readOnly', { issuer: plan.orgUnitName })}>
        <Tag color={STATUS_COLOR[plan.status]} data-testid="plan-status-readonly">
          {t(`plans.statuses.${plan.status}`)}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <>
      <Select
        size="small"
        data-testid="plan-status"
        value={plan.status}
        loading={change.isPending}
        onChange={(status) => status !== plan.status && setPending(status)}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))}
        style={{ minWidth: 160 }}
      />
      <Modal
        open={pending !== null}
        title={pending && t('plans.detail.statusConfirmTitle', { status: t(`plans.statuses.${pending}`) })}
        okText={t('plans.detail.statusConfirmOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: pending === 'closed', 'data-testid': 'plan-status-confirm-ok' }}
        confirmLoading={change.isPending}
        onOk={() => pending && change.mutate(pending)}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="plan-status-confirm">{pending && t(`plans.detail.statusConfirm.${pending}`)}</Typography.Paragraph>
      </Modal>
    </>
  );
}

function PlanHeader({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const signer = plan.signer ? [plan.signer.authority, plan.signer.title, plan.signer.name].filter(Boolean).join(' – ') : '';
  return (
    <Card size="small" className="section-card" data-testid="plan-header">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'number', label: t('plans.detail.number'), children: plan.number ?? <span className="muted">{t('plans.list.noNumber')}</span> },
          { key: 'issuedOn', label: t('plans.detail.issuedOn'), children: formatDate(plan.issuedOn) || '—' },
          { key: 'issuer', label: t('plans.detail.issuer'), children: plan.orgUnitName },
          { key: 'years', label: t('plans.detail.years'), children: [plan.fromYear, plan.toYear].filter(Boolean).join(' – ') || '—' },
          { key: 'status', label: t('plans.detail.status'), children: <PlanStatusControl plan={plan} /> },
          { key: 'implements', label: t('plans.detail.implements'), span: 2, children: <Documents docs={plan.implements} /> },
          {
            key: 'parent',
            label: t('plans.detail.parentPlan'),
            span: 2,
            children: plan.parentPlanId ? (
              <Link to={`/plans/${plan.parentPlanId}`} data-testid="plan-parent-link">
                {plan.parentRef?.text || plan.parentRef?.number}
              </Link>
            ) : (
              <Documents docs={plan.parentRef ? [plan.parentRef] : []} />
            ),
          },
          { key: 'legal', label: t('plans.detail.legalBasis'), span: 2, children: <Documents docs={plan.legalBasis.filter((d) => !plan.implements.some((i) => i.number === d.number) && d.number !== plan.parentRef?.number)} /> },
          {
            key: 'areas',
            label: t('plans.detail.areas'),
            span: 2,
            children: plan.areas.map((a) => (
              <Tag key={a.id} data-testid="plan-area">
                {a.name}
              </Tag>
            )),
          },
          ...(signer ? [{ key: 'signer', label: t('plans.detail.signer'), span: 2, children: signer }] : []),
        ]}
      />
    </Card>
  );
}

export function PlanDetailPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const plan = usePlan(id);
  usePageTitle(plan.data?.number ?? t('plans.title'));

  if (plan.error instanceof ApiError && plan.error.status === 404) {
    return <Result status="404" title="404" subTitle={errorText(plan.error)} extra={<Link to="/plans">{t('plans.detail.back')}</Link>} />;
  }
  const data = plan.data;
  return (
    <div className="page" data-testid="plan-page">
      <Link to="/plans" className="back-link">
        <ArrowLeftOutlined /> {t('plans.detail.back')}
      </Link>
      {plan.isError && <Alert type="error" showIcon title={errorText(plan.error)} className="form-alert" />}
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Title level={3} data-testid="plan-title">
            {t('plans.title')}
            {data.number ? ` ${data.number}` : ''}: {data.title}
          </Typography.Title>
          <PlanHeader plan={data} />
          <PlanTargets targets={data.targetList} />
          <PlanTasks planId={data.id} tasks={data.taskList} />
          <PlanReport planId={data.id} />
        </>
      )}
    </div>
  );
}
