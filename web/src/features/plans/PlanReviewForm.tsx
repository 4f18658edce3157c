// Reviewing what was read from a plan's text before it is saved: the issuing unit (one of the
// units the text names, or any unit in scope), the header, the documents cited, targets, tasks,
// recipients and signer. The server's field errors land on their cells.
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, List, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { DraftCandidate, PlanDraft } from '@ytcs/common';
import { DATE_FORMAT } from '../../lib/dates';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { preventEnterSubmit } from '../../lib/forms';
import { useIndicators } from '../indicators/indicators.api';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { createPlan } from './plans.api';
import { type ReviewValues, reviewValues, toNewPlan } from './planDraft';
import { serverText } from '../../i18n/languages';
import { ReviewTargets, ReviewTasks } from './ReviewTables';

function candidateLabel(c: DraftCandidate, merged: string): string {
  return [c.name, c.parentName ? `– ${c.parentName}` : '', c.validTo ? merged : ''].filter(Boolean).join(' ');
}

export function PlanReviewForm({ draft, candidates, onRestart }: { draft: PlanDraft; candidates: DraftCandidate[]; onRestart: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReviewValues>();
  const indicators = useIndicators();
  const required = { required: true, whitespace: true, message: t('common.required') };
  const targetCount = Form.useWatch((v: ReviewValues) => v.targets?.length ?? 0, form) ?? draft.targets.length;
  const taskCount = Form.useWatch((v: ReviewValues) => v.tasks?.length ?? 0, form) ?? draft.tasks.length;

  const save = useMutation({
    mutationFn: (values: ReviewValues) => createPlan(toNewPlan(values, draft)),
    onSuccess: (plan) => {
      message.success(t('plans.import.saved'));
      navigate(`/plans/${plan.id}`);
    },
    onError: (error) => applyFieldErrors(form, error, i18n.language),
  });

  return (
    <Form<ReviewValues>
      form={form}
      layout="vertical"
      data-testid="plan-review"
      initialValues={reviewValues(draft, candidates)}
      onFinish={(values) => save.mutate({ ...form.getFieldsValue(true), ...values })}
      onFinishFailed={() => message.error(t('plans.import.fixErrors'))}
      onKeyDown={preventEnterSubmit}
      scrollToFirstError
    >
      {draft.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          data-testid="plan-warnings"
          title={t('plans.import.warnings')}
          description={
            <ul className="plain-list">
              {draft.warnings.map((w) => (
                <li key={w.vi}>{serverText({ key: w.key, params: w.params, message: w.vi, messageEn: w.en }, i18n.language)}</li>
              ))}
            </ul>
          }
        />
      )}
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} className="form-alert" data-testid="plan-save-error" />}

      <Card size="small" className="section-card" title={t('plans.import.review')}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="orgUnitId" label={t('plans.import.issuer')} rules={[{ required: true, message: t('common.required') }]} extra={candidates.length > 0 ? undefined : draft.issuer.name ? t('plans.import.noCandidates', { name: draft.issuer.name }) : t('plans.import.noIssuer')}>
              {candidates.length > 0 ? (
                <Select<number> data-testid="plan-unit" options={candidates.map((c) => ({ value: c.id, label: candidateLabel(c, t('plans.import.merged')) }))} />
              ) : (
                <OrgUnitPicker data-testid="plan-unit" />
              )}
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="number" label={t('plans.import.number')}>
              <Input data-testid="plan-number" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="issuedOn" label={t('plans.import.issuedOn')}>
              <DatePicker format={DATE_FORMAT} className="full-width" data-testid="plan-issued" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={16}>
            <Form.Item name="title" label={t('plans.import.titleField')} rules={[required]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="plan-title-input" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={4}>
            <Form.Item name="fromYear" label={t('plans.import.fromYear')}>
              <InputNumber min={2000} max={2100} className="full-width" data-testid="plan-from-year" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={4}>
            <Form.Item name="toYear" label={t('plans.import.toYear')}>
              <InputNumber min={2000} max={2100} className="full-width" data-testid="plan-to-year" />
            </Form.Item>
          </Col>
        </Row>
        {(draft.implements.length > 0 || draft.parentPlan) && (
          <Typography.Paragraph>
            {draft.implements.length > 0 && (
              <span className="doc-line">
                <strong>{t('plans.import.implements')}:</strong> {draft.implements.map((d) => d.text).join('; ')}
              </span>
            )}
            {draft.parentPlan && (
              <span className="doc-line">
                <strong>{t('plans.import.parentPlan')}:</strong> {draft.parentPlan.text}
              </span>
            )}
          </Typography.Paragraph>
        )}
        <Form.Item noStyle shouldUpdate={(a, b) => a.legalBasis !== b.legalBasis}>
          {({ getFieldValue, setFieldValue }) => {
            const docs = (getFieldValue('legalBasis') as ReviewValues['legalBasis']) ?? [];
            return (
              <div className="legal-basis">
                <div className="field-title">{t('plans.import.legalBasis')}</div>
                <List
                  size="small"
                  bordered
                  data-testid="plan-legal-basis"
                  dataSource={docs}
                  locale={{ emptyText: t('plans.import.noLegalBasis') }}
                  renderItem={(d, n) => (
                    <List.Item
                      actions={[
                        <Button key="remove" size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setFieldValue('legalBasis', docs.filter((_, k) => k !== n))}>
                          {t('plans.import.remove')}
                        </Button>,
                      ]}
                    >
                      {d.text || `${d.kind} ${d.number}`}
                    </List.Item>
                  )}
                />
              </div>
            );
          }}
        </Form.Item>
      </Card>

      <Card size="small" className="section-card" title={t('plans.import.targets', { count: targetCount })}>
        <ReviewTargets indicators={indicators.data?.items ?? []} />
      </Card>

      <Card size="small" className="section-card" title={t('plans.import.tasks', { count: taskCount })}>
        <ReviewTasks />
      </Card>

      <Card size="small" className="section-card">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="recipients" label={t('plans.import.recipients')}>
              <Select mode="tags" open={false} suffixIcon={null} data-testid="plan-recipients" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <div className="field-title">{t('plans.import.signer')}</div>
            <Space.Compact className="full-width" data-testid="plan-signer">
              <Form.Item name={['signer', 'authority']} noStyle>
                <Input placeholder={t('plans.import.signerAuthority')} aria-label={t('plans.import.signerAuthority')} />
              </Form.Item>
              <Form.Item name={['signer', 'title']} noStyle>
                <Input placeholder={t('plans.import.signerTitle')} aria-label={t('plans.import.signerTitle')} />
              </Form.Item>
              <Form.Item name={['signer', 'name']} noStyle>
                <Input placeholder={t('plans.import.signerName')} aria-label={t('plans.import.signerName')} />
              </Form.Item>
            </Space.Compact>
          </Col>
        </Row>
      </Card>

      <div className="form-actions">
        <Button onClick={onRestart}>{t('plans.import.again')}</Button>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="plan-save">
          {t('plans.import.save')}
        </Button>
      </div>
    </Form>
  );
}
