import { useQueryClient } from '@tanstack/react-query';
import { Button, List, NavBar, NoticeBar, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout, useCurrentUser } from '../../features/auth/queries';
import { VolunteeringEntries } from '../../features/volunteering/components/VolunteeringEntries';
import { QueueSection } from '../components/QueueSection';
import { MobileLanguageBar } from '../MobileLanguageBar';
import { MobileShell } from '../MobileShell';
import { useQueue } from '../use-queue';

/** Phone home: who is signed in, their roles, and the writes waiting to sync. */
export function MobileHomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queue = useQueue();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <MobileShell>
      <NavBar
        back={null}
        right={
          <span role="status">
            <Tag color={queue.isOnline ? 'success' : 'danger'}>
              {queue.isOnline ? t('mobile.online') : t('mobile.offline')}
            </Tag>
          </span>
        }
      >
        {t('mobile.title')}
      </NavBar>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      {user.permissions.includes('inspection.perform') && (
        <List>
          <List.Item onClick={() => navigate('/m/inspect')} description={t('inspect.entryHint')}>
            {t('inspect.entry')}
          </List.Item>
        </List>
      )}
      {(user.permissions.includes('problem.rectify') || user.permissions.includes('problem.report')) && (
        <List>
          {user.permissions.includes('problem.rectify') && (
            <List.Item onClick={() => navigate('/m/problems')} description={t('myProblems.entryHint')}>
              {t('myProblems.title')}
            </List.Item>
          )}
          {user.permissions.includes('problem.report') && user.permissions.includes('problem.read') && (
            <List.Item onClick={() => navigate('/m/problems/new')} description={t('report.entryHint')}>
              {t('report.title')}
            </List.Item>
          )}
        </List>
      )}
      {user.permissions.includes('task.report') && (
        <List>
          <List.Item onClick={() => navigate('/m/tasks')} description={t('myTasks.entryHint')}>
            {t('myTasks.entry')}
          </List.Item>
        </List>
      )}
      <VolunteeringEntries />
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
      <QueueSection queue={queue} />
      <Space direction="vertical" block style={{ padding: 12, '--gap': '8px' } as React.CSSProperties}>
        <Button block onClick={() => navigate('/')}>
          {t('mobile.desktop')}
        </Button>
        <Button
          block
          color="danger"
          fill="outline"
          onClick={() => void logout(queryClient).then(() => navigate('/m/login'))}
        >
          {t('layout.logout')}
        </Button>
      </Space>
      <MobileLanguageBar />
    </MobileShell>
  );
}
