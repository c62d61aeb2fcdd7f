import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProfileOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, type MenuProps, Spin, Tooltip } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../contracts/roles';
import { LanguageSwitch } from '../../components/language-switch';
import { ChangePasswordModal } from '../../features/auth/components/change-password-modal';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { entryFor, usePageTitle } from '../../kit/page-title';
import { api } from '../../lib/api-client';
import { useCan, useLogout, useMe } from '../../lib/auth';
import { useLang, useT } from '../../lib/i18n';
import { shellMessages } from '../messages';
import { menuItems } from './menu';

function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<{ status: string; db: string; version: string }>('/health'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function AppShell() {
  const t = useT(shellMessages);
  const me = useMe();
  const can = useCan();
  const [lang] = useLang();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);
  const health = useHealth();

  const [drawerOpen, setDrawerOpen] = useState(false);
  const { items, paths, entries } = useMemo(
    () =>
      menuItems((e) => (e.when === 'any' ? true : e.when === 'self' ? me.personId !== null : can(e.when)), t),
    [can, me.personId, t],
  );

  // The entry whose path is the longest prefix of the page's path.
  const selected = useMemo(() => {
    const p = location.pathname;
    const hit = paths.filter((k) => p === k || p.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
    return hit ? [hit] : [];
  }, [location.pathname, paths]);

  // The tab names the page: the menu entry it belongs to (the home page has none).
  usePageTitle(entryFor(location.pathname, entries)?.label);

  // A choice in the phone menu closes it (also on back/forward).
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of page
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('changePassword'), onClick: () => setPwOpen(true) },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), onClick: onLogout },
  ];

  const roleLabel = ROLE_LABELS[me.role][lang];
  const narrow = !screens.md;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        {narrow ? (
          <Button
            type="text"
            className="menu-button"
            icon={<MenuOutlined />}
            aria-label={t('openMenu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        ) : null}
        <Link to="/" className="brand" aria-label={t('appName')}>
          <span className="brand-mark" aria-hidden>
            ★
          </span>
          <span className="brand-text">{t('appName')}</span>
        </Link>
        <span className="spacer" />
        {!narrow ? (
          <Tooltip title={t('scope')}>
            <span
              style={{
                opacity: 0.85,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                maxWidth: 320,
              }}
            >
              <ProfileOutlined /> {me.scopeUnitName}
            </span>
          </Tooltip>
        ) : null}
        <NotificationBell />
        <LanguageSwitch size="small" />
        <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
          <Button type="text" className="user-button" aria-label={`${t('userMenu')}: ${me.displayName}`}>
            <Flex align="center" gap={8}>
              <UserOutlined />
              <Flex vertical>
                {!narrow ? (
                  <>
                    <span className="user-name">{me.displayName}</span>
                    <span className="user-sub">{roleLabel}</span>
                  </>
                ) : null}
              </Flex>
              <DownOutlined style={{ fontSize: 10 }} />
            </Flex>
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={280}
            title={t('mainMenu')}
            closable={{ 'aria-label': t('closeMenu') }}
            styles={{ body: { padding: 0 } }}
          >
            <nav aria-label={t('mainMenu')}>
              <Menu
                mode="inline"
                selectedKeys={selected}
                items={items}
                onClick={() => setDrawerOpen(false)}
                style={{ borderInlineEnd: 0 }}
              />
            </nav>
          </Drawer>
        ) : (
          <Layout.Sider
            width={232}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            collapsedWidth={80}
            theme="light"
            style={{ borderRight: '1px solid #e8ecf1' }}
          >
            <nav aria-label={t('mainMenu')} className="app-sider-inner">
              <Menu
                mode="inline"
                selectedKeys={selected}
                items={items}
                style={{ borderInlineEnd: 0, paddingTop: 8 }}
              />
            </nav>
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Content className="app-content">
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 64 }}>
                  <Spin size="large" />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer className="app-footer">
            {t('appFullName')}
            {health.data?.version ? ` · ${t('version', { version: health.data.version })}` : ''}
          </Layout.Footer>
        </Layout>
      </Layout>
      {pwOpen ? <ChangePasswordModal onClose={() => setPwOpen(false)} /> : null}
    </Layout>
  );
}
