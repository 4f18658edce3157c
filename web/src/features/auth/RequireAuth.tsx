// Gate for every page behind the session; the server enforces access, this only avoids
// showing pages that would answer 401/403 anyway.
import type { Permission } from '@ytcs/common';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useErrorText } from '../../lib/errors';
import { landingPath } from '../../lib/landing';
import { hasPermission, useMe } from './auth.api';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <Spin size="large" fullscreen />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('errors.title')}
        subTitle={errorText(me.error)}
        extra={<Button onClick={() => me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, permission)) {
    return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
  }
  return <>{children}</>;
}

/** The signed-in home ("/"): each role's own work (lib/landing.ts holds the rule). */
export function Landing() {
  const me = useMe().data;
  return <Navigate to={me ? landingPath(me) : '/login'} replace />;
}
