// The commit under way (rows done, asked for every second) and what it did.
import { Alert, Col, Progress, Row, Statistic, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CommitResult, ImportJob } from '@ytcs/common';
import { useFormatNumber } from '../../lib/numbers';

/** `done` is null until the server has said how far it is (the job keeps it after each batch). */
export function ImportProgress({ job, done }: { job: ImportJob; done: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const { token } = theme.useToken();
  const total = Math.max(job.valid, 1);
  const box = useRef<HTMLDivElement>(null);
  // Brought into view when the commit starts (a phone may have scrolled the button to an edge);
  // on a phone it then stays pinned under the header while the page is scrolled (styles.css).
  // (In braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.)
  useEffect(() => {
    void box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div className="import-progress" data-testid="import-progress" ref={box}>
      <Progress percent={Math.min(99, Math.floor((100 * (done ?? 0)) / total))} status="active" strokeColor={token.colorPrimary} />
      <span className="muted">{done === null ? t('imports.committingStarted', { total: fmt(job.valid) }) : t('imports.committing', { done: fmt(done), total: fmt(job.valid) })}</span>
    </div>
  );
}

export function ImportResult({ result }: { result: CommitResult }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const formatter = (v: number | string) => fmt(v);
  return (
    <div className="import-result" data-testid="import-result">
      <Alert type="success" showIcon title={t('imports.result')} action={<Link to="/residents">{t('imports.viewResidents')}</Link>} />
      <Row gutter={[16, 8]} className="import-stats">
        <Col xs={12} md={6}>
          <Statistic title={t('imports.inserted')} formatter={formatter} value={result.inserted} data-testid="import-result-inserted" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('imports.households')} formatter={formatter} value={result.households} data-testid="import-result-households" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('imports.skipped')} formatter={formatter} value={result.skipped} data-testid="import-result-skipped" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('imports.notImported')}
            formatter={formatter} value={result.invalid}
            data-testid="import-result-invalid"
            styles={{ content: result.invalid > 0 ? { color: 'var(--ant-color-error)' } : undefined }}
          />
        </Col>
      </Row>
      {result.invalid > 0 && <Alert type="warning" showIcon title={t('imports.invalidLeft', { count: result.invalid })} />}
    </div>
  );
}
