// The roles a user holds, each at one org unit; authority reaches that unit and all below it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnitRef, Role } from '@ytcs/common';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';

type Props = {
  roles: Role[];
  rolesLoading: boolean;
  /** Units of the roles being edited, index for index, so the picker can name them. */
  initialUnits: OrgUnitRef[];
};

export function RoleAssignmentsField({ roles, rolesLoading, initialUnits }: Props) {
  const { t, i18n } = useTranslation();
  const roleOptions = roles.map((r) => ({ value: r.code, label: i18n.language === 'en' ? r.name.en : r.name.vi }));

  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: (_, value: unknown[] | undefined) =>
            value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('users.atLeastOneRole'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('users.roles')} required>
          {fields.map((field) => (
            <div key={field.key} className="role-row" data-testid="user-role-row">
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('common.required') }]}
                className="role-row-role"
              >
                <Select
                  placeholder={t('users.role')}
                  options={roleOptions}
                  loading={rolesLoading}
                  data-testid="user-role-select"
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'orgUnitId']}
                rules={[{ required: true, message: t('common.required') }]}
                className="role-row-unit"
              >
                <OrgUnitPicker initialUnit={initialUnits[field.name]} data-testid="user-role-orgunit" />
              </Form.Item>
              <Tooltip title={t('users.removeRole')}>
                <Button icon={<DeleteOutlined />} aria-label={t('users.removeRole')} onClick={() => remove(field.name)} />
              </Tooltip>
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="user-role-add">
            {t('users.addRole')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
