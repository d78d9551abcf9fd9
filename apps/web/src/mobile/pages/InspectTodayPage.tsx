import type { InspectionTodayView } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { DotLoading, ErrorBlock, List, NavBar, NoticeBar, Tag } from 'antd-mobile';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { MobileShell } from '../MobileShell';
import { useQueue } from '../use-queue';

const PointsMap = lazy(() => import('../../features/inspections/components/PointsMap'));

export function useTodayPoints() {
  return useQuery({
    queryKey: ['inspections', 'today'],
    queryFn: () => api.get<InspectionTodayView>('inspections/today'),
  });
}

/** 今日点位: the inspector's points today (not yet inspected first) on a list and a small map. */
export function InspectTodayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queue = useQueue();
  const today = useTodayPoints();
  const items = today.data?.items ?? [];
  const open = useCallback(
    (pointId: string) => {
      const item = today.data?.items.find((i) => i.pointId === pointId);
      if (item) navigate(`/m/inspect/${item.planId}/${item.pointId}`);
    },
    [today.data, navigate],
  );
  const mapPoints = useMemo(
    () =>
      items
        .filter((i) => i.lat != null && i.lng != null)
        .map((i) => ({ id: i.pointId, name: i.name, pointType: i.pointType, lat: i.lat!, lng: i.lng!, done: i.done })),
    [items],
  );
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
      {mapPoints.length > 0 && (
        <Suspense fallback={<DotLoading />}>
          <div style={{ background: '#fff', margin: '8px 0' }}>
            <PointsMap points={mapPoints} ariaLabel={t('inspect.map')} height={220} compact onPick={open} />
          </div>
        </Suspense>
      )}
      {items.length > 0 && (
        <List header={t('inspect.summary', { total: items.length, done })} aria-label={t('inspect.title')}>
          {items.map((i) => (
            <List.Item
              key={`${i.planId}:${i.pointId}`}
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
