import type { TimebankReconciliationRow } from '@wenming/contracts';
import { Alert, Card, DatePicker, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useReconciliation } from '../queries';

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** 月度对账: each branch's opening, in, out (of which moved with accounts), closing and its check; the bank's sums. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  // The server's current month until one is chosen (the server's clock, not the browser's).
  const [month, setMonth] = useState<string | undefined>(undefined);
  const rec = useReconciliation(month);
  const r = rec.data;
  const balanced = r && r.bankNet === 0 && r.bankClosing === 0 && r.rows.every((x) => !x.difference);

  return (
    <Card
      title={t('tbr.title')}
      extra={
        <Space>
          <Link to="/timebank-branches">{t('tbb.title')}</Link>
          <DatePicker
            picker="month"
            aria-label={t('tbr.month')}
            allowClear={false}
            value={r ? dayjs(`${r.month}-01`) : null}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
        </Space>
      }
    >
      <ApiErrorAlert error={rec.error} onRetry={() => void rec.refetch()} />
      {r && (
        <Space size={48} style={{ marginBottom: 16 }}>
          <Statistic title={t('tbr.bankNet')} value={r.bankNet} precision={2} />
          <Statistic title={t('tbr.bankClosing')} value={r.bankClosing} precision={2} />
          <Alert
            type={balanced ? 'success' : 'error'}
            showIcon
            message={balanced ? t('tbr.balanced') : t('tbr.unbalanced')}
          />
        </Space>
      )}
      <Table<TimebankReconciliationRow>
        rowKey={(x) => x.branch?.id ?? 'bank'}
        size="middle"
        loading={rec.isFetching}
        dataSource={r?.rows}
        pagination={false}
        columns={[
          {
            title: t('tb.branch'),
            key: 'branch',
            render: (_, x) =>
              x.branch ? (
                <Space>
                  <Tag color={x.branch.kind === 'head' ? 'red' : 'blue'}>{t(`tbBranchKind.${x.branch.kind}`)}</Tag>
                  <Link to={`/timebank/branches/${x.branch.id}`}>{x.branch.name}</Link>
                </Space>
              ) : (
                t('tbr.issuance')
              ),
          },
          { title: t('tb.opening'), dataIndex: 'opening', align: 'right', render: fmt },
          { title: t('tb.credits'), dataIndex: 'hoursIn', align: 'right', render: fmt },
          { title: t('tb.debits'), dataIndex: 'hoursOut', align: 'right', render: fmt },
          { title: t('tbr.movedIn'), dataIndex: 'movedIn', align: 'right', render: fmt },
          { title: t('tbr.movedOut'), dataIndex: 'movedOut', align: 'right', render: fmt },
          { title: t('tb.closing'), dataIndex: 'closing', align: 'right', render: fmt },
          { title: t('tbr.holdings'), dataIndex: 'holdings', align: 'right', render: fmt },
          {
            title: t('tbr.difference'),
            dataIndex: 'difference',
            align: 'right',
            render: (v: number | null) =>
              v === null ? '—' : <Tag color={v === 0 ? 'green' : 'red'}>{v.toFixed(2)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
