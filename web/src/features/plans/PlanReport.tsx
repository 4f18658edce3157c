// The periodic report of a plan (DOCX in the administrative format) and its figures annex (XLSX).
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { downloadPlanReport } from './plans.api';
import { currentPeriod, periodChoices, usePeriodLabel } from '../../lib/periods';

export function PlanReport({ planId }: { planId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const periodLabel = usePeriodLabel();
  const [period, setPeriod] = useState(currentPeriod('quarter'));
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);

  const fetchReport = async (format: 'docx' | 'xlsx') => {
    setBusy(format);
    try {
      await downloadPlanReport(planId, period, format);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" className="section-card" title={t('plans.report.title')} data-testid="plan-report">
      <Typography.Paragraph className="muted">{t('plans.report.hint')}</Typography.Paragraph>
      <Space wrap>
        <span>{t('plans.period')}:</span>
        <Select
          data-testid="report-period"
          value={period}
          onChange={setPeriod}
          className="period-select"
          options={periodChoices(['quarter', 'half', 'year']).map((code) => ({ value: code, label: periodLabel(code) }))}
        />
        <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => fetchReport('docx')} data-testid="report-docx">
          {t('plans.report.docx')}
        </Button>
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => fetchReport('xlsx')} data-testid="report-xlsx">
          {t('plans.report.xlsx')}
        </Button>
      </Space>
    </Card>
  );
}
