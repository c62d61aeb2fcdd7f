import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../contracts/roles';
import { USER_SORT_KEYS } from '../../../../contracts/users';
import { FilterBar } from '../../../kit/filter-bar';
import { ChoiceFilter, SearchFilter } from '../../../kit/filters';
import { ListHeader } from '../../../kit/list-header';
import { RowAction } from '../../../kit/row-action';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { oneOf, text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type User, useUpdateUser, useUsers } from '../api/users';
import { usersMessages } from '../messages';
import { LoginThrottlesCard } from './login-throttles-card';
import { ResetPasswordModal, UserFormModal, useRoleOptions } from './user-modals';

const FILTERS = {
  sort: oneOf(USER_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
  q: text(),
  role: oneOf<Role>(ROLES),
};

/** /users — the accounts, filters in the URL. */
export function UsersPage() {
  const t = useT(usersMessages);
  const [lang] = useLang();
  const { filters, set, paging, offset } = useUrlFilters(FILTERS);
  const query = useUsers(filters);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const update = useUpdateUser();
  const onError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const roleOptions = useRoleOptions();

  const toggleActive = (u: User) =>
    modal.confirm({
      title: u.active ? t('deactivate') : t('activate'),
      content: u.active
        ? t('deactivateConfirm', { name: u.username })
        : t('activateConfirm', { name: u.username }),
      okText: u.active ? t('deactivate') : t('activate'),
      okButtonProps: { danger: u.active },
      cancelText: t('cancel'),
      onOk: () =>
        update
          .mutateAsync({ id: u.id, body: { active: !u.active } })
          .then(() => message.success(u.active ? t('deactivated') : t('activated')))
          .catch((err) => onError(err)),
    });

  const columns: TableColumnsType<User> = [
    rowNumberColumn(t('stt'), offset),
    {
      title: t('username'),
      dataIndex: 'username',
      key: 'username',
      width: 150,
      render: (v) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('role'),
      dataIndex: 'role',
      key: 'role',
      width: 190,
      render: (r: Role) => ROLE_LABELS[r]?.[lang] ?? r,
    },
    { title: t('scopeUnit'), dataIndex: 'scopeUnitName', key: 'scope' },
    {
      title: t('status'),
      dataIndex: 'active',
      key: 'active',
      width: 120,
      render: (a: boolean) =>
        a ? <Tag color="green">{t('active')}</Tag> : <Tag color="red">{t('inactive')}</Tag>,
    },
    {
      title: t('createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 100,
      render: (d) => formatDate(d),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_v, u) => (
        <Space size={0}>
          <RowAction
            tip={t('edit')}
            icon={<EditOutlined />}
            label={t('editRow', { name: u.username })}
            onClick={() => setEditing(u)}
          />
          <RowAction
            tip={t('resetPassword')}
            icon={<KeyOutlined />}
            label={t('resetRow', { name: u.username })}
            onClick={() => setResetting(u)}
          />
          <RowAction
            tip={u.active ? t('deactivate') : t('activate')}
            danger={u.active}
            icon={u.active ? <LockOutlined /> : <UnlockOutlined />}
            label={t('toggleRow', { name: u.username })}
            onClick={() => toggleActive(u)}
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListHeader
        title={t('title')}
        subtitle={t('subtitle')}
        exportPath="/users/export.xlsx"
        filters={filters}
        add={{ label: t('addUser'), onClick: () => setEditing('new') }}
      />
      <FilterBar filters={filters} set={set}>
        <SearchFilter
          xs={24}
          md={12}
          xl={8}
          id="users-q"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <ChoiceFilter
          xs={24}
          md={12}
          xl={8}
          id="users-role"
          label={t('role')}
          placeholder={t('all')}
          field="role"
          options={roleOptions}
        />
      </FilterBar>
      <ServerTable<User>
        aria-label={t('title')}
        columns={columns}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('noResults') }}
        rowClassName={(u) => (u.active ? '' : 'row-inactive')}
        query={query}
        {...paging}
        sortKeys={USER_SORT_KEYS}
        sort={filters.sort}
        onSortChange={(sort) => set({ sort })}
        showTotal={(total) => t('total', { n: total })}
      />
      <LoginThrottlesCard />
      {editing ? (
        <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </>
  );
}
