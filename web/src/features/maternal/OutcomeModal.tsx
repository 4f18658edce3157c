// How a pregnancy ended: the outcome, the day, where and by whom; for a live birth the newborn is
// registered into the mother's household at once, its birth weight its first growth point.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BIRTH_ATTENDANTS, DELIVERY_PLACES, PREGNANCY_OUTCOMES, type PregnancyOutcome, RELATIONSHIPS } from '@ytcs/common';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { preventEnterSubmit } from '../../lib/forms';
import { maternalKeys, recordOutcome } from './maternal.api';

type Values = {
  outcome: PregnancyOutcome;
  date: Dayjs;
  place?: (typeof DELIVERY_PLACES)[number];
  attendant?: (typeof BIRTH_ATTENDANTS)[number];
  registerNewborn?: boolean;
  newbornName?: string;
  newbornSex?: 'male' | 'female';
  relationship?: (typeof RELATIONSHIPS)[number];
  birthWeightKg?: number;
};

export function OutcomeModal({ pregnancyId, open, onClose, onSaved }: { pregnancyId: number; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const outcome = Form.useWatch('outcome', form);
  const registerNewborn = Form.useWatch('registerNewborn', form);
  const birth = outcome === 'live_birth' || outcome === 'stillbirth';
  const save = useMutation({
    mutationFn: (v: Values) =>
      recordOutcome(pregnancyId, {
        outcome: v.outcome,
        date: toIsoDate(v.date),
        place: birth ? v.place : undefined,
        attendant: birth ? v.attendant : undefined,
        newborn:
          v.outcome === 'live_birth' && v.registerNewborn && v.newbornName && v.newbornSex
            ? { fullName: v.newbornName.trim(), sex: v.newbornSex, relationship: v.relationship, birthWeightKg: v.birthWeightKg ?? undefined }
            : undefined,
      }),
    onMutate: () => setGeneralError(null),
    onSuccess: async () => {
      message.success(t('maternal.outcomeSaved'));
      await queryClient.invalidateQueries({ queryKey: maternalKeys.all });
      onSaved();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, i18n.language)) setGeneralError(error);
    },
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={open} title={t('maternal.recordOutcome')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'outcome-submit' } as Record<string, string>} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" name="outcome" initialValues={{ outcome: 'live_birth', date: dayjs(), registerNewborn: true }} onFinish={(v) => save.mutate(v)} onKeyDown={preventEnterSubmit} data-testid="outcome-form">
        <Form.Item name="outcome" label={t('maternal.outcomeLabel')} rules={required}>
          <Radio.Group options={PREGNANCY_OUTCOMES.map((value) => ({ value, label: t(`maternal.outcome.${value}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('maternal.outcomeDate')} rules={required}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {birth && (
          <div className="form-grid">
            <Form.Item name="place" label={t('maternal.place')}>
              <Select options={DELIVERY_PLACES.map((value) => ({ value, label: t(`maternal.places.${value}`) }))} data-testid="outcome-place" />
            </Form.Item>
            <Form.Item name="attendant" label={t('maternal.attendant')}>
              <Select options={BIRTH_ATTENDANTS.map((value) => ({ value, label: t(`maternal.attendants.${value}`) }))} data-testid="outcome-attendant" />
            </Form.Item>
          </div>
        )}
        {outcome === 'live_birth' && (
          <>
            <Form.Item name="registerNewborn" label={t('maternal.newborn')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {registerNewborn && (
              <div className="form-grid">
                <Form.Item name="newbornName" label={t('maternal.newbornName')} rules={required}>
                  <Input maxLength={100} data-testid="outcome-newborn-name" />
                </Form.Item>
                <Form.Item name="newbornSex" label={t('maternal.newbornSex')} rules={required}>
                  <Radio.Group options={[{ value: 'male', label: t('registry.sexes.male') }, { value: 'female', label: t('registry.sexes.female') }]} data-testid="outcome-newborn-sex" />
                </Form.Item>
                <Form.Item name="birthWeightKg" label={t('maternal.birthWeight')}>
                  <InputNumber min={0.3} max={7} step={0.1} decimalSeparator={i18n.language === 'vi' ? ',' : '.'} data-testid="outcome-birth-weight" />
                </Form.Item>
                <Form.Item name="relationship" label={t('maternal.relationship')}>
                  <Select allowClear options={RELATIONSHIPS.map((value) => ({ value, label: t(`registry.relationships.${value}`) }))} />
                </Form.Item>
              </div>
            )}
          </>
        )}
      </Form>
      {generalError !== null && <Alert type="error" showIcon title={errorText(generalError)} className="form-alert" />}
    </Modal>
  );
}
