// 我的时间银行 (desktop): balance and this year's statement, each line naming where the hours came from or went.
import type { TimebankEntryView } from '@wenming/contracts';
import { EntrySourceLink } from '../../timebank/components/EntrySourceLink';
import { Alert, Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { useMyAccount, useStatement } from '../../volunteering/queries-timebank';

/** The statement runs from 1 January of this year (Shanghai) to today. */
function thisYear(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export function MyTimebankPage() {
  const { t } = useTranslation();
  const account = useMyAccount();
  const period = thisYear();
  const statement = useStatement(account.data?.id, period.from, period.to);
  const s = statement.data;
  const columns: DataColumn<TimebankEntryView>[] = [
    { key: 'at', title: t('my.at'), dataIndex: 'at', width: 190, render: (v) => formatDateTime(v) },
    { key: 'kind', title: t('my.entryKind'), dataIndex: 'kind', width: 140, render: (v) => t(`tbJournalKind.${v}`) },
    {
      key: 'memo',
      title: t('my.memo'),
      dataIndex: 'memo',
      longText: true,
      render: (v: string | null, e) =>
        e.source ? <EntrySourceLink source={e.source} /> : (v ?? e.counterparties.join('、')),
    },
    { key: 'amount', title: t('my.amount'), dataIndex: 'amount', width: 100, alwaysShown: true },
    { key: 'balanceAfter', title: t('my.balanceAfter'), dataIndex: 'balanceAfter', width: 110, fixed: 'right' },
  ];
  return (
    <Card title={t('menu.myTimebank')}>
      <ApiErrorAlert error={account.error ?? statement.error} onRetry={() => void account.refetch()} />
      {account.data === null && <Alert type="info" showIcon title={t('my.noAccount')} />}
      {s && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={8}>
            <Statistic title={t('my.balance')} value={s.closingBalance} suffix={t('my.hourUnit')} />
          </Col>
          <Col span={8}>
            <Statistic title={t('my.in')} value={s.totalIn} suffix={t('my.hourUnit')} />
          </Col>
          <Col span={8}>
            <Statistic title={t('my.out')} value={s.totalOut} suffix={t('my.hourUnit')} />
          </Col>
        </Row>
      )}
      <DataTable<TimebankEntryView>
        tableId="my-timebank"
        rowKey="journalId"
        columns={columns}
        onRefresh={() => void statement.refetch()}
        loading={statement.isFetching}
        dataSource={s?.entries ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
      />
    </Card>
  );
}
