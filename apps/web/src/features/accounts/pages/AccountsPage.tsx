import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { AccountFormFields } from '../components/AccountFormFields';
import { AccountRoleTags } from '../components/AccountRoleTags';
import { RoleAssignModal } from '../components/RoleAssignModal';
import { type AccountView, accountsResource, useUnlockAccount } from '../queries';

interface AccountFormValues {
  username: string;
  displayName: string;
  personId?: string | null;
  initialPassword: string;
}

function AccountStatus({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {account.isLocked && <Tag color="red">{t('account.locked')}</Tag>}
      {account.mustChangePassword && <Tag color="orange">{t('account.mustChange')}</Tag>}
      {account.isDemo && <Tag>{t('account.demo')}</Tag>}
      {!account.isLocked && !account.mustChangePassword && <Tag color="green">{t('account.normal')}</Tag>}
    </Flex>
  );
}

/** Accounts, their role assignments with scopes (三员分立 enforced by the server), and unlocking. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAccess();
  const params = useListParams();
  const list = accountsResource.useList(params.query);
  const create = accountsResource.useCreate();
  const unlock = useUnlockAccount();
  const [isCreating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<AccountView | null>(null);
  const canCreate = can('account.manage');
  const canAssign = can('role.manage');
  const canUnlock = can('account.unlock', 'account.manage');

  const unlockAccount = (a: AccountView) =>
    unlock.mutateAsync(a.id).then(
      () => message.success(t('account.unlocked')),
      (err: Error) => message.error(err.message),
    );

  return (
    <Card title={t('account.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        actions={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('common.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<AccountView>
        tableId="accounts"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 900 }}
        columns={[
          { title: t('account.username'), dataIndex: 'username' },
          { title: t('account.displayName'), dataIndex: 'displayName' },
          {
            title: t('account.roles'),
            key: 'roles',
            render: (_, a) => <AccountRoleTags account={a} canRevoke={canAssign} />,
          },
          { title: t('account.status'), key: 'status', render: (_, a) => <AccountStatus account={a} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 180,
            render: (_, a) => (
              <Space size={0}>
                {canAssign && (
                  <Button size="small" type="link" onClick={() => setAssigning(a)}>
                    {t('account.assignRole')}
                  </Button>
                )}
                {canUnlock && a.isLocked && (
                  <Button size="small" type="link" onClick={() => void unlockAccount(a)}>
                    {t('account.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <EntityFormDrawer<AccountFormValues>
        open={isCreating}
        name="account"
        title={t('account.create')}
        onClose={() => setCreating(false)}
        onSubmit={(v) => create.mutateAsync({ ...v, personId: v.personId ?? null })}
      >
        <AccountFormFields />
      </EntityFormDrawer>
      <RoleAssignModal account={assigning} onClose={() => setAssigning(null)} />
    </Card>
  );
}
