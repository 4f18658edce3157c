// Part IV: examinations over time, newest first, with blood pressure, weight/height/BMI,
// diagnoses (the main one first, in bold) and prescriptions; reason and notes on expanding a row.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter } from '@ytcs/common';
import { formatDate } from '../../lib/dates';
import { EncounterFormModal } from './EncounterFormModal';
import { OBSERVATIONS } from './observations';
import { useIcd10Names } from './records.api';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

type Props = { residentId: number; encounters: Encounter[]; canWrite: boolean };

export function EncountersSection({ residentId, encounters, canWrite }: Props) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const n = (v: number | undefined | null) => (v === undefined || v === null ? '' : v.toLocaleString(i18n.language));
  const rows = [...encounters].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  // The record carries Vietnamese names; the English UI looks the English ones up.
  const en = i18n.language === 'en';
  const englishNames = useIcd10Names(en ? [...new Set(encounters.flatMap((e) => e.diagnoses.map((d) => d.code)))] : []);
  const diagnosisName = (code: string, nameVi: string) => (en && englishNames.get(code)?.nameEn) || nameVi;
  const hasDetails = (e: Encounter) =>
    !!(e.reason || e.notes || e.practitioner || e.facilityName || ['pulse', 'temperature', 'glucose', 'waist'].some((c) => c in e.observations));

  return (
    <div data-testid="record-encounters">
      {canWrite && (
        <Space className="toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="encounter-add">
            {t('record.addEncounter')}
          </Button>
        </Space>
      )}
      <ResponsiveTable<Encounter>
        data-testid="encounters-table"
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 950 }}
        emptyText={t('record.noEncounters')}
        expandable={{
          rowExpandable: hasDetails,
          expandedRowRender: (e) => (
            <Descriptions size="small" column={1}>
              {e.practitioner && <Descriptions.Item label={t('record.practitioner')}>{e.practitioner}</Descriptions.Item>}
              {e.facilityName && <Descriptions.Item label={t('record.facilityExam')}>{e.facilityName}</Descriptions.Item>}
              {e.reason && <Descriptions.Item label={t('record.reason')}>{e.reason}</Descriptions.Item>}
              {OBSERVATIONS.filter((o) => ['pulse', 'temperature', 'glucose', 'waist'].includes(o.code) && o.code in e.observations).map((o) => (
                <Descriptions.Item key={o.code} label={t(`record.obs.${o.code}`)}>
                  {n(e.observations[o.code])} {o.unit === '/phút' ? t('record.perMinute') : o.unit}
                </Descriptions.Item>
              ))}
              {e.notes && <Descriptions.Item label={t('record.notes')}>{e.notes}</Descriptions.Item>}
            </Descriptions>
          ),
        }}
        columns={[
          { title: t('record.date'), dataIndex: 'date', width: 105, render: (v: string) => formatDate(v) },
          { title: t('record.encounterType'), dataIndex: 'type', width: 140, render: (v: string) => t(`record.encounterTypes.${v}`, { defaultValue: v }) },
          {
            title: t('record.bp'),
            key: 'bp',
            width: 115,
            render: (_, e) =>
              e.observations.systolic_bp !== undefined ? `${n(e.observations.systolic_bp)}/${n(e.observations.diastolic_bp) || '–'} mmHg` : '',
          },
          {
            title: t('record.weightHeightBmi'),
            key: 'body',
            width: 150,
            render: (_, e) => {
              const parts = [e.observations.weight !== undefined && `${n(e.observations.weight)} kg`, e.observations.height !== undefined && `${n(e.observations.height)} cm`].filter(Boolean);
              return (
                <>
                  <div>{parts.join(' · ')}</div>
                  {e.bmi !== null && <div className="muted">BMI {n(e.bmi)}</div>}
                </>
              );
            },
          },
          {
            title: t('record.diagnoses'),
            key: 'diagnoses',
            render: (_, e) => (
              <ul className="cell-list">
                {e.diagnoses.map((d) => (
                  <li key={d.code} className={d.isPrimary ? 'primary-diagnosis' : undefined}>
                    <Tooltip title={d.isPrimary ? t('record.mainDiagnosis') : undefined}>
                      {d.code} – {diagnosisName(d.code, d.nameVi)}
                    </Tooltip>
                  </li>
                ))}
              </ul>
            ),
          },
          {
            title: t('record.prescriptions'),
            key: 'rx',
            width: 220,
            render: (_, e) => (
              <ul className="cell-list">
                {e.prescriptions.map((p) => (
                  <li key={`${p.drug}|${p.dose}|${p.quantity}|${p.days}`}>
                    {[p.drug, p.dose, p.quantity, p.days ? t('record.daysN', { count: p.days }) : null].filter(Boolean).join(' · ')}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {adding && <EncounterFormModal residentId={residentId} onClose={() => setAdding(false)} />}
    </div>
  );
}
