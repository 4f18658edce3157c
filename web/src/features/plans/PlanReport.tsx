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

  // A report takes seconds to build: the button spins, the other waits, and a line says what is
  // being prepared until the file is handed to the browser.
  const fetchReport = async (format: 'docx' | 'xlsx') => {
    const key = `report-${planId}`;
    const name = format.toUpperCase();
    setBusy(format);
    message.open({ key, type: 'loading', content: t('feedback.report.preparing', { format: name }), duration: 0 });
    try {
      await downloadPlanReport(planId, period, format);
      message.open({ key, type: 'success', content: t('feedback.report.ready', { format: name }), duration: 3 });
    } catch (error) {
      message.open({ key, type: 'error', content: errorText(error), duration: 6 });
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
        <Button icon={<FileWordOutlined />} loading={busy === 'docx'} disabled={busy === 'xlsx'} aria-busy={busy === 'docx'} onClick={() => fetchReport('docx')} data-testid="report-docx">
          {t('plans.report.docx')}
        </Button>
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={busy === 'docx'} aria-busy={busy === 'xlsx'} onClick={() => fetchReport('xlsx')} data-testid="report-xlsx">
          {t('plans.report.xlsx')}
        </Button>
      </Space>
    </Card>
  );
}
