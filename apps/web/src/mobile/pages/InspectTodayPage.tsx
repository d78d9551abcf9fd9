import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DotLoading, ErrorBlock, List, NavBar, NoticeBar, Tag } from 'antd-mobile';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TodayMap } from '../components/TodayMap';
import { MobileShell } from '../MobileShell';
import { warmOfflineData } from '../offline-warmup';
import { regionShapesQuery, todayQuery } from '../phone-queries';
import { useQueue } from '../use-queue';

export function useTodayPoints() {
  return useQuery(todayQuery());
}

/** 今日点位: the inspector's points today (not yet inspected first) on a numbered list and a small map. */
export function InspectTodayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const queue = useQueue();
  const today = useTodayPoints();
  const shapes = useQuery(regionShapesQuery('township'));
  const items = today.data?.items ?? [];
  const open = useCallback(
    (pointId: string) => {
      const item = today.data?.items.find((i) => i.pointId === pointId);
      if (item) navigate(`/m/inspect/${item.planId}/${item.pointId}`);
    },
    [today.data, navigate],
  );
  const markers = useMemo(
    () =>
      items.flatMap((i, n) =>
        i.lat != null && i.lng != null
          ? [{ id: i.pointId, name: i.name, lat: i.lat, lng: i.lng, done: i.done, n: n + 1 }]
          : [],
      ),
    [items],
  );
  // Once the list is shown, every checklist of the day is fetched for offline use (after the page settles).
  useEffect(() => {
    if (!today.isSuccess) return;
    const timer = setTimeout(() => void warmOfflineData(queryClient), 1500);
    return () => clearTimeout(timer);
  }, [today.isSuccess, queryClient]);
  const done = items.filter((i) => i.done).length;

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')}>{t('inspect.title')}</NavBar>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      {queue.pendingCount > 0 && (
        <NoticeBar color="info" content={t('myTasks.queuedCount', { count: queue.pendingCount })} />
      )}
      {today.isError && <ErrorBlock status="default" title={t('common.error')} description={today.error.message} />}
      {today.isLoading && <DotLoading />}
      {today.isSuccess && items.length === 0 && <ErrorBlock status="empty" title={t('inspect.empty')} description="" />}
      {markers.length > 0 && (
        <div style={{ margin: '8px 0' }}>
          <TodayMap markers={markers} shapes={shapes.data?.features ?? []} ariaLabel={t('inspect.map')} onPick={open} />
        </div>
      )}
      {items.length > 0 && (
        <List header={t('inspect.summary', { total: items.length, done })} aria-label={t('inspect.title')}>
          {items.map((i, n) => (
            <List.Item
              key={`${i.planId}:${i.pointId}`}
              prefix={<span style={{ color: i.done ? '#389e0d' : '#d4380d', fontWeight: 700 }}>{n + 1}</span>}
              onClick={() => open(i.pointId)}
              description={`${t(`pointType.${i.pointType}`)} · ${i.regionName ?? ''} · ${i.teamName}`}
              extra={
                <Tag color={i.done ? 'success' : 'warning'} fill="outline">
                  {i.done ? t('inspect.done') : t('inspect.todo')}
                </Tag>
              }
            >
              {i.name}
            </List.Item>
          ))}
        </List>
      )}
    </MobileShell>
  );
}
