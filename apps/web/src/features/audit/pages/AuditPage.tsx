import { type AuditEventView, auditActionLabel, type Language } from '@wenming/contracts';
import { Card, Typography } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { AuditEventDetail } from '../components/AuditEventDetail';
import { type AuditFilterKey, AuditFilters } from '../components/AuditFilters';
import { useAuditEvents } from '../queries';

const filterKeys: readonly AuditFilterKey[] = ['actor', 'objectType', 'objectId', 'action', 'from', 'to'];

/** 审计日志 (audit.read): filters, and each event's before/after on expanding its row. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const params = useListParams(filterKeys);
  const events = useAuditEvents(params.query);
  return (
    <Card title={t('audit.title')}>
      <Typography.Paragraph type="secondary">{t('audit.readOnly')}</Typography.Paragraph>
      <AuditFilters filters={params.filters} onApply={params.setFilters} />
      <ApiErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      <DataTable<AuditEventView>
        tableId="audit"
        rowKey="id"
        size="small"
        loading={events.isFetching}
        onRefresh={() => void events.refetch()}
        dataSource={events.data?.items}
        pagination={tablePagination(params, events.data?.total, (total) => t('common.total', { total }))}
        expandable={{ expandedRowRender: (e) => <AuditEventDetail event={e} /> }}
        columns={[
          { title: t('audit.seq'), dataIndex: 'seq', width: 80, minScreen: 'xl' },
          { title: t('audit.at'), dataIndex: 'at', width: 190, render: (v: string) => formatDateTime(v) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 140, render: (v, e) => v ?? e.actorId ?? '—' },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 220,
            render: (v: string) => <span title={v}>{auditActionLabel(v, lang)}</span>,
          },
          {
            title: t('audit.objectType'),
            dataIndex: 'objectType',
            width: 130,
            render: (v: string) => (i18n.exists(`auditObject.${v}`) ? t(`auditObject.${v}`) : v),
          },
          {
            title: t('audit.object'),
            key: 'object',
            longText: true,
            render: (_, e) => e.objectName ?? e.objectId ?? '—',
          },
          { title: t('audit.ip'), dataIndex: 'ip', width: 130, minScreen: 'xxl' },
        ]}
      />
    </Card>
  );
}
