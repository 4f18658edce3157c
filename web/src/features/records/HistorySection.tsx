// Part 2 (Tiền sử và yếu tố nguy cơ): personal and family history as ICD-10 codes, allergies,
// disabilities, risk factors, reproductive history for women; saved whole (PUT).
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Checkbox, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLERGY_KINDS, DISABILITY_KINDS, type History } from '@ytcs/common';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { FAMILY_RELATIONS, cleanHistory } from './history';
import { HistoryRiskFields } from './HistoryRiskFields';
import { Icd10Select } from './Icd10Select';
import { recordKeys, saveHistory } from './records.api';


function Icd10One({ value, onChange }: { value?: string | null; onChange?: (code: string | null) => void }) {
  return <Icd10Select value={value ? [value] : []} onChange={(codes) => onChange?.(codes[codes.length - 1] ?? null)} />;
}

type Props = { residentId: number; history: History; sex: string; canWrite: boolean };

export function HistorySection({ residentId, history, sex, canWrite }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<History>();
  const [generalError, setGeneralError] = useState<unknown>(null);

  const save = useMutation({
    mutationFn: (values: History) => saveHistory(residentId, cleanHistory(values, sex)),
    onMutate: () => setGeneralError(null),
    onSuccess: async () => {
      message.success(t('record.historySaved'));
      await queryClient.invalidateQueries({ queryKey: recordKeys.detail(residentId) });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, i18n.language)) setGeneralError(error);
    },
  });

  return (
    <Form<History>
      form={form}
      layout="vertical"
      name="history"
      initialValues={{ ...history, personalHistory: { conditions: [], ...history.personalHistory } }}
      onFinish={(values) => save.mutate(values)}
      disabled={!canWrite}
      data-testid="record-history"
    >
      <div className="form-subtitle">{t('record.history.personal')}</div>
      <Form.Item name={['personalHistory', 'conditions']} label={t('record.history.conditions')}>
        <Icd10Select data-testid="history-conditions" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={['personalHistory', 'other']} label={t('record.history.personalOther')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="surgeries" label={t('record.history.surgeries')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>

      <div className="form-subtitle">{t('record.history.family')}</div>
      <Form.List name="familyHistory">
        {(fields, { add, remove }) => (
          <div className="family-list">
            {fields.map((field) => (
              <div key={field.key} className="prescription-row" data-testid="family-row">
                <Form.Item name={[field.name, 'relation']} className="rx-dose" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <AutoComplete
                    placeholder={t('record.history.relation')}
                    options={FAMILY_RELATIONS.map((r) => ({ value: t(`record.history.relations.${r}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'icd10Code']} className="grow">
                  <Icd10One />
                </Form.Item>
                <Form.Item name={[field.name, 'condition']} className="rx-dose">
                  <Input placeholder={t('record.history.condition')} maxLength={200} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('record.history.removeFamily')} onClick={() => remove(field.name)} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} className="section-card">
              {t('record.history.addFamily')}
            </Button>
          </div>
        )}
      </Form.List>

      <div className="form-subtitle">{t('record.history.allergies')}</div>
      <Row gutter={12}>
        {ALLERGY_KINDS.map((a) => (
          <Col xs={24} md={6} key={a}>
            <Form.Item name={['allergies', a]} label={t(`record.history.allergyKinds.${a}`)}>
              <Input maxLength={500} data-testid={`history-allergy-${a}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>

      <div className="form-subtitle">{t('record.history.disabilities')}</div>
      <Row gutter={12} align="middle">
        <Col xs={24} md={14}>
          <div className="checkbox-row">
            {DISABILITY_KINDS.map((d) => (
              <Form.Item key={d} name={['disabilities', d]} valuePropName="checked" noStyle>
                <Checkbox>{t(`record.history.disabilityKinds.${d}`)}</Checkbox>
              </Form.Item>
            ))}
          </div>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={['disabilities', 'other']} label={t('record.history.disabilityOther')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>

      <HistoryRiskFields female={sex === 'female'} />

      <div className="form-subtitle">{t('record.history.other')}</div>
      <Form.Item name="other">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      {generalError !== null && <Alert type="error" showIcon title={errorText(generalError)} className="form-alert" />}
      {canWrite && (
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="history-submit">
          {t('record.saveHistory')}
        </Button>
      )}
    </Form>
  );
}
