import { App, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AccountRoleView, type AccountView, useRevokeRole } from '../queries';

/** An account's roles with their scopes; closable (with a confirmation) for role managers. */
export function AccountRoleTags({ account, canRevoke }: { account: AccountView; canRevoke: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const revoke = useRevokeRole();
  const label = (r: AccountRoleView) => {
    const scope =
      r.scopeKind === 'all' || r.scopeKind === 'own' ? t(`scopeKind.${r.scopeKind}`) : (r.scopeName ?? r.scopeRef);
    return `${t(`role.${r.role}`)} · ${scope}`;
  };
  const confirmRevoke = (r: AccountRoleView) =>
    modal.confirm({
      title: t('account.revokeRole'),
      content: t('account.revokeConfirm', { role: label(r) }),
      okText: t('account.revokeRole'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: () =>
        revoke.mutateAsync({ accountId: account.id, assignmentId: r.id }).then(
          () => message.success(t('account.revoked')),
          (err: Error) => message.error(err.message),
        ),
    });
  return (
    <Flex wrap gap={4}>
      {account.roles.map((r) => (
        <Tag
          key={r.id}
          color="red"
          closable={canRevoke}
          onClose={(e) => {
            e.preventDefault();
            confirmRevoke(r);
          }}
        >
          {label(r)}
        </Tag>
      ))}
    </Flex>
  );
}
