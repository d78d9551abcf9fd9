import type { TimebankBranchView } from '@wenming/contracts';
import { Button, Card, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { RemoteMultiSelect } from '../../../components/RemoteSelect';
import { GridSelect, RegionSelect } from '../../../components/selects';
import { useBranches, useSaveBranch, useSetManagers } from '../queries';

type Row = TimebankBranchView & { children?: Row[] };

/** Head branches with their grid branches under them (a branch whose head is out of sight stands alone). */
function branchTree(branches: TimebankBranchView[]): Row[] {
  const ids = new Set(branches.map((b) => b.id));
  const build = (parentId: string | null): Row[] =>
    branches
      .filter((b) => (parentId === null ? !b.parentId || !ids.has(b.parentId) : b.parentId === parentId))
      .map((b) => {
        const children = build(b.id);
        return children.length ? { ...b, children } : { ...b };
      });
  return build(null);
}

interface CreateValues {
  kind: 'head' | 'branch';
  name: string;
  regionCode?: string;
  gridId?: string;
}

function ManagersModal({ branch, onClose }: { branch: TimebankBranchView; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetManagers(branch.id);
  return (
    <FormModal<{ accountIds: string[] }>
      open
      name="tbManagers"
      title={t('tbb.managersOf', { name: branch.name })}
      initialValues={{ accountIds: (branch.managers ?? []).map((m) => m.accountId) }}
      onClose={onClose}
      onSubmit={(v) => save.mutateAsync(v.accountIds ?? [])}
      successMessage={t('common.saved')}
    >
      <Form.Item name="accountIds" label={t('tbb.managers')}>
        <RemoteMultiSelect<{ id: string; displayName: string; username: string }>
          valueLabels={(branch.managers ?? []).map((m) => ({ value: m.accountId, label: m.name }))}
          source={{
            queryKey: 'accounts',
            path: 'accounts',
            toOption: (a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }),
          }}
        />
      </Form.Item>
    </FormModal>
  );
}

/** 总行与分行: the branch tree with accounts, balances and managers; open, rename and staff branches. */
export function BranchesPage() {
  const { t } = useTranslation();
  const branches = useBranches();
  const save = useSaveBranch();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TimebankBranchView | null>(null);
  const [staffing, setStaffing] = useState<TimebankBranchView | null>(null);

  return (
    <Card
      title={t('tbb.title')}
      extra={
        <Space>
          <Link to="/timebank-reconciliation">{t('tbb.reconciliation')}</Link>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('tbb.create')}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={branches.error} onRetry={() => void branches.refetch()} />
      <Table<Row>
        // Mounted again once the branches arrive, so that every head branch opens on its grid branches.
        key={branches.data ? 'loaded' : 'loading'}
        rowKey="id"
        size="middle"
        loading={branches.isFetching}
        dataSource={branchTree(branches.data ?? [])}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          {
            title: t('tbb.name'),
            dataIndex: 'name',
            render: (v: string, b) => (
              <Space>
                <Tag color={b.kind === 'head' ? 'red' : 'blue'}>{t(`tbBranchKind.${b.kind}`)}</Tag>
                <Link to={`/timebank/branches/${b.id}`}>{v}</Link>
              </Space>
            ),
          },
          {
            title: t('tbb.area'),
            key: 'area',
            width: 220,
            render: (_, b) => (b.kind === 'head' ? b.regionName : b.gridName) ?? '—',
          },
          { title: t('tb.accounts'), dataIndex: 'accounts', width: 90, align: 'right' },
          {
            title: t('tb.balance'),
            dataIndex: 'balance',
            width: 120,
            align: 'right',
            render: (v: number) => v.toFixed(2),
          },
          {
            title: t('tbb.managers'),
            key: 'managers',
            width: 200,
            render: (_, b) => (b.managers?.length ? b.managers.map((m) => m.name).join('、') : '—'),
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 170,
            render: (_, b) => (
              <Space>
                <Button size="small" onClick={() => setEditing(b)}>
                  {t('tbb.rename')}
                </Button>
                <Button size="small" onClick={() => setStaffing(b)}>
                  {t('tbb.managers')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<CreateValues>
        open={creating}
        name="tbBranch"
        title={t('tbb.create')}
        initialValues={{ kind: 'branch' }}
        onClose={() => setCreating(false)}
        onSubmit={(v) =>
          save.mutateAsync({
            body:
              v.kind === 'head'
                ? { kind: 'head', name: v.name, regionCode: v.regionCode ?? '' }
                : { kind: 'branch', name: v.name, gridId: v.gridId ?? '' },
          })
        }
        successMessage={t('common.saved')}
      >
        {(form) => (
          <>
            <Form.Item name="kind" label={t('tbb.kind')}>
              <Radio.Group
                options={[
                  { value: 'head', label: t('tbBranchKind.head') },
                  { value: 'branch', label: t('tbBranchKind.branch') },
                ]}
              />
            </Form.Item>
            <Form.Item name="name" label={t('tbb.name')} rules={[{ required: true, message: t('tbb.nameRequired') }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
              {() =>
                form.getFieldValue('kind') === 'head' ? (
                  <Form.Item name="regionCode" label={t('tbb.community')} rules={[{ required: true }]}>
                    <RegionSelect />
                  </Form.Item>
                ) : (
                  <Form.Item name="gridId" label={t('tbb.grid')} rules={[{ required: true }]}>
                    <GridSelect />
                  </Form.Item>
                )
              }
            </Form.Item>
          </>
        )}
      </FormModal>
      {editing && (
        <FormModal<{ name: string }>
          open
          name="tbBranchEdit"
          title={t('tbb.rename')}
          initialValues={{ name: editing.name }}
          onClose={() => setEditing(null)}
          onSubmit={(v) => save.mutateAsync({ id: editing.id, body: { name: v.name } })}
          successMessage={t('common.saved')}
        >
          <Form.Item name="name" label={t('tbb.name')} rules={[{ required: true, message: t('tbb.nameRequired') }]}>
            <Input maxLength={60} />
          </Form.Item>
        </FormModal>
      )}
      {staffing && <ManagersModal branch={staffing} onClose={() => setStaffing(null)} />}
    </Card>
  );
}
