// What the file holds before anything is registered: counts, the columns as recognised (with a
// way to correct them), the rows in error; then the commit, its progress and its result.
import { CloudUploadOutlined, DownloadOutlined, QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Divider, Row, Space, Spin, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommitResult, ImportField, ImportJob } from '@ytcs/common';
import { formatInstant } from '../../lib/dates';
import { useFormatNumber } from '../../lib/numbers';
import { ImportFindings } from './ImportFindings';
import { ImportMapping } from './ImportMapping';
import { ImportProgress, ImportResult } from './ImportResult';

type Props = {
  job: ImportJob;
  /** The file is being read again (another mapping or place). */
  rereading: boolean;
  committing: boolean;
  /** Rows done so far during the commit (null: not known yet). */
  done: number | null;
  result: CommitResult | null;
  downloading: boolean;
  onRemap: (header: string, field: ImportField | null) => void;
  onCommit: () => void;
  onDownloadErrors: () => void;
  onReset: () => void;
};

export function ImportPreview(props: Props) {
  const { job, rereading, committing, result } = props;
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const formatter = (v: number | string) => fmt(v);
  const locked = committing || result !== null || job.status === 'committed';
  // The commit skips people registered already: the button counts who is new.
  const newPeople = job.valid - job.existing;
  // A commit that stopped part way (a failure, a restart) goes on from where it was.
  const partial = job.done > 0 && job.status !== 'committed';
  const red = { content: { color: 'var(--ant-color-error)' } };

  return (
    <Card
      className="section-card"
      data-testid="import-preview"
      title={t('imports.preview')}
      extra={<span className="muted">{t('imports.uploadedAt', { name: job.fileName ?? '', time: formatInstant(job.createdAt) })}</span>}
    >
      <Spin spinning={rereading}>
        <Row gutter={[16, 8]} className="import-stats" data-testid="import-counts">
          <Col xs={12} md={6}>
            <Statistic title={t('imports.rows')} value={job.rows} formatter={formatter} data-testid="import-count-rows" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('imports.valid')} value={job.valid} formatter={formatter} data-testid="import-count-valid" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('imports.invalid')} value={job.invalid} formatter={formatter} styles={job.invalid > 0 ? red : undefined} data-testid="import-count-invalid" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={
                <Tooltip title={t('imports.existingHelp')}>
                  <span>
                    {t('imports.existing')} <QuestionCircleOutlined />
                  </span>
                </Tooltip>
              }
              value={job.existing}
              formatter={formatter}
              data-testid="import-count-existing"
            />
          </Col>
        </Row>

        {/* Above the buttons, where the finger that pressed "Nhập" is: under them it was below a phone's fold. */}
        {committing && <ImportProgress job={job} done={props.done} />}
        {!result && partial && !committing && <Alert type="warning" showIcon message={t('imports.resumeHelp')} data-testid="import-resume-help" />}
        {!result && !partial && job.valid > 0 && newPeople === 0 && <Alert type="info" showIcon message={t('imports.nothingNew')} data-testid="import-nothing-new" />}
        <Space wrap className="import-actions">
          {!result && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={(newPeople === 0 && !partial) || locked || rereading}
              loading={committing}
              onClick={props.onCommit}
              data-testid="import-commit"
            >
              {partial ? t('imports.resume', { done: fmt(job.done), total: fmt(job.valid) }) : t('imports.commit', { count: newPeople, formatted: fmt(newPeople) })}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} disabled={job.invalid === 0 || rereading} loading={props.downloading} onClick={props.onDownloadErrors} data-testid="import-errors-download">
            {t('imports.downloadErrors')}
          </Button>
          <Button icon={<ReloadOutlined />} disabled={committing} onClick={props.onReset} data-testid="import-reset">
            {t('imports.another')}
          </Button>
        </Space>
        {result && <ImportResult result={result} />}

        <ImportFindings job={job} />

        <Divider titlePlacement="start">{t('imports.mapping')}</Divider>
        <ImportMapping columns={job.columns} onChange={props.onRemap} disabled={locked || rereading} />
      </Spin>
    </Card>
  );
}
