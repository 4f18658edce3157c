// Who is signed in and where their authority reaches (role at org unit), always in view,
// because what a user sees depends on it.
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '@ytcs/common';

export function scopeText(me: Me, language: string): string {
  return me.roles
    .map((r) => `${language === 'en' ? r.roleName.en : r.roleName.vi} – ${r.orgUnit.name}`)
    .join('; ');
}

export function UserBadge({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const scope = scopeText(me, i18n.language);
  return (
    <div className="user-badge">
      <Typography.Text strong data-testid="shell-user">
        {me.fullName}
      </Typography.Text>
      <Tooltip title={`${t('shell.scope')}: ${scope}`} placement="bottomRight">
        <Typography.Text type="secondary" className="user-scope" data-testid="shell-scope">
          {scope}
        </Typography.Text>
      </Tooltip>
    </div>
  );
}
