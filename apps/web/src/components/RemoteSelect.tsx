import type { Page } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { type QueryParams, api } from '../api/client';
import { useDebouncedValue } from './use-debounced-value';

export interface RemoteSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Label of the current value when it is not among the loaded options (e.g. the record's regionName). */
  valueLabel?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

interface RemoteSource<T> {
  queryKey: string;
  path: string;
  extraQuery?: QueryParams;
  toOption: (item: T) => { value: string; label: string };
}

/** Options of a paged list endpoint, loaded once the select opens or the user types. */
function useRemoteOptions<T>(source: RemoteSource<T>) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const [isOpen, setOpen] = useState(false);
  const query = { q: q || undefined, pageSize: 20, ...source.extraQuery };
  const { data, isFetching } = useQuery({
    queryKey: [source.queryKey, 'options', query],
    queryFn: ({ signal }) => api.get<Page<T>>(source.path, query, { signal }),
    enabled: isOpen || !!q,
    staleTime: 30_000,
  });
  return { options: (data?.items ?? []).map(source.toOption), isFetching, setSearch, setOpen };
}

/** A searchable select whose options come from a paged list endpoint (`?q=`). */
export function RemoteSelect<T>({ source, ...props }: RemoteSelectProps & { source: RemoteSource<T> }) {
  const { options, isFetching, setSearch, setOpen } = useRemoteOptions(source);
  if (props.value && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.valueLabel || props.value });
  }
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      disabled={props.disabled}
      style={props.style}
      loading={isFetching}
      options={options}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setSearch }}
    />
  );
}

export interface RemoteMultiSelectProps extends Omit<RemoteSelectProps, 'value' | 'onChange' | 'valueLabel'> {
  value?: string[] | null;
  onChange?: (value: string[]) => void;
  /** Labels of the current values that may not be among the loaded options. */
  valueLabels?: { value: string; label: string }[];
}

/** The multiple-choice form of RemoteSelect (e.g. co-units). */
export function RemoteMultiSelect<T>({ source, ...props }: RemoteMultiSelectProps & { source: RemoteSource<T> }) {
  const { options, isFetching, setSearch, setOpen } = useRemoteOptions(source);
  for (const v of props.value ?? []) {
    if (!options.some((o) => o.value === v))
      options.unshift({ value: v, label: props.valueLabels?.find((l) => l.value === v)?.label ?? v });
  }
  return (
    <Select
      mode="multiple"
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v)}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      disabled={props.disabled}
      style={props.style}
      loading={isFetching}
      options={options}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setSearch }}
    />
  );
}
