import { Button, Form, Input, NavBar, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { formatDateTime, safeNextPath } from '../../app/format';
import { useLogin, useMe } from '../../features/auth/queries';
import { MobileLanguageBar } from '../MobileLanguageBar';
import { MobileShell } from '../MobileShell';

function loginErrorText(error: ApiError, t: (key: string, o?: Record<string, unknown>) => string): string {
  const lockedUntil = (error.details as { lockedUntil?: string } | undefined)?.lockedUntil;
  if (error.status === 423 && lockedUntil)
    return `${error.message} ${t('login.lockedUntil', { time: formatDateTime(lockedUntil) })}`;
  return error.message;
}

export function MobileLoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const next = safeNextPath(params.get('next'), '/m');
  if (me.data) return <Navigate to={me.data.user.mustChangePassword ? '/change-password' : next} replace />;
  const error = login.error instanceof ApiError ? login.error : null;
  return (
    <MobileShell>
      <NavBar back={null}>{t('app.name')}</NavBar>
      {error && (
        <div role="alert">
          <NoticeBar color={error.status === 429 ? 'alert' : 'error'} content={loginErrorText(error, t)} wrap />
        </div>
      )}
      <Form
        name="mobile-login"
        layout="horizontal"
        onFinish={(v: { username: string; password: string }) => login.mutate(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        }
      >
        <Form.Header>{t('login.title')}</Form.Header>
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input autoComplete="username" clearable />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input type="password" autoComplete="current-password" clearable />
        </Form.Item>
      </Form>
      <MobileLanguageBar />
    </MobileShell>
  );
}
