// The plan importer: a plan's file (Word, PDF, scan, photo, text) or its pasted text is read by
// the server into a draft; a scan is read by OCR in the background while the page shows the pages
// done. Then the review, with the text that was read beside it to correct and read again.
import { FileSearchOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Input, Progress, Space, Spin, Tabs, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { DraftCandidate, PlanDraft, PlanFileError, PlanFileJob } from '@ytcs/common';
import { serverText } from '../../i18n/languages';
import { useErrorText } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { PlanReviewForm } from './PlanReviewForm';
import { type FileReading, LOW_CONFIDENCE, PLAN_FILE_ACCEPT, PLAN_FILE_MAX_MB, fileReadingOf, readingStep, tooLarge } from './planFile';
import { readPlanDraft, readPlanFile, usePlanFileReading } from './plans.api';
import './plans.css';

const MIN_TEXT = 20;
/** How long the server keeps a finished reading (plan-files.limits.ts). */
const KEEP_MINUTES = 30;

interface Read {
  draft: PlanDraft;
  candidates: DraftCandidate[];
  /** The text the draft was read from: pasted, or read from the file. */
  text: string;
  file: FileReading | null;
}

/** How the file was read: the method, pages, OCR confidence and time, and a caution for OCR. */
function FileSummary({ file }: { file: FileReading }) {
  const { t } = useTranslation();
  const facts = [
    file.pages ? t('plans.import.pages', { pages: file.pages }) : null,
    file.method === 'ocr' && file.ocrPages && file.ocrPages !== file.pages ? t('plans.import.ocrPages', { pages: file.ocrPages }) : null,
    file.confidence !== null ? t('plans.import.confidence', { percent: Math.round(file.confidence) }) : null,
    t('plans.import.seconds', { seconds: file.seconds }),
  ].filter(Boolean);
  return (
    <div data-testid="plan-file-summary" className="form-alert">
      <Space wrap size={[8, 4]}>
        <span>{t('plans.import.readFrom', { name: file.fileName ?? '' })}</span>
        <Tag color={file.method === 'ocr' ? 'orange' : 'green'} data-testid="plan-file-method">
          {t(`plans.import.methods.${file.method}`)}
        </Tag>
        <span className="muted">{facts.join(' · ')}</span>
      </Space>
      {file.method === 'ocr' && (
        <Alert
          type="warning"
          showIcon
          className="plan-file-caution"
          title={file.confidence !== null && file.confidence < LOW_CONFIDENCE ? t('plans.import.lowConfidence') : t('plans.import.ocrCheck')}
        />
      )}
    </div>
  );
}

/** Where a file's reading is: sending, waiting for the OCR queue, or pages read. */
function ReadingProgress({ name, job }: { name: string; job: PlanFileJob | null }) {
  const { t } = useTranslation();
  const step = job ? readingStep(job) : null;
  return (
    <div className="plan-file-progress" data-testid="plan-file-progress" aria-live="polite">
      {!step && <Spin description={t('plans.import.sending', { name })}>{<div className="plan-file-spin" />}</Spin>}
      {step?.step === 'queued' && <Typography.Text>{t('plans.import.queued', { count: step.ahead })}</Typography.Text>}
      {step?.step === 'ocr' && (
        <>
          <Typography.Text>{t('plans.import.ocrProgress', { done: step.done, pages: step.pages })}</Typography.Text>
          <Progress percent={step.percent} status="active" data-testid="plan-file-percent" />
        </>
      )}
      {step?.step === 'reading' && <Spin description={t('plans.import.readingFile', { name })}>{<div className="plan-file-spin" />}</Spin>}
      {job && <Typography.Paragraph className="muted">{t('plans.import.readingHint', { minutes: KEEP_MINUTES })}</Typography.Paragraph>}
    </div>
  );
}

export function PlanImportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('plans.import.title'));
  const errorText = useErrorText();
  const [tab, setTab] = useState<'file' | 'text'>('file');
  const [pasted, setPasted] = useState('');
  const [read, setRead] = useState<Read | null>(null);
  const [edited, setEdited] = useState('');
  // The review form takes the draft once: a new reading gives it a new key.
  const [version, setVersion] = useState(0);
  const [fileName, setFileName] = useState<string | null>(null);
  // The reading being followed is in the address, so a reload (or coming back) finds it again.
  const [params, setParams] = useSearchParams();
  const jobId = params.get('reading');
  const setJobId = (id: string | null) => setParams(id ? { reading: id } : {}, { replace: true });
  const [failure, setFailure] = useState<PlanFileError | string | null>(null);

  const show = (next: Read) => {
    setRead(next);
    setEdited(next.text);
    setVersion((v) => v + 1);
    setJobId(null);
  };

  const finish = (job: PlanFileJob) => {
    if (job.status === 'done' && job.result) {
      const { draft, candidates, text } = job.result;
      show({ draft, candidates, text, file: fileReadingOf(job.result) });
    } else if (job.status === 'failed') {
      setJobId(null);
      setFailure(job.error);
    } else setJobId(job.id);
  };

  const upload = useMutation({ mutationFn: readPlanFile, onSuccess: finish });
  const reading = usePlanFileReading(jobId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a reading that ends (or is gone) is shown once; the handlers only set state
  useEffect(() => {
    if (reading.data && (reading.data.status === 'done' || reading.data.status === 'failed')) finish(reading.data);
    else if (reading.error) {
      setJobId(null);
      setFailure(errorText(reading.error));
    }
  }, [reading.data, reading.error]);

  const readText = useMutation({
    mutationFn: (text: string) => readPlanDraft(text),
    onSuccess: (res, text) => show({ ...res, text, file: read?.file ?? null }),
  });

  const chooseFile = (file: File) => {
    setFailure(null);
    upload.reset();
    setFileName(file.name);
    if (tooLarge(file)) {
      setFailure(t('plans.import.fileTooLarge', { name: file.name, megabytes: PLAN_FILE_MAX_MB }));
      return;
    }
    upload.mutate(file);
  };

  const restart = () => {
    setRead(null);
    setJobId(null);
    setFailure(null);
    upload.reset();
    readText.reset();
  };

  const busy = upload.isPending || jobId !== null;
  const failureText = typeof failure === 'string' ? failure : failure ? serverText({ key: failure.key, params: failure.params, message: failure.message, messageEn: failure.messageEn }, i18n.language) : null;

  if (read) {
    return (
      <div className="page" data-testid="plan-import-page">
        <Typography.Title level={3}>{t('plans.import.title')}</Typography.Title>
        {read.file && <FileSummary file={read.file} />}
        <Collapse
          className="section-card"
          data-testid="plan-read-text"
          defaultActiveKey={read.file?.method === 'ocr' ? ['text'] : []}
          items={[
            {
              key: 'text',
              label: t('plans.import.textTitle'),
              children: (
                <>
                  <Typography.Paragraph className="muted">{t('plans.import.textHint')}</Typography.Paragraph>
                  {readText.isError && <Alert type="error" showIcon title={errorText(readText.error)} className="form-alert" />}
                  <Input.TextArea aria-label={t('plans.import.textTitle')} value={edited} onChange={(e) => setEdited(e.target.value)} autoSize={{ minRows: 8, maxRows: 24 }} data-testid="plan-read-text-input" />
                  <div className="form-actions">
                    <Button icon={<ReloadOutlined />} loading={readText.isPending} disabled={edited.trim().length < MIN_TEXT || edited === read.text} onClick={() => readText.mutate(edited)} data-testid="plan-reread">
                      {t('plans.import.reread')}
                    </Button>
                  </div>
                </>
              ),
            },
          ]}
        />
        <PlanReviewForm key={version} draft={read.draft} candidates={read.candidates} onRestart={restart} />
      </div>
    );
  }

  return (
    <div className="page" data-testid="plan-import-page">
      <Typography.Title level={3}>{t('plans.import.title')}</Typography.Title>
      <Card>
        <Typography.Paragraph className="muted">{t('plans.import.intro')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as 'file' | 'text')}
          items={[
            {
              key: 'file',
              label: <span data-testid="plan-import-tab-file">{t('plans.import.fromFile')}</span>,
              children: (
                <>
                  {(upload.isError || failureText) && (
                    <Alert type="error" showIcon className="form-alert" data-testid="plan-file-error" title={failureText ?? errorText(upload.error)} />
                  )}
                  {busy ? (
                    <ReadingProgress name={fileName ?? reading.data?.fileName ?? ''} job={reading.data ?? null} />
                  ) : (
                    <div data-testid="plan-file-upload">
                      <Upload.Dragger
                        accept={PLAN_FILE_ACCEPT}
                        multiple={false}
                        showUploadList={false}
                        beforeUpload={(file) => {
                          chooseFile(file);
                          return Upload.LIST_IGNORE;
                        }}
                      >
                        <p className="ant-upload-drag-icon">
                          <InboxOutlined />
                        </p>
                        <p className="ant-upload-text">{t('plans.import.drop')}</p>
                        <p className="ant-upload-hint">{t('plans.import.dropHint', { megabytes: PLAN_FILE_MAX_MB })}</p>
                      </Upload.Dragger>
                    </div>
                  )}
                </>
              ),
            },
            {
              key: 'text',
              label: <span data-testid="plan-import-tab-text">{t('plans.import.fromText')}</span>,
              children: (
                <>
                  {readText.isError && <Alert type="error" showIcon title={errorText(readText.error)} className="form-alert" />}
                  <Input.TextArea
                    aria-label={t('plans.import.textLabel')}
                    placeholder={t('plans.import.textPlaceholder')}
                    value={pasted}
                    onChange={(e) => setPasted(e.target.value)}
                    autoSize={{ minRows: 14, maxRows: 28 }}
                    data-testid="plan-import-text"
                  />
                  <div className="form-actions">
                    <Button
                      type="primary"
                      icon={<FileSearchOutlined />}
                      disabled={pasted.trim().length < MIN_TEXT}
                      title={pasted.trim().length < MIN_TEXT ? t('plans.import.tooShort') : undefined}
                      loading={readText.isPending}
                      onClick={() => readText.mutate(pasted)}
                      data-testid="plan-import-read"
                    >
                      {t('plans.import.read')}
                    </Button>
                  </div>
                </>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
