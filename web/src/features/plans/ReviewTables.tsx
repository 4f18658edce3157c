// The editable tables of the importer's review: targets (indicator, comparator, value, year, the
// sentence they came from) and tasks (section, text, lead, partners, deadline). Rows are form
// list items, so the server's "targets.1.value" lands on its cell.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPARATORS, type Indicator } from '@ytcs/common';
import { DATE_FORMAT } from '../../lib/dates';
import { useIndicatorName } from '../indicators/indicatorFormat';
import { COMPARATOR_SYMBOL } from './planFormat';
import type { TargetRow, TaskRow } from './planDraft';

type Row = { key: number; name: number };
const rowAttrs = (testId: string) => () => ({ 'data-testid': testId }) as HTMLAttributes<HTMLElement>;

export function ReviewTargets({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  const indicatorName = useIndicatorName();
  const required = { required: true, message: t('common.required') };
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <>
          <Table<Row>
            data-testid="plan-review-targets"
            size="small"
            pagination={false}
            dataSource={fields.map((f) => ({ key: f.key, name: f.name }))}
            onRow={rowAttrs('target-row')}
            scroll={{ x: 1000 }}
            columns={[
              {
                title: t('plans.import.indicator'),
                key: 'indicator',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'indicator']} rules={[required]} className="cell-item">
                    <Select
                      data-testid="target-indicator"
                      showSearch={{ optionFilterProp: 'label' }}
                      popupMatchSelectWidth={false}
                      options={indicators.map((i) => ({ value: i.code, label: `${indicatorName(i)} (${i.code})` }))}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('plans.import.comparator'),
                key: 'comparator',
                width: 80,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'comparator']} rules={[required]} className="cell-item">
                    <Select data-testid="target-comparator" options={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_SYMBOL[c] }))} />
                  </Form.Item>
                ),
              },
              {
                title: t('plans.import.value'),
                key: 'value',
                width: 110,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'value']} rules={[required]} className="cell-item">
                    <InputNumber min={0} data-testid="target-value" className="full-width" decimalSeparator={t('plans.decimal')} />
                  </Form.Item>
                ),
              },
              {
                title: t('plans.import.year'),
                key: 'year',
                width: 100,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'year']} className="cell-item">
                    <InputNumber min={2000} max={2100} data-testid="target-year" className="full-width" />
                  </Form.Item>
                ),
              },
              {
                title: t('plans.import.original'),
                key: 'text',
                width: 380,
                render: (_, f) => (
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => <span className="muted target-sentence">{(getFieldValue(['targets', f.name]) as TargetRow | undefined)?.text}</span>}
                  </Form.Item>
                ),
              },
              {
                title: '',
                key: 'remove',
                width: 48,
                render: (_, f) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('plans.import.remove')} onClick={() => remove(f.name)} />,
              },
            ]}
          />
          <Button className="add-row" icon={<PlusOutlined />} onClick={() => add({ comparator: 'ge', year: null } satisfies TargetRow)}>
            {t('plans.import.addTarget')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function ReviewTasks() {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Form.List name="tasks">
      {(fields, { add, remove }) => (
        <>
          <Table<Row>
            data-testid="plan-review-tasks"
            size="small"
            dataSource={fields.map((f) => ({ key: f.key, name: f.name }))}
            // Every row stays mounted (no pages) so the server's errors find their cells.
            pagination={false}
            onRow={rowAttrs('task-row')}
            scroll={{ x: 1100, y: 640 }}
            columns={[
              {
                title: t('plans.import.section'),
                key: 'section',
                width: 90,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'section']} className="cell-item">
                    <Input data-testid="task-section" />
                  </Form.Item>
                ),
              },
              {
                title: t('plans.import.text'),
                key: 'text',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'text']} rules={[required]} className="cell-item">
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="task-text" />
                  </Form.Item>
                ),
              },
              {
                title: t('plans.import.lead'),
                key: 'lead',
                width: 170,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'lead']} className="cell-item">
                    <Input data-testid="task-lead" />
                  </Form.Item>
                ),
              },
              {
                title: t('plans.import.coordinating'),
                key: 'coordinating',
                width: 220,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'coordinating']} className="cell-item">
                    <Select mode="tags" open={false} suffixIcon={null} placeholder={t('plans.import.coordinatingPlaceholder')} data-testid="task-coordinating" tokenSeparators={[';']} />
                  </Form.Item>
                ),
              },
              {
                title: t('plans.import.deadline'),
                key: 'deadline',
                width: 140,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'deadline']} className="cell-item">
                    <DatePicker format={DATE_FORMAT} className="full-width" data-testid="task-deadline" />
                  </Form.Item>
                ),
              },
              {
                title: '',
                key: 'remove',
                width: 48,
                render: (_, f) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('plans.import.remove')} onClick={() => remove(f.name)} />,
              },
            ]}
          />
          <Button className="add-row" icon={<PlusOutlined />} onClick={() => add({ coordinating: [] } satisfies TaskRow)}>
            {t('plans.import.addTask')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
