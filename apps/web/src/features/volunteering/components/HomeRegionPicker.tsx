import type { RegionPlace } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { CheckList, Input, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useDebouncedValue } from '../../../components/use-debounced-value';

type Props =
  | { multiple?: false; value?: string; onChange?: (v: string) => void; label: string }
  | { multiple: true; value?: string[]; onChange?: (v: string[]) => void; label: string };

/** Finds a community or street by name (简/繁/拼音) or code, for any signed-in account, and picks it; several with `multiple`. */
export function HomeRegionPicker(props: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDebouncedValue(q.trim(), 300);
  const [names, setNames] = useState<Record<string, string>>({});
  const found = useQuery({
    queryKey: ['m-region-search', term],
    queryFn: ({ signal }) => api.get<RegionPlace[]>('regions/lookup', { q: term, limit: 8 }, { signal }),
    enabled: term.length > 0,
  });
  const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const pick = (codes: string[]) => {
    const items = found.data ?? [];
    setNames((n) => ({ ...n, ...Object.fromEntries(items.map((r) => [r.code, r.name])) }));
    if (props.multiple) props.onChange?.(codes);
    else props.onChange?.(codes.find((c) => !chosen.includes(c)) ?? codes[0] ?? '');
  };
  return (
    <div>
      {chosen.map((c) => (
        <Tag key={c} color="primary" fill="outline" style={{ marginRight: 4, marginBottom: 4 }}>
          {names[c] ?? c}
        </Tag>
      ))}
      <Input aria-label={props.label} placeholder={t('mvol.region.search')} value={q} onChange={setQ} clearable />
      {term && found.isSuccess && found.data.length === 0 && (
        <div style={{ color: '#999', fontSize: 13 }}>{t('mvol.region.none')}</div>
      )}
      {term && (found.data?.length ?? 0) > 0 && (
        <CheckList multiple value={chosen} onChange={(v) => pick(v as string[])}>
          {found.data?.map((r) => (
            <CheckList.Item key={r.code} value={r.code} description={r.within}>
              {r.name}
            </CheckList.Item>
          ))}
        </CheckList>
      )}
    </div>
  );
}
