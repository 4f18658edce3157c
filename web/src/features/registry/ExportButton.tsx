// The register of a unit as an Excel file, with the headers the import reads, so a station can
// keep working in its spreadsheet and bring the changes back.
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { useScopeRoots } from '../org-units/orgUnits.api';
import { downloadResidents } from './registry.api';

/** `orgUnit`: the unit filter; without one, the user's own unit when there is only one. */
export function ExportButton({ orgUnit }: { orgUnit?: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const roots = useScopeRoots(todayIso());
  const only = roots.data?.items.length === 1 ? roots.data.items[0]?.id : undefined;
  const unit = orgUnit ?? only;

  const run = async () => {
    if (!unit) return;
    setBusy(true);
    try {
      await downloadResidents(unit);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tooltip title={unit ? t('registry.exportHelp') : t('registry.exportChooseUnit')}>
      <Button icon={<FileExcelOutlined />} loading={busy} disabled={!unit} onClick={run} data-testid="residents-export">
        {t('registry.export')}
      </Button>
    </Tooltip>
  );
}
