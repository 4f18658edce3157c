// Accounts holding a role somewhere inside the caller's scope, with their roles and status.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@ytcs/common';
import { formatInstant, formatInstantDate } from '../../lib/dates';
import { ListPage } from '../../lib/ListPage';
import { usePaging } from '../../lib/paging';
import { useDebounced } from '../../lib/useDebounced';
import { hasPermission, useMe } from '../auth/auth.api';
import { UserFormModal } from './UserFormModal';
import { useRoles, useUsers } from './users.api';
import { usePageTitle } from '../../lib/usePageTitle';

// 'new' opens an empty form; a User opens that user's form.
type Editing = 'new' | User | null;

export function UsersPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('users.title'));
  const canWrite = hasPermission(useMe().data, 'user.write');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const { limit, offset, pagination, reset } = usePaging(20);
  const users = useUsers({ q, limit, offset });
  const roles = useRoles();
  const [editing, setEditing] = useState<Editing>(null);

  const roleName = (code: string) => {
    const role = roles.data?.items.find((r) => r.code === code);
    if (!role) return code;
    return i18n.language === 'en' ? role.name.en : role.name.vi;
  };
  const now = Date.now();

  return (
    <ListPage<User>
      title={t('users.title')}
      search={{
        value: query,
        onChange: (value) => {
          setQuery(value);
          reset();
        },
        placeholder: t('users.searchPlaceholder'),
        testId: 'users-search',
      }}
      actionsPlacement="inline"
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="users-create">
            {t('common.create')}
          </Button>
        )
      }
      errors={[users.error]}
      table={{
        'data-testid': 'users-table',
        loading: users.isFetching,
        dataSource: users.data?.items,
        pagination: pagination(users.data?.total),
        scroll: { x: 900 },
        columns: [
            { title: t('users.username'), dataIndex: 'username', width: 160 },
            { title: t('users.fullName'), dataIndex: 'fullName', width: 200 },
            {
              title: t('users.roles'),
              key: 'roles',
              render: (_, user) => (
                <Space size={[4, 4]} wrap>
                  {user.roles.map((r) => (
                    <Tag key={`${r.role}-${r.orgUnit.id}`}>
                      {roleName(r.role)} – {r.orgUnit.name}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('users.status'),
              key: 'status',
              width: 170,
              render: (_, user) => {
                if (!user.active) return <Tag color="red">{t('users.inactive')}</Tag>;
                if (user.lockedUntil && Date.parse(user.lockedUntil) > now) {
                  return <Tag color="orange">{t('users.lockedUntil', { time: formatInstant(user.lockedUntil) })}</Tag>;
                }
                return <Tag color="green">{t('users.active')}</Tag>;
              },
            },
            { title: t('users.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => formatInstantDate(v) },
            ...(canWrite
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 90,
                    // The server says whom the caller may manage (every role in scope, not above them).
                    render: (_: unknown, user: User) =>
                      user.canEdit && (
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(user)} data-testid="user-edit">
                          {t('common.edit')}
                        </Button>
                      ),
                  },
                ]
              : []),
        ],
      }}
    >
      {editing !== null && <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}
