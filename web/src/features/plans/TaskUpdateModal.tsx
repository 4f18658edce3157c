// Reporting progress on a task (status, percent, note, evidence files up to 5 MB each, sent as
// base64) and the history of earlier reports with their evidence. A coordinating agency reports
// on its own part: its update is kept in the history and leaves the task's status to the lead.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Divider, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Slider, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Evidence, TASK_STATUSES, type TaskStatus, type TaskView } from '@ytcs/common';
import { formatInstant } from '../../lib/dates';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { useFormatNumber } from '../../lib/numbers';
import { downloadEvidence, planKeys, updateTask, useTaskHistory } from './plans.api';
import { StatusTag } from './planFormat';

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 5;

type Values = { status: TaskStatus; progress: number; note?: string; evidence?: UploadFile[] };

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function toEvidence(files: UploadFile[]): Promise<Evidence[]> {
  return Promise.all(
    files
      .map((f) => f.originFileObj)
      .filter((f): f is NonNullable<typeof f> => !!f)
      .map(async (f) => ({ fileName: f.name, contentType: f.type || 'application/octet-stream', dataBase64: await readBase64(f) })),
  );
}

export function TaskUpdateModal({ planId, task, onClose }: { planId: number; task: TaskView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message, notification } = App.useApp();
  const errorText = useErrorText();
  const fmt = useFormatNumber();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const history = useTaskHistory(task.id);

  const save = useMutation({
    mutationFn: async (values: Values) => updateTask(task.id, { status: values.status, progress: values.progress, note: values.note?.trim() || null, evidence: await toEvidence(values.evidence ?? []) }),
    // Closed at once and confirmed where it cannot be missed: a toast shown while the plan
    // reloaded behind the dialog was gone before the dialog closed.
    onSuccess: (saved) => {
      onClose();
      notification.success({
        title: t('feedback.saved.task'),
        description: t('feedback.saved.taskHint', { section: task.section ?? '', text: task.text.length > 90 ? `${task.text.slice(0, 89)}…` : task.text, progress: saved.progress }),
        placement: 'bottomRight',
        props: { 'data-testid': 'task-saved' },
      });
      void Promise.all([queryClient.invalidateQueries({ queryKey: planKeys.detail(planId) }), queryClient.invalidateQueries({ queryKey: planKeys.taskHistory(task.id) }), queryClient.invalidateQueries({ queryKey: planKeys.all })]);
    },
    onError: (error) => applyFieldErrors(form, error, i18n.language),
  });

  return (
    <Modal open title={t('plans.update.title')} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Typography.Paragraph className="task-modal-text">
        {task.section && <strong>{task.section}. </strong>}
        {task.text}
      </Typography.Paragraph>
      {task.canUpdate && (
        <Form<Values>
          form={form}
          layout="vertical"
          data-testid="task-update-form"
          // A part starts from nothing: the task's status and progress are the lead's, not the partner's.
          initialValues={task.partOnly ? { status: 'not_started', progress: 0, evidence: [] } : { status: task.status, progress: task.progress, evidence: [] }}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.status === 'done') form.setFieldValue('progress', 100);
            if (changed.progress !== undefined && changed.progress > 0 && form.getFieldValue('status') === 'not_started') form.setFieldValue('status', 'in_progress');
          }}
          onFinish={(values) => save.mutate(values)}
        >
          {task.partOnly && <Alert type="info" showIcon title={t('plans.update.partOnly')} className="form-alert" data-testid="task-part-only" />}
          {save.isError && <Alert type="error" showIcon title={errorText(save.error)} className="form-alert" />}
          <Row gutter={16}>
            <Col xs={24} sm={10}>
              <Form.Item name="status" label={t('plans.update.status')} rules={[{ required: true, message: t('common.required') }]}>
                <Select data-testid="task-status" options={TASK_STATUSES.map((s) => ({ value: s, label: t(`plans.tasks.statuses.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item label={t('plans.update.progress')} required>
                <div className="progress-input">
                  <Form.Item
                    name="progress"
                    noStyle
                    rules={[
                      {
                        validator: (_, v: number) => (form.getFieldValue('status') === 'done' && v !== 100 ? Promise.reject(new Error(t('plans.update.doneNeeds100'))) : Promise.resolve()),
                      },
                    ]}
                  >
                    <Slider className="progress-slider" min={0} max={100} step={5} data-testid="task-progress" />
                  </Form.Item>
                  <Form.Item name="progress" noStyle>
                    <InputNumber min={0} max={100} suffix="%" className="progress-number" data-testid="task-progress-number" />
                  </Form.Item>
                </div>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="note" label={t('plans.update.note')}>
            <Input.TextArea rows={3} maxLength={4000} placeholder={t('plans.update.notePlaceholder')} data-testid="task-note" />
          </Form.Item>
          <div data-testid="task-evidence">
          <Form.Item
            name="evidence"
            label={t('plans.update.evidence')}
            extra={t('plans.update.evidenceHint')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(0, MAX_FILES)}
            rules={[
              {
                validator: (_, files: UploadFile[] = []) => {
                  const big = files.find((f) => (f.size ?? 0) > MAX_BYTES);
                  if (big) return Promise.reject(new Error(t('plans.update.tooBig', { name: big.name })));
                  return files.length > MAX_FILES ? Promise.reject(new Error(t('plans.update.tooMany'))) : Promise.resolve();
                },
              },
            ]}
          >
            <Upload beforeUpload={() => false} multiple maxCount={MAX_FILES}>
              <Button icon={<UploadOutlined />}>{t('plans.update.evidenceButton')}</Button>
            </Upload>
          </Form.Item>
          </div>
          <div className="modal-actions">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="task-update-submit">
              {t('plans.update.submit')}
            </Button>
          </div>
        </Form>
      )}
      <Divider titlePlacement="start">{t('plans.update.history')}</Divider>
      <List
        data-testid="task-history"
        loading={history.isLoading}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.update.noHistory')} /> }}
        renderItem={(u) => (
          <List.Item>
            <div className="full-width">
              <div className="history-head">
                {u.part && (
                  <Tag className="wrap-tag" data-testid="task-history-part">
                    {t('plans.update.part', { agency: u.part })}
                  </Tag>
                )}
                <StatusTag status={u.status} /> <strong>{fmt(u.progress)}%</strong>{' '}
                <span className="muted">{t('plans.update.by', { name: u.by ?? '—', time: formatInstant(u.at) })}</span>
              </div>
              {u.note && <div className="pre-line">{u.note}</div>}
              {u.evidence.map((e) => (
                <Button key={e.id} type="link" size="small" icon={<PaperClipOutlined />} onClick={() => downloadEvidence(e.id, e.fileName).catch((err) => message.error(errorText(err)))} data-testid="task-evidence-link">
                  {e.fileName} ({fmt(Math.max(1, Math.round(e.size / 1024)))} KB)
                </Button>
              ))}
            </div>
          </List.Item>
        )}
      />
    </Modal>
  );
}
