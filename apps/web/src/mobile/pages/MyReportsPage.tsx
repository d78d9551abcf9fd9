import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, ErrorBlock, InfiniteScroll, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format';
import { useCurrentUser } from '../../features/auth/queries';
import { MobileShell } from '../MobileShell';
import { reportsAsStaff } from '../phone-entries';
import { myReportsQuery } from '../phone-queries';
import { ReportLookup } from './ReportLookup';

const statusColor: Record<string, string> = {
  reported: 'default',
  assigned: 'primary',
  rectifying: 'warning',
  submitted: 'primary',
  verified: 'success',
  closed: 'success',
  returned: 'danger',
  duplicate: 'default',
};

/** 我的上报: my reports with their state now, paged as I scroll; and the lookup of a report by its number. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const list = useInfiniteQuery({
    queryKey: ['problems', 'my-reports', 'all'],
    queryFn: ({ pageParam }) => myReportsQuery(pageParam).queryFn(),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canSnap = !reportsAsStaff(user.permissions);
  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')}>{t('myReports.title')}</NavBar>
      {list.isError && <ErrorBlock status="default" title={t('common.error')} description={list.error.message} />}
      <List header={t('myReports.count', { count: list.data?.pages[0]?.total ?? 0 })} aria-label={t('myReports.title')}>
        {list.isSuccess && items.length === 0 && <List.Item>{t('myReports.empty')}</List.Item>}
        {items.map((r) => (
          <List.Item
            key={r.id}
            description={
              <>
                <div>{r.description}</div>
                <div>
                  {r.number} · {t('myReports.reportedAt', { time: formatDateTime(r.createdAt) })}
                </div>
              </>
            }
            extra={<Tag color={statusColor[r.status] ?? 'default'}>{t(`problemStatus.${r.status}`)}</Tag>}
          >
            {r.category.name}
          </List.Item>
        ))}
      </List>
      <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage}>
        {list.hasNextPage ? t('common.loading') : items.length > 0 ? t('myReports.end') : null}
      </InfiniteScroll>
      <ReportLookup />
      {canSnap && (
        <div style={{ padding: 12 }}>
          <Button block color="primary" onClick={() => navigate('/m/report')}>
            {t('report.snap')}
          </Button>
        </div>
      )}
    </MobileShell>
  );
}
