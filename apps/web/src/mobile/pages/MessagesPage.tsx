import { useQuery } from '@tanstack/react-query';
import { List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { formatDateTime } from '../../app/format';
import { useCurrentUser } from '../../features/auth/queries';
import { QueueSection } from '../components/QueueSection';
import { MobileShell } from '../MobileShell';
import { myReportsQuery } from '../phone-queries';
import { useQueue } from '../use-queue';

interface ActivityNotice {
  id: string;
  activityId: string;
  title: string;
  body: string | null;
  createdAt: string;
}

/** 消息: what is waiting to sync, the progress of my reports, and activity notices for volunteers. */
export function MessagesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const queue = useQueue();
  const can = new Set(user.permissions);
  const reports = useQuery({ ...myReportsQuery(), enabled: can.has('problem.report') });
  const notices = useQuery({
    queryKey: ['volunteers', 'me', 'notices'],
    queryFn: () => api.get<ActivityNotice[]>('volunteers/me/notices'),
    enabled: can.has('activity.join'),
  });
  const latest = (reports.data?.items ?? []).slice(0, 5);
  return (
    <MobileShell>
      <NavBar back={null}>{t('phone.tab.messages')}</NavBar>
      <QueueSection queue={queue} />
      {can.has('problem.report') && (
        <List header={t('phone.reportProgress')}>
          {latest.length === 0 && <List.Item>{t('myReports.empty')}</List.Item>}
          {latest.map((r) => (
            <List.Item
              key={r.id}
              onClick={() => navigate('/m/my-reports')}
              description={`${r.number} · ${formatDateTime(r.updatedAt)}`}
              extra={<Tag color="primary">{t(`problemStatus.${r.status}`)}</Tag>}
            >
              {r.category.name}
            </List.Item>
          ))}
        </List>
      )}
      {can.has('activity.join') && (
        <List header={t('phone.activityNotices')}>
          {(notices.data ?? []).length === 0 && <List.Item>{t('phone.noNotices')}</List.Item>}
          {(notices.data ?? []).slice(0, 10).map((n) => (
            <List.Item
              key={n.id}
              onClick={() => navigate(`/m/activities/${n.activityId}`)}
              description={formatDateTime(n.createdAt)}
            >
              {n.title}
            </List.Item>
          ))}
        </List>
      )}
    </MobileShell>
  );
}
