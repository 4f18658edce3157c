// The menu's entries: each capability with the permission that opens it, in the order of the work.
import { ApartmentOutlined, AuditOutlined, CalendarOutlined, CloudUploadOutlined, DashboardOutlined, EditOutlined, FileAddOutlined, HeartOutlined, HomeOutlined, IdcardOutlined, ProfileOutlined, TeamOutlined } from '@ant-design/icons';
import type { Me, Permission } from '@ytcs/common';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { hasPermission } from '../auth/auth.api';

type NavItem = { key: string; icon: ReactNode; permission: Permission; label: string; testId: string };

export function useNavItems(me: Me | null | undefined, pathname: string): { items: MenuProps['items']; selected: string | undefined } {
  const { t } = useTranslation();
  const nav: NavItem[] = [
    { key: '/dashboard', icon: <DashboardOutlined />, permission: 'aggregate.read', label: t('plans.nav.dashboard'), testId: 'nav-dashboard' },
    { key: '/plans', icon: <ProfileOutlined />, permission: 'plan.read', label: t('plans.nav.plans'), testId: 'nav-plans' },
    { key: '/plans/import', icon: <FileAddOutlined />, permission: 'plan.write', label: t('plans.nav.import'), testId: 'nav-plan-import' },
    { key: '/indicators/entry', icon: <EditOutlined />, permission: 'aggregate.write', label: t('indicators.nav.entry'), testId: 'nav-indicator-entry' },
    { key: '/households', icon: <HomeOutlined />, permission: 'person.read', label: t('shell.nav.households'), testId: 'nav-households' },
    { key: '/residents', icon: <IdcardOutlined />, permission: 'person.read', label: t('shell.nav.residents'), testId: 'nav-residents' },
    { key: '/immunisation', icon: <CalendarOutlined />, permission: 'person.read', label: t('immunisation.nav'), testId: 'nav-immunisation' },
    { key: '/antenatal', icon: <HeartOutlined />, permission: 'person.read', label: t('maternal.nav'), testId: 'nav-antenatal' },
    { key: '/imports', icon: <CloudUploadOutlined />, permission: 'person.write', label: t('shell.nav.imports'), testId: 'nav-imports' },
    { key: '/org-units', icon: <ApartmentOutlined />, permission: 'org_unit.read', label: t('shell.nav.orgUnits'), testId: 'nav-org-units' },
    { key: '/users', icon: <TeamOutlined />, permission: 'user.read', label: t('shell.nav.users'), testId: 'nav-users' },
    { key: '/audit', icon: <AuditOutlined />, permission: 'audit.read', label: t('shell.nav.audit'), testId: 'nav-audit' },
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
    .filter((item) => pathname.startsWith(item.key))
    .sort((a, b) => b.key.length - a.key.length)[0]?.key;
  return { items, selected };
}
