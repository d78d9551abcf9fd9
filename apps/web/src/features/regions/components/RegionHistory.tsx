import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import type { RegionChange } from '../queries';

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('，');
}

/** 沿革: every add, rename, merge and retire of the region, oldest first. */
export function RegionHistory({ history }: { history: RegionChange[] }) {
  const { t, i18n } = useTranslation();
  const actionLabel = (action: string) =>
    i18n.exists(`region.action.${action}`) ? t(`region.action.${action}`) : action;
  return (
    <Table<RegionChange>
      size="small"
      rowKey={(r) => `${r.at}-${r.action}-${JSON.stringify(r.after)}`}
      dataSource={history}
      pagination={false}
      locale={{ emptyText: t('region.noHistory') }}
      columns={[
        { title: t('region.when'), dataIndex: 'at', width: 190, render: (v: string) => formatDateTime(v) },
        { title: t('common.actions'), dataIndex: 'action', width: 80, render: actionLabel },
        { title: t('region.change'), key: 'change', render: (_, r) => `${describe(r.before)} → ${describe(r.after)}` },
        { title: t('common.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}
