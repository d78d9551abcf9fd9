import { Alert, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { useCurrentUser } from '../../auth/queries';
import { OrgStatsCards } from '../components/OrgStatsCards';
import { RolesCard } from '../components/RolesCard';
import { useOrgStats } from '../queries';

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { can } = useAccess();
  const canSeeOrg = can('region.read', 'unit.read', 'person.read', 'site.read', 'grid.read', 'pairing.read');
  const stats = useOrgStats(canSeeOrg);
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('home.welcome', { name: user.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('home.tenant')}：{user.tenantName} · {user.username}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={24}>
        <RolesCard user={user} />
      </Col>
      <Col span={24}>
        <Card title={t('home.orgStats')}>
          {!canSeeOrg || stats.isError ? (
            <Alert type="info" showIcon title={t('home.statsUnavailable')} />
          ) : stats.data ? (
            <OrgStatsCards stats={stats.data} />
          ) : (
            <Skeleton active />
          )}
        </Card>
      </Col>
    </Row>
  );
}
