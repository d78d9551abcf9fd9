import type { ActivityView } from '@wenming/contracts';
import { CapsuleTabs, ErrorBlock, List, NavBar, NoticeBar, Skeleton, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { type Gps, readGps } from '../../../features/inspections/offline-photo';
import { SignupTag } from '../../../features/volunteering/components/SignupTag';
import { distanceMetres, formatKm } from '../../../features/volunteering/geo';
import { useActivities, useMyTeams, useMyVolunteer } from '../../../features/volunteering/queries';
import { MobileShell } from '../../MobileShell';

type Tab = 'near' | 'teams' | 'joined';

/** 志愿活动: upcoming activities near me (by distance), of my teams, and those I signed up for. */
export function ActivityListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMyVolunteer();
  const teams = useMyTeams(!!me.data);
  const [tab, setTab] = useState<Tab>('near');
  const [gps, setGps] = useState<Gps | null>(null);
  useEffect(() => {
    void readGps(5000).then(setGps);
  }, []);
  const teamIds = (teams.data ?? []).filter((x) => x.status === 'active').map((x) => x.teamId);
  const list = useActivities({
    when: tab === 'joined' ? 'all' : 'upcoming',
    mine: tab === 'joined' ? 'true' : undefined,
    pageSize: 100,
  });
  let items: ActivityView[] = list.data?.items ?? [];
  if (tab === 'teams') items = items.filter((a) => a.teamId && teamIds.includes(a.teamId));
  const away = (a: ActivityView) => (gps ? distanceMetres(gps, a) : null);
  if (tab === 'near' && gps) items = [...items].sort((a, b) => (away(a) ?? 0) - (away(b) ?? 0));

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')} right={<Link to="/m/hours">{t('mvol.hours.title')}</Link>}>
        {t('mvol.activities')}
      </NavBar>
      {me.data === null && (
        <NoticeBar color="alert" wrap content={<Link to="/m/volunteer/register">{t('mvol.notRegistered')}</Link>} />
      )}
      <CapsuleTabs activeKey={tab} onChange={(k) => setTab(k as Tab)}>
        <CapsuleTabs.Tab key="near" title={t('mvol.activities.near')} />
        <CapsuleTabs.Tab key="teams" title={t('mvol.activities.teams')} />
        <CapsuleTabs.Tab key="joined" title={t('mvol.activities.joined')} />
      </CapsuleTabs>
      {list.isPending && <Skeleton.Paragraph lineCount={6} animated />}
      {list.isError && <ErrorBlock status="default" title={t('common.error')} description={list.error.message} />}
      {list.isSuccess && items.length === 0 && (
        <ErrorBlock status="empty" title={t('mvol.activities.empty')} description="" />
      )}
      <List aria-label={t('mvol.activities')}>
        {items.map((a) => {
          const m = away(a);
          return (
            <List.Item
              key={a.id}
              onClick={() => navigate(`/m/activities/${a.id}`)}
              description={
                <div style={{ whiteSpace: 'normal' }}>
                  {formatDateTime(a.startsAt)} · {a.place}
                  {m !== null && ` · ${t('mvol.activities.distance', { km: formatKm(m) })}`}
                </div>
              }
              extra={a.mySignup ? <SignupTag signup={a.mySignup} /> : null}
            >
              <span style={{ whiteSpace: 'normal' }}>
                <Tag color="primary" fill="outline" style={{ marginRight: 4 }}>
                  {t(`mvol.activityType.${a.type}`)}
                </Tag>
                {a.title}
              </span>
            </List.Item>
          );
        })}
      </List>
    </MobileShell>
  );
}
