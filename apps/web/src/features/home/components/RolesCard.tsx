import type { MeView } from '@wenming/contracts';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The user's role assignments, each with the data scope it is bound to. */
export function RolesCard({ user }: { user: MeView['user'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.roles')}>
      {user.roles.length === 0 ? (
        <Empty description={t('home.noRoles')} />
      ) : (
        <List
          dataSource={user.roles}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Space>
                <Tag color="red">{t(`role.${r.role}`)}</Tag>
                <Typography.Text>
                  {t(`scopeKind.${r.scope.kind}`)}
                  {r.scopeName ? `：${r.scopeName}` : r.scope.ref ? `：${r.scope.ref}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
