import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  ContainerOutlined,
  DownOutlined,
  FundOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  StarOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Dropdown, Flex, Grid, Layout, Menu, type MenuProps, Spin, Tooltip } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../contracts/roles';
import { LanguageSwitch } from '../../components/language-switch';
import { ChangePasswordModal } from '../../features/auth/components/change-password-modal';
import { api } from '../../lib/api-client';
import { useCan, useLogout, useMe } from '../../lib/auth';
import { useLang, useT } from '../../lib/i18n';
import { shellMessages } from '../messages';

type MenuItem = Required<MenuProps>['items'][number];

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

  const items = useMemo(() => {
    const main: MenuItem[] = [];
    if (can('org.read'))
      main.push({ key: '/org', icon: <ApartmentOutlined />, label: <Link to="/org">{t('menuOrg')}</Link> });
    if (can('people.read'))
      main.push({
        key: '/people',
        icon: <TeamOutlined />,
        label: <Link to="/people">{t('menuPeople')}</Link>,
      });
    if (can('standards.read')) {
      main.push({
        key: '/standards/gaps',
        icon: <AimOutlined />,
        label: <Link to="/standards/gaps">{t('menuGaps')}</Link>,
      });
      main.push({
        key: '/eligibility',
        icon: <SafetyCertificateOutlined />,
        label: <Link to="/eligibility">{t('menuEligibility')}</Link>,
      });
    }
    if (can('needs.read'))
      main.push({ key: '/needs', icon: <FundOutlined />, label: <Link to="/needs">{t('menuNeeds')}</Link> });
    if (can('plans.read'))
      main.push({
        key: '/plans',
        icon: <ScheduleOutlined />,
        label: <Link to="/plans">{t('menuPlans')}</Link>,
      });
    if (can('people.read'))
      main.push({
        key: '/ratings',
        icon: <StarOutlined />,
        label: <Link to="/ratings">{t('menuRatings')}</Link>,
      });
    if (can('standards.read'))
      main.push({
        key: '/standards/rules',
        icon: <BookOutlined />,
        label: <Link to="/standards/rules">{t('menuRules')}</Link>,
      });
    if (can('catalogue.read'))
      main.push(
        {
          key: '/catalogue/programmes',
          icon: <ContainerOutlined />,
          label: <Link to="/catalogue/programmes">{t('menuProgrammes')}</Link>,
        },
        {
          key: '/catalogue/institutions',
          icon: <BankOutlined />,
          label: <Link to="/catalogue/institutions">{t('menuInstitutions')}</Link>,
        },
        {
          key: '/catalogue/lecturers',
          icon: <ReadOutlined />,
          label: <Link to="/catalogue/lecturers">{t('menuLecturers')}</Link>,
        },
      );
    if (me.personId !== null)
      main.push({ key: '/me', icon: <IdcardOutlined />, label: <Link to="/me">{t('menuMe')}</Link> });
    const admin: MenuItem[] = [];
    if (can('users.manage'))
      admin.push({
        key: '/admin/users',
        icon: <UserOutlined />,
        label: <Link to="/admin/users">{t('menuUsers')}</Link>,
      });
    if (can('audit.read'))
      admin.push({
        key: '/admin/audit',
        icon: <AuditOutlined />,
        label: <Link to="/admin/audit">{t('menuAudit')}</Link>,
      });
    if (can('codes.write'))
      admin.push({
        key: '/admin/codes',
        icon: <UnorderedListOutlined />,
        label: <Link to="/admin/codes">{t('menuCodes')}</Link>,
      });
    if (admin.length) main.push({ type: 'group', key: 'admin', label: t('menuAdmin'), children: admin });
    return main;
  }, [can, me.personId, t]);

  const selected = useMemo(() => {
    const p = location.pathname;
    const keys = [
      '/admin/users',
      '/admin/audit',
      '/admin/codes',
      '/people',
      '/org',
      '/me',
      '/standards/gaps',
      '/standards/rules',
      '/eligibility',
      '/needs',
      '/plans',
      '/ratings',
      '/catalogue/programmes',
      '/catalogue/institutions',
      '/catalogue/lecturers',
    ];
    return keys.filter((k) => p === k || p.startsWith(`${k}/`));
  }, [location.pathname]);

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
        <Layout.Sider
          width={232}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          collapsedWidth={narrow ? 0 : 80}
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
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}
