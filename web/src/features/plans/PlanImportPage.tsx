// The plan importer: paste a plan's text (or open a .txt file, read in the browser), have the
// server read it into a draft, review the draft, save the plan.
import { FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { PlanReviewForm } from './PlanReviewForm';
import { readPlanDraft } from './plans.api';
import './plans.css';

const MIN_TEXT = 20;

export function PlanImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.import.title'));
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const read = useMutation({ mutationFn: readPlanDraft });
  const result = read.data;

  return (
    <div className="page" data-testid="plan-import-page">
      <Typography.Title level={3}>{t('plans.import.title')}</Typography.Title>
      {!result ? (
        <Card>
          <Typography.Paragraph className="muted">{t('plans.import.intro')}</Typography.Paragraph>
          {read.isError && <Alert type="error" showIcon title={errorText(read.error)} className="form-alert" />}
          <Input.TextArea
            aria-label={t('plans.import.textLabel')}
            placeholder={t('plans.import.textPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 14, maxRows: 28 }}
            data-testid="plan-import-text"
          />
          <div className="form-actions">
            <Space wrap>
              <Upload
                accept=".txt,text/plain"
                showUploadList={false}
                beforeUpload={async (file) => {
                  setText(await file.text());
                  setFileName(file.name);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} data-testid="plan-import-file">
                  {t('plans.import.file')}
                </Button>
              </Upload>
              {fileName && <span className="muted">{t('plans.import.fileRead', { name: fileName })}</span>}
            </Space>
            <Button
              type="primary"
              icon={<FileSearchOutlined />}
              disabled={text.trim().length < MIN_TEXT}
              title={text.trim().length < MIN_TEXT ? t('plans.import.tooShort') : undefined}
              loading={read.isPending}
              onClick={() => read.mutate(text)}
              data-testid="plan-import-read"
            >
              {t('plans.import.read')}
            </Button>
          </div>
        </Card>
      ) : (
        <PlanReviewForm draft={result.draft} candidates={result.candidates} onRestart={() => read.reset()} />
      )}
    </div>
  );
}
