// Small badges shared by the lists and the record header: insurance, record opened, warnings to
// resolve (each sentence in the tooltip), and a status other than "active".
import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '@ytcs/common';
import { formatDate } from '../../lib/dates';
import { serverText } from '../../i18n/languages';

export function InsuredTag({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  if (resident.insured) {
    const until = resident.insuranceValidTo ? t('registry.insuredUntil', { date: formatDate(resident.insuranceValidTo) }) : undefined;
    return (
      <Tooltip title={until}>
        <Tag color="green">{t('registry.insured')}</Tag>
      </Tooltip>
    );
  }
  return <Tag>{resident.insuranceCode ? t('registry.insuranceExpired') : t('registry.uninsured')}</Tag>;
}

export function RecordTag({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  if (resident.hasRecord) return <Tag color="blue">{t('registry.recordOpened')}</Tag>;
  return (
    <Tooltip title={t('registry.recordHow')}>
      <Tag>{t('registry.recordNotOpened')}</Tag>
    </Tooltip>
  );
}

export function WarningsTag({ resident }: { resident: Resident }) {
  const { t, i18n } = useTranslation();
  if (resident.warnings.length === 0) return null;
  return (
    <Tooltip
      title={
        <ul className="tooltip-list">
          {resident.warnings.map((w) => (
            <li key={`${w.field}-${w.code}`}>{serverText(w, i18n.language)}</li>
          ))}
        </ul>
      }
    >
      <Tag color="orange" icon={<WarningOutlined />} data-testid="resident-warnings">
        {t('registry.warningsCount', { count: resident.warnings.length })}
      </Tag>
    </Tooltip>
  );
}

export function StatusTag({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  if (resident.status === 'active') return null;
  const color = resident.status === 'deceased' ? 'default' : resident.status === 'merged' ? 'purple' : 'gold';
  const date = resident.status === 'deceased' && resident.deathDate ? ` ${formatDate(resident.deathDate)}` : '';
  return <Tag color={color}>{`${t(`registry.statuses.${resident.status}`)}${date}`}</Tag>;
}
