import type { DiffEntry } from '@wenming/contracts';
import { Card, Empty, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useDiff } from '../queries';
import { describeValue, fieldName } from './indicator-text';

interface ChangedRow {
  code: string;
  name: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

function EntryTable({ rows }: { rows: DiffEntry[] }) {
  const { t } = useTranslation();
  return (
    <Table<DiffEntry>
      size="small"
      rowKey="code"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('indicator.code'), dataIndex: 'code', width: 120 },
        { title: t('indicator.name'), dataIndex: 'name' },
        { title: t('indicator.points'), dataIndex: 'points', width: 90 },
      ]}
    />
  );
}

function ChangedTable({ rows }: { rows: ChangedRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<ChangedRow>
      size="small"
      rowKey="code"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('indicator.code'), dataIndex: 'code', width: 120 },
        { title: t('indicator.name'), dataIndex: 'name', width: 260 },
        {
          title: t('diff.changed'),
          key: 'changes',
          render: (_, r) =>
            r.changes.map((c) => (
              <div key={c.field}>
                <Typography.Text strong>{fieldName(c.field, t)}</Typography.Text>：
                <Typography.Text delete type="secondary">
                  {describeValue(c.field, c.before, t)}
                </Typography.Text>
                {' → '}
                <Typography.Text mark>{describeValue(c.field, c.after, t)}</Typography.Text>
              </div>
            )),
        },
      ]}
    />
  );
}

const label = (text: string, count: number, color: string) => (
  <>
    {text} <Tag color={count ? color : 'default'}>{count}</Tag>
  </>
);

/** What changed from version `against` to version `id`: indicators and negative items added, removed, changed. */
export function FrameworkDiffView({ id, against }: { id: string; against: string }) {
  const { t } = useTranslation();
  const diff = useDiff(id, against);
  if (diff.isError) return <ApiErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />;
  if (!diff.data) return <Skeleton active />;
  const d = diff.data;
  const n = d.negatives;
  const isSame =
    d.added.length + d.removed.length + d.changed.length + n.added.length + n.removed.length + n.changed.length === 0;
  const counts: [string, number][] = [
    ['added', d.added.length],
    ['removed', d.removed.length],
    ['changed', d.changed.length],
    ['negatives', n.added.length + n.removed.length + n.changed.length],
  ];
  const firstNonEmpty = counts.find(([, c]) => c > 0)?.[0];
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('diff.title', { from: d.from.version, to: d.to.version })}
      aria-label={t('diff.title', { from: d.from.version, to: d.to.version })}
    >
      {isSame ? (
        <Empty description={t('diff.none')} />
      ) : (
        <Tabs
          defaultActiveKey={firstNonEmpty}
          items={[
            {
              key: 'added',
              label: label(t('diff.added'), d.added.length, 'green'),
              children: <EntryTable rows={d.added} />,
            },
            {
              key: 'removed',
              label: label(t('diff.removed'), d.removed.length, 'red'),
              children: <EntryTable rows={d.removed} />,
            },
            {
              key: 'changed',
              label: label(t('diff.changed'), d.changed.length, 'orange'),
              children: <ChangedTable rows={d.changed} />,
            },
            {
              key: 'negatives',
              label: label(t('diff.negatives'), n.added.length + n.removed.length + n.changed.length, 'purple'),
              children: (
                <ChangedTable
                  rows={[
                    ...n.added.map((x) => ({
                      code: x.code,
                      name: x.name,
                      changes: [{ field: 'name', before: null, after: x.name }],
                    })),
                    ...n.removed.map((x) => ({
                      code: x.code,
                      name: x.name,
                      changes: [{ field: 'name', before: x.name, after: null }],
                    })),
                    ...n.changed,
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
