import { EditOutlined, KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS, ROLES, type Role } from '../../../../contracts/roles';
import { DebouncedInput } from '../../../components/debounced-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type User, type UsersFilters, useUpdateUser, useUsers } from '../api/users';
import { usersMessages } from '../messages';
import { LoginThrottlesCard } from './login-throttles-card';
import { ResetPasswordModal, UserFormModal, useRoleOptions } from './user-modals';

export function UsersPage() {
  const t = useT(usersMessages);
  const [lang] = useLang();
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const filters: UsersFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      role: (ROLES as readonly string[]).includes(roleParam ?? '') ? (roleParam as Role) : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: 50,
    }),
    [params, roleParam],
  );
  const { data, error, isPending, isFetching, refetch } = useUsers(filters);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const update = useUpdateUser();
  const onError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const roleOptions = useRoleOptions();

  const set = useCallback(
    (patch: Record<string, string | undefined>, replace = false) => {
      const next = new URLSearchParams(params);
      next.delete('page');
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      setParams(next, { replace });
    },
    [params, setParams],
  );
  const commitQ = useCallback((q: string) => set({ q }, true), [set]);

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

  const offset = (filters.page - 1) * filters.pageSize;
  const columns: TableColumnsType<User> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => offset + i + 1 },
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
          <Tooltip title={t('edit')}>
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={t('editRow', { name: u.username })}
              onClick={() => setEditing(u)}
            />
          </Tooltip>
          <Tooltip title={t('resetPassword')}>
            <Button
              type="text"
              icon={<KeyOutlined />}
              aria-label={t('resetRow', { name: u.username })}
              onClick={() => setResetting(u)}
            />
          </Tooltip>
          <Tooltip title={u.active ? t('deactivate') : t('activate')}>
            <Button
              type="text"
              danger={u.active}
              icon={u.active ? <LockOutlined /> : <UnlockOutlined />}
              aria-label={t('toggleRow', { name: u.username })}
              onClick={() => toggleActive(u)}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton path="/users/export.xlsx" filters={filters} />
            {
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('addUser')}
              </Button>
            }
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Row gutter={12}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('searchLabel')} htmlFor="users-q" style={{ marginBottom: 0 }}>
                <DebouncedInput
                  id="users-q"
                  value={filters.q ?? ''}
                  onCommit={commitQ}
                  placeholder={t('searchPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('role')} htmlFor="users-role" style={{ marginBottom: 0 }}>
                <Select
                  id="users-role"
                  allowClear
                  placeholder={t('all')}
                  value={filters.role}
                  onChange={(v) => set({ role: v })}
                  options={roleOptions}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<User>
            aria-label={t('title')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending || isFetching}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('noResults') }}
            rowClassName={(u) => (u.active ? '' : 'row-inactive')}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('total', { n: total }),
              onChange: (page) => {
                const next = new URLSearchParams(params);
                next.set('page', String(page));
                setParams(next);
              },
              style: { padding: '0 12px' },
            }}
          />
        </Card>
      )}
      <LoginThrottlesCard />
      {editing ? (
        <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </>
  );
}
