// The warnings the server wants a person to confirm, each in the UI language; "Save anyway"
// resends the same request with confirmWarnings.
import { WarningOutlined } from '@ant-design/icons';
import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Warning } from '../../api/types';
import type { GuardedSave } from './useGuardedSave';
import { serverText } from '../../i18n/languages';

type Props<V> = {
  flow: GuardedSave<V>;
  /** Whom a warning is about, when the form holds several people (a household). */
  whose?: (warning: Warning) => string | null;
};

export function WarningsConfirm<V>({ flow, whose }: Props<V>) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={flow.warnings !== null}
      title={
        <span>
          <WarningOutlined className="warning-icon" /> {t('registry.warningsTitle')}
        </span>
      }
      okText={t('registry.saveAnyway')}
      cancelText={t('registry.goBack')}
      okButtonProps={{ danger: true, 'data-testid': 'warnings-confirm-ok' }}
      confirmLoading={flow.isPending}
      onOk={flow.confirm}
      onCancel={flow.dismiss}
      destroyOnHidden
    >
      <div data-testid="warnings-confirm">
        <Typography.Paragraph>{t('registry.warningsIntro')}</Typography.Paragraph>
        <ul className="warning-list">
          {(flow.warnings ?? []).map((w) => (
            <li key={`${w.field}-${w.code}`}>
              {whose?.(w) && <strong>{whose(w)}: </strong>}
              {serverText(w, i18n.language)}
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  );
}
