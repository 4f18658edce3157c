// Registering a pregnancy from the woman's record: the last period or the expected date, her
// history of pregnancies and the risks noted. The server dates it (Naegele's rule) and refuses a
// second ongoing pregnancy or a date that cannot be.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PREGNANCY_RISKS, type PregnancyRisk } from '@ytcs/common';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { preventEnterSubmit } from '../../lib/forms';
import { maternalKeys, registerPregnancy } from './maternal.api';

type Values = { lmp?: Dayjs; edd?: Dayjs; gravida?: number; para?: number; risks?: PregnancyRisk[]; note?: string };

export function PregnancyForm({ residentId }: { residentId: number }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: Values) =>
      registerPregnancy(residentId, {
        lmp: v.lmp ? toIsoDate(v.lmp) : undefined,
        edd: v.edd ? toIsoDate(v.edd) : undefined,
        gravida: v.gravida ?? undefined,
        para: v.para ?? undefined,
        risks: v.risks?.length ? v.risks : undefined,
        note: v.note?.trim() || undefined,
      }),
    onMutate: () => setGeneralError(null),
    onSuccess: async () => {
      message.success(t('maternal.registered'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: maternalKeys.all });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, i18n.language)) setGeneralError(error);
    },
  });
  return (
    // Sent with its button only: Enter commits a typed date, it must not register half a form.
    <Form<Values> form={form} layout="vertical" name="pregnancy" onFinish={(v) => save.mutate(v)} onKeyDown={preventEnterSubmit} data-testid="pregnancy-form" className="pregnancy-form">
      <Typography.Paragraph type="secondary">{t('maternal.dateHint')}</Typography.Paragraph>
      <div className="form-grid">
        <Form.Item name="lmp" label={t('maternal.lmp')}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="pregnancy-lmp" />
        </Form.Item>
        <Form.Item name="edd" label={t('maternal.edd')}>
          <DatePicker format={DATE_FORMAT} data-testid="pregnancy-edd" />
        </Form.Item>
        <Form.Item name="gravida" label={t('maternal.gravida')}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
        <Form.Item name="para" label={t('maternal.para')}>
          <InputNumber min={0} max={30} precision={0} />
        </Form.Item>
      </div>
      <Form.Item name="risks" label={t('maternal.risks')}>
        <Select mode="multiple" allowClear options={PREGNANCY_RISKS.map((value) => ({ value, label: t(`maternal.risk.${value}`) }))} data-testid="pregnancy-risks" />
      </Form.Item>
      <Form.Item name="note" label={t('maternal.note')}>
        <Input maxLength={1000} />
      </Form.Item>
      {generalError !== null && <Alert type="error" showIcon title={errorText(generalError)} className="form-alert" />}
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={save.isPending} data-testid="pregnancy-submit">
        {t('maternal.register')}
      </Button>
    </Form>
  );
}
