// The frame around every signed-in page: header (product, user, scope, language, sign out)
// and a side menu listing only the capabilities the user's permissions open.
import { ApartmentOutlined, AuditOutlined, CloudUploadOutlined, DashboardOutlined, EditOutlined, FileAddOutlined, HomeOutlined, IdcardOutlined, LockOutlined, LogoutOutlined, ProfileOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Permission } from '../../api/types';
import { authKeys, hasPermission, logout, useMe } from '../auth/auth.api';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { AGGREGATE_WRITE } from '../indicators/indicatorEntry.api';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { UserBadge } from './UserBadge';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  if (!me) return null;

  const signOut = async () => {
    setSigningOut(true);
    try {
      await logout();
    } catch {
      // The session may already be gone; leaving is still the right outcome.
    }
    queryClient.removeQueries();
    queryClient.setQueryData(authKeys.me(), null);
    navigate('/login', { replace: true });
  };

  const nav = [
    { key: '/dashboard', icon: <DashboardOutlined />, permission: 'aggregate.read', label: t('plans.nav.dashboard'), testId: 'nav-dashboard' },
    { key: '/plans', icon: <ProfileOutlined />, permission: 'plan.read', label: t('plans.nav.plans'), testId: 'nav-plans' },
    { key: '/plans/import', icon: <FileAddOutlined />, permission: 'plan.write', label: t('plans.nav.import'), testId: 'nav-plan-import' },
    { key: '/indicators/entry', icon: <EditOutlined />, permission: AGGREGATE_WRITE, label: t('indicators.nav.entry'), testId: 'nav-indicator-entry' },
    { key: '/households', icon: <HomeOutlined />, permission: Permission.personRead, label: t('shell.nav.households'), testId: 'nav-households' },
    { key: '/residents', icon: <IdcardOutlined />, permission: Permission.personRead, label: t('shell.nav.residents'), testId: 'nav-residents' },
    { key: '/imports', icon: <CloudUploadOutlined />, permission: Permission.personWrite, label: t('shell.nav.imports'), testId: 'nav-imports' },
    { key: '/org-units', icon: <ApartmentOutlined />, permission: Permission.orgUnitRead, label: t('shell.nav.orgUnits'), testId: 'nav-org-units' },
    { key: '/users', icon: <TeamOutlined />, permission: Permission.userRead, label: t('shell.nav.users'), testId: 'nav-users' },
    { key: '/audit', icon: <AuditOutlined />, permission: Permission.auditRead, label: t('shell.nav.audit'), testId: 'nav-audit' },
  ];
  const items: MenuProps['items'] = nav
    .filter((item) => hasPermission(me, item.permission))
    .map((item) => ({
      key: item.key,
      icon: item.icon,
      label: (
        <Link to={item.key} data-testid={item.testId}>
          {item.label}
        </Link>
      ),
    }));
  // The longest match: /plans/import is its own entry, /plans/12 belongs to /plans.
  const selected = nav
    .filter((item) => location.pathname.startsWith(item.key))
    .sort((a, b) => b.key.length - a.key.length)[0]?.key;

  return (
    <Layout className="app-shell">
      <Header className="app-header">
        <Link to="/" className="app-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </Link>
        <div className="app-header-right">
          <UserBadge me={me} />
          <LanguageSwitch />
          <Button type="text" icon={<LockOutlined />} onClick={() => setPasswordOpen(true)} data-testid="change-password">
            {t('auth.changePassword')}
          </Button>
          <Button icon={<LogoutOutlined />} loading={signingOut} onClick={signOut} data-testid="logout">
            {t('auth.logout')}
          </Button>
        </div>
      </Header>
      <Layout>
        <Sider width={230} breakpoint="lg" collapsedWidth={56} theme="light" className="app-sider">
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
        </Sider>
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
      <ChangePasswordModal
        open={passwordOpen || me.mustChangePassword}
        forced={me.mustChangePassword}
        onClose={() => setPasswordOpen(false)}
      />
    </Layout>
  );
}
