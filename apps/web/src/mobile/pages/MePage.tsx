import { useQueryClient } from '@tanstack/react-query';
import { Button, List, NavBar, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout, useCurrentUser } from '../../features/auth/queries';
import { MobileLanguageBar } from '../MobileLanguageBar';
import { MobileShell } from '../MobileShell';
import { clearApiCache } from '../sw-register';

/** 我的: who is signed in, their roles, the language, the desktop version and signing out. */
export function MePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = async () => {
    await logout(queryClient);
    await clearApiCache();
    navigate('/m/login');
  };
  return (
    <MobileShell>
      <NavBar back={null}>{t('phone.tab.me')}</NavBar>
      <List header={t('mobile.me')}>
        <List.Item description={`${user.username} · ${user.tenantName}`}>{user.displayName}</List.Item>
      </List>
      <List header={t('mobile.roles')}>
        <List.Item>
          <Space wrap>
            {user.roles.length === 0 && t('home.noRoles')}
            {user.roles.map((r) => (
              <Tag key={r.id} color="primary" fill="outline">
                {t(`role.${r.role}`)}
                {r.scopeName ? ` · ${r.scopeName}` : ''}
              </Tag>
            ))}
          </Space>
        </List.Item>
      </List>
      <Space direction="vertical" block style={{ padding: 12, '--gap': '8px' } as React.CSSProperties}>
        <Button block onClick={() => window.location.assign('/')}>
          {t('mobile.desktop')}
        </Button>
        <Button block color="danger" fill="outline" onClick={() => void signOut()}>
          {t('layout.logout')}
        </Button>
      </Space>
      <MobileLanguageBar />
    </MobileShell>
  );
}
