// Create a user, or change one: name, active, a new password, roles. The server checks that
// every role is granted inside the caller's own scope; its field errors land on the fields.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@ytcs/common';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { RoleAssignmentsField } from './RoleAssignmentsField';
import { createUser, updateUser, useRoles, userKeys } from './users.api';

type Values = {
  username: string;
  fullName: string;
  password?: string;
  active: boolean;
  roles: { role: string; orgUnitId: number }[];
};

type Props = {
  /** undefined = a new user. */
  user?: User;
  onClose: () => void;
};

export function UserFormModal({ user, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [form] = Form.useForm<Values>();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const isNew = !user;

  const save = useMutation({
    mutationFn: (values: Values) => {
      const roleList = values.roles.map(({ role, orgUnitId }) => ({ role, orgUnitId }));
      if (!user) {
        return createUser({
          username: values.username.trim(),
          fullName: values.fullName.trim(),
          password: values.password ?? '',
          roles: roleList,
        });
      }
      return updateUser(user.id, {
        fullName: values.fullName.trim(),
        active: values.active,
        roles: roleList,
        // An empty box means "keep the password"; only a typed one resets it.
        ...(values.password ? { password: values.password } : {}),
      });
    },
    onMutate: () => setGeneralError(null),
    onSuccess: async () => {
      message.success(t(isNew ? 'users.created' : 'users.saved'));
      await queryClient.invalidateQueries({ queryKey: userKeys.lists() });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, i18n.language)) setGeneralError(error);
    },
  });

  const initialValues: Partial<Values> = user
    ? {
        fullName: user.fullName,
        active: user.active,
        roles: user.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnit.id })),
      }
    : { active: true, roles: [{} as Values['roles'][number]] };

  return (
    <Modal
      open
      width={760}
      title={isNew ? t('users.createTitle') : t('users.editTitle', { username: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="user"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
        data-testid="user-form"
      >
        {isNew && (
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="fullName" label={t('users.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input autoComplete="off" data-testid="user-fullname" />
        </Form.Item>
        <Form.Item
          name="password"
          label={isNew ? t('users.password') : t('users.newPassword')}
          extra={isNew ? undefined : t('users.newPasswordHelp')}
          rules={isNew ? [{ required: true, message: t('common.required') }] : []}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        {!isNew && (
          <Form.Item name="active" label={t('users.active')} valuePropName="checked">
            <Switch data-testid="user-active" />
          </Form.Item>
        )}
        <RoleAssignmentsField
          roles={roles.data?.items ?? []}
          rolesLoading={roles.isPending}
          initialUnits={user?.roles.map((r) => r.orgUnit) ?? []}
        />
        {generalError !== null && <Alert type="error" showIcon title={errorText(generalError)} />}
      </Form>
    </Modal>
  );
}
