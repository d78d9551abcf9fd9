// A date range filter of a list, its two ends kept in the URL as YYYY-MM-DD under the given keys.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { ListParams } from './use-list-params';

interface Props<F extends string> {
  params: ListParams<F>;
  keys: [from: F, to: F];
  label: string;
  placeholder: [string, string];
}

export function DateRangeFilter<F extends string>({ params, keys: [fromKey, toKey], label, placeholder }: Props<F>) {
  const from = params.filters[fromKey];
  const to = params.filters[toKey];
  return (
    <DatePicker.RangePicker
      aria-label={label}
      placeholder={placeholder}
      allowEmpty={[true, true]}
      value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
      onChange={(range) =>
        params.setFilters({
          [fromKey]: range?.[0]?.format('YYYY-MM-DD'),
          [toKey]: range?.[1]?.format('YYYY-MM-DD'),
        } as Partial<Record<F, string | undefined>>)
      }
    />
  );
}
