// Who the record is about, at a glance: name, age, sex, ID, insurance, where they live, the
// warnings still to resolve; and what can be done (print, moved away, died, merge a duplicate).
import { ExportOutlined, FileProtectOutlined, FileWordOutlined, MergeCellsOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HealthRecord } from '../../api/registry-types';
import { ageOf, formatBirth, formatDate } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { InsuredTag, RecordTag, StatusTag } from '../registry/ResidentTags';
import { LifeEventModal } from './LifeEventModal';
import { MergeModal } from './MergeModal';
import { downloadPersonalData, downloadRecord } from './records.api';
import { serverText } from '../../i18n/languages';

type Action = 'move_out' | 'death' | 'merge' | null;

export function RecordHeader({ record, canWrite, canExport }: { record: HealthRecord; canWrite: boolean; canExport: boolean }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [action, setAction] = useState<Action>(null);
  const [printing, setPrinting] = useState<'record' | 'personal' | null>(null);
  const r = record.resident;
  // The dead keep the age they reached.
  const on = r.deathDate ? dayjs(r.deathDate) : dayjs();
  const age = ageOf(r.birthDate, r.birthYear, on);
  // Under two, age is counted in months, as on growth charts.
  const ageText =
    age === null ? '—' : age < 2 && r.birthDate ? t('registry.ageMonths', { count: on.diff(dayjs(r.birthDate), 'month') }) : t('registry.ageYears', { count: age });
  const active = r.status === 'active';

  const print = async (what: 'record' | 'personal') => {
    setPrinting(what);
    try {
      await (what === 'record' ? downloadRecord(r.id) : downloadPersonalData(r.id));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setPrinting(null);
    }
  };

  return (
    <Card className="section-card record-header">
      <div className="record-header-top">
        <div>
          <Typography.Title level={3} className="record-name" data-testid="record-name">
            {r.fullName}
          </Typography.Title>
          <Space size={[4, 4]} wrap>
            <StatusTag resident={r} />
            <InsuredTag resident={r} />
            <RecordTag resident={r} />
          </Space>
        </div>
        <Space wrap className="record-actions">
          <Button icon={<FileWordOutlined />} loading={printing === 'record'} onClick={() => print('record')} data-testid="record-print">
            {t('record.print')}
          </Button>
          {canExport && (
            <Button icon={<FileProtectOutlined />} loading={printing === 'personal'} onClick={() => print('personal')} data-testid="record-personal-data">
              {t('record.personalData')}
            </Button>
          )}
          {canWrite && active && (
            <>
              <Button icon={<ExportOutlined />} onClick={() => setAction('move_out')} data-testid="record-move-out">
                {t('record.events.move_out.button')}
              </Button>
              <Button icon={<StopOutlined />} onClick={() => setAction('death')} data-testid="record-death">
                {t('record.events.death.button')}
              </Button>
              <Button icon={<MergeCellsOutlined />} onClick={() => setAction('merge')} data-testid="record-merge">
                {t('record.merge.button')}
              </Button>
            </>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3, xxl: 4 }} className="record-facts">
        <Descriptions.Item label={t('registry.age')}>{ageText}</Descriptions.Item>
        <Descriptions.Item label={t('registry.sex')}>{t(`registry.sexes.${r.sex}`)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.birth')}>{formatBirth(r.birthDate, r.birthYear)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.citizenId')}>{r.citizenId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('registry.insuranceCode')}>
          {r.insuranceCode ?? '—'}
          {r.insuranceValidTo && ` (${t('registry.validTo', { date: formatDate(r.insuranceValidTo) })})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.place')}>{[r.villageName, r.communeName].filter(Boolean).join(', ')}</Descriptions.Item>
        {record.household && (
          <Descriptions.Item label={t('registry.household')}>
            <Link to={`/households/${record.household.id}`}>
              {[record.household.code, record.household.headName, record.household.address].filter(Boolean).join(' · ')}
            </Link>
          </Descriptions.Item>
        )}
        {r.phone && <Descriptions.Item label={t('registry.phone')}>{r.phone}</Descriptions.Item>}
        {r.ethnicityName && <Descriptions.Item label={t('registry.ethnicity')}>{r.ethnicityName}</Descriptions.Item>}
      </Descriptions>
      {r.status === 'merged' && r.mergedInto && (
        <Alert
          type="info"
          showIcon
          className="form-alert-top"
          title={
            <>
              {t('record.mergedInto')} <Link to={`/residents/${r.mergedInto}`}>#{r.mergedInto}</Link>
            </>
          }
        />
      )}
      {r.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="form-alert-top"
          data-testid="record-warnings"
          title={t('record.warningsToResolve')}
          description={
            <ul className="warning-list">
              {r.warnings.map((w) => (
                <li key={`${w.field}-${w.code}`}>{serverText(w, i18n.language)}</li>
              ))}
            </ul>
          }
        />
      )}
      {(action === 'move_out' || action === 'death') && <LifeEventModal resident={r} kind={action} onClose={() => setAction(null)} />}
      {action === 'merge' && <MergeModal resident={r} onClose={() => setAction(null)} />}
    </Card>
  );
}
