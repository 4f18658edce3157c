// Registering one person: where they live (or the household they join) and part I of the record.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '@ytcs/common';
import { useErrorText } from '../../lib/errors';
import { preventEnterSubmit } from '../../lib/forms';
import { PlacePicker } from './PlacePicker';
import { ResidentFieldsGroup } from './ResidentFieldsGroup';
import { createResident, registryKeys } from './registry.api';
import { type ResidentFormValues, emptyResident, toResidentFields } from './residentForm';
import { useGuardedSave } from './useGuardedSave';
import { WarningsConfirm } from './WarningsConfirm';

type Values = ResidentFormValues & { unitId?: number };

type Props = {
  /** Joining a household: its place is the person's place. */
  household?: { id: number; unitId: number };
  onClose: () => void;
  onCreated: (resident: Resident) => void;
};

export function ResidentFormModal({ household, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const flow = useGuardedSave<Values, Resident>({
    form,
    save: (values, confirmWarnings) =>
      createResident({
        ...toResidentFields(values),
        relationship: household ? (values.relationship ?? 'other') : null,
        unitId: household ? household.unitId : (values.unitId as number),
        householdId: household?.id ?? null,
        confirmWarnings,
      }),
    onSuccess: async (resident) => {
      message.success(t('registry.residentCreated'));
      await queryClient.invalidateQueries({ queryKey: registryKeys.all });
      onCreated(resident);
    },
  });

  return (
    <Modal
      open
      width={980}
      title={household ? t('registry.addMember') : t('registry.residentCreate')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'resident-form-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={flow.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onKeyDown={preventEnterSubmit}
        name="resident"
        initialValues={emptyResident(household ? 'child' : undefined)}
        onFinish={flow.submit}
        data-testid="resident-form"
      >
        {!household && (
          <Form.Item name="unitId" label={t('registry.place')} rules={[{ required: true, message: t('common.required') }]}>
            <PlacePicker data-testid="resident-place" />
          </Form.Item>
        )}
        <ResidentFieldsGroup showRelationship={!!household} testId="resident" />
        {flow.generalError !== null && <Alert type="error" showIcon title={errorText(flow.generalError)} />}
      </Form>
      <WarningsConfirm flow={flow} />
    </Modal>
  );
}
