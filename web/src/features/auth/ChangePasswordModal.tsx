import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PASSWORD_MIN_LENGTH, newPasswordProblem } from '@ytcs/common';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { changePassword } from './auth.api';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

type Props = {
  open: boolean;
  /** When the server demands a new password the dialog cannot be dismissed. */
  forced?: boolean;
  onClose: () => void;
};

export function ChangePasswordModal({ open, forced = false, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const save = useMutation({
    mutationFn: (values: Values) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: async () => {
      message.success(t('auth.passwordChanged'));
      form.resetFields();
      // mustChangePassword is cleared on the server; read it back, and everything the server
      // refused until now (403 password_change_required).
      await queryClient.invalidateQueries();
      onClose();
    },
    onError: (error) => applyFieldErrors(form, error, i18n.language),
  });

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'password-submit' }}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('auth.mustChange')} className="form-alert" />}
      <Form<Values> form={form} name="change-password" layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('feedback.password.hint', { min: PASSWORD_MIN_LENGTH })}
          dependencies={['currentPassword']}
          // Checked as it is typed, by the rule the server applies (common's newPasswordProblem).
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                const problem = value ? newPasswordProblem(value, getFieldValue('currentPassword') || undefined) : null;
                if (!problem) return Promise.resolve();
                return Promise.reject(new Error(t(`feedback.password.${problem}`, { min: PASSWORD_MIN_LENGTH, count: value?.length ?? 0 })));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        {save.error && !(save.error as { errors?: unknown[] }).errors?.length && (
          <Alert type="error" showIcon title={errorText(save.error)} />
        )}
      </Form>
    </Modal>
  );
}
