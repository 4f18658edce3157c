// Registering a household: where it lives, its number and address, and its members (exactly one
// head). All members are saved or none; each member's errors land on that member's fields.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { HouseholdDetail, Warning } from '@ytcs/common';
import { useErrorText } from '../../lib/errors';
import { preventEnterSubmit } from '../../lib/forms';
import { usePageTitle } from '../../lib/usePageTitle';
import { PlacePicker } from './PlacePicker';
import { ResidentFieldsGroup } from './ResidentFieldsGroup';
import { createHousehold, registryKeys } from './registry.api';
import { type ResidentFormValues, emptyResident, toResidentFields } from './residentForm';
import { useGuardedSave } from './useGuardedSave';
import { WarningsConfirm } from './WarningsConfirm';

type Values = { unitId?: number; code?: string; address?: string; members: ResidentFormValues[] };

export function HouseholdFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.householdCreate'));
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const flow = useGuardedSave<Values, HouseholdDetail>({
    form,
    conflictField: ['code'],
    save: (values, confirmWarnings) =>
      createHousehold({
        unitId: values.unitId as number,
        code: values.code?.trim() || null,
        address: (values.address ?? '').trim(),
        members: values.members.map(toResidentFields),
        confirmWarnings,
      }),
    onSuccess: async (household) => {
      message.success(t('registry.householdCreated'));
      await queryClient.invalidateQueries({ queryKey: registryKeys.all });
      navigate(`/households/${household.id}`);
    },
  });

  const whose = (w: Warning) => {
    const index = /^members\.(\d+)\./.exec(w.field)?.[1];
    if (index === undefined) return null;
    const name = form.getFieldValue(['members', Number(index), 'fullName']) as string | undefined;
    return name?.trim() || t('registry.memberN', { n: Number(index) + 1 });
  };

  return (
    <div className="page">
      <Typography.Title level={3}>{t('registry.householdCreate')}</Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        onKeyDown={preventEnterSubmit}
        name="household"
        initialValues={{ members: [emptyResident('head')] }}
        onFinish={flow.submit}
        scrollToFirstError
        data-testid="household-form"
      >
        <Card className="section-card">
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item name="unitId" label={t('registry.place')} rules={[{ required: true, message: t('common.required') }]}>
                <PlacePicker data-testid="household-village" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item name="code" label={t('registry.householdCode')}>
                <Input autoComplete="off" maxLength={30} data-testid="household-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="address" label={t('registry.address')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input autoComplete="off" maxLength={300} data-testid="household-address" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Form.List
          name="members"
          rules={[
            {
              validator: async (_, members: ResidentFormValues[] | undefined) => {
                const heads = (members ?? []).filter((m) => m?.relationship === 'head').length;
                if (!members?.length) throw new Error(t('registry.atLeastOneMember'));
                if (heads !== 1) throw new Error(t('registry.oneHead'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  className="section-card member-card"
                  title={t('registry.memberN', { n: i + 1 })}
                  data-testid="household-member-row"
                  extra={
                    fields.length > 1 && (
                      <Tooltip title={t('registry.removeMember')}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('registry.removeMember')} onClick={() => remove(field.name)} />
                      </Tooltip>
                    )
                  }
                >
                  <ResidentFieldsGroup listPath={['members']} index={field.name} showRelationship testId="member" />
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <div className="section-card">
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyResident('child'))} data-testid="household-member-add">
                  {t('registry.addMember')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        {flow.generalError !== null && <Alert type="error" showIcon title={errorText(flow.generalError)} className="form-alert" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={flow.isPending} data-testid="household-submit">
            {t('registry.registerHousehold')}
          </Button>
          <Button onClick={() => navigate('/households')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
      <WarningsConfirm flow={flow} whose={whose} />
    </div>
  );
}
