import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TimebankBranchStatementView } from '@wenming/contracts';
import { Card, Col, Row, Space, Statistic, Tabs } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { GoodsCatalogue } from '../components/GoodsCatalogue';
import { PeriodPicker, usePeriod } from '../components/PeriodPicker';
import { useBranchStatement } from '../queries';

type KindRow = TimebankBranchStatementView['byKind'][number];
type AccountRow = TimebankBranchStatementView['accounts'][number];

/** 网点对账单: the branch's opening and closing, movements by kind, each account's opening and closing; goods. */
export function BranchStatementPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const period = usePeriod();
  const statement = useBranchStatement(id, period);
  const s = statement.data;

  const summary = (
    <>
      <ApiErrorAlert error={statement.error} onRetry={() => void statement.refetch()} />
      {s && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={8}>
            <Statistic title={t('tb.opening')} value={s.openingBalance} precision={2} />
          </Col>
          <Col span={8}>
            <Statistic title={t('tb.closing')} value={s.closingBalance} precision={2} />
          </Col>
          <Col span={8}>
            <Statistic title={t('tb.accounts')} value={s.accounts.length} />
          </Col>
        </Row>
      )}
      <DataTable<KindRow>
        tableId="timebank-branch"
        rowKey="kind"
        size="small"
        loading={statement.isFetching}
        onRefresh={() => void statement.refetch()}
        dataSource={s?.byKind}
        pagination={false}
        locale={{ emptyText: t('tb.noEntries') }}
        columns={[
          { title: t('tb.entryKind'), dataIndex: 'kind', render: (k) => t(`tbJournalKind.${k}`) },
          { title: t('tb.journals'), dataIndex: 'journals', align: 'right' },
          { title: t('tb.credits'), dataIndex: 'hoursIn', align: 'right', render: (v: number) => v.toFixed(2) },
          { title: t('tb.debits'), dataIndex: 'hoursOut', align: 'right', render: (v: number) => v.toFixed(2) },
        ]}
      />
      <DataTable<AccountRow>
        tableId="timebank-branch-2"
        rowKey="id"
        size="small"
        style={{ marginTop: 16 }}
        dataSource={s?.accounts}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('tb.owner'),
            dataIndex: 'holderName',
            render: (v: string, a) => (
              <Link to={`/timebank/accounts/${a.id}?from=${period.from}&to=${period.to}`}>{v}</Link>
            ),
          },
          { title: t('tb.accountType'), dataIndex: 'kind', render: (k) => t(`tbAccountKind.${k}`) },
          { title: t('tb.opening'), dataIndex: 'opening', align: 'right', render: (v: number) => v.toFixed(2) },
          { title: t('tb.closing'), dataIndex: 'closing', align: 'right', render: (v: number) => v.toFixed(2) },
        ]}
      />
    </>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/timebank">
        <ArrowLeftOutlined /> {t('tb.back')}
      </Link>
      <Card
        title={s ? `${t(`tbBranchKind.${s.branch.kind}`)} · ${s.branch.name}` : t('tb.branchStatement')}
        extra={<PeriodPicker />}
      >
        <Tabs
          items={[
            { key: 'statement', label: t('tb.branchStatement'), children: summary },
            { key: 'goods', label: t('tb.goods'), children: id ? <GoodsCatalogue branchId={id} /> : null },
          ]}
        />
      </Card>
    </Space>
  );
}
