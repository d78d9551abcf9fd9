import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { monthOf } from '../../activities/activity-rules';
import { monthBounds } from '../statement-check';

/** The statement period from the URL (`?from=&to=`), this month by default. */
export function usePeriod(): { from: string; to: string } {
  const [search] = useSearchParams();
  const month = monthBounds(monthOf(new Date()));
  return { from: search.get('from') ?? month.from, to: search.get('to') ?? month.to };
}

/** A date range kept in the URL, so that a statement link shows the same period. */
export function PeriodPicker() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { from, to } = usePeriod();
  return (
    <DatePicker.RangePicker
      aria-label={t('tb.period')}
      allowClear={false}
      value={[dayjs(from), dayjs(to)]}
      onChange={(range) => {
        if (!range?.[0] || !range[1]) return;
        const next = new URLSearchParams(search);
        next.set('from', range[0].format('YYYY-MM-DD'));
        next.set('to', range[1].format('YYYY-MM-DD'));
        setSearch(next, { replace: true });
      }}
    />
  );
}
