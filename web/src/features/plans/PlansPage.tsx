// Plans (kế hoạch) in the caller's scope and those issued above it, newest first.
import { FileTextOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { PlanSummary } from '@ytcs/common';
import { formatDate } from '../../lib/dates';
import { ListPage } from '../../lib/ListPage';
import { useFormatNumber } from '../../lib/numbers';
import { usePageTitle } from '../../lib/usePageTitle';
import { hasPermission, useMe } from '../auth/auth.api';
import { usePlans } from './plans.api';
import './plans.css';

export function PlansPage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.title'));
  const fmt = useFormatNumber();
  const navigate = useNavigate();
  const canWrite = hasPermission(useMe().data, 'plan.write');
  const plans = usePlans();

  return (
    <ListPage<PlanSummary>
      title={t('plans.title')}
      titleAction={
        canWrite && (
          <Link to="/plans/import">
            <Button type="primary" icon={<FileTextOutlined />} data-testid="plans-import">
              {t('plans.list.importButton')}
            </Button>
          </Link>
        )
      }
      errors={[plans.error]}
      emptyText={t('plans.list.empty')}
      onRowClick={(p) => navigate(`/plans/${p.id}`)}
      table={{
        'data-testid': 'plans-table',
        size: 'large',
        loading: plans.isLoading,
        dataSource: plans.data?.items,
        // The plans of a scope are few: all come at once, paged here past 20.
        pagination: (plans.data?.total ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false,
        scroll: { x: 900 },
        columns: [
            { title: t('plans.list.number'), dataIndex: 'number', width: 130, render: (v: string | null) => v ?? <span className="muted">{t('plans.list.noNumber')}</span> },
            { title: t('plans.list.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (v: string | null) => formatDate(v) },
            {
              title: t('plans.list.titleColumn'),
              key: 'title',
              render: (_, p) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/plans/${p.id}`} onClick={(e) => e.stopPropagation()} data-testid="plan-link">
                    {p.title}
                  </Link>
                  {(p.fromYear || p.toYear) && (
                    <span className="muted">
                      {t('plans.list.years')}: {[p.fromYear, p.toYear].filter(Boolean).join(' – ')}
                    </span>
                  )}
                </Space>
              ),
            },
            { title: t('plans.list.issuer'), dataIndex: 'orgUnitName', width: 200 },
            { title: t('plans.list.targets'), dataIndex: 'targets', width: 90, align: 'right', render: (v: number) => fmt(v) },
            { title: t('plans.list.tasks'), dataIndex: 'tasks', width: 90, align: 'right', render: (v: number) => fmt(v) },
            {
              title: t('plans.list.overdue'),
              dataIndex: 'overdueTasks',
              width: 120,
              render: (v: number) =>
                v > 0 ? (
                  <Tag color="error" data-testid="plan-overdue">
                    {t('plans.list.overdueCount', { count: v })}
                  </Tag>
                ) : (
                  <span className="muted">0</span>
                ),
            },
        ],
      }}
    />
  );
}
