// The rows with errors (not imported) and the warnings (imported, to check), each placed by its
// spreadsheet row and column so it can be found in the station's own file.
import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportFinding, ImportJob } from '@ytcs/common';
import { useFormatNumber } from '../../lib/numbers';
import { serverText } from '../../i18n/languages';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

function FindingsTable({ findings, empty, testId }: { findings: ImportFinding[]; empty: string; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    // On a phone each finding is a card headed by what is wrong, its row and column under it.
    <ResponsiveTable<ImportFinding>
      data-testid={testId}
      cardHead="message"
      rowKey={(f, i) => `${f.row}:${f.letter ?? ''}:${f.field}:${i}`}
      size="small"
      dataSource={findings}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], hideOnSinglePage: true, size: 'small' }}
      emptyText={empty}
      columns={[
        { title: t('imports.row'), dataIndex: 'row', width: 80, align: 'right' },
        {
          title: t('imports.column'),
          key: 'column',
          width: 260,
          render: (_, f) =>
            f.letter || f.column ? (
              <span className="import-column">
                {f.letter && <span className="import-letter">{f.letter}</span>}
                {f.column}
              </span>
            ) : (
              '—'
            ),
        },
        { title: t('imports.message'), key: 'message', render: (_, f) => serverText(f, i18n.language) },
      ]}
    />
  );
}

export function ImportFindings({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  // The server lists the first 200 errors; the errors file has every row.
  const cut = job.invalid > job.errors.length && job.errors.length > 0;
  return (
    <Tabs
      data-testid="import-findings"
      defaultActiveKey={job.errors.length === 0 && job.warnings.length > 0 ? 'warnings' : 'errors'}
      items={[
        {
          key: 'errors',
          label: t('imports.errors', { count: job.errors.length }),
          children: (
            <>
              {cut && <Alert type="info" showIcon className="form-alert" title={t('imports.firstOnly', { shown: fmt(job.errors.length), total: fmt(job.invalid) })} />}
              <FindingsTable findings={job.errors} empty={t('imports.noErrors')} testId="import-errors" />
            </>
          ),
        },
        {
          key: 'warnings',
          label: t('imports.warnings', { count: job.warnings.length }),
          children: <FindingsTable findings={job.warnings} empty={t('imports.noWarnings')} testId="import-warnings" />,
        },
      ]}
    />
  );
}
