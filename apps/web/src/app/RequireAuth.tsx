import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '@wenming/contracts';
import { useMe } from '../features/auth/queries';
import { hasAnyPermission } from './access';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}

/** Renders its children only for a signed-in user who has no password change pending. */
export function RequireAuth({ loginPath = '/login', children }: { loginPath?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError)
    return (
      <Result
        status="error"
        title={t('common.error')}
        subTitle={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${loginPath}?next=${next}`} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return children ?? <Outlet />;
}

/** A page for users with any of `anyOf`; others see a 403 result (the server checks again). */
export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data } = useMe();
  if (!hasAnyPermission(data?.user.permissions, anyOf))
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return children;
}
