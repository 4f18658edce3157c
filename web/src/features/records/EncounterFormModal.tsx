// A new examination (part IV): when and why, the measurements with their units and plausible
// ranges, ICD-10 diagnoses (the first is the main one), prescriptions and notes.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ENCOUNTER_TYPES, type EncounterType, type NewEncounter } from '@ytcs/common';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { preventEnterSubmit } from '../../lib/forms';
import { useMe } from '../auth/auth.api';
import { Icd10Select } from './Icd10Select';
import { bmiOf } from '@ytcs/common';
import { OBSERVATIONS, bmiBand } from './observations';
import { addEncounter, recordKeys } from './records.api';

type Values = {
  date: Dayjs;
  type: EncounterType;
  practitioner?: string;
  reason?: string;
  observations?: Record<string, number | null | undefined>;
  diagnoses?: string[];
  prescriptions?: { drug?: string; dose?: string; quantity?: string; days?: number | null }[];
  notes?: string;
};

const clean = (s: string | undefined) => s?.trim() || undefined;

function toEncounter(v: Values): NewEncounter {
  const observations = Object.fromEntries(Object.entries(v.observations ?? {}).filter(([, n]) => typeof n === 'number')) as Record<string, number>;
  return {
    date: toIsoDate(v.date),
    type: v.type,
    practitioner: clean(v.practitioner),
    reason: clean(v.reason),
    notes: clean(v.notes),
    diagnoses: v.diagnoses?.length ? v.diagnoses : undefined,
    observations: Object.keys(observations).length ? observations : undefined,
    prescriptions: (v.prescriptions ?? [])
      .filter((p) => p?.drug?.trim())
      .map((p) => ({ drug: (p.drug ?? '').trim(), dose: clean(p.dose), quantity: clean(p.quantity), days: p.days ?? undefined })),
  };
}

export function EncounterFormModal({ residentId, onClose }: { residentId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const weight = Form.useWatch(['observations', 'weight'], form);
  const height = Form.useWatch(['observations', 'height'], form);
  const bmi = bmiOf(weight, height);
  const unit = (u: string) => (u === '/phút' ? t('record.perMinute') : u);

  const save = useMutation({
    mutationFn: (values: Values) => addEncounter(residentId, toEncounter(values)),
    onMutate: () => setGeneralError(null),
    // Closed at once and confirmed where it cannot be missed: a toast shown while the record
    // reloaded behind the dialog was gone before the dialog closed.
    onSuccess: (_, values) => {
      onClose();
      notification.success({
        title: t('feedback.saved.encounter', { date: values.date.format(DATE_FORMAT) }),
        description: t('feedback.saved.encounterHint'),
        placement: 'bottomRight',
        props: { 'data-testid': 'encounter-saved' },
      });
      void queryClient.invalidateQueries({ queryKey: recordKeys.detail(residentId) });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, i18n.language)) setGeneralError(error);
    },
  });

  return (
    <Modal
      open
      width={960}
      title={t('record.addEncounter')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'encounter-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onKeyDown={preventEnterSubmit}
        name="encounter"
        initialValues={{ date: dayjs(), type: 'checkup', practitioner: me?.fullName, prescriptions: [] }}
        onFinish={(values) => save.mutate(values)}
        data-testid="encounter-form"
      >
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="date" label={t('record.date')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} className="full-width" data-testid="encounter-date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="type" label={t('record.encounterType')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={ENCOUNTER_TYPES.map((code) => ({ value: code, label: t(`record.encounterTypes.${code}`) }))} data-testid="encounter-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="practitioner" label={t('record.practitioner')}>
              <Input maxLength={200} data-testid="encounter-practitioner" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={t('record.reason')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="encounter-reason" />
        </Form.Item>
        <div className="form-subtitle">
          {t('record.observations')}
          {bmi !== null && (
            <Tag className="bmi-tag" color={bmiBand(bmi) === 'normal' ? 'green' : 'orange'} data-testid="encounter-bmi">
              BMI {bmi.toLocaleString(i18n.language)} · {t(`record.bmiBands.${bmiBand(bmi)}`)}
            </Tag>
          )}
        </div>
        <Row gutter={12}>
          {OBSERVATIONS.map((o) => (
            <Col xs={12} md={6} key={o.code}>
              <Form.Item
                name={['observations', o.code]}
                label={t(`record.obs.${o.code}`)}
                rules={[
                  {
                    type: 'number',
                    min: o.min,
                    max: o.max,
                    message: t('record.obsRange', { min: o.min.toLocaleString(i18n.language), max: o.max.toLocaleString(i18n.language), unit: unit(o.unit) }),
                  },
                ]}
              >
                <InputNumber step={o.step} suffix={unit(o.unit)} className="full-width" decimalSeparator={i18n.language === 'vi' ? ',' : '.'} data-testid={`obs-${o.code}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="diagnoses" label={t('record.diagnoses')} extra={t('record.diagnosesHelp')}>
          <Icd10Select data-testid="encounter-diagnoses" />
        </Form.Item>
        <Form.List name="prescriptions">
          {(fields, { add, remove }) => (
            <Form.Item label={t('record.prescriptions')}>
              {fields.map((field) => (
                <div key={field.key} className="prescription-row" data-testid="prescription-row">
                  <Form.Item name={[field.name, 'drug']} className="grow" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input placeholder={t('record.drug')} maxLength={200} data-testid="prescription-drug" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dose']} className="rx-dose">
                    <Input placeholder={t('record.dose')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} className="rx-qty">
                    <Input placeholder={t('record.quantity')} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'days']} className="rx-days">
                    <InputNumber min={1} max={365} precision={0} placeholder={t('record.days')} className="full-width" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('record.removePrescription')} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="prescription-add">
                {t('record.addPrescription')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="notes" label={t('record.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        {generalError !== null && <Alert type="error" showIcon title={errorText(generalError)} />}
      </Form>
    </Modal>
  );
}
