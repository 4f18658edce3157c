// The frame around every signed-in page: a header (product, who and where, language, user menu)
// and a menu listing only the capabilities the user's permissions open — beside the page on a wide
// screen, a drawer opened by the header's menu button on a narrow one (a phone), labels always shown.
import { MenuOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Layout, Menu } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { SHELL_NARROW, useMedia } from '../../lib/useMedia';
import { authKeys, logout, useMe } from '../auth/auth.api';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { useNavItems } from './nav';
import { UserBadge } from './UserBadge';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const narrow = useMedia(SHELL_NARROW);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const { items, selected } = useNavItems(me, location.pathname);

  // Whatever took the user elsewhere (a menu entry, a link in the page) closes the drawer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the change of page is the cause
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  if (!me) return null;

  const signOut = async () => {
    try {
      await logout();
    } catch {
      // The session may already be gone; leaving is still the right outcome.
    }
    queryClient.removeQueries();
    queryClient.setQueryData(authKeys.me(), null);
    navigate('/login', { replace: true });
  };

  // A tap on an entry closes the drawer, also on the entry of the page already shown.
  const menu = <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} className="app-menu" onClick={() => setDrawerOpen(false)} />;

  return (
    <Layout className={narrow ? 'app-shell app-shell-narrow' : 'app-shell'}>
      <Header className="app-header">
        <div className="app-header-left">
          {narrow && (
            <Button
              type="text"
              className="app-burger"
              icon={<MenuOutlined />}
              aria-label={t('layout.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-toggle"
            />
          )}
          <Link to="/" className="app-brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t('app.name')}</span>
          </Link>
        </div>
        <div className="app-header-right">
          {!narrow && <UserBadge me={me} />}
          {!narrow && <LanguageSwitch />}
          <UserMenu me={me} compact={narrow} onChangePassword={() => setPasswordOpen(true)} onSignOut={signOut} />
        </div>
      </Header>
      <Layout>
        {!narrow && (
          <Sider width={232} theme="light" className="app-sider">
            {menu}
          </Sider>
        )}
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
      {narrow && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={288}
          title={t('layout.menu')}
          className="app-drawer"
          rootClassName="app-drawer-root"
          data-testid="nav-drawer"
        >
          {menu}
        </Drawer>
      )}
      <ChangePasswordModal
        open={passwordOpen || me.mustChangePassword}
        forced={me.mustChangePassword}
        onClose={() => setPasswordOpen(false)}
      />
    </Layout>
  );
}
