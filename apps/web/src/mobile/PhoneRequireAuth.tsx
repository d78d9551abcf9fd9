import { Button, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../features/auth/queries';
import { MobileShell } from './MobileShell';
import { PhoneLoading } from './PhoneLoading';

/** Phone pages for a signed-in user; the password change happens on the desktop page (another entry). */
export function PhoneRequireAuth({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PhoneLoading />;
  if (me.isError)
    return (
      <MobileShell>
        <div role="alert" style={{ paddingTop: 48 }}>
          <ErrorBlock status="disconnected" title={t('phoneError.signIn.title')} description={me.error.message} />
        </div>
        <div style={{ padding: 16 }}>
          <Button block color="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      </MobileShell>
    );
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/m/login?next=${next}`} replace />;
  }
  if (me.data.user.mustChangePassword) {
    window.location.replace('/change-password');
    return <PhoneLoading />;
  }
  return children ?? <Outlet />;
}
