// A plan's tasks: who leads and who helps, the deadline, progress and status, overdue in red;
// filtered to the overdue ones or to those the caller may update. A section label stands once
// over its tasks and columns no task on the page fills are left out (taskTable.ts).
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Segmented, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskStatus, TaskView } from '@ytcs/common';
import { formatDate } from '../../lib/dates';
import { ResponsiveTable } from '../../lib/ResponsiveTable';
import { usePhone } from '../../lib/useMedia';
import { StatusTag } from './planFormat';
import { TaskUpdateModal } from './TaskUpdateModal';
import { sectionSpans, taskColumns } from './taskTable';

type Filter = 'all' | 'overdue' | 'mine';
const PAGE_SIZE = 20;

export function PlanTasks({ planId, tasks }: { planId: number; tasks: TaskView[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<TaskView | null>(null);
  const overdue = tasks.filter((task) => task.overdue);
  const mine = tasks.filter((task) => task.canUpdate);
  const shown = filter === 'overdue' ? overdue : filter === 'mine' ? mine : tasks;
  const [page, setPage] = useState(1);
  const onPage = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const spans = sectionSpans(onPage.map((task) => task.section));
  const needs = taskColumns(onPage);
  const spanOf = (task: TaskView) => spans[onPage.indexOf(task)] ?? 1;
  // On a phone each task is a card headed by its text, the section and the rest as lines under it.
  const phone = usePhone();

  const allColumns: (TableColumnsType<TaskView>[number] & { key: string })[] = [
          {
            title: t('plans.tasks.section'),
            key: 'section',
            dataIndex: 'section',
            width: 64,
            className: 'task-section',
            onCell: (task) => ({ rowSpan: spanOf(task) }),
          },
          {
            title: t('plans.tasks.text'),
            key: 'text',
            render: (_, task) => (
              <div>
                <div className="task-text">{task.text}</div>
                {task.lastNote && <div className="muted task-note">{t('plans.tasks.lastNote', { note: task.lastNote })}</div>}
              </div>
            ),
          },
          { title: t('plans.tasks.lead'), key: 'lead', dataIndex: 'lead', width: 150 },
          {
            title: t('plans.tasks.coordinating'),
            key: 'coordinating',
            width: 170,
            render: (_, task) => (
              <Space size={[0, 4]} wrap>
                {task.coordinating.map((c) => (
                  <Tag key={c} className="wrap-tag">
                    {c}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('plans.tasks.deadline'),
            key: 'deadline',
            width: 105,
            render: (_, task) => (
              <Space orientation="vertical" size={2}>
                <span>{formatDate(task.deadline) || task.recurring || ''}</span>
                {task.overdue && (
                  <Tag color="error" data-testid="task-overdue">
                    {t('plans.tasks.overdue')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('plans.tasks.progress'),
            key: 'progress',
            dataIndex: 'progress',
            width: 115,
            // Overdue shows as a red bar, still with its percent (antd's "exception" would hide it behind an icon).
            render: (v: number, task) => <Progress percent={v} size="small" format={(p) => `${p}%`} strokeColor={task.overdue ? '#d32f2f' : undefined} status={task.status === 'done' ? 'success' : 'normal'} />,
          },
          { title: t('plans.tasks.status'), key: 'status', dataIndex: 'status', width: 125, render: (v: TaskStatus) => <StatusTag status={v} /> },
          {
            title: '',
            key: 'actions',
            width: 52,
            fixed: 'right',
            // canUpdate and partOnly are the server's rule (lead, partner for its part, issuer): no
            // update button where a post would be refused.
            render: (_, task) => {
              const label = task.canUpdate ? t(task.partOnly ? 'plans.tasks.updatePart' : 'plans.tasks.update') : t('plans.tasks.history');
              return (
                <Tooltip title={label}>
                  <Button
                    size="small"
                    type={task.canUpdate ? 'primary' : 'default'}
                    icon={task.canUpdate ? <EditOutlined /> : <HistoryOutlined />}
                    aria-label={label}
                    onClick={() => setOpen(task)}
                    data-testid={task.canUpdate ? 'task-update' : 'task-history-open'}
                  >
                    {phone && label}
                  </Button>
                </Tooltip>
              );
            },
          },
        ];
  const columns = allColumns.filter((c) => needs[c.key as keyof typeof needs] ?? true);

  return (
    <Card
      size="small"
      className="section-card"
      title={t('plans.tasks.title')}
      data-testid="plan-tasks"
      extra={
        <Segmented<Filter>
          data-testid="plan-task-filter"
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('plans.tasks.filterAll', { count: tasks.length }) },
            { value: 'overdue', label: t('plans.tasks.filterOverdue', { count: overdue.length }) },
            { value: 'mine', label: t('plans.tasks.filterMine', { count: mine.length }) },
          ]}
        />
      }
    >
      <ResponsiveTable<TaskView>
        data-testid="plan-tasks-table"
        rowKey="id"
        size="small"
        cardHead="text"
        // The cards take the page as given (paged here); the table pages the whole list itself.
        dataSource={phone ? onPage : shown}
        pagination={shown.length > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: shown.length, showSizeChanger: false, onChange: setPage } : false}
        scroll={phone ? undefined : { x: 760 + (needs.lead ? 150 : 0) + (needs.coordinating ? 170 : 0) }}
        emptyText={t('plans.tasks.empty')}
        onRow={() => ({ 'data-testid': 'plan-task-row' }) as HTMLAttributes<HTMLElement>}
        columns={columns}
      />
      {open && <TaskUpdateModal planId={planId} task={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
