// Part III: vaccinations given, oldest first as on the paper card, and a line to add one.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Immunization } from '@ytcs/common';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { addImmunization, recordKeys, useVaccines } from './records.api';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

type Values = { vaccineCode?: string; dose?: number; date?: Dayjs; lot?: string };

type Props = { residentId: number; immunizations: Immunization[]; canWrite: boolean };

export function ImmunizationsSection({ residentId, immunizations, canWrite }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const vaccines = useVaccines();
  const [form] = Form.useForm<Values>();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const en = i18n.language === 'en';
  const vaccineName = (code: string, fallback: string) => {
    const v = vaccines.data?.items.find((item) => item.code === code);
    return v ? (en ? v.nameEn : v.nameVi) : fallback;
  };

  const save = useMutation({
    mutationFn: (v: Values) =>
      addImmunization(residentId, { vaccineCode: v.vaccineCode as string, dose: v.dose as number, date: toIsoDate(v.date as Dayjs), lot: v.lot?.trim() || undefined }),
    onMutate: () => setGeneralError(null),
    onSuccess: async () => {
      message.success(t('record.immunizationAdded'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: recordKeys.detail(residentId) });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, i18n.language)) setGeneralError(error);
    },
  });

  const rows = [...immunizations].sort((a, b) => a.date.localeCompare(b.date) || a.dose - b.dose);
  const required = [{ required: true, message: t('common.required') }];

  return (
    <div data-testid="record-immunizations">
      {canWrite && (
        <Form<Values>
          form={form}
          layout="inline"
          name="immunization"
          className="inline-add-form"
          initialValues={{ dose: 1, date: dayjs() }}
          onFinish={(v) => save.mutate(v)}
          data-testid="immunization-form"
        >
          <Form.Item name="vaccineCode" rules={required} className="vaccine-field">
            <Select
              placeholder={t('record.vaccine')}
              showSearch={{ optionFilterProp: 'label' }}
              loading={vaccines.isPending}
              options={(vaccines.data?.items ?? []).map((v) => ({ value: v.code, label: en ? v.nameEn : v.nameVi }))}
              data-testid="immunization-vaccine"
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="dose" label={t('record.doseN')} rules={required}>
            <InputNumber min={1} max={10} precision={0} className="dose-input" data-testid="immunization-dose" />
          </Form.Item>
          <Form.Item name="date" label={t('record.date')} rules={required}>
            <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="immunization-date" />
          </Form.Item>
          <Form.Item name="lot">
            <Input placeholder={t('record.lot')} maxLength={50} className="lot-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={save.isPending} data-testid="immunization-add">
            {t('record.addImmunization')}
          </Button>
        </Form>
      )}
      {generalError !== null && <Alert type="error" showIcon title={errorText(generalError)} className="form-alert" />}
      <ResponsiveTable<Immunization>
        data-testid="immunizations-table"
        cardHead="vaccine"
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 700 }}
        emptyText={t('record.noImmunizations')}
        columns={[
          { title: t('record.date'), dataIndex: 'date', width: 110, render: (v: string) => formatDate(v) },
          { title: t('record.vaccine'), key: 'vaccine', render: (_, i) => vaccineName(i.vaccineCode, i.vaccineName) },
          { title: t('record.doseN'), dataIndex: 'dose', width: 80, align: 'center' },
          { title: t('record.facility'), dataIndex: 'facilityName', width: 200 },
          { title: t('record.lot'), dataIndex: 'lot', width: 120 },
          { title: t('record.note'), dataIndex: 'note', width: 180 },
        ]}
      />
    </div>
  );
}
