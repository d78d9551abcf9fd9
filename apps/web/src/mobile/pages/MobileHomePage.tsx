import { useQueryClient } from '@tanstack/react-query';
import { NoticeBar, Space, Tag } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../features/auth/queries';
import { useMyVolunteer } from '../../features/volunteering/queries';
import { EntryGrid } from '../components/EntryGrid';
import { QueueSection } from '../components/QueueSection';
import { MobileShell } from '../MobileShell';
import { warmOfflineData } from '../offline-warmup';
import { phoneEntries } from '../phone-entries';
import { useQueue } from '../use-queue';

/** Phone home (首页): a banner with who is signed in, the role's entries as tiles, and the writes waiting to sync. */
export function MobileHomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queue = useQueue();
  const canRegister = user.permissions.includes('volunteer.register');
  const volunteer = useMyVolunteer(canRegister);
  const queryClient = useQueryClient();
  // Opening the app online is enough to have the day's work on the phone (today's points and their checklists).
  useEffect(() => {
    const timer = setTimeout(() => void warmOfflineData(queryClient), 2000);
    return () => clearTimeout(timer);
  }, [queryClient]);
  const entries = phoneEntries(
    user.permissions,
    canRegister ? (volunteer.isSuccess ? volunteer.data !== null : null) : true,
  );
  return (
    <MobileShell>
      <header
        style={{
          background: 'linear-gradient(160deg, #d9232b 0%, #b3121a 100%)',
          color: '#fff',
          padding: '16px 16px 20px',
        }}
      >
        <Space justify="between" align="center" block>
          <h1 style={{ fontSize: 18, margin: 0 }}>{t('mobile.title')}</h1>
          <span role="status">
            <Tag color={queue.isOnline ? 'success' : 'danger'}>
              {queue.isOnline ? t('mobile.online') : t('mobile.offline')}
            </Tag>
          </span>
        </Space>
        <div style={{ fontSize: 13, opacity: 0.9, marginTop: 4 }}>{user.tenantName}</div>
        <div style={{ fontSize: 16, marginTop: 12 }}>{t('phone.greeting', { name: user.displayName })}</div>
        <div style={{ marginTop: 8, fontSize: 12 }}>
          <span style={{ opacity: 0.85, marginRight: 6 }}>{t('mobile.roles')}</span>
          <Space wrap style={{ '--gap': '4px' } as React.CSSProperties}>
            {user.roles.length === 0 && t('home.noRoles')}
            {user.roles.map((r) => (
              <Tag key={r.id} color="#ffffff33" style={{ '--text-color': '#fff' } as React.CSSProperties}>
                {t(`role.${r.role}`)}
                {r.scopeName ? ` · ${r.scopeName}` : ''}
              </Tag>
            ))}
          </Space>
        </div>
      </header>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      <section aria-label={t('phone.entries')}>
        <EntryGrid entries={entries} />
      </section>
      <div style={{ height: 8 }} />
      <QueueSection queue={queue} />
    </MobileShell>
  );
}
