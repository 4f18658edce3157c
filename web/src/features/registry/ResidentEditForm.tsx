// Part I of the record, corrected in place: the same checks, warnings and duplicate-ID answer as
// when the person was registered. Saved warnings stay on the person until a correction clears them.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONSHIPS, type Resident } from '@ytcs/common';
import { placeFindings, useErrorText } from '../../lib/errors';
import { preventEnterSubmit } from '../../lib/forms';
import { PlacePicker } from './PlacePicker';
import { ResidentFieldsGroup } from './ResidentFieldsGroup';
import { registryKeys, updateResident } from './registry.api';
import { type ResidentFormValues, birthAlias, fromResident, toResidentFields } from './residentForm';
import { useGuardedSave } from './useGuardedSave';
import { WarningsConfirm } from './WarningsConfirm';

type Values = ResidentFormValues & { unitId?: number };

type Props = { resident: Resident; readOnly: boolean; onSaved: () => void | Promise<void> };

export function ResidentEditForm({ resident, readOnly, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const place = resident.villageId ?? resident.communeId;
  const placeLabel = resident.villageName ? `${resident.villageName} – ${resident.communeName}` : resident.communeName;

  // Confirmed warnings stay on the person; show each on its field (a household's were saved as members.N.field).
  useEffect(() => {
    const onFields = resident.warnings.map((w) => ({ ...w, field: w.field.replace(/^members\.\d+\./, '') }));
    placeFindings(form, onFields, i18n.language, { kind: 'warnings', alias: birthAlias });
  }, [form, resident.warnings, i18n.language]);

  const flow = useGuardedSave<Values, Resident>({
    form,
    save: (values, confirmWarnings) => {
      const fields = toResidentFields(values);
      return updateResident(resident.id, {
        ...fields,
        relationship: resident.householdId ? fields.relationship : resident.relationship,
        ...(values.unitId && values.unitId !== place ? { unitId: values.unitId } : {}),
        confirmWarnings,
      });
    },
    onSuccess: async () => {
      message.success(t('registry.residentSaved'));
      await queryClient.invalidateQueries({ queryKey: registryKeys.all });
      await onSaved();
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onKeyDown={preventEnterSubmit}
      name="resident-edit"
      initialValues={{ ...fromResident(resident), unitId: place }}
      onFinish={flow.submit}
      disabled={readOnly || resident.status === 'merged'}
      data-testid="resident-edit-form"
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={t('registry.place')} rules={[{ required: true, message: t('common.required') }]}>
            <PlacePicker initial={{ id: place, label: placeLabel }} data-testid="resident-place" />
          </Form.Item>
        </Col>
        {resident.householdId !== null && (
          <Col xs={24} md={6}>
            <Form.Item name="relationship" label={t('registry.relationship')}>
              <Select options={RELATIONSHIPS.map((code) => ({ value: code, label: t(`registry.relationships.${code}`) }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <ResidentFieldsGroup testId="resident" />
      {flow.generalError !== null && <Alert type="error" showIcon title={errorText(flow.generalError)} className="form-alert" />}
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={flow.isPending} data-testid="resident-edit-submit">
          {t('common.save')}
        </Button>
      )}
      <WarningsConfirm flow={flow} />
    </Form>
  );
}
