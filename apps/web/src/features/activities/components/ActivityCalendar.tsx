import type { ActivityView, Page } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { Badge, Calendar } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { monthBounds } from '../../timebank/statement-check';

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
function shanghaiDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A month of activities on a calendar; each day lists its activities as links. */
export function ActivityCalendar({ type }: { type?: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const period = month.format('YYYY-MM');
  const { from, to } = monthBounds(period);
  const list = useQuery({
    queryKey: ['activities', 'calendar', period, type],
    queryFn: ({ signal }) => api.get<Page<ActivityView>>('activities', { from, to, type, pageSize: 500 }, { signal }),
  });
  const byDay = new Map<string, ActivityView[]>();
  for (const a of list.data?.items ?? []) {
    const day = shanghaiDay(a.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  return (
    <>
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d) => setMonth(d)}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          return (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((a) => (
                <li key={a.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  <Badge status={a.status === 'cancelled' ? 'default' : 'processing'} />{' '}
                  <Link to={`/activities/${a.id}`} title={`${a.title}（${t(`actType.${a.type}`)}）`}>
                    {dayjs(a.startsAt).format('HH:mm')} {a.title}
                  </Link>
                </li>
              ))}
            </ul>
          );
        }}
      />
    </>
  );
}
