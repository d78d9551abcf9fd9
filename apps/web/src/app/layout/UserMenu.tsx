import { DownOutlined, KeyOutlined, LogoutOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout, useCurrentUser } from '../../features/auth/queries';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('layout.changePassword') },
          { key: 'mobile', icon: <MobileOutlined />, label: t('layout.mobileVersion') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/change-password');
          if (key === 'mobile') navigate('/m');
          if (key === 'logout') void logout(queryClient).finally(() => navigate('/login', { replace: true }));
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} title={t('layout.userMenu')}>
        {user.displayName}
        {user.roles[0] && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`role.${user.roles[0].role}`)}
            {user.roles[0].scopeName ? `（${user.roles[0].scopeName}）` : ''}
          </Typography.Text>
        )}
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
