import { type ProblemPage, type ProblemStatus, openProblemStatuses } from '@wenming/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { CapsuleTabs, ErrorBlock, InfiniteScroll, List, NavBar, NoticeBar, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useCurrentUser } from '../../features/auth/queries';
import { MobileShell } from '../MobileShell';
import { useQueue } from '../use-queue';

const tabs: (ProblemStatus | 'all')[] = ['all', ...openProblemStatuses, 'submitted', 'closed'];

export function MobileProblemTag({ status, isOverdue }: { status: ProblemStatus; isOverdue?: boolean }) {
  const { t } = useTranslation();
  const color = status === 'returned' || status === 'reopened' ? 'danger' : status === 'closed' ? 'success' : 'primary';
  return (
    <>
      <Tag color={color} fill="outline">
        {t(`problemStatus.${status}`)}
      </Tag>
      {isOverdue && (
        <Tag color="danger" style={{ marginLeft: 4 }}>
          {t('problem.overdue')}
        </Tag>
      )}
    </>
  );
}

/** 我的问题: the problems in the liaison's unit or the grid worker's area, by state, loading more as it scrolls. */
export function ProblemListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queue = useQueue();
  const user = useCurrentUser();
  const [status, setStatus] = useState<string>('all');
  const list = useInfiniteQuery({
    queryKey: ['problems', 'mine', status],
    queryFn: ({ pageParam }) =>
      api.get<ProblemPage>('problems', {
        status: status === 'all' ? undefined : status,
        page: pageParam,
        pageSize: 20,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <MobileShell>
      <NavBar
        onBack={() => navigate('/m')}
        right={
          user.permissions.includes('problem.report') ? <Link to="/m/problems/new">{t('report.title')}</Link> : null
        }
      >
        {t('myProblems.title')}
      </NavBar>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      <CapsuleTabs activeKey={status} onChange={setStatus}>
        {tabs.map((s) => (
          <CapsuleTabs.Tab key={s} title={s === 'all' ? t('myProblems.all') : t(`problemStatus.${s}`)} />
        ))}
      </CapsuleTabs>
      {list.isError && <ErrorBlock status="default" title={t('common.error')} description={list.error.message} />}
      {list.isSuccess && items.length === 0 && (
        <ErrorBlock status="empty" title={t('myProblems.empty')} description="" />
      )}
      <List aria-label={t('myProblems.title')}>
        {items.map((p) => (
          <List.Item
            key={p.id}
            onClick={() => navigate(`/m/problems/${p.id}`)}
            description={`${p.number} · ${p.category.name} · ${p.address ?? p.regionName ?? ''}`}
            extra={<MobileProblemTag status={p.status} isOverdue={p.isOverdue} />}
          >
            <span style={{ whiteSpace: 'normal' }}>{p.description}</span>
          </List.Item>
        ))}
      </List>
      <InfiniteScroll
        hasMore={!!list.hasNextPage}
        loadMore={async () => {
          await list.fetchNextPage();
        }}
      />
    </MobileShell>
  );
}
