// Recording that a person moved away or died, on a given day. The record stays, marked so.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifeEventKind, Resident } from '@ytcs/common';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { recordLifeEvent, registryKeys } from '../registry/registry.api';
import { recordKeys } from './records.api';

type Values = { date: Dayjs; note?: string };

type Props = { resident: Resident; kind: Exclude<LifeEventKind, 'move_in'>; onClose: () => void };

export function LifeEventModal({ resident, kind, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [generalError, setGeneralError] = useState<unknown>(null);

  const save = useMutation({
    mutationFn: (v: Values) => recordLifeEvent(resident.id, { kind, date: toIsoDate(v.date), note: v.note?.trim() || undefined }),
    onMutate: () => setGeneralError(null),
    onSuccess: async () => {
      message.success(t(`record.events.${kind}.done`));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: recordKeys.detail(resident.id) }),
        queryClient.invalidateQueries({ queryKey: registryKeys.all }),
      ]);
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, i18n.language)) setGeneralError(error);
    },
  });

  return (
    <Modal
      open
      title={t(`record.events.${kind}.title`, { name: resident.fullName })}
      okText={t(`record.events.${kind}.ok`)}
      okButtonProps={{ danger: kind === 'death', 'data-testid': 'life-event-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`record.events.${kind}.help`)}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v) => save.mutate(v)} data-testid="life-event-form">
        <Form.Item name="date" label={t(`record.events.${kind}.date`)} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="life-event-date" />
        </Form.Item>
        <Form.Item name="note" label={t(`record.events.${kind}.note`)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        {generalError !== null && <Alert type="error" showIcon title={errorText(generalError)} />}
      </Form>
    </Modal>
  );
}
