// Importing a station's list of residents: choose the commune (or one village), drop the file,
// read the check (counts, columns, rows in error), correct a column if needed, then import the
// valid rows and take the rows in error back as a spreadsheet to fix.
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Form, Row, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CommitResult, IMPORT_MAX_FILE_MB, IMPORT_MAX_ROWS, type ImportField, type ImportJob } from '@ytcs/common';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { usePhone } from '../../lib/useMedia';
import { useMe } from '../auth/auth.api';
import { PlacePicker } from '../registry/PlacePicker';
import { registryKeys, usePlaces } from '../registry/registry.api';
import { ImportHelp } from './ImportHelp';
import { ImportPreview } from './ImportPreview';
import { ACCEPTED_FILES, type ColumnMapping, commitImport, downloadImportErrors, getImport, importKeys, previewImport, uploadToken, useImportProgress, useUploadProgress } from './imports.api';
import { useFormatNumber } from '../../lib/numbers';
import { serverText } from '../../i18n/languages';

/** The server's sentence, and the field errors under it (a missing column, an unknown mapping). */
function ProblemAlert({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  const errorText = useErrorText();
  const details = error instanceof ApiError ? error.errors.map((e) => serverText(e, i18n.language)) : [];
  return (
    <Alert
      type="error"
      showIcon
      className="form-alert"
      data-testid="import-problem"
      title={errorText(error)}
      description={
        details.length > 0 ? (
          <ul className="warning-list">
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // A station serves one commune, a village health worker one village: it is chosen already.
  const { communes } = usePlaces('');
  const roles = useMe().data?.roles ?? [];
  const ownVillage = roles.length === 1 && roles[0]?.orgUnit.level === 'village' ? roles[0].orgUnit : undefined;
  const [chosenUnit, setChosenUnit] = useState<number | undefined>();
  const unitId = chosenUnit ?? ownVillage?.id ?? (communes.length === 1 ? communes[0]?.id : undefined);
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const fmt = useFormatNumber();

  const preview = useMutation({
    mutationFn: previewImport,
    onSuccess: (next) => {
      setJob(next);
      setResult(null);
    },
    onSettled: () => setToken(null),
  });
  const reading = useUploadProgress(preview.isPending ? token : null);
  const readSoFar = reading.data?.status === 'parsing' ? reading.data : null;
  const commit = useMutation({
    mutationFn: commitImport,
    onSuccess: (done) => {
      setResult(done);
      void queryClient.invalidateQueries({ queryKey: registryKeys.all });
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
    },
    // A commit that stopped part way keeps what it wrote: show how far it got, to continue from there.
    onError: () => {
      if (job) void getImport(job.id).then(setJob, () => {});
    },
  });
  const progress = useImportProgress(job?.id, commit.isPending);
  const busy = preview.isPending || commit.isPending;
  // On a phone the help stood between the file dropped and what came of it (the reading, the check,
  // the commit's progress), all below the fold: once a file is in, the help goes under them.
  const helpBelow = usePhone() && (job !== null || preview.isPending);

  const read = (next: { unitId?: number; file?: File | null; mapping?: ColumnMapping }) => {
    const unit = next.unitId ?? unitId;
    const f = next.file ?? file;
    if (!unit || !f) return;
    commit.reset();
    const sent = uploadToken();
    setToken(sent);
    preview.mutate({ unitId: unit, file: f, mapping: next.mapping, token: sent });
  };

  const chooseFile = (f: File) => {
    setFile(f);
    setJob(null);
    setResult(null);
    read({ file: f });
  };

  const currentMapping = (): ColumnMapping => Object.fromEntries((job?.columns ?? []).map((c) => [c.header, c.field]));

  const remap = (header: string, field: ImportField | null) => read({ mapping: { ...currentMapping(), [header]: field } });

  const reset = () => {
    setFile(null);
    setJob(null);
    setResult(null);
    preview.reset();
    commit.reset();
  };

  const downloadErrors = async () => {
    if (!job) return;
    setDownloading(true);
    try {
      await downloadImportErrors(job.id);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className="page" data-testid="import-page">
      <Typography.Title level={3}>{t('imports.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]} className="section-card">
        <Col xs={24} xl={14}>
          <Card title={t('imports.source')} className="full-height">
            <Form layout="vertical">
              <Form.Item label={t('imports.unit')} extra={t('imports.unitHelp')}>
                <PlacePicker
                  value={unitId}
                  onChange={(id) => {
                    setChosenUnit(id);
                    if (id && file && !result) read({ unitId: id, mapping: job ? currentMapping() : undefined });
                  }}
                  communeSuffix={t('imports.wholeCommune')}
                  initial={ownVillage && { id: ownVillage.id, label: ownVillage.name }}
                  data-testid="import-unit"
                />
              </Form.Item>
            </Form>
            {!unitId && <Alert type="info" showIcon className="form-alert" title={t('imports.chooseUnitFirst')} />}
            <div data-testid="import-upload">
              <Upload.Dragger
                accept={ACCEPTED_FILES}
                multiple={false}
                showUploadList={false}
                disabled={!unitId || busy}
                beforeUpload={(f) => {
                  chooseFile(f);
                  return Upload.LIST_IGNORE;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{file ? file.name : t('imports.uploadTitle')}</p>
                <p className="ant-upload-hint">{t('imports.uploadHint', { rows: IMPORT_MAX_ROWS, megabytes: IMPORT_MAX_FILE_MB })}</p>
              </Upload.Dragger>
            </div>
          </Card>
        </Col>
        {!helpBelow && (
          <Col xs={24} xl={10}>
            <ImportHelp />
          </Col>
        )}
      </Row>

      {preview.isError && <ProblemAlert error={preview.error} />}
      {commit.isError && <ProblemAlert error={commit.error} />}
      {preview.isPending && !job && (
        <Card className="section-card">
          <div className="import-reading" data-testid="import-reading">
            <Spin />
            <span>
              {readSoFar
                ? t('imports.readingRows', { name: file?.name ?? '', rows: fmt(readSoFar.rows), checked: fmt(readSoFar.valid + readSoFar.invalid) })
                : t('imports.reading', { name: file?.name ?? '' })}
            </span>
          </div>
        </Card>
      )}
      {job && (
        <ImportPreview
          job={job}
          rereading={preview.isPending}
          committing={commit.isPending}
          done={progress.data?.status === 'committing' ? progress.data.done : null}
          result={result}
          downloading={downloading}
          onRemap={remap}
          onCommit={() => commit.mutate(job.id)}
          onDownloadErrors={downloadErrors}
          onReset={reset}
        />
      )}
      {helpBelow && <ImportHelp />}
    </div>
  );
}
