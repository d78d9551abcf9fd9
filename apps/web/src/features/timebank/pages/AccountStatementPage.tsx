import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TimebankEntryView } from '@wenming/contracts';
import { EntrySourceLink } from '../components/EntrySourceLink';
import { Alert, Button, Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PeriodPicker, usePeriod } from '../components/PeriodPicker';
import { ReverseEntryModal } from '../components/ReverseEntryModal';
import { useStatement } from '../queries';
import { checkStatement } from '../statement-check';

/** 对账单: opening balance, every entry with the balance after it, closing balance; 冲正 an entry. */
export function AccountStatementPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAccess();
  const period = usePeriod();
  const statement = useStatement(id, period);
  const [reversing, setReversing] = useState<TimebankEntryView | null>(null);
  const s = statement.data;
  const lines = (s?.entries ?? []).map((e) => ({ ...e, id: e.journalId }));
  const check = s ? checkStatement(s.openingBalance, lines, s.closingBalance) : null;
  const canReverse = can('timebank.manage');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/timebank">
        <ArrowLeftOutlined /> {t('tb.back')}
      </Link>
      <Card
        title={
          s
            ? `${t('tb.statement')} · ${s.account.holderName}（${t(`tbAccountKind.${s.account.kind}`)}）`
            : t('tb.statement')
        }
        extra={<PeriodPicker />}
      >
        <ApiErrorAlert error={statement.error} onRetry={() => void statement.refetch()} />
        {s && (
          <>
            <Typography.Paragraph type="secondary">
              {s.account.branch?.name} · {s.from} — {s.to}
            </Typography.Paragraph>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={6}>
                <Statistic title={t('tb.opening')} value={s.openingBalance} precision={2} />
              </Col>
              <Col span={6}>
                <Statistic title={t('tb.credits')} value={s.totalIn} precision={2} valueStyle={{ color: '#389e0d' }} />
              </Col>
              <Col span={6}>
                <Statistic title={t('tb.debits')} value={s.totalOut} precision={2} valueStyle={{ color: '#cf1322' }} />
              </Col>
              <Col span={6}>
                <Statistic title={t('tb.closing')} value={s.closingBalance} precision={2} />
              </Col>
            </Row>
            {check && !check.isBalanced && (
              <Alert type="error" showIcon title={t('tb.unbalanced')} style={{ marginBottom: 16 }} />
            )}
          </>
        )}
        <DataTable<TimebankEntryView>
          tableId="timebank-statement"
          rowKey="journalId"
          size="middle"
          loading={statement.isFetching}
          onRefresh={() => void statement.refetch()}
          dataSource={s?.entries}
          locale={{ emptyText: t('tb.noEntries') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            { title: t('tb.entryAt'), dataIndex: 'at', width: 190, render: formatDateTime },
            {
              title: t('tb.entryKind'),
              key: 'kind',
              width: 190,
              render: (_, e) => (
                <Space size={4}>
                  {t(`tbJournalKind.${e.kind}`)}
                  {e.reversedByJournalId && <Tag color="red">{t('tb.reversed')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('tb.amount'),
              dataIndex: 'amount',
              width: 120,
              align: 'right',
              render: (a: number) => (
                <Typography.Text
                  type={a < 0 ? 'danger' : 'success'}
                >{`${a > 0 ? '+' : ''}${a.toFixed(2)}`}</Typography.Text>
              ),
            },
            {
              title: t('tb.running'),
              dataIndex: 'balanceAfter',
              width: 100,
              align: 'right',
              render: (b: number) => b.toFixed(2),
            },
            { title: t('tb.counterparty'), dataIndex: 'counterparties', render: (c: string[]) => c.join('、') },
            {
              title: t('tb.source'),
              dataIndex: 'source',
              render: (src: TimebankEntryView['source']) => <EntrySourceLink source={src} />,
            },
            { title: t('tb.memo'), dataIndex: 'memo', ellipsis: true },
            {
              title: t('common.actions'),
              key: 'a',
              width: 80,
              render: (_, e) =>
                canReverse && !e.reversedByJournalId && !e.reversesJournalId ? (
                  <Button size="small" type="link" danger onClick={() => setReversing(e)}>
                    {t('tb.reverse')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <ReverseEntryModal entry={reversing} onClose={() => setReversing(null)} />
    </Space>
  );
}
