// Reading the audit log: every access to a person's record and every change is written there,
// so supervisors can answer "who looked at this, and when".
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type AuditEvent, auditActionKey, auditEntityKey } from '@ytcs/common';
import { formatInstant, toIsoDate } from '../../lib/dates';
import { ListPage } from '../../lib/ListPage';
import { usePaging } from '../../lib/paging';
import { useDebounced } from '../../lib/useDebounced';
import { hasPermission, useMe } from '../auth/auth.api';
import { downloadAccessReport, useAuditEvents } from './audit.api';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuditFilters, type AuditRange } from './AuditFilters';

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  // Labels live with the codes' list in common (the server's messages); an unknown code shows as itself.
  const actionLabel = (code: string) => t(`server:${auditActionKey(code)}`, { defaultValue: code });
  const entityLabel = (type: string) => t(`server:${auditEntityKey(type)}`, { defaultValue: type });
  // The pages an event's entity opens, for readers who may open them.
  const me = useMe().data;
  const linkable: Record<string, string | undefined> = {
    resident: hasPermission(me, 'person.read') ? '/residents' : undefined,
    household: hasPermission(me, 'person.read') ? '/households' : undefined,
    plan: hasPermission(me, 'plan.read') ? '/plans' : undefined,
  };
  const { limit, offset, pagination, reset } = usePaging(50);
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');
  const [range, setRange] = useState<AuditRange>(null);
  const [user, setUser] = useState<{ id: number; name: string } | null>(null);
  const [reportError, setReportError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const actionFilter = useDebounced(action.trim(), 300);
  const from = range?.[0] ? toIsoDate(range[0]) : undefined;
  const to = range?.[1] ? toIsoDate(range[1]) : undefined;
  // The breach-notice report covers the chosen period (all reads, searches and exports of people).
  const downloadReport = async () => {
    if (!from || !to) return;
    setDownloading(true);
    setReportError(null);
    try {
      await downloadAccessReport(from, to);
    } catch (error) {
      setReportError(error);
    } finally {
      setDownloading(false);
    }
  };
  const entityTypeFilter = useDebounced(entityType.trim(), 300);

  const events = useAuditEvents({
    action: actionFilter,
    entityType: entityTypeFilter,
    userId: user?.id,
    from,
    to,
    limit,
    offset,
  });

  // Any change of filter starts again from the newest page.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      reset();
    };

  return (
    <ListPage<AuditEvent>
      title={t('audit.title')}
      filters={
        <AuditFilters
          action={action}
          onAction={changed(setAction)}
          entityType={entityType}
          onEntityType={changed(setEntityType)}
          range={range}
          onRange={changed(setRange)}
          actionLabel={actionLabel}
          entityLabel={entityLabel}
        />
      }
      cardHead="action"
      actionsPlacement="inline"
      actions={
        <>
          <Tooltip title={t('audit.accessReportHint')}>
            <Button onClick={downloadReport} disabled={!from || !to} loading={downloading} data-testid="audit-access-report">
              {t('audit.accessReport')}
            </Button>
          </Tooltip>
          {user && (
            <Tag closable onClose={() => changed(setUser)(null)} data-testid="audit-user-filter">
              {t('audit.user')}: {user.name}
            </Tag>
          )}
        </>
      }
      errors={[reportError, events.error]}
      table={{
        'data-testid': 'audit-table',
        size: 'small',
        loading: events.isFetching,
        dataSource: events.data?.items,
        pagination: pagination(events.data?.total),
        scroll: { x: 1000 },
        columns: [
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatInstant(at) },
            {
              title: t('audit.user'),
              key: 'user',
              width: 160,
              render: (_, event) => {
                if (event.userId === null) return <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>;
                const name = event.username ?? `#${event.userId}`;
                const userId = event.userId;
                return (
                  <Tooltip title={t('audit.filterByUser')}>
                    <Typography.Link onClick={() => changed(setUser)({ id: userId, name })}>{name}</Typography.Link>
                  </Tooltip>
                );
              },
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 200,
              render: (code: string) => <Tooltip title={code}>{actionLabel(code)}</Tooltip>,
            },
            {
              title: t('audit.entityType'),
              dataIndex: 'entityType',
              width: 140,
              render: (type: string | null) => (type ? <Tooltip title={type}>{entityLabel(type)}</Tooltip> : null),
            },
            {
              // A user, plan or task by name when the reader may see it; a person in the registry by number only.
              title: t('server:auditLabels.columns.entity'),
              key: 'entity',
              width: 220,
              render: (_, event) => {
                if (!event.entityId) return null;
                const text = event.entityName ?? `#${event.entityId}`;
                // Opening a person from here is a read of their record, audited like any other.
                const href = event.entityType && linkable[event.entityType] ? `${linkable[event.entityType]}/${event.entityId}` : null;
                const shown = href ? <Link to={href}>{text}</Link> : text;
                return event.entityName ? <Tooltip title={`#${event.entityId}`}>{shown}</Tooltip> : shown;
              },
            },
            {
              title: t('server:auditLabels.columns.unit'),
              key: 'unit',
              width: 180,
              // Nothing (not an empty tooltip) without a unit: a card then leaves the line out.
              render: (_, event) => {
                const name = event.orgUnitName ?? (event.orgUnitId === null ? null : `#${event.orgUnitId}`);
                return name && <Tooltip title={event.orgUnitIds.join(', ')}>{name}</Tooltip>;
              },
            },
            { title: t('audit.ip'), dataIndex: 'ip', width: 140 },
        ],
      }}
    />
  );
}
