import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '@ytcs/common';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../lib/errors';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { authKeys, login, useMe } from './auth.api';
import { usePageTitle } from '../../lib/usePageTitle';

// The signed-in home: each role lands on its own work (lib/landing.ts).
const HOME = '/';

/** Where to go after signing in: back to the page that needed a session, else the role's own work. */
function useReturnPath(): string {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return from && from !== '/' && !from.startsWith('/login') ? from : HOME;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.submit'));
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const returnPath = useReturnPath();
  const me = useMe();

  const signIn = useMutation({
    mutationFn: ({ username, password }: Credentials) => login(username.trim(), password),
    onSuccess: ({ user }) => {
      // Anything cached belongs to whoever was signed in before.
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), user);
      navigate(returnPath, { replace: true });
    },
  });

  if (me.data) return <Navigate to={returnPath} replace />;

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        <Form<Credentials> name="login" layout="vertical" onFinish={(values) => signIn.mutate(values)} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('common.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {signIn.error && (
            <Alert
              // Few attempts left before this device must wait: said in amber, with the count.
              type={signIn.error instanceof ApiError && signIn.error.key === 'signIn.attemptsLeft' ? 'warning' : 'error'}
              showIcon
              title={errorText(signIn.error)}
              className="form-alert"
              data-testid="login-error"
            />
          )}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
