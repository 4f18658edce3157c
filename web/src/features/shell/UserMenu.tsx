// The header's user menu: who is signed in and where (on a narrow screen, where the header has no
// room for it), the language (there too), the password change and signing out.
import { DownOutlined, GlobalOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import type { Me } from '@ytcs/common';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n';
import { LANGUAGES, LANGUAGE_CODES, languageOf } from '../../i18n/languages';
import { UserBadge } from './UserBadge';

/** The first letter of the given name (the last word of a Vietnamese name). */
export function initialOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return (words[words.length - 1] ?? '?').charAt(0).toLocaleUpperCase('vi') || '?';
}

type Props = { me: Me; compact: boolean; onChangePassword: () => void; onSignOut: () => void };

export function UserMenu({ me, compact, onChangePassword, onSignOut }: Props) {
  const { t, i18n } = useTranslation();
  const current = languageOf(i18n.language);
  const items: MenuProps['items'] = [
    ...(compact
      ? LANGUAGE_CODES.filter((code) => code !== current).map((code) => ({
          key: `lang-${code}`,
          icon: <GlobalOutlined />,
          label: <span data-testid={`lang-${code}`}>{LANGUAGES[code].name}</span>,
          onClick: () => setLanguage(code),
        }))
      : []),
    { key: 'password', icon: <LockOutlined />, label: <span data-testid="change-password">{t('auth.changePassword')}</span>, onClick: onChangePassword },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('auth.logout')}</span>, onClick: onSignOut },
  ];
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{ items, className: 'user-menu-items' }}
      popupRender={(menu) => (
        <div className="user-menu-popup" data-testid="user-menu-popup">
          {compact && (
            <div className="user-menu-who">
              <UserBadge me={me} />
            </div>
          )}
          {menu}
        </div>
      )}
    >
      <Button type="text" className="user-menu" data-testid="user-menu" aria-label={t('layout.userMenu')}>
        <Avatar size={32} className="user-avatar">
          {initialOf(me.fullName)}
        </Avatar>
        {!compact && <DownOutlined className="user-menu-caret" />}
      </Button>
    </Dropdown>
  );
}
