import { type TimebankAccountView, type TimebankBranchView, timebankAccountKinds } from '@wenming/contracts';
import { Button, Card, Col, Row, Select, Space, Tree, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { MoveAccountModal } from '../components/MoveAccountModal';
import { useAccounts, useBranches } from '../queries';

/** 总行 → 分行 as a tree, each with its account count and balance. */
function branchTree(branches: TimebankBranchView[], label: (b: TimebankBranchView) => string): DataNode[] {
  const ids = new Set(branches.map((b) => b.id));
  const build = (parentId: string | null): DataNode[] =>
    branches
      .filter((b) => (parentId === null ? !b.parentId || !ids.has(b.parentId) : b.parentId === parentId))
      .map((b) => ({ key: b.id, title: label(b), children: build(b.id) }));
  return build(null);
}

/** 时间银行账户: branches on the left; the accounts of the chosen branch (or all) by type, with balances. */
export function TimebankPage() {
  const { t } = useTranslation();
  const params = useListParams(['kind', 'branchId'] as const);
  const accounts = useAccounts(params.query);
  const branches = useBranches();
  const kindOptions = useEnumOptions('tbAccountKind', timebankAccountKinds);
  const branchId = params.filters.branchId;
  const [moving, setMoving] = useState<TimebankAccountView | null>(null);
  const tree = branchTree(
    branches.data ?? [],
    (b) => `${t(`tbBranchKind.${b.kind}`)} · ${b.name}（${b.balance.toFixed(2)}）`,
  );

  return (
    <Row gutter={16}>
      <Col span={7}>
        <Card title={t('tb.branches')} size="small">
          <ApiErrorAlert error={branches.error} />
          {branches.data && (
            <Tree
              blockNode
              defaultExpandAll
              selectedKeys={branchId ? [branchId] : []}
              treeData={tree}
              onSelect={(keys) => params.setFilter('branchId', (keys[0] as string) ?? undefined)}
            />
          )}
          {branchId && (
            <Typography.Paragraph style={{ marginTop: 12 }}>
              <Link to={`/timebank/branches/${branchId}`}>{t('tb.branchStatement')}</Link>
            </Typography.Paragraph>
          )}
          <Typography.Paragraph style={{ marginTop: 12 }}>
            <Space>
              <Link to="/timebank-branches">{t('tbb.title')}</Link>
              <Link to="/timebank-reconciliation">{t('tbr.title')}</Link>
            </Space>
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col span={17}>
        <Card title={t('tb.title')}>
          <ListToolbar
            q={params.q}
            onSearch={params.setQ}
            filters={
              <Select
                aria-label={t('tb.filterType')}
                placeholder={t('tb.accountType')}
                allowClear
                value={params.filters.kind}
                onChange={(v) => params.setFilter('kind', v)}
                options={kindOptions}
                style={{ width: 150 }}
              />
            }
          />
          <ApiErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
          <DataTable<TimebankAccountView>
            tableId="timebank"
            rowKey="id"
            loading={accounts.isFetching}
            onRefresh={() => void accounts.refetch()}
            dataSource={accounts.data?.items}
            pagination={tablePagination(params, accounts.data?.total, (total) => t('tb.count', { total }))}
            columns={[
              {
                title: t('tb.owner'),
                dataIndex: 'holderName',
                render: (v: string, a) => <Link to={`/timebank/accounts/${a.id}`}>{v}</Link>,
              },
              { title: t('tb.accountType'), dataIndex: 'kind', width: 130, render: (k) => t(`tbAccountKind.${k}`) },
              { title: t('tb.branch'), dataIndex: ['branch', 'name'], width: 200 },
              {
                title: t('tb.balance'),
                dataIndex: 'balance',
                width: 120,
                align: 'right',
                render: (b: number) => b.toFixed(2),
              },
              {
                title: t('tb.limit'),
                dataIndex: 'overdraftLimit',
                width: 100,
                align: 'right',
                render: (l: number | null) => (l === null ? '—' : l.toFixed(2)),
              },
              {
                title: t('common.actions'),
                key: 'a',
                width: 190,
                render: (_, a) => (
                  <Space>
                    <Link to={`/timebank/accounts/${a.id}`}>{t('tb.openStatement')}</Link>
                    {(a.kind === 'volunteer' || a.kind === 'resident') && (
                      <Button size="small" type="link" onClick={() => setMoving(a)}>
                        {t('tbb.move')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      {moving && <MoveAccountModal account={moving} onClose={() => setMoving(null)} />}
    </Row>
  );
}
