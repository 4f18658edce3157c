// The audit log's filters: in a line over the list on a wide screen; on a phone, behind a
// "Bộ lọc" button that says how many are set, as a one-column form with the period as two dates
// (the range picker's two months side by side are wider than a phone).
import { FilterOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@ytcs/common';
import { DATE_FORMAT } from '../../lib/dates';
import { usePhone } from '../../lib/useMedia';

export type AuditRange = [Dayjs | null, Dayjs | null] | null;

type Props = {
  action: string;
  onAction: (value: string) => void;
  entityType: string;
  onEntityType: (value: string) => void;
  range: AuditRange;
  onRange: (value: AuditRange) => void;
  actionLabel: (code: string) => string;
  entityLabel: (type: string) => string;
};

export function AuditFilters(props: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const { action, entityType, range, onRange } = props;
  const actionBox = (
    <AutoComplete
      value={action}
      onChange={(value?: string) => props.onAction(value ?? '')}
      options={AUDIT_ACTIONS.map((code) => ({ value: code, label: `${props.actionLabel(code)} (${code})` }))}
      className="audit-action-filter"
    >
      <Input allowClear placeholder={t('audit.action')} data-testid="audit-action" />
    </AutoComplete>
  );
  const entityBox = (
    <Select
      allowClear
      placeholder={t('audit.entityType')}
      value={entityType || undefined}
      onChange={(value?: string) => props.onEntityType(value ?? '')}
      options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: props.entityLabel(type) }))}
      className="audit-action-filter"
      data-testid="audit-entity-type"
    />
  );

  if (!phone) {
    return (
      <>
        {actionBox}
        {entityBox}
        <DatePicker.RangePicker format={DATE_FORMAT} value={range} onChange={(value) => onRange(value)} aria-label={t('audit.period')} data-testid="audit-period" />
      </>
    );
  }

  const from = range?.[0] ?? null;
  const to = range?.[1] ?? null;
  const set = (nextFrom: Dayjs | null, nextTo: Dayjs | null) => onRange(nextFrom || nextTo ? [nextFrom, nextTo] : null);
  const count = [action, entityType, from, to].filter(Boolean).length;
  return (
    <div className="audit-filters">
      <Button block icon={<FilterOutlined />} aria-expanded={open} onClick={() => setOpen(!open)} data-testid="audit-filters-toggle">
        {count > 0 ? t('audit.filtersCount', { count }) : t('audit.filters')}
      </Button>
      {open && (
        <Form layout="vertical" className="audit-filters-form" data-testid="audit-filters">
          <Form.Item label={t('audit.action')}>{actionBox}</Form.Item>
          <Form.Item label={t('audit.entityType')}>{entityBox}</Form.Item>
          <Form.Item label={t('audit.from')}>
            <DatePicker
              className="full-width"
              format={DATE_FORMAT}
              placeholder={DATE_FORMAT.toLowerCase()}
              value={from}
              onChange={(value) => set(value, to)}
              disabledDate={(d) => !!to && d.isAfter(to, 'day')}
              data-testid="audit-from"
            />
          </Form.Item>
          <Form.Item label={t('audit.to')}>
            <DatePicker
              className="full-width"
              format={DATE_FORMAT}
              placeholder={DATE_FORMAT.toLowerCase()}
              value={to}
              onChange={(value) => set(from, value)}
              disabledDate={(d) => !!from && d.isBefore(from, 'day')}
              data-testid="audit-to"
            />
          </Form.Item>
        </Form>
      )}
    </div>
  );
}
